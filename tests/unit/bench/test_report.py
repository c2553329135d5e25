"""The bench's figures: wrk's summary line read, the table, ratios and targets computed."""

import json

import pytest

from bench import report


def wrk_output(requests=1000, seconds=10, p95_us=60_000, status_errors=0, byte_count=2_000_000):
    summary = {
        "requests": requests,
        "duration_us": seconds * 1_000_000,
        "bytes": byte_count,
        "errors": {"connect": 0, "read": 0, "write": 0, "status": status_errors, "timeout": 0},
        "latency_us": {"p50": 20_000, "p95": p95_us, "p99": 90_000, "mean": 25_000.5, "max": 1},
    }
    return "Running 10s test @ http://127.0.0.1:1/\n" + "BENCH_JSON " + json.dumps(summary)


def test_wrk_summary_is_read_from_its_line():
    parsed = report.wrk_parse(wrk_output(requests=321))
    assert parsed["requests"] == 321
    assert parsed["latency_us"]["p95"] == 60_000


@pytest.mark.parametrize(
    "output",
    ["Running 10s test\nRequests/sec: 10", "BENCH_JSON {not json", 'BENCH_JSON {"requests": 1}'],
)
def test_output_without_a_usable_summary_is_refused(output):
    with pytest.raises(report.ReportError):
        report.wrk_parse(output)


def test_row_turns_microseconds_and_duration_into_page_figures():
    row = report.row(
        report.wrk_parse(wrk_output(requests=1500, seconds=10, status_errors=3)),
        {"queries": 12, "bytes": 40_000, "status": 200},
    )
    assert row["rps"] == 150.0
    assert (row["p50_ms"], row["p95_ms"], row["p99_ms"]) == (20.0, 60.0, 90.0)
    assert row["errors"] == 3
    assert (row["queries"], row["bytes"]) == (12, 40_000)


def test_a_run_where_nothing_answered_is_an_error_not_a_fast_page():
    row = report.row(report.wrk_parse(wrk_output(requests=0)), None)
    assert row["rps"] == 0.0
    assert row["p95_ms"] is None
    assert row["errors"] >= 1
    results = {"marketplace": {"home": row}, "floor": {"floor": row}}
    home_p95 = next(t for t in report.targets(results) if t["target"].startswith("home p95"))
    assert home_p95["met"] is False


def test_bytes_come_from_wrk_when_no_page_was_probed():
    row = report.row(report.wrk_parse(wrk_output(requests=100, byte_count=41_000)), None)
    assert row["bytes"] == 410
    assert row["queries"] is None


def results_of(ours_rps, peer_rps, floor_rps, p95=50.0, cpu_ms=8.0):
    def row(rps):
        return {"rps": rps, "p50_ms": 10.0, "p95_ms": p95, "p99_ms": 90.0, "errors": 0,
                "queries": 5, "bytes": 1000, "requests": 10, "status": 200,
                "cpu_ms": cpu_ms}  # fmt: skip

    return {
        "marketplace": {page: row(ours_rps) for page in report.PAGES},
        "peer": {page: row(peer_rps) for page in report.PAGES},
        "floor": {"floor": row(floor_rps)},
    }


def test_ratios_divide_marketplace_throughput_by_peer_and_floor():
    ratios = report.ratios(results_of(300.0, 100.0, 600.0))
    assert ratios["listing"] == {"vs_peer": 3.0, "vs_floor": 0.5}


def test_targets_say_which_figures_are_met():
    met = {t["target"]: t["met"] for t in report.targets(results_of(300.0, 100.0, 600.0))}
    assert met["listing ≥ 3× peer"] is True
    assert met["search_common ≥ 10× peer"] is False
    assert met["home ≥ 0.5× floor"] is True
    assert met["home p95 < 80 ms"] is True
    slow = {t["target"]: t["met"] for t in report.targets(results_of(1.0, 1.0, 1.0, p95=200.0))}
    assert slow["listing p95 < 150 ms"] is False


