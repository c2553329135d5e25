"""Apps add their checks to /healthz through core/health.py; core names none of them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import health
from core.health import health_check_add, health_checks
from search.tasks import product_documents_refresh


@pytest.fixture
def checks(monkeypatch):
    """The registry as the apps left it, restored after the test."""
    monkeypatch.setattr(health, "_CHECKS", dict(health._CHECKS))
    return health._CHECKS


def test_the_search_app_registers_its_check():
    assert "search" in dict(health_checks())


def test_checks_come_in_name_order_whatever_the_order_apps_add_them(checks):
    checks.clear()
    health_check_add("zalo", lambda: "ok")
    health_check_add("anh", lambda: "ok")
    health_check_add("mail", lambda: "ok")
    assert [name for name, _check in health_checks()] == ["anh", "mail", "zalo"]


def test_registering_a_name_again_replaces_its_check(checks):
    health_check_add("mail", lambda: "ok")
    health_check_add("mail", lambda: "degraded")
    assert [check() for name, check in health_checks() if name == "mail"] == ["degraded"]


@pytest.mark.django_db
def test_a_registered_check_appears_under_its_name_in_healthz(client, checks):
    health_check_add("zalo", lambda: "degraded")
    health_check_add("anh", lambda: "ok")
    response = client.get("/healthz")
    assert response.status_code == 200  # a degraded extra does not take the site out
    body = response.json()
    assert body["zalo"] == {"state": "degraded"} and body["anh"] == {"state": "ok"}
    # The overall state and the database first, then each check by name: operators'
    # scripts and eyes find them in the same place on every call.
    assert list(body) == ["status", "database", "anh", "cache", "search", "tasks", "zalo"]
    assert list(client.get("/healthz").json()) == list(body)


@pytest.mark.django_db
def test_a_check_that_fails_reports_error_and_the_probe_still_answers(client, checks, caplog):
    def broken() -> str:
        raise ConnectionError("mail server refused")

    health_check_add("mail", broken)
    response = client.get("/healthz")
    assert response.status_code == 200  # the database answers: the site is up
    assert response.json()["mail"] == {"state": "error"}
    assert "Health check mail failed" in caplog.text


@pytest.mark.django_db
def test_healthz_reports_the_cache_and_the_task_queue_apart(client):
    body = client.get("/healthz").json()
    assert body["cache"] == {"state": "ok"}  # process memory: always there
    assert body["tasks"] == {"state": "ok"}  # the immediate backend runs tasks in the request


@pytest.mark.django_db
def test_a_task_waiting_over_ten_minutes_makes_the_queue_degraded(client, settings):
    """No worker takes the tasks: searches go stale while every page still answers."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    product_documents_refresh.enqueue(product_ids=[1])
    assert client.get("/healthz").json()["tasks"] == {"state": "ok"}  # just queued
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=11))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["tasks"] == {"state": "degraded"}
