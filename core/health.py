"""Health checks that apps above core add to /healthz (core/views.py).

An app registers a check in its ``AppConfig.ready``; the check takes no
argument and returns a short state ("ok", "degraded", ...) that load balancers
and operators read. The database is always checked by the view itself; core
adds the cache (core/cache.py) and the task queue (below).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.conf import settings
from django.utils import timezone

_CHECKS: dict[str, Callable[[], str]] = {}


def health_check_add(name: str, check: Callable[[], str]) -> None:
    """Report ``check()`` under ``name`` in /healthz (registering twice replaces)."""
    _CHECKS[name] = check


def health_checks() -> Iterator[tuple[str, Callable[[], str]]]:
    return iter(sorted(_CHECKS.items()))


# Tasks waiting longer than this mean no worker is taking them (docker-compose's `worker`).
TASKS_STALE_SECONDS = 10 * 60


def task_queue_state() -> str:
    """/healthz's "tasks": "degraded" when a queued task has waited over ten minutes.

    With the immediate backend (``make run``, tests) tasks run in the request: "ok".
    """
    if not settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
        return "ok"
    # django-tasks-db's model: importable only once the app registry is ready.
    from django_tasks_db.models import DBTaskResult

    oldest = (
        DBTaskResult.objects.ready()
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)[:1]
    )
    if oldest and (timezone.now() - oldest[0]).total_seconds() > TASKS_STALE_SECONDS:
        return "degraded"
    return "ok"
