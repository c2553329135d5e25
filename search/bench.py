"""Search and suggestion latency against a running site on this machine.

``manage.py search_bench`` (see its ``--help``) drives it; ``make bench``
calls that. Each request's whole time is measured by the client; the time the
site waited on the engine comes from the ``Server-Timing`` header the search
views send (``search.engine.engine_timer``), so both figures describe the same
requests. Only loopback addresses are accepted: this is never a load test of
another machine.

Two passes per endpoint:

- ``repeat`` rotates a short list of popular terms, as shoppers repeat them:
  a page cache or the engine's caches may answer.
- ``cold`` sends each request a query not sent before in this run (from
  ``--queries-file``; suggestion prefixes are cut from those queries), so no
  cache keyed on the query can answer. It is capped at the number of distinct
  queries rather than repeating one.

A response without a ``Server-Timing`` header (a page cache answered before
the view ran) is counted as served without the engine; engine percentiles
are taken only over the requests that reached the engine, never with a
missing header read as 0 ms.
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
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from search.text import fold

DEFAULT_QUERIES = ["com chay", "chieu coi", "mat ong", "banh da", "ruou", "dac san ninh binh"]
DEFAULT_PREFIXES = ["co", "com ch", "chi", "mat o", "ba", "ru"]
ENDPOINTS = {"search": "/search/", "suggest": "/search/suggest/"}
PASSES = ("repeat", "cold")
MAX_QUERIES = 100_000
MAX_QUERY_LENGTH = 200
# How a sample was answered when the site said nothing about an engine.
BY_DATABASE = "database"
NO_HEADER = "no Server-Timing"
_TIMING = re.compile(r"search-engine;dur=([\d.]+)")
_TOOK = re.compile(r"search-engine-took;dur=([\d.]+)")
_ENGINE = re.compile(r'desc="([^"]*)"')


class NotLoopback(ValueError):
    """The benchmark refuses any address outside this machine."""


class QueriesFileError(ValueError):
    """The queries file cannot be read as UTF-8 text, one query per line."""


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


def _spread(values: list[float]) -> dict:
    """Median and p95 in ms, or None for both when there is nothing to measure."""
    if not values:
        return {"p50": None, "p95": None}
    return {"p50": round(statistics.median(values), 1), "p95": round(percentile(values, 0.95), 1)}


def queries_read(path: str | Path) -> list[str]:
    """Distinct queries of a UTF-8 file, one a line, in file order; blank lines skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise QueriesFileError(f"{path} is not UTF-8 text: {exc}") from exc
    except OSError as exc:
        raise QueriesFileError(f"{path} cannot be read: {exc.strerror or exc}") from exc
    queries: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        query = line.strip()
        if not query:
            continue
        if len(query) > MAX_QUERY_LENGTH:
            raise QueriesFileError(
                f"{path}, line {number}: a query is at most {MAX_QUERY_LENGTH} characters."
            )
        if query not in seen:
            seen.add(query)
            queries.append(query)
        if len(queries) > MAX_QUERIES:
            raise QueriesFileError(f"{path} holds more than {MAX_QUERIES} queries.")
    return queries


def _fresh(candidates: list[str], sent: list[str]) -> list[str]:
    """``candidates`` without any whose folded form was already sent or is repeated."""
    seen = {fold(q) for q in sent}
    out = []
    for query in candidates:
        key = fold(query)
        if key and key not in seen:
            seen.add(key)
            out.append(query)
    return out


def cold_queries(queries: list[str], *, sent: list[str]) -> list[str]:
    """The search pass's cold queries: each distinct once folded, none already ``sent``.

    Folded duplicates ("Cơm cháy" and "com chay") are dropped too: the engine
    folds both to the same terms, so the second would not be a new question.
    """
    return _fresh(queries, sent)


def cold_prefixes(queries: list[str], *, sent: list[str]) -> list[str]:
    """Suggestion prefixes cut from ``queries`` as a shopper types them, each sent once.

    A two-word query gives its first word and the first one, two, then three
    letters of the second ("mật o", "mật on", "mật ong"); a one-word query its
    first three letters, then four. Rounds go across all queries before
    taking longer prefixes, so the first requests spread over many words.
    """
    rounds: list[list[str]] = [[], [], []]
    for query in queries:
        words = query.split()
        if len(words) >= 2:
            first, second = words[0], words[1]
            for n in range(3):
                if n < len(second):
                    rounds[n].append(f"{first} {second[: n + 1]}")
        elif words:
            word = words[0]
            for n, length in enumerate((3, 4)):
                if length <= len(word):
                    rounds[n].append(word[:length])
    return _fresh([p for batch in rounds for p in batch], sent)


@dataclass
class Sample:
    status: int
    request_ms: float
    engine_ms: float | None
    took_ms: float | None
    engine: str
    timed: bool = True  # the response carried a Server-Timing header

    @property
    def answered_by(self) -> str:
        if not self.timed:
            return NO_HEADER
        return self.engine or BY_DATABASE


