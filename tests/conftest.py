from __future__ import annotations

import contextlib
import shutil
import sqlite3
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from tests import services


def pytest_sessionstart(session):
    from django.conf import settings

    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    _sqlite_leftovers_remove(session.config)


def _sqlite_leftovers_remove(config) -> None:
    """The SQLite test database is made afresh when it must be, and with nothing of the last one.

    Django deletes the old file but not its ``-wal`` and ``-shm`` files, which
    a run stopped midway leaves behind and SQLite would replay into the new
    database. A database kept by ``--reuse-db`` after a live-server test
    emptied every table (the rows migrations made too: Wagtail's root page,
    the site, the groups) is made afresh as well.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    name = database["TEST"].get("NAME")
    if database["ENGINE"] != "django.db.backends.sqlite3" or not name or name.startswith("file:"):
        return
    fresh = config.getoption("create_db", False) or not config.getoption("reuse_db", False)
    if not fresh and Path(name).exists():
        with contextlib.closing(sqlite3.connect(name)) as kept:
            try:
                fresh = kept.execute("SELECT 1 FROM wagtailcore_page LIMIT 1").fetchone() is None
            except sqlite3.Error:
                fresh = True
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{name}{suffix}").unlink(missing_ok=True)


def pytest_sessionfinish(session, exitstatus):
    services.localstripe_stop()


def pytest_runtest_setup(item):
    for marker in item.iter_markers(name="service"):
        reason = services.missing_reason(marker.args[0])
        if reason:
            if services.services_required():
                pytest.fail(f"REQUIRE_SERVICES=1 but {reason}", pytrace=False)
            pytest.skip(reason)


@pytest.fixture(autouse=True)
def _clean_state():
    """Each test starts in Vietnamese with empty caches (pages, thumbnails, analytics counts)."""
    _caches_clear()
    translation.activate("vi")
    yield
    translation.deactivate()
    _caches_clear()


def _caches_clear() -> None:
    from catalog.analytics import analytics_counts_discard

    for alias in settings.CACHES:
        caches[alias].clear()
    # Analytics counts waiting for their batch (catalog/analytics.py) are process memory too.
    analytics_counts_discard()


@pytest.fixture
def home_page(db):
    from tests.factories import home_page_create

    return home_page_create()


@pytest.fixture(scope="session")
def localstripe_server() -> str:
    """The base URL of the localstripe this run uses (started once, on 127.0.0.1)."""
    reason = services.missing_reason("stripe")
    if reason:
        if services.services_required():
            pytest.fail(f"REQUIRE_SERVICES=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return services.localstripe_url()


@pytest.fixture
def localstripe(localstripe_server, settings) -> str:
    """Settings pointed at an emptied localstripe: test keys, its address, a webhook secret."""
    request = urllib.request.Request(f"{localstripe_server}/_config/data", method="DELETE")
    with urllib.request.urlopen(request, timeout=5):
        pass
    settings.STRIPE_SECRET_KEY = services.LOCALSTRIPE_KEY
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_localstripe"
    settings.STRIPE_API_BASE = localstripe_server
    settings.STRIPE_WEBHOOK_SECRET = "whsec_localstripe_test"
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    return localstripe_server
