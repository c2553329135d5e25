"""Which external services this test run can reach.

A test that needs one is marked ``@pytest.mark.service("postgres")``. When
the service is absent the test skips with a one-line reason, or fails when
``REQUIRE_SERVICES=1`` (as in CI), so nothing is skipped silently there.
"""

from __future__ import annotations

import json
import os
import urllib.request
from importlib.util import find_spec
from pathlib import Path

from django.db import connection


def _postgres() -> str | None:
    if connection.vendor != "postgresql":
        return "PostgreSQL is not configured (set DATABASE_URL=postgres://...)"
    return None


def search_test_url() -> str:
    """The OpenSearch node that scripts/opensearch/start.sh started for this run."""
    return os.environ.get("SEARCH_TEST_URL", "").rstrip("/")


def _search() -> str | None:
    url = search_test_url()
    if not url:
        return "no search engine (run scripts/opensearch/with-node.sh, or set SEARCH_TEST_URL)"
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=3) as response:
            status = json.load(response).get("status")
    except (OSError, ValueError) as exc:
        return f"search engine at {url} does not answer ({exc})"
    if status not in {"green", "yellow"}:
        return f"search engine at {url} is {status}"
    return None


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_SCRIPT = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


def _browser() -> str | None:
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if find_spec("playwright") is None:
        return "Playwright for Python is not installed (requirements/test.txt)"
    if not AXE_SCRIPT.exists():
        return "axe-core is not installed (npm ci)"
    return None


PROBES = {"postgres": _postgres, "search": _search, "browser": _browser}


def missing_reason(name: str) -> str | None:
    probe = PROBES.get(name)
    if probe is None:
        return f"unknown service {name!r}"
    return probe()


def services_required() -> bool:
    return os.environ.get("REQUIRE_SERVICES", "") in {"1", "true", "yes"}
