"""Shoppers at the same moment: no request fails, on SQLite (``make run``) or PostgreSQL.

Ten shoppers at once each open a product page, put it in the basket (a POST
with the CSRF token, as the form does), open the basket, search, and open the
product page again: 50 requests from a pool of 10 threads, against the live
test server, which serves each request in a thread with a connection of its
own (on SQLite the test database is a file: config/settings/test.py). On
SQLite this used to fail with "database is locked": Oscar's analytics wrote a
row inside every product page's transaction (catalog/analytics.py), and
SQLite ran without write-ahead logging, IMMEDIATE transactions or a busy
timeout (config/settings/base.py). The figures are printed for the record.
"""

from __future__ import annotations

import http.cookiejar
import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from oscar.core.loading import get_model

from catalog import analytics
from tests.factories import product_create

pytestmark = pytest.mark.django_db(transaction=True)

ProductRecord = get_model("analytics", "ProductRecord")
Basket = get_model("basket", "Basket")

SHOPPERS = 10
THREADS = 10


@pytest.fixture
def home_page(transactional_db):
    """The home page, after putting back the rows Wagtail's migrations made.

    A live-server test ends by emptying every table (as tests/browser/conftest.py says).
    """
    from tests.factories import home_page_after_flush

    return home_page_after_flush()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Shopper:
    """A browser of one shopper: its own cookies, redirects shown rather than followed."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect
        )

    def cookie(self, name: str) -> str:
        return next((c.value for c in self.cookies if c.name == name), "")

    def request(self, path: str, data: dict | None = None) -> int:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"Referer": self.base_url + "/"} if data is not None else {}
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def _shop(shopper: Shopper, product_url: str, add_url: str, barrier: threading.Barrier):
    barrier.wait(timeout=60)
    statuses = [shopper.request(product_url)]
    csrf = shopper.cookie("csrftoken")
    statuses.append(shopper.request(add_url, {"quantity": 1, "csrfmiddlewaretoken": csrf}))
    statuses.append(shopper.request("/basket/"))
    statuses.append(shopper.request("/search/?" + urllib.parse.urlencode({"q": "cơm cháy"})))
    statuses.append(shopper.request(product_url))
    return statuses


def test_fifty_requests_of_ten_shoppers_at_once_all_succeed(live_server, home_page, caplog, capsys):
    product = product_create("Cơm cháy chà bông", stock=100)
    product_url = product.get_absolute_url()
    add_url = f"/basket/add/{product.pk}/"
    shoppers = [Shopper(live_server.url) for _ in range(SHOPPERS)]
    barrier = threading.Barrier(SHOPPERS)
    if connection.vendor == "sqlite":  # a file in write-ahead-log mode, as `make run` has
        assert not connection.is_in_memory_db()
        with connection.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    connection.close()  # the test's own connection holds no lock while the shoppers shop

    caplog.set_level(logging.ERROR, logger="django.request")
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        runs = list(
            pool.map(lambda shopper: _shop(shopper, product_url, add_url, barrier), shoppers)
        )
    seconds = time.monotonic() - started

    statuses = [status for run in runs for status in run]
    errors = [status for status in statuses if status not in (200, 302)]
    causes = Counter(
        str(record.exc_info[1]) for record in caplog.records if record.exc_info is not None
    )
    with capsys.disabled():
        print(
            f"\nconcurrent shoppers on {connection.vendor}: {len(statuses)} requests, "
            f"{THREADS} threads, {len(errors)} errors, {seconds:.2f} s"
            + (f"; {dict(causes)}" if causes else "")
        )

    assert len(statuses) == SHOPPERS * 5
    assert errors == [], dict(causes)
    assert [run[1] for run in runs] == [302] * SHOPPERS  # each one's product went in the basket
    assert Basket.objects.filter(lines__product=product).distinct().count() == SHOPPERS
    analytics.analytics_counts_flush()
    assert ProductRecord.objects.get(product=product).num_views == SHOPPERS * 2
