"""One structured log line per request (core/logs.py): timing and user id, never a secret."""

from __future__ import annotations

import json
import logging

import pytest

from core.logs import JsonFormatter

pytestmark = pytest.mark.django_db

PASSWORD = "Mat-khau-bi-mat-2026"
CARD = "4242424242424242"
TOKEN = "c9x-5f1d2e3a4b6c7d8e9f0a"


def request_records(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "core.requests"]


def everything_logged(caplog) -> str:
    """Every record of the request, as the plain and as the JSON formatter write it."""
    plain = logging.Formatter("%(levelname)s %(name)s %(message)s")
    return "\n".join(
        f"{plain.format(record)}\n{JsonFormatter().format(record)}" for record in caplog.records
    )


def test_each_request_is_one_line_with_its_timing_and_no_user(client, home_page, caplog):
    caplog.set_level(logging.INFO, logger="core.requests")
    client.get("/catalogue/?page=1&sort=newest")
    (record,) = request_records(caplog)
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "INFO" and line["logger"] == "core.requests"
    fields = line["request"]
    assert fields["method"] == "GET" and fields["path"] == "/catalogue/"
    assert fields["status"] == 200 and fields["view"] == "catalogue:index"
    assert fields["ms"] > 0 and fields["bytes"] > 1000
    assert fields["user_id"] is None
    # Of the query string, the names only.
    assert fields["query"] == ["page", "sort"] and "newest" not in JsonFormatter().format(record)
    assert "\n" not in JsonFormatter().format(record)


def test_a_signed_in_request_carries_the_user_id(client, home_page, django_user_model, caplog):
    user = django_user_model.objects.create_user("lan", "lan@example.vn", "x")
    client.force_login(user)
    caplog.set_level(logging.INFO, logger="core.requests")
    client.get("/accounts/profile/")
    (record,) = request_records(caplog)
    assert record.request["user_id"] == user.pk
    assert f"user={user.pk}" in record.getMessage()


def test_a_sign_in_never_logs_what_was_typed(client, home_page, django_user_model, caplog):
    django_user_model.objects.create_user("lan@example.vn", "lan@example.vn", PASSWORD)
    caplog.set_level(logging.DEBUG)
    for password in (PASSWORD, PASSWORD + "-sai"):  # a success and a failure
        client.post(
            "/accounts/login/",
            {
                "login-username": "lan@example.vn",
                "login-password": password,
                "login_submit": "1",
                "card_number": CARD,
            },
        )
        client.logout()
    logged = everything_logged(caplog)
    assert len(request_records(caplog)) >= 2
    assert PASSWORD not in logged and CARD not in logged


def test_a_secret_in_the_address_is_redacted(client, home_page, caplog):
    caplog.set_level(logging.DEBUG)
    client.get(f"/accounts/confirm/MTIz/{TOKEN}/?token={TOKEN}")
    client.get(f"/cms/password_reset/confirm/MTIz/{TOKEN}/")
    records = request_records(caplog)
    assert len(records) == 2
    assert all("[redacted]" in record.request["path"] for record in records)
    assert TOKEN not in everything_logged(caplog)
