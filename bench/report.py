"""Figures of a `make bench` run: wrk's summary in, one table and one JSON document out."""

from __future__ import annotations

import json

PAGES = (
    "home",
    "listing",
    "product",
    "search_common",
    "search_rare",
    "add_to_basket",
    "basket",
    # A shopper with a basket: no page cache answers (bench/probe.py).
    "home_basket",
    "listing_basket",
    "product_basket",
    "search_new_basket",
)
SERVERS = ("marketplace", "peer", "floor")
FLOOR_PAGE = "floor"

# Issue #8's targets: figures to read against, never test assertions.
TARGET_PEER_RATIO = {"listing": 3.0, "product": 2.0, "search_common": 10.0, "search_rare": 10.0}
TARGET_P95_MS = {
    "home": 80,
    "listing": 150,
    "product": 120,
    "search_common": 150,
    "search_rare": 150,
    "add_to_basket": 150,
}
TARGET_HOME_FLOOR_RATIO = 0.5
# Issue #17's targets: where no page cache answers.
TARGET_17_PEER_RATIO = {
    "product": 3.0,
    "product_basket": 3.0,
    "listing_basket": 3.0,
    "search_new_basket": 3.0,
    "basket": 3.0,
    "add_to_basket": 2.0,
}
TARGET_17_P95_MS = {
    "product": 150,
    "product_basket": 150,
    "search_new_basket": 300,
    "add_to_basket": 150,
}
# CPU per request (ms) in the probe; the search page's adds the engine's round trip.
TARGET_17_CPU_MS = {"product": 12, "product_basket": 15, "search_new_basket": 20}
# Issue #5's search targets.
TARGET_REBUILD_PER_S = 2000
TARGET_SEARCH_P95_MS = 150
TARGET_ENGINE_P95_MS = 30
SEARCH_ENDPOINTS = ("search", "suggest")
SEARCH_PASSES = ("repeat", "cold")


class ReportError(ValueError):
    """wrk's output has no summary line this harness can read."""


def wrk_parse(output: str) -> dict:
    """The BENCH_JSON line written by bench/wrk/report.lua."""
    for line in output.splitlines():
        if line.startswith("BENCH_JSON "):
            try:
                data = json.loads(line[len("BENCH_JSON ") :])
            except json.JSONDecodeError as exc:
                raise ReportError(f"Unreadable wrk summary: {exc}") from None
            for key in ("requests", "duration_us", "bytes", "errors", "latency_us"):
                if key not in data:
                    raise ReportError(f"wrk summary lacks {key!r}.")
            return data
    raise ReportError("wrk printed no BENCH_JSON summary (was bench/wrk/report.lua used?).")


def row(wrk: dict, probe: dict | None = None) -> dict:
    """One page on one server: throughput, latency (ms), errors, queries, bytes."""
    seconds = wrk["duration_us"] / 1_000_000
    latency = wrk["latency_us"]
    requests = wrk["requests"]
    if not requests:
        # Nothing answered within the run: no latency to speak of, and a failure.
        return {
            "requests": 0,
            "rps": 0.0,
            "p50_ms": None,
            "p95_ms": None,
            "p99_ms": None,
            "errors": max(1, sum(wrk["errors"].values())),
            "queries": probe["queries"] if probe else None,
            "bytes": probe["bytes"] if probe else None,
            "status": probe["status"] if probe else None,
            "cpu_ms": probe.get("cpu_ms") if probe else None,
        }
    return {
        "requests": requests,
        "rps": round(requests / seconds, 1) if seconds else 0.0,
        "p50_ms": round(latency["p50"] / 1000, 1),
        "p95_ms": round(latency["p95"] / 1000, 1),
        "p99_ms": round(latency["p99"] / 1000, 1),
        "errors": sum(wrk["errors"].values()),
        "queries": probe["queries"] if probe else None,
        "bytes": probe["bytes"] if probe else (round(wrk["bytes"] / requests) if requests else 0),
        "status": probe["status"] if probe else None,
        "cpu_ms": probe.get("cpu_ms") if probe else None,
    }