def sample_read(*, status: int, request_ms: float, server_timing: str | None) -> Sample:
    """A sample from one response's status, time and ``Server-Timing`` header (None: absent)."""
    header = server_timing or ""
    engine = _ENGINE.search(header)
    round_trip = _TIMING.search(header)
    took = _TOOK.search(header)
    # Only a named engine was waited on; "search-engine;dur=0" means no engine call.
    reached = engine is not None
    return Sample(
        status=status,
        request_ms=request_ms,
        engine_ms=float(round_trip.group(1)) if reached and round_trip else None,
        took_ms=float(took.group(1)) if reached and took else None,
        engine=engine.group(1) if engine else "",
        timed=bool(header),
    )


@dataclass
class EndpointReport:
    name: str
    samples: list[Sample] = field(default_factory=list)
    wall_seconds: float = 0.0
    distinct_queries: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        ok = [s for s in self.samples if s.status == 200]
        engine = [s for s in ok if s.engine_ms is not None]
        answered: dict[str, int] = {}
        for s in ok:
            answered[s.answered_by] = answered.get(s.answered_by, 0) + 1
        failed: dict[str, int] = {}
        for s in self.samples:
            if s.status != 200:
                key = str(s.status) if s.status else "no answer"
                failed[key] = failed.get(key, 0) + 1
        return {
            "requests": len(self.samples),
            "errors": len(self.samples) - len(ok),
            "error_statuses": dict(sorted(failed.items())),
            "requests_per_second": round(len(self.samples) / self.wall_seconds, 1)
            if self.wall_seconds
            else 0.0,
            "distinct_queries": self.distinct_queries,
            "reached_engine": len(engine),
            "without_engine": answered.get(NO_HEADER, 0),
            "engine_share": round(len(engine) / len(ok), 3) if ok else None,
            "answered_by": dict(sorted(answered.items())),
            "request_ms": _spread([s.request_ms for s in ok]),
            "engine_ms": _spread([s.engine_ms for s in engine]),
            "engine_took_ms": _spread([s.took_ms for s in engine if s.took_ms is not None]),
            "notes": list(self.notes),
        }


def _fetch(url: str, timeout: float) -> Sample:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status, timing = response.status, response.headers.get("Server-Timing")
    except urllib.error.HTTPError as exc:
        status, timing = exc.code, None
    except OSError:
        status, timing = 0, None
    elapsed = (time.perf_counter() - started) * 1000
    return sample_read(status=status, request_ms=elapsed, server_timing=timing)


def _drive(urls: list[str], *, concurrency: int, timeout: float) -> EndpointReport:
    report = EndpointReport(name="")
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        report.samples = list(pool.map(lambda target: _fetch(target, timeout), urls))
    report.wall_seconds = time.perf_counter() - started
    return report


def bench_run(
    *,
    base_url: str,
    requests: int = 200,
    concurrency: int = 20,
    queries: list[str] | None = None,
    prefixes: list[str] | None = None,
    cold: list[str] | None = None,
    timeout: float = 10.0,
) -> dict[str, dict[str, dict]]:
    """``requests`` GETs per endpoint and pass from ``concurrency`` threads.

    Returns ``{endpoint: {"repeat": summary, "cold": summary}}``. The repeat
    pass rotates ``queries`` (search) and ``prefixes`` (suggest) after one
    uncounted warm-up request each. The cold pass sends ``cold`` queries
    (search) and prefixes cut from them (suggest), each once and without a
    warm-up, skipping any already sent; with fewer than ``requests`` it sends
    what there is and says so in the summary's ``notes``. Without ``cold``
    the cold pass is skipped and its summary says so.
    """
    base_url = loopback_base_url(base_url)
    if not 1 <= requests <= 100_000 or not 1 <= concurrency <= 200:
        raise ValueError("requests must be 1..100000 and concurrency 1..200")
    repeat = {"search": queries or DEFAULT_QUERIES, "suggest": prefixes or DEFAULT_PREFIXES}
    fresh = {
        "search": cold_queries(cold or [], sent=repeat["search"]),
        "suggest": cold_prefixes(cold or [], sent=repeat["suggest"]),
    }
    results: dict[str, dict[str, dict]] = {}
    for name, path in ENDPOINTS.items():

        def url(q: str, path: str = path) -> str:
            return f"{base_url}{path}?{urlencode({'q': q})}"

        for q in repeat[name]:
            _fetch(url(q), timeout)
        targets = [repeat[name][i % len(repeat[name])] for i in range(requests)]
        report = _drive([url(q) for q in targets], concurrency=concurrency, timeout=timeout)
        report.name, report.distinct_queries = f"{name} repeat", len(set(targets))
        results[name] = {"repeat": report.summary()}

        unsent = fresh[name]
        if not unsent:
            why = (
                f"none of the {len(cold)} cold queries is new to this run"
                if cold
                else "no cold queries given (--queries-file)"
            )
            results[name]["cold"] = {"requests": 0, "skipped": True, "notes": [f"{why}: skipped"]}
            continue
        targets = unsent[:requests]
        report = _drive([url(q) for q in targets], concurrency=concurrency, timeout=timeout)
        report.name, report.distinct_queries = f"{name} cold", len(targets)
        if len(targets) < requests:
            report.notes.append(
                f"only {len(targets)} distinct {'queries' if name == 'search' else 'prefixes'} "
                f"not sent before for {requests} requests: sent {len(targets)}, none repeated"
            )
        results[name]["cold"] = report.summary()
    return results
