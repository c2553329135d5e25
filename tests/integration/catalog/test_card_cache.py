"""Product cards are drawn once per catalogue version and language, and never show a stale fact.

A shopper with a basket gets no page from the page cache, so these walk her
pages: the category listing, a search and the home page, in Vietnamese and
English. Each kind of change a card shows (price, stock, picture, listing
state, vendor status, OCOP certificate) shows on her next request.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.cards import card_key
from core.page_cache import page_cache_version
from marketplace.models import Listing, Vendor
from tests.factories import category_create, product_create, vendor_create
from tests.images import product_image_add

pytestmark = pytest.mark.django_db

LANGUAGES = ("vi", "en")
ARTICLE = re.compile(r"<article.*?</article>", re.S)


@pytest.fixture(autouse=True)
def caches_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")
    caches["fragments"].clear()


@pytest.fixture
def shop(home_page):
    category = category_create("Đặc sản thực phẩm > Cơm cháy")
    vendor = vendor_create("Hợp tác xã Cơm cháy Hoa Lư")
    product = product_create(
        "Cơm cháy chà bông", price=125000, stock=8, category=category, vendor=vendor
    )
    other = product_create("Cơm cháy lá sen", price=60000, category=category)
    return {"category": category, "product": product, "other": other, "vendor": vendor}


@pytest.fixture
def shopper(client, shop):
    """A shopper with a basket: the page cache never answers her."""
    assert client.post(f"/basket/add/{shop['other'].pk}/", {"quantity": 1}).status_code == 302
    assert "oscar_open_basket" in client.cookies
    return client


def pages(shop) -> list[str]:
    return [shop["category"].get_absolute_url(), "/search/?q=com+chay", "/"]


def card(client, url: str, language: str, product) -> str | None:
    """The card of ``product`` on the page at ``url`` in ``language``; None when not shown."""
    client.cookies["django_language"] = language
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, url
    address = product.get_absolute_url()
    found = [a for a in ARTICLE.findall(response.content.decode()) if f'href="{address}"' in a]
    return found[0] if found else None


def cards_everywhere(client, shop, product) -> list[str | None]:
    return [card(client, url, language, product) for url in pages(shop) for language in LANGUAGES]


def cached(product, language: str) -> bool:
    key = card_key(
        product.pk,
        version=page_cache_version(),
        language=language,
        day=timezone.localdate().isoformat(),
    )
    return caches["fragments"].get(key) is not None


def seen_then_changed(shopper, shop, change, django_capture_on_commit_callbacks):
    product = shop["product"]
    before = cards_everywhere(shopper, shop, product)
    assert all(before)
    assert all(cached(product, language) for language in LANGUAGES)
    with django_capture_on_commit_callbacks(execute=True):
        change(product)
    return before, cards_everywhere(shopper, shop, product)


def test_price_change_shows_on_every_card(shopper, shop, django_capture_on_commit_callbacks):
    def change(product):
        record = product.stockrecords.get()
        record.price = 99000
        record.save()

    before, after = seen_then_changed(shopper, shop, change, django_capture_on_commit_callbacks)
    assert all("125.000" in c for c in before)
    assert all(c and "99.000" in c and "125.000" not in c for c in after)


def test_sold_out_shows_on_every_card(shopper, shop, django_capture_on_commit_callbacks):
    def change(product):
        record = product.stockrecords.get()
        record.num_in_stock = 0
        record.save()

    before, after = seen_then_changed(shopper, shop, change, django_capture_on_commit_callbacks)
    assert all("stock-in" in c and "<form" in c for c in before)
    assert all(c and "stock-out" in c and "<form" not in c for c in after)


def test_new_picture_shows_on_every_card(shopper, shop, django_capture_on_commit_callbacks):
    before, after = seen_then_changed(
        shopper,
        shop,
        lambda product: product_image_add(product),
        django_capture_on_commit_callbacks,
    )
    assert all("<img" not in c for c in before)
    assert all(c and "<img" in c for c in after)


def test_listing_taken_back_hides_every_card(shopper, shop, django_capture_on_commit_callbacks):
    def change(product):
        Listing.objects.filter(product=product).get().__class__.objects.filter(
            product=product
        ).update(status=Listing.Status.PENDING)
        listing = Listing.objects.get(product=product)
        listing.save()  # through save(), as the services do: the signal bumps the version

    _, after = seen_then_changed(shopper, shop, change, django_capture_on_commit_callbacks)
    assert after == [None] * len(after)


def test_suspended_vendor_hides_every_card(shopper, shop, django_capture_on_commit_callbacks):
    def change(product):
        vendor = shop["vendor"]
        vendor.status = Vendor.Status.SUSPENDED
        vendor.save()

    _, after = seen_then_changed(shopper, shop, change, django_capture_on_commit_callbacks)
    assert after == [None] * len(after)


def test_ocop_certificate_shows_on_every_card(shopper, shop, django_capture_on_commit_callbacks):
    today = timezone.localdate()

    def change(product):
        product.ocop_stars = 4
        product.ocop_certificate_number = "OCOP-NB-2026-17"
        product.ocop_issued_on = today - datetime.timedelta(days=30)
        product.ocop_expires_on = today + datetime.timedelta(days=30)
        product.save()

    before, after = seen_then_changed(shopper, shop, change, django_capture_on_commit_callbacks)
    assert all("badge-ocop" not in c for c in before)
    assert all(c and "badge-ocop" in c for c in after)
    vi, en = after[0], after[1]
    assert "OCOP 4 sao" in vi and "OCOP 4 stars" in en


def test_each_shopper_gets_her_own_csrf_token_in_a_cached_card(client, shop, shopper):
    from django.test import Client

    url = shop["category"].get_absolute_url()
    first = card(shopper, url, "vi", shop["product"])
    assert cached(shop["product"], "vi")
    other = Client()
    other.post(f"/basket/add/{shop['other'].pk}/", {"quantity": 1})
    second = card(other, url, "vi", shop["product"])
    tokens = [
        re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', c).group(1)
        for c in (first, second)
    ]
    assert tokens[0] != tokens[1]
    assert "__card_csrf_token__" not in first + second


def captured_sql(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def pictures_queries(queries: list[str]) -> int:
    return sum('FROM "catalogue_productimage"' in sql for sql in queries)


def test_cached_cards_load_no_product_and_queries_do_not_grow(shopper, shop):
    url = shop["category"].get_absolute_url()
    drawing = captured_sql(shopper, url)  # draws and keeps the cards
    few = captured_sql(shopper, url)
    for n in range(30):
        product_create(f"Cơm cháy thêm {n}", category=shop["category"])
    captured_sql(shopper, url)
    many = captured_sql(shopper, url)
    assert len(many) == len(few) < len(drawing)
    # Every card came from the cache: the cards' pictures were not read.
    assert pictures_queries(many) < pictures_queries(drawing)
