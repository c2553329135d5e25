from __future__ import annotations

import uuid

import pytest

from search.engine import _engine, engine_get, index_alias
from tests.services import search_test_url


def _use_engine(settings, *, url: str, kind: str = "opensearch", timeout_ms: int = 5000):
    settings.SEARCH_URL = url
    settings.SEARCH_ENGINE = kind
    settings.SEARCH_TIMEOUT_MS = timeout_ms
    settings.SEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:10]}"
    _engine.cache_clear()


@pytest.fixture
def engine(settings):
    """The real OpenSearch node, with indexes of this test's own prefix, deleted after."""
    _use_engine(settings, url=search_test_url())
    engine = engine_get()
    yield engine
    engine.index_delete(name=f"{settings.SEARCH_INDEX_PREFIX}-*")
    _engine.cache_clear()


@pytest.fixture
def refresh(engine):
    """Make what was just indexed searchable (the engine refreshes every second by itself)."""

    def refresh() -> None:
        engine.refresh(index=index_alias())

    return refresh


@pytest.fixture
def closed_port_engine(settings):
    """An engine URL where nothing listens: every call fails at once."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    _use_engine(settings, url=f"http://127.0.0.1:{port}", timeout_ms=1000)
    yield engine_get()
    _engine.cache_clear()
