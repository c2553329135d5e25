"""/csp-report/: a browser's violation report is logged; anything else is refused, never a 500."""

import json
import logging

import pytest

URL = "/csp-report/"
REPORT = {
    "csp-report": {
        "document-uri": "https://cho.example.vn/catalogue/",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "inline",
        "source-file": "https://cho.example.vn/catalogue/",
        "line-number": 12,
        "script-sample": "alert(1)\nfake log line",
    }
}


@pytest.fixture
def csp_log(caplog):
    caplog.set_level(logging.WARNING, logger="core.csp")
    return caplog


def csp_records(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "core.csp"]


def test_a_report_is_logged_as_one_warning_line(client, csp_log):
    response = client.post(URL, json.dumps(REPORT), content_type="application/csp-report")
    assert response.status_code == 204
    [message] = csp_records(csp_log)
    assert "violated-directive=script-src-elem" in message
    assert "document-uri=https://cho.example.vn/catalogue/" in message
    assert "blocked-uri=inline" in message and "line-number=12" in message
    # A report's text cannot forge a second log line.
    assert "\n" not in message and "alert(1) fake log line" in message
    assert csp_log.records[0].levelno == logging.WARNING


def test_a_reporting_api_batch_logs_each_violation(client, csp_log):
    batch = [
        {
            "type": "csp-violation",
            "body": {
                "documentURL": "https://cho.example.vn/",
                "effectiveDirective": "img-src",
                "blockedURL": "https://tracker.example/p.gif",
            },
        },
        {
            "type": "csp-violation",
            "body": {
                "documentURL": "https://cho.example.vn/basket/",
                "effectiveDirective": "frame-src",
            },
        },
    ]
    response = client.post(URL, json.dumps(batch), content_type="application/reports+json")
    assert response.status_code == 204
    messages = csp_records(csp_log)
    assert len(messages) == 2
    assert "blocked-uri=https://tracker.example/p.gif" in messages[0]
    assert "effective-directive=frame-src" in messages[1]


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"\xff\xfe\x00",
        b"",
        b"[]",
        b"42",
        b'"csp-report"',
        b'{"csp-report": "inline"}',
        b'{"something": {}}',
        b'[{"type": "deprecation", "body": {}}]',
        b'[{"type": "csp-violation", "body": "x"}]',
    ],
)
def test_anything_but_a_report_is_a_400_and_logs_nothing(client, csp_log, body):
    response = client.post(URL, body, content_type="application/csp-report")
    assert response.status_code == 400
    assert csp_records(csp_log) == []


def test_a_get_is_refused(client):
    assert client.get(URL).status_code == 405


def test_a_huge_report_is_refused_unread(client, csp_log, settings):
    padding = "x" * (settings.CSP_REPORT_MAX_BYTES + 1)
    body = json.dumps({"csp-report": {"document-uri": padding}})
    response = client.post(URL, body, content_type="application/csp-report")
    assert response.status_code == 413
    assert csp_records(csp_log) == []


def test_a_report_longer_than_it_declares_is_refused(client, csp_log, settings):
    """A body longer than the limit is refused even when Content-Length says less."""
    from django.test import RequestFactory

    from core.csp import csp_report

    body = json.dumps({"csp-report": {"document-uri": "x" * settings.CSP_REPORT_MAX_BYTES}})
    request = RequestFactory().post(URL, body, content_type="application/csp-report")
    request.META["CONTENT_LENGTH"] = "10"
    assert csp_report(request).status_code in {400, 413}
    assert csp_records(csp_log) == []


def test_no_csrf_token_is_needed(csp_log):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    response = browser.post(URL, json.dumps(REPORT), content_type="application/csp-report")
    assert response.status_code == 204


def test_a_long_value_is_cut_in_the_log(client, csp_log):
    report = {
        "csp-report": {"document-uri": "https://cho.example.vn/", "script-sample": "y" * 5000}
    }
    client.post(URL, json.dumps(report), content_type="application/csp-report")
    [message] = csp_records(csp_log)
    assert len(message) < 1000


def test_a_flood_of_reports_from_one_address_stops_being_logged(client, csp_log, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "csp-report": (3, 3600)}
    for _n in range(3):
        client.post(URL, json.dumps(REPORT), content_type="application/csp-report")
    response = client.post(URL, json.dumps(REPORT), content_type="application/csp-report")
    assert response.status_code == 429
    assert len(csp_records(csp_log)) == 3
    assert not [record for record in csp_log.records if record.name == "django.request"]
