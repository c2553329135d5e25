"""The benchmark's guard rails and arithmetic (no site needed)."""

import pytest

from search import bench
from search.bench import NotLoopback, bench_run, loopback_base_url, percentile


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000", "http://localhost:8000/", "http://127.0.0.2", "http://[::1]:80"],
)
def test_loopback_urls_are_accepted(url):
    assert loopback_base_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url", ["http://10.0.0.1:8000", "http://192.168.1.5", "http://8.8.8.8", "ftp://127.0.0.1", "x"]
)
def test_other_addresses_are_refused(url):
    with pytest.raises(NotLoopback):
        loopback_base_url(url)


def test_bad_sizes_are_refused():
    with pytest.raises(ValueError):
        bench_run(base_url="http://127.0.0.1:9", requests=0)
    with pytest.raises(ValueError):
        bench_run(base_url="http://127.0.0.1:9", concurrency=1000)


def test_percentiles_are_nearest_rank():
    values = [float(n) for n in range(1, 201)]
    assert percentile(values, 0.95) == 190.0
    assert percentile(values, 0.5) == 100.0
    assert percentile([], 0.95) == 0.0
    assert percentile([7.0], 0.95) == 7.0


def test_a_response_without_server_timing_was_served_without_the_engine():
    cached = bench.sample_read(status=200, request_ms=3.0, server_timing=None)
    assert (cached.engine_ms, cached.took_ms, cached.answered_by) == (
        None,
        None,
        "no Server-Timing",
    )
    database = bench.sample_read(status=200, request_ms=40.0, server_timing="search-engine;dur=0")
    assert (database.engine_ms, database.answered_by) == (None, "database")
    engine = bench.sample_read(
        status=200,
        request_ms=50.0,
        server_timing='search-engine;dur=12.5;desc="opensearch", search-engine-took;dur=4.0',
    )
    assert (engine.engine_ms, engine.took_ms, engine.answered_by) == (12.5, 4.0, "opensearch")


def test_engine_percentiles_come_only_from_requests_that_reached_the_engine():
    timing = 'search-engine;dur={};desc="opensearch", search-engine-took;dur=2.0'
    report = bench.EndpointReport(name="search cold", wall_seconds=2.0)
    report.samples = [
        bench.sample_read(status=200, request_ms=100.0, server_timing=timing.format(20.0)),
        bench.sample_read(status=200, request_ms=110.0, server_timing=timing.format(30.0)),
        # Two page-cache hits: fast, and no engine time to count, not 0 ms.
        bench.sample_read(status=200, request_ms=2.0, server_timing=None),
        bench.sample_read(status=200, request_ms=3.0, server_timing=None),
        bench.sample_read(status=500, request_ms=5.0, server_timing=None),
    ]
    summary = report.summary()
    assert (summary["requests"], summary["errors"]) == (5, 1)
    assert summary["error_statuses"] == {"500": 1}
    assert summary["reached_engine"] == 2 and summary["without_engine"] == 2
    assert summary["engine_share"] == 0.5
    assert summary["answered_by"] == {"no Server-Timing": 2, "opensearch": 2}
    assert summary["engine_ms"] == {"p50": 25.0, "p95": 30.0}
    assert summary["engine_took_ms"] == {"p50": 2.0, "p95": 2.0}
    assert summary["request_ms"]["p95"] == 110.0
    assert summary["requests_per_second"] == 2.5


def test_nothing_reached_the_engine_gives_no_engine_figures():
    report = bench.EndpointReport(name="search repeat", wall_seconds=1.0)
    report.samples = [bench.sample_read(status=200, request_ms=1.0, server_timing=None)]
    summary = report.summary()
    assert summary["engine_ms"] == {"p50": None, "p95": None}
    assert summary["engine_share"] == 0.0 and summary["without_engine"] == 1


def test_cold_queries_are_new_to_the_run_even_once_folded():
    cold = bench.cold_queries(
        ["Cơm cháy", "mật ong", "Mat Ong", "gạo nếp", "", "gao nep"], sent=["com chay"]
    )
    assert cold == ["mật ong", "gạo nếp"]


def test_cold_prefixes_are_cut_as_a_shopper_types_and_each_sent_once():
    prefixes = bench.cold_prefixes(["mật ong", "mat ong hoa", "giò", "chiếu"], sent=["mat o"])
    # Rounds: one letter of the second word across all queries, then two, then three.
    assert prefixes == ["giò", "chi", "mật on", "chiế", "mật ong"]
    assert len({bench.fold(p) for p in prefixes}) == len(prefixes)


def test_queries_file_is_read_once_per_query(tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("mật ong\n\n  gạo nếp  \nmật ong\n", encoding="utf-8")
    assert bench.queries_read(path) == ["mật ong", "gạo nếp"]
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(bench.QueriesFileError, match="UTF-8"):
        bench.queries_read(path)
