"""The product page's content is kept per product and version, and never shows a stale fact.

Walked by a shopper with a basket (no page cache answers her), in Vietnamese
and English. The page's parts (vendor, pictures, related products, QR code)
are read only when the content is drawn.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace.models import Listing, Vendor
from tests.factories import product_create, vendor_create
from tests.images import product_image_add

pytestmark = pytest.mark.django_db

LANGUAGES = ("vi", "en")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def caches_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")
    cache.clear()


@pytest.fixture
def shop(home_page):
    vendor = vendor_create("Hợp tác xã Cơm cháy Hoa Lư")
    product = product_create("Cơm cháy chà bông", price=125000, stock=8, vendor=vendor)
    neighbour = product_create("Cơm cháy lá sen", price=60000, vendor=vendor)
    return {"product": product, "neighbour": neighbour, "vendor": vendor}


@pytest.fixture
def shopper(client, shop):
    assert client.post(f"/basket/add/{shop['neighbour'].pk}/", {"quantity": 1}).status_code == 302
    return client


def page(client, product, language: str):
    client.cookies["django_language"] = language
    return client.get(product.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language)


def content(client, product, language: str) -> str | None:
    response = page(client, product, language)
    if response.status_code == 404:
        return None
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<article class="product_page">') :]


def kept_then_changed(shopper, shop, change, capture):
    product = shop["product"]
    before = [content(shopper, product, language) for language in LANGUAGES]
    with CaptureQueriesContext(connection) as drawn:
        page(shopper, product, "vi")
    assert not any('FROM "marketplace_vendor"' in q["sql"] for q in drawn.captured_queries)
    with capture(execute=True):
        change(product)
    return before, [content(shopper, product, language) for language in LANGUAGES]


def stock_set(product, **fields):
    record = product.stockrecords.get()
    for name, value in fields.items():
        setattr(record, name, value)
    record.save()


def test_price_change_shows(shopper, shop, django_capture_on_commit_callbacks):
    before, after = kept_then_changed(
        shopper, shop, lambda p: stock_set(p, price=99000), django_capture_on_commit_callbacks
    )
    assert all("125.000" in c for c in before)
    assert all("99.000" in c and "125.000" not in c for c in after)


def test_a_sale_shows_the_units_left(shopper, shop, django_capture_on_commit_callbacks):
    before, after = kept_then_changed(
        shopper, shop, lambda p: stock_set(p, num_in_stock=5), django_capture_on_commit_callbacks
    )
    assert "8" in re.search(r'<p class="stock[^"]*">([^<]*)</p>', before[1]).group(1)
    assert all("5" in re.search(r'<p class="stock[^"]*">([^<]*)</p>', c).group(1) for c in after)


def test_new_picture_shows(shopper, shop, django_capture_on_commit_callbacks):
    before, after = kept_then_changed(
        shopper, shop, lambda p: product_image_add(p), django_capture_on_commit_callbacks
    )
    assert all("gallery-empty" in c for c in before)
    assert all("gallery-empty" not in c and "<img" in c for c in after)


def test_ocop_certificate_shows(shopper, shop, django_capture_on_commit_callbacks):
    today = timezone.localdate()

    def change(product):
        product.ocop_stars = 5
        product.ocop_certificate_number = "OCOP-NB-2026-05"
        product.ocop_issued_on = today - datetime.timedelta(days=1)
        product.ocop_expires_on = today + datetime.timedelta(days=300)
        product.save()

    before, after = kept_then_changed(shopper, shop, change, django_capture_on_commit_callbacks)
    assert all("badge-ocop" not in c for c in before)
    assert "OCOP 5 sao" in after[0] and "OCOP 5 stars" in after[1]


def test_listing_taken_back_or_vendor_suspended_closes_the_page(
    shopper, shop, django_capture_on_commit_callbacks
):
    def change(product):
        listing = Listing.objects.get(product=product)
        listing.status = Listing.Status.PENDING
        listing.save()

    _, after = kept_then_changed(shopper, shop, change, django_capture_on_commit_callbacks)
    assert after == [None, None]
    neighbour = shop["neighbour"]
    assert content(shopper, neighbour, "vi")
    with django_capture_on_commit_callbacks(execute=True):
        vendor = Vendor.objects.get(pk=shop["vendor"].pk)
        vendor.status = Vendor.Status.SUSPENDED
        vendor.save()
    assert [content(shopper, neighbour, language) for language in LANGUAGES] == [None, None]


def test_each_visitor_gets_her_own_token_and_a_signed_in_shopper_her_own_page(shopper, shop):
    product = shop["product"]
    first = content(shopper, product, "vi")
    with CaptureQueriesContext(connection) as kept:
        second_visitor = Client()
        again = content(second_visitor, product, "vi")
    assert not any('FROM "marketplace_vendor"' in q["sql"] for q in kept.captured_queries)
    assert TOKEN.search(first).group(1) != TOKEN.search(again).group(1)
    user = get_user_model().objects.create_user("lan", "lan@example.vn", "matkhau-dai-123")
    signed_in = Client()
    signed_in.force_login(user)
    with CaptureQueriesContext(connection) as drawn:
        assert content(signed_in, product, "vi")
    assert any('FROM "marketplace_vendor"' in q["sql"] for q in drawn.captured_queries)


def test_every_form_of_a_kept_page_carries_the_visitors_own_token(shopper, shop):
    """The related products' add forms too: a token kept in the page would let the next
    visitor's adds fail, and show her the first visitor's secret."""
    from django.conf import settings
    from django.middleware.csrf import _unmask_cipher_token

    product = shop["product"]
    assert TOKEN.findall(content(shopper, product, "vi"))  # drawn and kept
    for visitor in (Client(), Client()):
        html = content(visitor, product, "vi")
        tokens = TOKEN.findall(html)
        assert len(tokens) >= 2  # the product's add form and the related product's
        secret = visitor.cookies[settings.CSRF_COOKIE_NAME].value
        assert {_unmask_cipher_token(token) for token in tokens} == {secret}
        assert "__card_csrf_token__" not in html


def test_the_qr_code_is_drawn_once(shopper, shop, monkeypatch, django_capture_on_commit_callbacks):
    import segno

    drawn = []
    make_qr = segno.make_qr
    monkeypatch.setattr(segno, "make_qr", lambda *a, **k: drawn.append(a) or make_qr(*a, **k))
    product = shop["product"]
    first = content(shopper, product, "vi")
    with django_capture_on_commit_callbacks(execute=True):
        stock_set(product, price=99000)  # a new version: the content is drawn again
    again = content(shopper, product, "vi")
    assert "99.000" in again
    assert len(drawn) == 1
    qr = re.compile(r'<div class="trace-qr">.*?</div>', re.S)
    assert qr.search(first).group(0) == qr.search(again).group(0)
