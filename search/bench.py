"""Search and suggestion latency against a running site on this machine.

``manage.py search_bench`` (see its ``--help``) drives it; ``make bench``
calls that. Each request's whole time is measured by the client; the time the
site waited on the engine comes from the ``Server-Timing`` header the search
views send (``search.engine.engine_timer``), so both figures describe the same
requests. Only loopback addresses are accepted: this is never a load test of
another machine.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import statistics
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

DEFAULT_QUERIES = ["com chay", "chieu coi", "mat ong", "banh da", "ruou", "dac san ninh binh"]
DEFAULT_PREFIXES = ["co", "com ch", "chi", "mat o", "ba", "ru"]
ENDPOINTS = {"search": "/search/", "suggest": "/search/suggest/"}
_TIMING = re.compile(r"search-engine;dur=([\d.]+)")
_TOOK = re.compile(r"search-engine-took;dur=([\d.]+)")
_ENGINE = re.compile(r'desc="([^"]*)"')


class NotLoopback(ValueError):
    """The benchmark refuses any address outside this machine."""


def loopback_base_url(url: str) -> str:
    """``url`` without a trailing slash, if its host resolves only to loopback addresses."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise NotLoopback(f"{url!r} is not an http(s) URL")
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 80)}
    except OSError as exc:
        raise NotLoopback(f"{parts.hostname!r} does not resolve: {exc}") from exc
    if not addresses or not all(ipaddress.ip_address(a).is_loopback for a in addresses):
        raise NotLoopback(f"{parts.hostname!r} is not a loopback address (127.0.0.0/8, ::1)")
    return url.rstrip("/")


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 200 samples is the 190th smallest)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


@dataclass
class Sample:
    status: int
    request_ms: float
    engine_ms: float | None
    took_ms: float | None
    engine: str


@dataclass
class EndpointReport:
    name: str
    samples: list[Sample] = field(default_factory=list)
    wall_seconds: float = 0.0

    def summary(self) -> dict:
        ok = [s for s in self.samples if s.status == 200]
        request = [s.request_ms for s in ok]
        engine = [s.engine_ms for s in ok if s.engine_ms is not None]
        took = [s.took_ms for s in ok if s.took_ms is not None]
        return {
            "requests": len(self.samples),
            "errors": len(self.samples) - len(ok),
            "requests_per_second": round(len(self.samples) / self.wall_seconds, 1)
            if self.wall_seconds
            else 0.0,
            "answered_by": sorted({s.engine for s in ok if s.engine}) or ["database"],
            "request_ms": {
                "p50": round(statistics.median(request), 1) if request else 0.0,
                "p95": round(percentile(request, 0.95), 1),
            },
            "engine_ms": {
                "p50": round(statistics.median(engine), 1) if engine else 0.0,
                "p95": round(percentile(engine, 0.95), 1),
            },
            "engine_took_ms": {
                "p50": round(statistics.median(took), 1) if took else 0.0,
                "p95": round(percentile(took, 0.95), 1),
            },
        }


def _fetch(url: str, timeout: float) -> Sample:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status, timing = response.status, response.headers.get("Server-Timing", "")
    except urllib.error.HTTPError as exc:
        status, timing = exc.code, ""
    except OSError:
        status, timing = 0, ""
    elapsed = (time.perf_counter() - started) * 1000
    engine = _TIMING.search(timing)
    took = _TOOK.search(timing)
    name = _ENGINE.search(timing)
    return Sample(
        status=status,
        request_ms=elapsed,
        engine_ms=float(engine.group(1)) if engine else None,
        took_ms=float(took.group(1)) if took else None,
        engine=name.group(1) if name else "",
    )


def bench_run(
    *,
    base_url: str,
    requests: int = 200,
    concurrency: int = 20,
    queries: list[str] | None = None,
    prefixes: list[str] | None = None,
    timeout: float = 10.0,
) -> dict[str, dict]:
    """``requests`` GETs per endpoint from ``concurrency`` threads; a summary per endpoint.

    Queries rotate through ``queries`` (search) and ``prefixes`` (suggest).
    A short warm-up (one request per query) is not counted.
    """
    base_url = loopback_base_url(base_url)
    if not 1 <= requests <= 100_000 or not 1 <= concurrency <= 200:
        raise ValueError("requests must be 1..100000 and concurrency 1..200")
    words = {"search": queries or DEFAULT_QUERIES, "suggest": prefixes or DEFAULT_PREFIXES}
    results = {}
    for name, path in ENDPOINTS.items():
        urls = [f"{base_url}{path}?{urlencode({'q': q})}" for q in words[name]]
        for url in urls:
            _fetch(url, timeout)
        report = EndpointReport(name=name)
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            targets = [urls[i % len(urls)] for i in range(requests)]
            report.samples = list(pool.map(lambda target: _fetch(target, timeout), targets))
        report.wall_seconds = time.perf_counter() - started
        results[name] = report.summary()
    return results
