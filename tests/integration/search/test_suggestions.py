"""The search box's suggestions, on the database and on OpenSearch."""

from __future__ import annotations

import pytest

from marketplace.models import Vendor
from tests.factories import product_create, vendor_create

pytestmark = pytest.mark.django_db


@pytest.fixture(
    params=["database", pytest.param("opensearch", marks=pytest.mark.service("search"))]
)
def backend(request):
    if request.param == "opensearch":
        request.getfixturevalue("engine")
        return request.getfixturevalue("refresh")
    return lambda: None


@pytest.fixture
def catalogue(backend):
    dong_son = vendor_create("Hợp tác xã Đông Sơn")
    kim_son = vendor_create("Tổ hợp tác Cói Kim Sơn", kind=Vendor.Kind.COOPERATIVE_GROUP)
    product_create("Cơm cháy chà bông", vendor=dong_son)
    product_create("Cơm cháy mỡ hành", vendor=dong_son)
    product_create("Chiếu cói Kim Sơn", vendor=kim_son)
    backend()


def suggest(client, q):
    response = client.get("/search/suggest/", {"q": q})
    assert response.status_code == 200
    body = response.json()
    return [p["title"] for p in body["products"]], [v["name"] for v in body["vendors"]]


def test_word_starts_typed_without_marks_suggest_products(client, catalogue):
    products, _ = suggest(client, "com ch")
    assert set(products) == {"Cơm cháy chà bông", "Cơm cháy mỡ hành"}


def test_vendors_are_suggested_by_the_start_of_their_name(client, catalogue, caplog):
    products, vendors = suggest(client, "dong s")
    assert "failed" not in caplog.text  # answered by the adapter under test, no fallback
    assert vendors == ["Hợp tác xã Đông Sơn"]
    assert set(products) == {"Cơm cháy chà bông", "Cơm cháy mỡ hành"}


def test_suggestions_link_to_the_product_and_to_a_vendor_search(client, catalogue):
    body = client.get("/search/suggest/", {"q": "chieu"}).json()
    assert body["products"][0]["url"].startswith("/catalogue/")
    body = client.get("/search/suggest/", {"q": "kim son"}).json()
    assert body["vendors"][0]["url"].startswith("/search/?q=")


@pytest.mark.parametrize("q", ["", "   ", "!!!", "x" * 10_000, "title:* OR {script}"])
def test_bad_input_gives_an_empty_or_normal_answer(client, catalogue, q):
    suggest(client, q)


def test_suggestions_fall_back_to_the_database(closed_port_engine, client):
    product_create("Cơm cháy chà bông", vendor=vendor_create("Hợp tác xã Đông Sơn"))
    assert suggest(client, "com ch") == (["Cơm cháy chà bông"], [])
    assert suggest(client, "dong") == (["Cơm cháy chà bông"], ["Hợp tác xã Đông Sơn"])


@pytest.fixture
def cache_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")


def test_a_repeated_prefix_is_answered_from_the_cache(client, catalogue, cache_on):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = client.get("/search/suggest/", {"q": "com ch"})
    assert first["Server-Timing"].startswith("search-engine;")
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/search/suggest/", {"q": "cơm ch"})  # the same words, with marks
    assert len(captured) == 0
    assert again["Server-Timing"] == 'page-cache;desc="hit"'
    assert again.json() == first.json()


def test_a_new_product_is_suggested_at_once(
    client, catalogue, backend, cache_on, django_capture_on_commit_callbacks
):
    assert set(suggest(client, "com ch")[0]) == {"Cơm cháy chà bông", "Cơm cháy mỡ hành"}
    with django_capture_on_commit_callbacks(execute=True):
        product_create("Cơm cháy lắc khô gà")
    backend()
    assert "Cơm cháy lắc khô gà" in suggest(client, "com ch")[0]


def test_the_queries_do_not_grow_with_the_suggestions(client, catalogue, backend):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get("/search/suggest/", {"q": "com ch"})
        return len(captured)

    queries()  # one-time lookups of the process
    few = queries()
    vendor = Vendor.objects.get(partner__name="Hợp tác xã Đông Sơn")
    for n in range(4):
        product_create(f"Cơm cháy vị số {n}", vendor=vendor)
    backend()
    assert queries() == few
