"""One instrumented request per page, inside a shop's own process.

Runs in the marketplace's virtualenv and in the peer's (Django and Oscar
APIs only). Given the products and category the harness chose, it prints
JSON: each page's path, status, database queries (CaptureQueriesContext) and
body bytes. Each page is requested once to warm caches, then measured, as a
visitor arriving after others would see it.

    python bench/probe.py SPEC.json     (DJANGO_SETTINGS_MODULE set; cwd on sys.path)
"""

from __future__ import annotations

import json
import os
import sys
from urllib.parse import urlencode


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
        "search_common": "/search/?" + urlencode({"q": spec["common_term"]}),
        "search_rare": "/search/?" + urlencode({"q": spec["rare_term"]}),
        "add_to_basket": f"/basket/add/{product.pk}/",
        "basket": "/basket/",
        "_basket_pks": basket,
    }


def measure(client, method: str, path: str, data: dict | None = None) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.post(path, data or {}) if method == "POST" else client.get(path)
    body = b"".join(response) if response.streaming else response.content
    return {
        "status": response.status_code,
        "queries": len(captured.captured_queries),
        "bytes": len(body),
    }


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
    # A first add: a visitor without a basket, as every request of the load run is.
    measure(client(), "POST", paths["add_to_basket"], {"quantity": 1})
    results["add_to_basket"] = {
        "path": paths["add_to_basket"],
        **measure(client(), "POST", paths["add_to_basket"], {"quantity": 1}),
    }
    shopper = client()
    for pk in paths["_basket_pks"]:
        shopper.post(f"/basket/add/{pk}/", {"quantity": 1})
    measure(shopper, "GET", paths["basket"])
    results["basket"] = {"path": paths["basket"], **measure(shopper, "GET", paths["basket"])}
    return {"pages": results, "basket_pks": paths["_basket_pks"]}


if __name__ == "__main__":  # pragma: no cover - exercised by bench/run.py
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    with open(sys.argv[1], encoding="utf-8") as handle:
        print("BENCH_PROBE " + json.dumps(probe(json.load(handle))))
