"""The database adapter's facet counts are kept per query and filters, and follow every change.

A shopper with a basket gets no page from the page cache; counting the
facets was most of her listing's queries.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import category_create, product_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def caches_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")
    cache.clear()


@pytest.fixture
def shop(home_page, client):
    category = category_create("Đặc sản thực phẩm > Cơm cháy")
    products = [product_create(f"Cơm cháy loại {n}", category=category) for n in range(3)]
    client.post(f"/basket/add/{products[0].pk}/", {"quantity": 1})  # a shopper with a basket
    return {"category": category, "products": products}


def in_stock_count(html: str) -> int:
    found = re.search(
        r'in_stock=true"[^>]*>\s*(?:&#10003; )?[^<]*<span class="facet-count">\((\d+)\)', html
    )
    assert found, "no availability facet"
    return int(found.group(1))


def visit(client, url) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


@pytest.mark.parametrize("url", ["listing", "/search/?q=com+chay"])
def test_counts_are_kept_and_a_stock_change_shows_at_once(
    client, shop, url, django_capture_on_commit_callbacks
):
    target = shop["category"].get_absolute_url() if url == "listing" else url
    visit(client, "/search/?q=banh")  # warms every other cache of a listing page
    first, counting = visit(client, target)
    again, counted = visit(client, target)
    assert in_stock_count(first) == in_stock_count(again) == 3
    assert counted <= counting - 8  # the facets' ten or so counting queries are not asked again
    with django_capture_on_commit_callbacks(execute=True):
        record = shop["products"][1].stockrecords.get()
        record.num_in_stock = 0
        record.save()
    after, _ = visit(client, target)
    assert in_stock_count(after) == 2


def test_facet_names_are_kept_and_a_renamed_area_shows_at_once(
    client, shop, django_capture_on_commit_callbacks
):
    url = "/search/?q=com+chay"
    visit(client, url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    assert not [q for q in captured.captured_queries if '"name_en" AS "name_en"' in q["sql"]]
    vendor = shop["products"][0].stockrecords.get().partner.vendor
    district = vendor.commune.parent
    assert district.name in visit(client, url)[0]
    with django_capture_on_commit_callbacks(execute=True):
        district.name = "Huyện Hoa Lư mới"
        district.save()
    assert "Huyện Hoa Lư mới" in visit(client, url)[0]