def test_table_has_every_page_and_server_then_ratios_and_targets():
    text = report.table(results_of(300.0, 100.0, 600.0))
    lines = text.splitlines()
    assert lines[0].split() == [
        "page", "server", "req/s", "p50", "ms", "p95", "ms", "p99", "ms", "errors", "queries",
        "bytes", "cpu", "ms",
    ]  # fmt: skip
    rows = [line.split() for line in lines[2:] if line.strip()]
    assert ["listing", "peer", "100.0", "10.0", "50.0", "90.0", "0", "5", "1000", "8.0"] in rows
    assert ["floor", "floor", "600.0", "10.0", "50.0", "90.0", "0", "5", "1000", "8.0"] in rows
    assert any(row[:2] == ["product_basket", "marketplace"] for row in rows)
    assert any(line.split()[:3] == ["listing", "3.00", "0.50"] for line in lines)
    assert "MISSED search_common ≥ 10× peer" in " ".join(text.split())


def test_document_is_json_with_the_run_context():
    doc = report.document(results_of(2.0, 1.0, 4.0), {"cores": 2, "commit": "abc"})
    again = json.loads(json.dumps(doc, ensure_ascii=False))
    assert again["meta"] == {"cores": 2, "commit": "abc"}
    assert again["ratios"]["home"]["vs_peer"] == 2.0
    assert {t["target"] for t in again["targets"]} >= {"home ≥ 0.5× floor"}


def search_summary(request_p95=120.0, engine_p95=25.0, reached=60, cached=0, errors=0):
    ok = reached + cached
    engine = {"p50": 10.0, "p95": engine_p95} if reached else {"p50": None, "p95": None}
    answered = {"opensearch": reached} if reached else {}
    if cached:
        answered["no Server-Timing"] = cached
    return {
        "requests": ok + errors, "errors": errors, "requests_per_second": 41.5,
        "distinct_queries": ok, "reached_engine": reached, "without_engine": cached,
        "engine_share": round(reached / ok, 3) if ok else None, "answered_by": answered,
        "request_ms": {"p50": 60.0, "p95": request_p95}, "engine_ms": engine,
        "engine_took_ms": {"p50": 3.0, "p95": 7.5} if reached else {"p50": None, "p95": None},
        "notes": [],
    }  # fmt: skip


def search_figures(**cold):
    return {
        "engine": "opensearch",
        "own_node": True,
        "requests": 60,
        "concurrency": 20,
        "rebuild": {"products_per_s": 2345, "products": 10000, "seconds": 4.26},
        "rebuild_first": {"products_per_s": 1250, "products": 10000, "seconds": 8.0},
        "latency": {
            "search": {
                "repeat": search_summary(cached=20, reached=40),
                "cold": search_summary(**cold),
            },
            "suggest": {"repeat": search_summary(), "cold": search_summary()},
        },
    }


def test_search_section_prints_rebuild_and_both_passes_per_endpoint():
    text = report.search_section(search_figures(request_p95=180.0, engine_p95=45.0))
    assert "rebuild: 2,345 products/s (10000 in 4.26 s)" in text
    assert "first rebuild, on an engine just started: 1,250 products/s" in text
    rows = {tuple(line.split()[:2]): line.split() for line in text.splitlines() if line.strip()}
    assert rows[("search", "repeat")][2:13] == [
        "60", "0", "41.5", "60.0", "120.0", "10.0", "25.0", "3.0", "7.5", "40", "(67%)",
    ]  # fmt: skip
    assert "no Server-Timing 20" in " ".join(rows[("search", "repeat")])
    assert rows[("search", "cold")][5:8] == ["60.0", "180.0", "10.0"]
    assert ("suggest", "cold") in rows
    flat = " ".join(text.split())
    assert "met rebuild ≥ 2,000 products/s 2345" in flat
    assert "met search repeat request p95 < 150 ms 120.0" in flat
    assert "MISSED search cold request p95 < 150 ms 180.0" in flat
    assert "MISSED search cold engine p95 < 30 ms 45.0" in flat
    assert "met suggest cold engine p95 < 30 ms 25.0" in flat


