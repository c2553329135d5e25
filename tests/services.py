"""Which external services this test run can reach.

A test that needs one is marked ``@pytest.mark.service("postgres")``. When
the service is absent the test skips with a one-line reason, or fails when
``REQUIRE_SERVICES=1`` (as in CI), so nothing is skipped silently there.
"""

from __future__ import annotations

import os

from django.db import connection


def _postgres() -> str | None:
    if connection.vendor != "postgresql":
        return "PostgreSQL is not configured (set DATABASE_URL=postgres://...)"
    return None


PROBES = {"postgres": _postgres}


def missing_reason(name: str) -> str | None:
    probe = PROBES.get(name)
    if probe is None:
        return f"unknown service {name!r}"
    return probe()


def services_required() -> bool:
    return os.environ.get("REQUIRE_SERVICES", "") in {"1", "true", "yes"}
