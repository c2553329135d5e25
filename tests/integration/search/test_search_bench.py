"""``manage.py search_bench`` against a live test server, and the header it reads."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command

from search import bench
from tests.factories import product_create


@pytest.mark.django_db(transaction=True)
def test_bench_reports_request_times_and_that_no_engine_answered(live_server, tmp_path, capsys):
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
    for passes in figures.values():
        summary = passes["repeat"]
        assert summary["requests"] == 8 and summary["errors"] == 0
        assert summary["answered_by"] == {"database": 8}
        assert summary["request_ms"]["p95"] >= summary["request_ms"]["p50"] > 0
        # The database answered: no engine time at all, rather than 0 ms.
        assert summary["reached_engine"] == 0 and summary["engine_share"] == 0
        assert summary["engine_ms"] == {"p50": None, "p95": None}
        assert passes["cold"]["skipped"] is True  # no --queries-file
    printed = capsys.readouterr().out
    assert "search" in printed and "suggest" in printed and "request p50/p95" in printed
    assert "no cold queries given (--queries-file): skipped" in printed


@pytest.mark.django_db(transaction=True)
def test_cold_pass_sends_each_query_of_the_file_once(live_server, tmp_path, monkeypatch):
    product_create("Cơm cháy chà bông")
    product_create("Mật ong hoa nhãn")
    queries = tmp_path / "queries.txt"
    # "com chay" is a repeat-pass query, and so is "cơm cháy" once folded; "mat ong"
    # folds like "Mật ong" before it: all three are left out.
    queries.write_text(
        "cơm cháy\ncom chay\nchà bông\nMật ong\nmat ong\nhoa nhãn\n\nbong\nnhan\n", encoding="utf-8"
    )
    sent = []
    fetch = bench._fetch

    def recording_fetch(url, timeout):
        sent.append(url)
        return fetch(url, timeout)

    monkeypatch.setattr(bench, "_fetch", recording_fetch)
    out = tmp_path / "bench.json"
    call_command(
        "search_bench",
        url=live_server.url,
        requests=20,
        concurrency=1,
        json_path=str(out),
        queries=["com chay"],
        prefixes=["com"],
        queries_file=str(queries),
    )
    figures = json.loads(out.read_text())
    cold = figures["search"]["cold"]
    # 5 queries new to the run, for 20 requests: capped, none sent twice, and said so.
    assert cold["requests"] == cold["distinct_queries"] == 5 and cold["errors"] == 0
    assert cold["answered_by"] == {"database": 5}
    assert "only 5 distinct queries" in cold["notes"][0]
    searched = [parse_qs(urlsplit(u).query)["q"][0] for u in sent if urlsplit(u).path == "/search/"]
    cold_sent = searched[-5:]
    assert cold_sent == ["chà bông", "Mật ong", "hoa nhãn", "bong", "nhan"]
    assert not set(cold_sent) & set(searched[:-5])
    suggested = [
        parse_qs(urlsplit(u).query)["q"][0] for u in sent if urlsplit(u).path == "/search/suggest/"
    ]
    suggest_cold = figures["suggest"]["cold"]
    cold_prefixes = suggested[-suggest_cold["requests"] :]
    assert suggest_cold["requests"] == len(set(cold_prefixes)) > 5
    assert "com" not in cold_prefixes and {"chà b", "Mật o", "bon"} <= set(cold_prefixes)


@pytest.mark.service("search")
@pytest.mark.django_db(transaction=True)
def test_cold_requests_reach_the_engine_and_its_time_is_reported(
    engine, refresh, live_server, tmp_path
):
    product_create("Cơm cháy chà bông")
    product_create("Mật ong hoa nhãn")
    refresh()
    queries = tmp_path / "queries.txt"
    queries.write_text("chà bông\nong hoa\nhoa nhãn\nbong\n", encoding="utf-8")
    out = tmp_path / "bench.json"
    call_command(
        "search_bench",
        url=live_server.url,
        requests=4,
        concurrency=1,
        json_path=str(out),
        queries_file=str(queries),
    )
    figures = json.loads(out.read_text())
    for endpoint in ("search", "suggest"):
        for pass_name in ("repeat", "cold"):
            summary = figures[endpoint][pass_name]
            assert summary["errors"] == 0
            assert summary["answered_by"] == {"opensearch": summary["requests"]}
            assert summary["reached_engine"] == summary["requests"] and summary["engine_share"] == 1
            assert summary["engine_ms"]["p95"] >= summary["engine_ms"]["p50"] > 0
            assert summary["engine_took_ms"]["p50"] is not None
    assert figures["search"]["cold"]["distinct_queries"] == 4


def test_bench_refuses_other_machines():
    with pytest.raises(CommandError, match="loopback"):
        call_command("search_bench", url="http://192.168.1.10:8000", requests=1)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\xff\xfe not utf-8", "not UTF-8"), (("x" * 201).encode(), "at most 200 characters")],
)
def test_a_bad_queries_file_is_refused_with_a_message(tmp_path, content, message):
    path = tmp_path / "queries.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("search_bench", requests=1, queries_file=str(path))
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("search_bench", requests=1, queries_file=str(tmp_path / "missing.txt"))


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
