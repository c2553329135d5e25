"""The shared cache (Redis, when ``REDIS_URL`` is set), which never fails a request.

Every web machine reads and writes the same Redis: the anonymous pages and
their version (core/page_cache.py), suggestions, the curated badge ids,
sorl-thumbnail's records, sessions (``cached_db``: the database stays the
record) and the rate limits' counters. None of these is the only copy of
anything, so an outage must cost speed, never a page:

- While Redis does not answer, every read is a miss and every write is
  dropped: pages are rendered for each request, sessions are read from the
  database, rate limits let requests through (a counter that cannot be read
  cannot refuse anyone). /healthz says ``"cache": "degraded"``.
- After a failure the process leaves Redis alone for ``RETRY_SECONDS``, so a
  Redis that hangs (rather than refuses) costs one timeout per process, not
  one per cache call.
- The first call after that window empties Redis before anything is read
  from it: deletes and version bumps made during the outage were dropped, so
  what Redis kept from before (a page of an old catalogue version, the cached
  copy of a session signed out meanwhile) must not come back. Every entry
  is rebuilt from the database, as after a cold start. So Redis holds this
  site's keys only (a database of its own: ``redis://host:6379/0``).

Without ``REDIS_URL`` the settings keep the embedded caches (per process
memory, files for the rate limits): nothing here is used.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0

# Per server address, shared by every alias and thread of the process: the time
# until which Redis is left alone, or absent while it answers.
_down_until: dict[str, float] = {}
_lock = threading.Lock()


class _Outage(Exception):
    """Redis is known to be down: answer as a miss without asking it."""


class SharedRedisCache(RedisCache):
    """Django's Redis cache backend that turns an outage into misses (see the module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        # The Redis client library is optional: imported only where REDIS_URL selects this backend.
        import redis.exceptions

        self._errors = (redis.exceptions.RedisError, OSError)
        self._location = ",".join(self._servers)

    # --- the outage switch ------------------------------------------------------

    def _guard(self) -> None:
        with _lock:
            until = _down_until.get(self._location)
        if until is None:
            return
        if time.monotonic() < until:
            raise _Outage
        try:
            super().clear()  # the probe, and what Redis kept from before is not trusted
        except self._errors:
            self._failed(None)
            raise _Outage from None
        with _lock:
            _down_until.pop(self._location, None)
        logger.warning("Cache: Redis at %s answers again; emptied it", self._redacted())

    def _failed(self, exc: Exception | None) -> None:
        with _lock:
            first = self._location not in _down_until
            _down_until[self._location] = time.monotonic() + RETRY_SECONDS
        if first:
            logger.error(
                "Cache: Redis at %s does not answer (%s); serving without it",
                self._redacted(),
                exc.__class__.__name__ if exc else "still down",
            )

    def _redacted(self) -> str:
        """The address without a password, for the log."""
        return self._location.split("@")[-1]

    def _call(self, method: str, default, *args, **kwargs):
        try:
            self._guard()
            return getattr(super(), method)(*args, **kwargs)
        except _Outage:
            return default
        except self._errors as exc:
            self._failed(exc)
            return default

    @property
    def available(self) -> bool:
        """Whether Redis answers now (asks it, unless the process knows it is down)."""
        try:
            self._guard()
            return bool(self._cache.get_client(write=True).ping())
        except _Outage:
            return False
        except self._errors as exc:
            self._failed(exc)
            return False

    # --- Django's cache API, each call through the switch -------------------------

    def add(self, key, *args, **kwargs):
        return self._call("add", False, key, *args, **kwargs)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, *args, **kwargs):
        self._call("set", None, key, *args, **kwargs)

    def touch(self, key, *args, **kwargs):
        return self._call("touch", False, key, *args, **kwargs)

    def delete(self, key, *args, **kwargs):
        return self._call("delete", False, key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        return self._call("get_many", {}, keys, *args, **kwargs)

    def has_key(self, key, *args, **kwargs):
        return self._call("has_key", False, key, *args, **kwargs)

    def incr(self, key, delta=1, version=None):
        # Down: the count cannot be read, so it is this window's first (see the module).
        try:
            self._guard()
            return super().incr(key, delta, version)
        except _Outage:
            return delta
        except self._errors as exc:
            self._failed(exc)
            return delta

    def set_many(self, data, *args, **kwargs):
        return self._call("set_many", list(data), data, *args, **kwargs)

    def delete_many(self, keys, *args, **kwargs):
        self._call("delete_many", None, keys, *args, **kwargs)

    def clear(self):
        return self._call("clear", False)


def cache_state() -> str:
    """/healthz's "cache": "ok", or "degraded" while a shared cache does not answer.

    Embedded caches (process memory, files) are always "ok".
    """
    shared = [
        caches[alias] for alias in caches.settings if isinstance(caches[alias], SharedRedisCache)
    ]
    seen: set[str] = set()
    for backend in shared:
        if backend._location in seen:
            continue
        seen.add(backend._location)
        if not backend.available:
            return "degraded"
    return "ok"
