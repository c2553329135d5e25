"""Instrumented requests per page, inside a shop's own process.

Runs in the marketplace's virtualenv and in the peer's (Django and Oscar
APIs only). Given the products and category the harness chose, it prints
JSON: each page's path, status, database queries (CaptureQueriesContext),
body bytes and CPU per request. Each page is requested once to warm caches,
then measured, as a visitor arriving after others would see it.

CPU per request (``cpu_ms``): ``WARMUP`` requests, then the median of
``SAMPLES`` requests' ``time.process_time`` in this process, without the
query capture. It counts the shop's own work; on SQLite the database works
in this process too, on PostgreSQL its server's time is not counted. It is
far steadier than throughput on a shared machine.

Rows ending in ``_basket`` are requested by a shopper with a basket (the
session and basket cookies), which no page cache answers. ``search_new_basket``
sends each request a search term not sent before (``spec["new_terms"]``).

    python bench/probe.py SPEC.json     (DJANGO_SETTINGS_MODULE set; cwd on sys.path)
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from urllib.parse import urlencode

WARMUP = 3
SAMPLES = 20
# The shopper-with-a-basket rows: the anonymous page of the same name, with a basket.
BASKET_ROWS = {
    "home_basket": "home",
    "listing_basket": "listing",
    "product_basket": "product",
}


def search_path(term: str) -> str:
    return "/search/?" + urlencode({"q": term})


def page_paths(spec: dict) -> dict:
    from oscar.core.loading import get_model

    Category = get_model("catalogue", "Category")
    Product = get_model("catalogue", "Product")
    category = Category.objects.filter(slug=spec["category"]).first()
    product = Product.objects.get(upc=spec["product"])
    basket = [Product.objects.get(upc=upc).pk for upc in spec["basket"]]
    return {
        "home": spec["home"],
        "listing": category.get_absolute_url(),
        "product": product.get_absolute_url(),
        "search_common": search_path(spec["common_term"]),
        "search_rare": search_path(spec["rare_term"]),
        "add_to_basket": f"/basket/add/{product.pk}/",
        "basket": "/basket/",
        "_basket_pks": basket,
    }


def _request(client, method: str, path: str, data: dict | None = None):
    response = client.post(path, data or {}) if method == "POST" else client.get(path)
    body = b"".join(response) if response.streaming else response.content
    return response, body


def measure(client, method: str, path: str, data: dict | None = None) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response, body = _request(client, method, path, data)
    return {
        "status": response.status_code,
        "queries": len(captured.captured_queries),
        "bytes": len(body),
    }


def cpu_ms(request, *, warmup: int = WARMUP, samples: int = SAMPLES) -> float:
    """The median CPU time (ms) of ``request(n)`` over ``samples`` calls after ``warmup``.

    ``n`` counts every call from 0, so a caller can send each one something new.
    """
    for n in range(warmup):
        request(n)
    spent = []
    for n in range(warmup, warmup + samples):
        started = time.process_time()
        request(n)
        spent.append((time.process_time() - started) * 1000)
    return round(statistics.median(spent), 2)


def probe(spec: dict) -> dict:
    from django.test import Client

    def client():
        return Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="vi")

    paths = page_paths(spec)
    results = {}
    browsing = client()
    for name in ("home", "listing", "product", "search_common", "search_rare"):
        measure(browsing, "GET", paths[name])
        results[name] = {"path": paths[name], **measure(browsing, "GET", paths[name])}
        path = paths[name]
        results[name]["cpu_ms"] = cpu_ms(lambda n, path=path: _request(browsing, "GET", path))
    # A first add: a visitor without a basket, as every request of the load run is.
    add = paths["add_to_basket"]
    measure(client(), "POST", add, {"quantity": 1})
    results["add_to_basket"] = {"path": add, **measure(client(), "POST", add, {"quantity": 1})}
    # One client whose cookies are cleared: each add is a new visitor's, and the
    # client's handler (its middleware, WhiteNoise's file scan) is built once.
    visitor = client()

    def first_add(n):
        visitor.cookies.clear()
        return _request(visitor, "POST", add, {"quantity": 1})

    results["add_to_basket"]["cpu_ms"] = cpu_ms(first_add)
    shopper = client()
    for pk in paths["_basket_pks"]:
        shopper.post(f"/basket/add/{pk}/", {"quantity": 1})
    rows = {"basket": paths["basket"], **{row: paths[page] for row, page in BASKET_ROWS.items()}}
    for name, path in rows.items():
        measure(shopper, "GET", path)
        results[name] = {"path": path, **measure(shopper, "GET", path)}
        results[name]["cpu_ms"] = cpu_ms(lambda n, path=path: _request(shopper, "GET", path))
    # A new search: each request a term never sent before (the first one's figures for queries).
    terms = list(spec.get("new_terms") or [])
    if len(terms) >= WARMUP + SAMPLES + 1:
        first = search_path(terms[0])
        results["search_new_basket"] = {"path": first, **measure(shopper, "GET", first)}
        results["search_new_basket"]["cpu_ms"] = cpu_ms(
            lambda n: _request(shopper, "GET", search_path(terms[n + 1]))
        )
    return {"pages": results, "basket_pks": paths["_basket_pks"]}


if __name__ == "__main__":  # pragma: no cover - exercised by bench/run.py
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    with open(sys.argv[1], encoding="utf-8") as handle:
        print("BENCH_PROBE " + json.dumps(probe(json.load(handle))))
