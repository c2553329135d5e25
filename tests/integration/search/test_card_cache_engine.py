"""A search answered by the engine shows kept cards without loading their products,
and a price change on the next request (a shopper with a basket: no page cache)."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import category_create, product_create

pytestmark = [pytest.mark.django_db, pytest.mark.service("search")]
PRICE = re.compile(r'<p class="price">([^<]*)</p>')


def prices(client, url) -> list[str]:
    return [price.split("\xa0")[0] for price in PRICE.findall(client.get(url).content.decode())]


@pytest.fixture(autouse=True)
def caches_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")
    cache.clear()


def test_engine_results_show_kept_cards_and_fresh_prices(
    client, home_page, engine, refresh, django_capture_on_commit_callbacks
):
    category = category_create("Thực phẩm > Cơm cháy")
    made = [product_create(f"Cơm cháy số {n}", price=41000, category=category) for n in range(6)]
    refresh()
    client.post(f"/basket/add/{made[0].pk}/", {"quantity": 1})
    url = "/search/?q=com+chay"
    assert prices(client, url) == ["41.000"] * 6
    with CaptureQueriesContext(connection) as captured:
        assert prices(client, url) == ["41.000"] * 6
    assert not [q for q in captured.captured_queries if 'FROM "catalogue_productimage"' in q["sql"]]
    with django_capture_on_commit_callbacks(execute=True):
        record = made[3].stockrecords.get()
        record.price = 39000
        record.save()
    refresh()
    assert sorted(prices(client, url)) == ["39.000"] + ["41.000"] * 5
