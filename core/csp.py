"""The site's Content-Security-Policy: the /cms/ exception and the report view.

The policy itself is a setting (``config/settings/csp.py``); django-csp's
middleware writes it on every response. Two things are ours:

- ``SitePolicyMiddleware`` loosens the policy under ``/cms/`` only, where
  Wagtail's admin renders inline scripts (widgets, panels) and frames its own
  page previews. Everywhere else, the shop, Oscar's dashboard and Django's
  admin included, scripts run from this site or with the request's nonce.
- ``csp_report`` receives the browser's violation reports and logs each as a
  warning, so a page that breaks under the policy, or an injected script the
  policy stopped, shows up in the logs.
"""

from __future__ import annotations

import json
import logging

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.ratelimit import rate_limit

logger = logging.getLogger(__name__)

# What a report may say, each value cut to this many characters in the log.
REPORT_FIELDS = (
    "document-uri",
    "violated-directive",
    "effective-directive",
    "blocked-uri",
    "source-file",
    "line-number",
    "column-number",
    "script-sample",
)
FIELD_MAX_CHARS = 300


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ``CSP_CMS_REPLACE`` applied under ``CSP_CMS_PREFIX``.

    A replaced ``script-src`` holds no nonce: a browser ignores
    ``'unsafe-inline'`` when a nonce is present, and Wagtail's inline scripts
    carry none.
    """

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.CSP_CMS_PREFIX):
            parts.replace = {**(parts.replace or {}), **settings.CSP_CMS_REPLACE}
        return parts


def _one_line(value) -> str:
    """A report value fit for one log line: text, no line breaks, bounded."""
    text = value if isinstance(value, str) else json.dumps(value)
    return text.replace("\r", " ").replace("\n", " ")[:FIELD_MAX_CHARS]


def _violations(payload) -> list[dict] | None:
    """The violation bodies in a report, in either format browsers send; None if neither.

    ``report-uri`` sends ``{"csp-report": {...}}`` (application/csp-report);
    the Reporting API sends a list of ``{"type": "csp-violation", "body": {...}}``.
    """
    if isinstance(payload, dict) and isinstance(payload.get("csp-report"), dict):
        return [payload["csp-report"]]
    if isinstance(payload, list) and payload:
        bodies = [
            item.get("body")
            for item in payload
            if isinstance(item, dict) and item.get("type") == "csp-violation"
        ]
        if bodies and all(isinstance(body, dict) for body in bodies):
            return [_camel_to_report(body) for body in bodies]
    return None


def _camel_to_report(body: dict) -> dict:
    """The Reporting API's camelCase names, as the report-uri names above."""
    names = {
        "documentURL": "document-uri",
        "effectiveDirective": "effective-directive",
        "blockedURL": "blocked-uri",
        "sourceFile": "source-file",
        "lineNumber": "line-number",
        "columnNumber": "column-number",
        "sample": "script-sample",
    }
    return {names.get(key, key): value for key, value in body.items()}


@csrf_exempt
@require_POST
@transaction.non_atomic_requests
# An extension or a script can send thousands of reports: the log stays readable.
@rate_limit("csp-report", page=False)
def csp_report(request):
    """Log each violation a browser reports; 204 when read, 400 or 413 when not.

    Touches no database: a burst of reports costs a log line each, no transaction.
    """
    limit = settings.CSP_REPORT_MAX_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return HttpResponseBadRequest()
    if declared > limit:
        return HttpResponse(status=413)
    body = request.read(limit + 1)
    if len(body) > limit:
        return HttpResponse(status=413)
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return HttpResponseBadRequest()
    violations = _violations(payload)
    if violations is None:
        return HttpResponseBadRequest()
    for violation in violations:
        logger.warning(
            "CSP violation: %s",
            " ".join(
                f"{name}={_one_line(violation[name])}"
                for name in REPORT_FIELDS
                if violation.get(name) not in (None, "")
            ),
        )
    return HttpResponse(status=204)
