"""Pages that only read run without a transaction; pages that write keep theirs.

Every request runs in a transaction (``ATOMIC_REQUESTS``): on PostgreSQL
that is a BEGIN and a COMMIT round trip around each page. The product page,
the listings and the search only read, so they skip both; the basket and
the checkout write, so a failure half-way still changes nothing.
"""

import pytest
from django.db import connection
from oscar.core.loading import get_class, get_model

import search.views
from tests.factories import category_create, product_create

product_viewed = get_class("catalogue.signals", "product_viewed")

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def home_page(transactional_db):
    """The rows migrations made, put back after an earlier test emptied every table."""
    from tests.factories import home_page_after_flush

    return home_page_after_flush()


@pytest.fixture
def product(home_page):
    return product_create(
        "Cơm cháy chà bông", category=category_create("Đặc sản thực phẩm > Cơm cháy")
    )


def test_reading_pages_skip_the_transaction_and_an_add_to_basket_keeps_it(
    client, product, monkeypatch
):
    """One test: each test with real transactions empties every table after it (seconds)."""
    seen = {}

    def watch(name, function):
        def spy(*args, **kwargs):
            seen.setdefault(name, []).append(connection.in_atomic_block)
            return function(*args, **kwargs)

        return spy

    viewed = watch("product", lambda *args, **kwargs: None)
    product_viewed.connect(viewed)
    monkeypatch.setattr(search.views, "card_page", watch("listing", search.views.card_page))
    Basket = get_model("basket", "Basket")
    monkeypatch.setattr(Basket, "add_product", watch("add", Basket.add_product))
    try:
        assert client.get(product.get_absolute_url()).status_code == 200
        for url in (
            "/catalogue/",
            product.categories.get().get_absolute_url(),
            "/search/?q=c%C6%A1m+ch%C3%A1y",
        ):
            response = client.get(url)
            assert response.status_code == 200
            assert product.title in response.content.decode()
        assert client.post(f"/basket/add/{product.pk}/", {"quantity": 1}).status_code == 302
    finally:
        product_viewed.disconnect(viewed)
    assert seen == {"product": [False], "listing": [False, False, False], "add": [True]}