def test_an_engine_target_is_not_judged_when_no_request_reached_the_engine():
    checks = report.search_targets(search_figures(reached=0, cached=60))
    cold_engine = next(c for c in checks if c["target"] == "search cold engine p95 < 30 ms")
    assert cold_engine == {"target": "search cold engine p95 < 30 ms", "value": None, "met": None}
    text = report.search_section(search_figures(reached=0, cached=60))
    assert "n/a search cold engine p95 < 30 ms" in " ".join(text.split())
    cold_row = next(
        line.split() for line in text.splitlines() if line.split()[:2] == ["search", "cold"]
    )
    assert cold_row[7:11] == ["-", "-", "-", "-"] and cold_row[11:13] == ["0", "(0%)"]


def test_skipped_search_says_why_and_has_no_targets():
    assert (
        report.search_section({"skipped": "BENCH_SEARCH=0"}) == "search: skipped (BENCH_SEARCH=0)"
    )
    assert report.search_targets({"skipped": "BENCH_SEARCH=0"}) == []
    cold_skipped = search_figures()
    note = "no cold queries given (--queries-file): skipped"
    cold_skipped["latency"]["search"]["cold"] = {"requests": 0, "skipped": True, "notes": [note]}
    text = report.search_section(cold_skipped)
    assert "search cold: no cold queries given (--queries-file): skipped" in text
    assert not any(
        c["target"].startswith("search cold") for c in report.search_targets(cold_skipped)
    )


def test_document_carries_the_search_figures_and_their_targets():
    doc = report.document(results_of(2.0, 1.0, 4.0), {"cores": 2}, search_figures())
    again = json.loads(json.dumps(doc, ensure_ascii=False))
    assert again["search"]["rebuild"]["products_per_s"] == 2345
    assert again["search"]["latency"]["suggest"]["cold"]["reached_engine"] == 60
    assert {t["target"] for t in again["search"]["targets"]} >= {"rebuild ≥ 2,000 products/s"}
    assert "search" not in report.document(results_of(2.0, 1.0, 4.0), {"cores": 2})


def test_the_reports_row_says_whether_the_provincial_report_is_under_a_second():
    figures = {
        "repeat": 5,
        "p50_ms": 412.5,
        "max_ms": 530.0,
        "queries": 21,
        "order_lines_in_year": 41000,
        "order_lines": 50012,
    }
    row = report.reports_section(figures).splitlines()[1].split()
    assert row == ["reports", "5", "412.5", "530.0", "21", "41000/50012", "ok"]
    assert report.reports_section({**figures, "p50_ms": 1200.0}).endswith("OVER")
    assert report.reports_section(None) == "reports: skipped"


def test_row_carries_the_probes_cpu_per_request():
    row = report.row(
        report.wrk_parse(wrk_output()), {"queries": 3, "bytes": 10, "status": 200, "cpu_ms": 11.5}
    )
    assert row["cpu_ms"] == 11.5
    assert report.row(report.wrk_parse(wrk_output()), None)["cpu_ms"] is None


def test_issue_17_targets_judge_ratios_p95_and_cpu_per_request():
    met = {t["target"]: t["met"] for t in report.targets_17(results_of(300.0, 100.0, 600.0))}
    assert met["product_basket ≥ 3× peer"] is True
    assert met["add_to_basket ≥ 2× peer"] is True
    assert met["search_new_basket ≥ 10× peer"] is False
    assert met["product cpu ≤ 12 ms"] is True
    assert met["search_new_basket p95 < 300 ms"] is True
    heavy = {t["target"]: t["met"] for t in report.targets_17(results_of(1, 1, 1, cpu_ms=16.0))}
    assert heavy["product cpu ≤ 12 ms"] is False
    assert heavy["product_basket cpu ≤ 15 ms"] is False
    text = " ".join(report.table(results_of(300.0, 100.0, 600.0)).split())
    assert "targets (issue #17" in text
    assert "MISSED search_new_basket ≥ 10× peer" in text
