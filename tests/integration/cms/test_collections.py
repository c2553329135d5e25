"""Curated collections: dates, hidden products, and the badge on product cards."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.models import ProductCollection
from cms.selectors import curated_product_ids
from marketplace.models import Listing
from tests.factories import collection_create, product_create

pytestmark = pytest.mark.django_db

BADGE = "Được Hội Phụ nữ chọn"


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def products(db):
    return [product_create(f"Sản phẩm {n}", price=10000 + n) for n in range(3)]


def test_live_collections_respect_their_dates(products):
    open_ended = collection_create("Mở", products=products[:1])
    current = collection_create(
        "Tháng này", products=products[:1], starts_on=days(-3), ends_on=days(3)
    )
    collection_create("Đã hết hạn", products=products[:1], starts_on=days(-30), ends_on=days(-1))
    collection_create("Sắp tới", products=products[:1], starts_on=days(1))
    assert set(ProductCollection.objects.live()) == {open_ended, current}
    assert ProductCollection.objects.live(days(-1)).filter(title="Đã hết hạn").exists()


def test_collection_products_keep_the_curators_order_and_drop_hidden_ones(products):
    collection = collection_create(products=[products[2], products[0], products[1]])
    assert list(collection.products_for_sale()) == [products[2], products[0], products[1]]
    Listing.objects.filter(product=products[0]).update(status=Listing.Status.PENDING)
    assert list(collection.products_for_sale()) == [products[2], products[1]]


def test_curated_ids_are_for_sale_products_of_live_collections(products):
    collection_create("Mở", products=products[:2])
    collection_create("Đã hết hạn", products=products[2:], ends_on=days(-1))
    Listing.objects.filter(product=products[1]).update(status=Listing.Status.REJECTED)
    assert curated_product_ids() == {products[0].pk}


def test_curated_ids_are_read_once_until_the_catalogue_changes(
    products, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")
    with django_capture_on_commit_callbacks(execute=True):
        collection_create("Mở", products=products[:1])
    assert curated_product_ids() == {products[0].pk}
    with CaptureQueriesContext(connection) as captured:
        assert curated_product_ids() == {products[0].pk}
    assert len(captured) == 0
    with django_capture_on_commit_callbacks(execute=True):
        collection_create("Tết", products=products[1:2])
    assert curated_product_ids() == {products[0].pk, products[1].pk}


def test_badge_on_the_cards_of_curated_products_only(client, products):
    collection_create(products=[products[0]])
    html = client.get("/catalogue/").content.decode()
    assert html.count(BADGE) == 1
    card = html[html.index(BADGE) : html.index(BADGE) + 1500]
    assert products[0].title in card


def test_expired_collection_gives_no_badge(client, products):
    collection_create(products=products, ends_on=days(-1))
    assert BADGE not in client.get("/catalogue/").content.decode()


def test_the_badge_costs_one_query_per_page_whatever_the_cards(client, products):
    def count(url):
        client.get(url)  # warm per-process caches (site root, header links)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    collection_create(products=products[:1])
    few = count("/catalogue/")
    collection_create("Thêm", products=[product_create(f"Thêm {n}") for n in range(6)])
    assert count("/catalogue/") == few


def test_an_end_before_the_start_is_refused():
    collection = ProductCollection(title="Sai ngày", starts_on=days(3), ends_on=days(1))
    with pytest.raises(ValidationError, match="Ngày kết thúc sớm hơn ngày bắt đầu"):
        collection.full_clean()
