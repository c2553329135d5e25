"""The one port through which the shop talks to a search engine.

Mappings and queries are built with elasticsearch-dsl and handed here as plain
dicts, so the same bodies go to Elasticsearch 8 (the official client, the
docker-compose default) and OpenSearch 2 (opensearch-py, the engine CI runs
from Maven Central). Every failure of the engine, including a timeout, is
raised as ``EngineError`` so callers have one thing to catch and fall back on
the database adapter (``search.database``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from django.conf import settings


class EngineError(Exception):
    """The engine is down, slow or refused the request."""


@dataclass
class EngineTime:
    """Time one request spent waiting on the engine: round trips and the engine's own ``took``."""

    calls: int = 0
    round_trip_ms: float = 0.0
    took_ms: float = 0.0
    engine: str = ""

    def server_timing(self) -> str:
        """A ``Server-Timing`` header value, read by ``manage.py search_bench``."""
        if not self.calls:
            return "search-engine;dur=0"
        return (
            f'search-engine;dur={self.round_trip_ms:.1f};desc="{self.engine}", '
            f"search-engine-took;dur={self.took_ms:.1f}"
        )


_engine_time: ContextVar[EngineTime | None] = ContextVar("search_engine_time", default=None)


@contextmanager
def engine_timer() -> Iterator[EngineTime]:
    """Add up the engine calls made inside the block (a request, a benchmark step)."""
    spent = EngineTime()
    token = _engine_time.set(spent)
    try:
        yield spent
    finally:
        _engine_time.reset(token)


class SearchEngine:
    """The operations the shop needs; adapters translate them to one client.

    Adapters retry nothing: a slow engine must hand over to the database
    within the timeout, not after several retries.
    """

    name = "engine"
    # The client's own failures (network, timeout, refusals). Anything else is a
    # bug in our code and must surface, not be hidden behind the fallback.
    errors: tuple[type[Exception], ...] = ()

    def __init__(self, *, url: str, timeout: float) -> None:
        self.url = url
        self.timeout = timeout
        self.client, self.errors = self._client()

    def _client(self) -> tuple[Any, tuple[type[Exception], ...]]:
        """The client, and the exceptions it raises when the engine fails."""
        raise NotImplementedError

    # Writes (bulk, create, refresh) may wait this long: a rebuild on a busy
    # machine must not fail because a shopper's search has to be fast.
    write_timeout = 60.0

    def _client_with_timeout(self, timeout: float) -> Any:
        """The client whose calls wait up to ``timeout`` seconds."""
        raise NotImplementedError

    def _call(self, method: str, *, write: bool = False, **kwargs: Any) -> Any:
        target = self._client_with_timeout(self.write_timeout) if write else self.client
        for part in method.split("."):
            target = getattr(target, part)
        started = time.perf_counter()
        try:
            response = target(**kwargs)
        except self.errors as exc:
            raise EngineError(f"{self.name} {method} failed: {exc}") from exc
        finally:
            spent = _engine_time.get()
            if spent is not None:
                spent.calls += 1
                spent.round_trip_ms += (time.perf_counter() - started) * 1000
                spent.engine = self.name
        body = getattr(response, "body", response)
        if spent is not None and isinstance(body, dict) and "took" in body:
            spent.took_ms += float(body["took"])
        return body

    def health(self) -> str:
        """``"ok"`` when the cluster answers yellow or green, else ``"down"``."""
        try:
            body = self._call("cluster.health")
        except EngineError:
            return "down"
        return "ok" if body.get("status") in {"green", "yellow"} else "down"

    def index_create(self, *, name: str, body: dict) -> None:
        self._call("indices.create", write=True, index=name, body=body)

    def index_settings(self, *, name: str, settings: dict) -> None:
        """Change an index's dynamic settings (``refresh_interval`` after a bulk fill)."""
        self._call("indices.put_settings", write=True, index=name, body={"index": settings})

    def index_delete(self, *, name: str) -> None:
        self._call("indices.delete", index=name, ignore_unavailable=True)

    def alias_indices(self, *, alias: str) -> list[str]:
        """Indices the alias points at now (none when it does not exist)."""
        if not self._call("indices.exists_alias", name=alias):
            return []
        return sorted(self._call("indices.get_alias", name=alias))

    def alias_swap(self, *, alias: str, index: str) -> list[str]:
        """Point ``alias`` at ``index`` alone, atomically; return the indices it left."""
        old = [name for name in self.alias_indices(alias=alias) if name != index]
        actions = [{"remove": {"index": name, "alias": alias}} for name in old]
        actions.append({"add": {"index": index, "alias": alias}})
        self._call("indices.update_aliases", body={"actions": actions})
        return old

    def bulk(self, *, index: str, operations: list[dict]) -> int:
        """Send index/delete operations; return how many failed (a missing delete is fine)."""
        if not operations:
            return 0
        body = self._call("bulk", write=True, index=index, body=operations)
        failed = 0
        for item in body.get("items", []):
            (action, result), *_ = item.items()
            if result.get("status", 200) >= 300 and not (
                action == "delete" and result.get("status") == 404
            ):
                failed += 1
        return failed

    def refresh(self, *, index: str) -> None:
        self._call("indices.refresh", write=True, index=index)

    def count(self, *, index: str) -> int:
        return int(self._call("count", index=index)["count"])

    def search(self, *, index: str, body: dict, missing_ok: bool = False) -> dict:
        """``missing_ok``: an index never built answers no hits instead of failing.

        The engine keeps each answer in its shard request cache until the
        index next refreshes with a change, so a popular search is counted
        and sorted once per catalogue change. Our bodies carry dates, never
        ``now``, so they can be cached.
        """
        options = {"ignore_unavailable": True} if missing_ok else {}
        return self._call("search", index=index, body=body, request_cache=True, **options)

    def search_many(self, searches: list[tuple[str, dict, bool]]) -> list[dict | EngineError]:
        """Several ``search`` calls, ``(index, body, missing_ok)`` each, in one round trip.

        Answers in the same order: a body's hits, or the ``EngineError`` that
        one search met while the others answered.
        """
        lines: list[dict] = []
        for index, body, missing_ok in searches:
            header = {"index": index, "request_cache": True}
            if missing_ok:
                header["ignore_unavailable"] = True
            lines += [header, body]
        answers = self._call("msearch", body=lines).get("responses", [])
        if len(answers) != len(searches):
            raise EngineError(f"{self.name} msearch answered {len(answers)} of {len(searches)}")
        return [
            EngineError(f"{self.name} msearch: {answer['error']}") if "error" in answer else answer
            for answer in answers
        ]