def ratios(results: dict) -> dict:
    """Per page, marketplace throughput divided by the peer's and by the floor's."""
    floor = results.get("floor", {}).get(FLOOR_PAGE)
    out = {}
    for page, ours in results.get("marketplace", {}).items():
        theirs = results.get("peer", {}).get(page)
        out[page] = {
            "vs_peer": round(ours["rps"] / theirs["rps"], 2) if theirs and theirs["rps"] else None,
            "vs_floor": round(ours["rps"] / floor["rps"], 2) if floor and floor["rps"] else None,
        }
    return out


def targets(results: dict) -> list[dict]:
    """Each of the issue's targets with the measured figure and whether it was met."""
    ours = results.get("marketplace", {})
    found = ratios(results)
    checks = []
    for page, wanted in TARGET_PEER_RATIO.items():
        got = found.get(page, {}).get("vs_peer")
        checks.append(
            {
                "target": f"{page} ≥ {wanted:g}× peer",
                "value": got,
                "met": got is not None and got >= wanted,
            }
        )
    for page, limit in TARGET_P95_MS.items():
        got = ours.get(page, {}).get("p95_ms")
        checks.append(
            {
                "target": f"{page} p95 < {limit} ms",
                "value": got,
                "met": got is not None and got < limit,
            }
        )
    got = found.get("home", {}).get("vs_floor")
    checks.append(
        {
            "target": f"home ≥ {TARGET_HOME_FLOOR_RATIO:g}× floor",
            "value": got,
            "met": got is not None and got >= TARGET_HOME_FLOOR_RATIO,
        }
    )
    return checks


def _check(target: str, value, met: bool) -> dict:
    return {"target": target, "value": value, "met": met}


def targets_17(results: dict) -> list[dict]:
    """Issue #17's targets: throughput against stock Oscar, p95 and CPU per request."""
    ours, peer = results.get("marketplace", {}), results.get("peer", {})
    found = ratios(results)
    checks = []
    for page, wanted in TARGET_17_PEER_RATIO.items():
        got = found.get(page, {}).get("vs_peer")
        checks.append(_check(f"{page} ≥ {wanted:g}× peer", got, got is not None and got >= wanted))
    for page, limit in TARGET_17_P95_MS.items():
        got = ours.get(page, {}).get("p95_ms")
        checks.append(_check(f"{page} p95 < {limit} ms", got, got is not None and got < limit))
    for page, limit in TARGET_17_CPU_MS.items():
        got = ours.get(page, {}).get("cpu_ms")
        checks.append(_check(f"{page} cpu ≤ {limit} ms", got, got is not None and got <= limit))
    # A new search with the engine against stock Oscar's search (its database search).
    got = ours.get("search_new_basket", {}).get("rps")
    theirs = peer.get("search_new_basket", {}).get("rps")
    ratio = round(got / theirs, 2) if got is not None and theirs else None
    checks.append(_check("search_new_basket ≥ 10× peer", ratio, ratio is not None and ratio >= 10))
    return checks


