from __future__ import annotations

import logging

from django.db import DatabaseError, connection, transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.engine import engine_state

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


@never_cache
@require_GET
@transaction.non_atomic_requests
def healthz(request):
    """Liveness for load balancers: 200 while the database answers, else 503."""
    database = _database_state()
    body = {
        "status": "ok" if database == "ok" else "down",
        "database": {"state": database, "vendor": connection.vendor},
        # "degraded": an engine is configured but down; searches fall back to the database.
        "search": {"state": engine_state()},
    }
    return JsonResponse(body, status=200 if database == "ok" else 503)
