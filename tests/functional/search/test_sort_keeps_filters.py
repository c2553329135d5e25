"""Choosing an order keeps the query and every filter, as a browser without JavaScript sends it."""

from __future__ import annotations

import pytest

from search.indexing import product_documents_rebuild
from tests.browserless import form_fields
from tests.factories import category_create, commune_create, product_create, vendor_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(home_page):
    crispy = category_create("Đặc sản > Cơm cháy")
    hoa_lu = vendor_create("HTX Hoa Lư", commune=commune_create("Ninh Hải", "Hoa Lư"))
    kim_son = vendor_create("HTX Kim Sơn", commune=commune_create("Kim Tân", "Kim Sơn"))
    made = {
        "five stars, Hoa Lư, cheap": product_create(
            "Cơm cháy chà bông", vendor=hoa_lu, category=crispy, price=40000
        ),
        "five stars, Hoa Lư, dear": product_create(
            "Cơm cháy mắm tỏi", vendor=hoa_lu, category=crispy, price=60000
        ),
        "three stars, Hoa Lư": product_create(
            "Cơm cháy rong biển", vendor=hoa_lu, category=crispy, price=50000
        ),
        "five stars, Kim Sơn": product_create(
            "Cơm cháy Kim Sơn", vendor=kim_son, category=crispy, price=55000
        ),
    }
    for key, product in made.items():
        product.ocop_stars = 5 if key.startswith("five") else 3
        product.save()
    product_documents_rebuild(product_ids=[p.pk for p in made.values()])
    return {"category": crispy, "district": hoa_lu.commune.parent}


def sort(client, url: str, order: str):
    """Open ``url``, choose ``order`` in its sort form and send that form (the noscript Apply)."""
    page = client.get(url)
    assert page.status_code == 200
    data = form_fields(page.content.decode(), "form.listing-controls")
    data["sort_by"] = order
    return client.get(page.request["PATH_INFO"], data)


def titles(response) -> list[str]:
    return [p.title for p in response.context["products"]]


def test_sorting_a_search_keeps_the_query_and_the_filters(client, market):
    district = market["district"].pk
    response = sort(client, f"/search/?q=com+chay&district={district}&ocop=5", "price-desc")
    assert titles(response) == ["Cơm cháy mắm tỏi", "Cơm cháy chà bông"]
    assert response.context["query"] == "com chay"


def test_sorting_the_catalogue_keeps_the_filters(client, market):
    district = market["district"].pk
    response = sort(client, f"/catalogue/?district={district}&ocop=5", "price-asc")
    assert titles(response) == ["Cơm cháy chà bông", "Cơm cháy mắm tỏi"]


def test_sorting_a_category_keeps_the_query_and_the_filters(client, market):
    url = market["category"].get_absolute_url()
    response = sort(client, f"{url}?q=com&ocop=5&in_stock=true", "price-desc")
    assert titles(response) == ["Cơm cháy mắm tỏi", "Cơm cháy Kim Sơn", "Cơm cháy chà bông"]