class OpenSearchEngine(SearchEngine):
    name = "opensearch"

    def _client(self) -> tuple[Any, tuple[type[Exception], ...]]:
        # Each engine's client library is imported only when that engine is configured.
        from opensearchpy import OpenSearch
        from opensearchpy.exceptions import OpenSearchException

        client = OpenSearch(
            hosts=[self.url], timeout=self.timeout, max_retries=0, retry_on_timeout=False
        )
        return client, (OpenSearchException,)

    def _client_with_timeout(self, timeout: float) -> Any:
        from opensearchpy import OpenSearch  # only when this engine is configured

        if getattr(self, "_write_client", None) is None:
            self._write_client = OpenSearch(
                hosts=[self.url], timeout=timeout, max_retries=0, retry_on_timeout=False
            )
        return self._write_client


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    def _client(self) -> tuple[Any, tuple[type[Exception], ...]]:
        # Each engine's client library is imported only when that engine is configured.
        from elastic_transport import TransportError
        from elasticsearch import ApiError, Elasticsearch

        client = Elasticsearch(
            self.url, request_timeout=self.timeout, max_retries=0, retry_on_timeout=False
        )
        return client, (ApiError, TransportError)

    def _client_with_timeout(self, timeout: float) -> Any:
        return self.client.options(request_timeout=timeout)


ADAPTERS: dict[str, type[SearchEngine]] = {
    "opensearch": OpenSearchEngine,
    "elasticsearch": ElasticsearchEngine,
}


@cache
def _engine(kind: str, url: str, timeout_ms: int) -> SearchEngine:
    return ADAPTERS[kind](url=url, timeout=timeout_ms / 1000)


def engine_get() -> SearchEngine | None:
    """The configured engine, or ``None`` when the database answers searches."""
    if not settings.SEARCH_URL:
        return None
    return _engine(settings.SEARCH_ENGINE, settings.SEARCH_URL, settings.SEARCH_TIMEOUT_MS)


def index_alias(*, name: str = "products") -> str:
    """Our indexes carry the prefix, so they never meet Wagtail's or another site's."""
    return f"{settings.SEARCH_INDEX_PREFIX}-{name}"


def index_name_new(alias: str) -> str:
    """A fresh, time-stamped index name to fill before the alias is swapped onto it."""
    return f"{alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"


def engine_state() -> str:
    """For /healthz: ``database`` (no engine), ``ok``, or ``degraded`` (searches fall back)."""
    engine = engine_get()
    if engine is None:
        return "database"
    return "ok" if engine.health() == "ok" else "degraded"
