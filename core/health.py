"""Health checks that apps above core add to /healthz (core/views.py).

An app registers a check in its ``AppConfig.ready``; the check takes no
argument and returns a short state ("ok", "degraded", ...) that load balancers
and operators read. The database is always checked by the view itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

_CHECKS: dict[str, Callable[[], str]] = {}


def health_check_add(name: str, check: Callable[[], str]) -> None:
    """Report ``check()`` under ``name`` in /healthz (registering twice replaces)."""
    _CHECKS[name] = check


def health_checks() -> Iterator[tuple[str, Callable[[], str]]]:
    return iter(sorted(_CHECKS.items()))
