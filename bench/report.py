"""Figures of a `make bench` run: wrk's summary in, one table and one JSON document out."""

from __future__ import annotations

import json

PAGES = ("home", "listing", "product", "search_common", "search_rare", "add_to_basket", "basket")
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


def _cell(value, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(results: dict) -> str:
    """The printed table: one line per page and server, then ratios, then targets."""
    header = ("page", "server", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "queries", "bytes")
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
    return "\n".join(out)


def document(results: dict, meta: dict) -> dict:
    """The JSON file: the same figures, the ratios, the targets and the run's context."""
    return {
        "meta": meta,
        "results": results,
        "ratios": ratios(results),
        "targets": targets(results),
    }
