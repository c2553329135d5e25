"""Site-wide views: the health check for load balancers and the themed error pages."""

import logging

from django.db import DatabaseError, connection, transaction
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.health import health_checks

logger = logging.getLogger(__name__)


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return "down"
    return "ok"


def _checked(name: str, check) -> str:
    """A check that fails reports "error" (and is logged) instead of failing the probe."""
    try:
        return check()
    except Exception:
        logger.exception("Health check %s failed", name)
        return "error"


@never_cache
@require_GET
@transaction.non_atomic_requests
def healthz(request):
    """Liveness for load balancers: 200 while the database answers, else 503."""
    database = _database_state()
    body = {
        "status": "ok" if database == "ok" else "down",
        "database": {"state": database, "vendor": connection.vendor},
        # Each app's own check (core/health.py), e.g. "search": "degraded" when the
        # engine is configured but down and searches fall back to the database.
        **{name: {"state": _checked(name, check)} for name, check in health_checks()},
    }
    return JsonResponse(body, status=200 if database == "ok" else 503)


def page_not_found(request, exception=None):
    """The themed 404, in the visitor's language."""
    return render(request, "oscar/404.html", status=404)


def permission_denied(request, exception=None):
    """The themed 403, in the visitor's language (a member on a staff page meets it)."""
    return render(request, "oscar/403.html", status=403)


def server_error(request):
    """A plain 500 that renders without the database or context processors."""
    return HttpResponseServerError(loader.get_template("500.html").render())
