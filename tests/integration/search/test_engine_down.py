"""An engine that is down or slow: pages keep working on the database, with a warning."""

from __future__ import annotations

import logging
import socket
import threading

import pytest

from search.engine import _engine
from search.indexing import product_documents_rebuild
from search.services import product_search
from tests.factories import product_create

pytestmark = pytest.mark.django_db


def test_search_falls_back_to_the_database_when_the_engine_is_down(closed_port_engine, caplog):
    product_create("Cơm cháy chà bông")
    with caplog.at_level(logging.WARNING, logger="search"):
        result = product_search(query="com chay")
    assert result.answered_by == "database"
    assert [p.title for p in result.products] == ["Cơm cháy chà bông"]
    assert "the database answers" in caplog.text


def test_pages_answer_200_and_healthz_says_degraded(closed_port_engine, client):
    product_create("Cơm cháy chà bông")
    response = client.get("/search/", {"q": "com chay"})
    assert response.status_code == 200
    assert "Cơm cháy chà bông" in response.content.decode()
    assert client.get("/catalogue/").status_code == 200
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["search"]["state"] == "degraded"


def test_a_stand_in_answer_is_not_kept_by_the_page_cache(
    closed_port_engine, client, settings, tmp_path
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")
    product_create("Cơm cháy chà bông")
    for _ in range(2):
        response = client.get("/search/", {"q": "com chay"})
        assert response.status_code == 200
        assert response.templates  # rendered each time: the engine may be back next time
        assert "no-store" in response["Cache-Control"]


def test_saving_while_the_engine_is_down_still_updates_the_database(closed_port_engine, caplog):
    product = product_create("Cơm cháy chà bông")
    with caplog.at_level(logging.WARNING, logger="search"):
        assert product_documents_rebuild(product_ids=[product.pk]) == 1
    assert "Search index not updated" in caplog.text


@pytest.fixture
def silent_server():
    """Accepts connections and never answers: a hung engine."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join(timeout=2)
    for connection in accepted:
        connection.close()
    server.close()


@pytest.mark.parametrize("kind", ["opensearch", "elasticsearch"])
def test_a_slow_engine_times_out_within_the_budget(settings, silent_server, kind):
    import time

    settings.SEARCH_URL, settings.SEARCH_ENGINE, settings.SEARCH_TIMEOUT_MS = (
        silent_server,
        kind,
        500,
    )
    _engine.cache_clear()
    try:
        product_create("Cơm cháy chà bông")
        started = time.monotonic()
        result = product_search(query="com chay")
        elapsed = time.monotonic() - started
    finally:
        _engine.cache_clear()
    assert result.answered_by == "database"
    assert [p.title for p in result.products] == ["Cơm cháy chà bông"]
    # product_create's own index update also waited once; the search waited at most once.
    assert elapsed < 2.5


@pytest.mark.service("search")
def test_healthz_says_ok_when_the_engine_answers(engine, client):
    assert client.get("/healthz").json()["search"]["state"] == "ok"