def _cell(value, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(results: dict) -> str:
    """The printed table: one line per page and server, then ratios, then targets."""
    header = (
        "page", "server", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "queries", "bytes",
        "cpu ms",
    )  # fmt: skip
    lines = [header]
    for page in (*PAGES, FLOOR_PAGE):
        for server in SERVERS:
            r = results.get(server, {}).get(page)
            if r is None:
                continue
            lines.append(
                (
                    page,
                    server,
                    _cell(r["rps"]),
                    _cell(r["p50_ms"]),
                    _cell(r["p95_ms"]),
                    _cell(r["p99_ms"]),
                    _cell(r["errors"]),
                    _cell(r["queries"]),
                    _cell(r["bytes"]),
                    _cell(r.get("cpu_ms")),
                )
            )
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append(
            "  ".join(
                str(c).ljust(w) if i < 2 else str(c).rjust(w)
                for i, (c, w) in enumerate(zip(line, widths, strict=True))
            )
        )
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    out.append("")
    out.append("throughput ratios   marketplace/peer   marketplace/floor")
    for page, ratio in ratios(results).items():
        out.append(
            f"  {page:<17} {_cell(ratio['vs_peer'], 2):>16}   {_cell(ratio['vs_floor'], 2):>17}"
        )
    out.append("")
    out.append("targets (issue #8)")
    for check in targets(results):
        mark = "met   " if check["met"] else "MISSED"
        out.append(f"  {mark} {check['target']:<28} {_cell(check['value'], 2)}")
    out.append("")
    out.append("targets (issue #17; cpu = CPU per request in the probe, median of 20)")
    for check in targets_17(results):
        mark = "met   " if check["met"] else "MISSED"
        out.append(f"  {mark} {check['target']:<34} {_cell(check['value'], 2)}")
    return "\n".join(out)


def search_targets(search: dict) -> list[dict]:
    """Issue #5's targets against a run's search figures (empty when search was skipped).

    The request target is the search page's (both passes); the engine target,
    the time the site waited on the engine (round trip), holds for search and
    suggestions alike, over the requests that reached the engine.
    """
    if not search or search.get("skipped"):
        return []
    rebuild = search.get("rebuild") or {}
    got = rebuild.get("products_per_s")
    checks = [
        {
            "target": f"rebuild ≥ {TARGET_REBUILD_PER_S:,} products/s",
            "value": got,
            "met": got is not None and got >= TARGET_REBUILD_PER_S,
        }
    ]
    latency = search.get("latency") or {}
    for endpoint in SEARCH_ENDPOINTS:
        for pass_name in SEARCH_PASSES:
            summary = latency.get(endpoint, {}).get(pass_name)
            if not summary or summary.get("skipped"):
                continue
            figures = [("engine p95", summary["engine_ms"]["p95"], TARGET_ENGINE_P95_MS)]
            if endpoint == "search":
                request_p95 = summary["request_ms"]["p95"]
                figures.insert(0, ("request p95", request_p95, TARGET_SEARCH_P95_MS))
            for label, value, limit in figures:
                checks.append(
                    {
                        "target": f"{endpoint} {pass_name} {label} < {limit} ms",
                        "value": value,
                        # None: no request reached the engine, so there is nothing to judge.
                        "met": None if value is None else value < limit and not summary["errors"],
                    }
                )
    return checks


def _answered(summary: dict) -> str:
    return ", ".join(f"{name} {count}" for name, count in summary["answered_by"].items()) or "-"


def _share(summary: dict) -> str:
    share = summary.get("engine_share")
    return "-" if share is None else f"{share:.0%}"


def search_section(search: dict) -> str:
    """The printed search figures: rebuild throughput, then latency per endpoint and pass."""
    if not search or search.get("skipped"):
        reason = (search or {}).get("skipped") or "no search figures"
        return f"search: skipped ({reason})"
    engine = search.get("engine", "?")
    where = "own node" if search.get("own_node") else "SEARCH_URL"
    out = [
        f"search ({engine}, {where}; {search.get('concurrency', '?')} clients, "
        f"{search.get('requests', '?')} requests per pass)"
    ]
    rebuild = search.get("rebuild")
    if rebuild:
        out.append(
            f"  rebuild: {rebuild['products_per_s']:,} products/s "
            f"({rebuild['products']} in {rebuild['seconds']:.2f} s)"
        )
    first = search.get("rebuild_first")
    if first:
        out.append(
            f"  (the first rebuild, on an engine just started: {first['products_per_s']:,} "
            f"products/s, {first['products']} in {first['seconds']:.2f} s)"
        )
    header = (
        "endpoint", "pass", "requests", "errors", "req/s", "request p50", "request p95",
        "engine p50", "engine p95", "took p50", "took p95", "reached engine", "answered by",
    )  # fmt: skip
    lines = [header]
    notes = []
    latency = search.get("latency") or {}
    for endpoint in SEARCH_ENDPOINTS:
        for pass_name in SEARCH_PASSES:
            summary = latency.get(endpoint, {}).get(pass_name)
            if summary is None:
                continue
            notes += [f"  {endpoint} {pass_name}: {n}" for n in summary.get("notes", [])]
            if summary.get("errors") and summary.get("error_statuses"):
                statuses = ", ".join(f"{k}: {v}" for k, v in summary["error_statuses"].items())
                notes.append(f"  {endpoint} {pass_name}: errors {statuses}")
            if summary.get("skipped"):
                lines.append((endpoint, pass_name, *["-"] * (len(header) - 2)))
                continue
            lines.append(
                (
                    endpoint,
                    pass_name,
                    _cell(summary["requests"]),
                    _cell(summary["errors"]),
                    _cell(summary["requests_per_second"]),
                    _cell(summary["request_ms"]["p50"]),
                    _cell(summary["request_ms"]["p95"]),
                    _cell(summary["engine_ms"]["p50"]),
                    _cell(summary["engine_ms"]["p95"]),
                    _cell(summary["engine_took_ms"]["p50"]),
                    _cell(summary["engine_took_ms"]["p95"]),
                    f"{summary['reached_engine']} ({_share(summary)})",
                    _answered(summary),
                )
            )
    if len(lines) > 1:
        widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
        for n, line in enumerate(lines):
            cells = [
                str(c).ljust(w) if i < 2 or i == len(header) - 1 else str(c).rjust(w)
                for i, (c, w) in enumerate(zip(line, widths, strict=True))
            ]
            out.append("  " + "  ".join(cells).rstrip())
            if n == 0:
                out.append("  " + "  ".join("-" * w for w in widths))
    out += notes
    out.append(
        "  times in ms; request = the whole request, client side; engine = the site's wait on "
        "the engine (Server-Timing), took = the engine's own time, both only over the requests "
        "that reached the engine"
    )
    out.append("")
    out.append("search targets (issue #5)")
    for check in search_targets(search):
        mark = {True: "met   ", False: "MISSED", None: "n/a   "}[check["met"]]
        out.append(f"  {mark} {check['target']:<38} {_cell(check['value'], 1)}")
    return "\n".join(out)


def document(results: dict, meta: dict, search: dict | None = None) -> dict:
    """The JSON file: the same figures, the ratios, the targets and the run's context."""
    doc = {
        "meta": meta,
        "results": results,
        "ratios": ratios(results),
        "targets": targets(results),
        "targets_17": targets_17(results),
    }
    if search is not None:
        doc["search"] = {**search, "targets": search_targets(search)}
    return doc


REPORTS_TARGET_MS = 1000


def reports_section(reports: dict | None) -> str:
    """The "reports" row: the Union's provincial yearly report, rendered in-process."""
    if not reports:
        return "reports: skipped"
    verdict = "ok" if reports["p50_ms"] < REPORTS_TARGET_MS else "OVER"
    header = (
        "page",
        "renders",
        "p50 ms",
        "max ms",
        "queries",
        "order lines",
        f"< {REPORTS_TARGET_MS} ms",
    )
    row = (
        "reports",
        reports["repeat"],
        reports["p50_ms"],
        reports["max_ms"],
        reports["queries"],
        f"{reports['order_lines_in_year']}/{reports['order_lines']}",
        verdict,
    )
    widths = [max(len(str(a)), len(str(b))) for a, b in zip(header, row, strict=True)]
    return "\n".join(
        "  ".join(str(cell).rjust(width) for cell, width in zip(line, widths, strict=True))
        for line in (header, row)
    )
