"""``manage.py search_bench`` against a live test server, and the header it reads."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories import product_create


@pytest.mark.django_db(transaction=True)
def test_bench_reports_request_and_engine_times(live_server, tmp_path, capsys):
    product_create("Cơm cháy chà bông")
    out = tmp_path / "bench.json"
    call_command(
        "search_bench",
        url=live_server.url,
        requests=8,
        concurrency=1,  # SQLite test database: one writer at a time
        json_path=str(out),
        queries=["com chay"],
        prefixes=["com"],
    )
    figures = json.loads(out.read_text())
    assert set(figures) == {"search", "suggest"}
    for summary in figures.values():
        assert summary["requests"] == 8 and summary["errors"] == 0
        assert summary["answered_by"] == ["database"]
        assert summary["request_ms"]["p95"] >= summary["request_ms"]["p50"] > 0
        assert summary["engine_ms"] == {"p50": 0.0, "p95": 0.0}
    printed = capsys.readouterr().out
    assert "search" in printed and "suggest" in printed and "request p50" in printed


def test_bench_refuses_other_machines():
    with pytest.raises(CommandError, match="loopback"):
        call_command("search_bench", url="http://192.168.1.10:8000", requests=1)


@pytest.mark.django_db
def test_search_pages_say_how_long_they_waited_on_the_database(client):
    response = client.get("/search/", {"q": "com chay"})
    assert response["Server-Timing"] == "search-engine;dur=0"


@pytest.mark.service("search")
@pytest.mark.django_db
def test_search_pages_say_how_long_they_waited_on_the_engine(engine, refresh, client):
    product_create("Cơm cháy chà bông")
    refresh()
    for path in ("/search/", "/search/suggest/"):
        timing = client.get(path, {"q": "com chay"})["Server-Timing"]
        assert 'desc="opensearch"' in timing and "search-engine-took;dur=" in timing
        assert float(timing.split("dur=")[1].split(";")[0]) > 0
