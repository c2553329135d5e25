"""One log line per request, and the JSON form of every log line (``DJANGO_LOG_FORMAT=json``).

The request line says what an operator needs to find a slow or failing
request: method, path, the URL's name, status, milliseconds, bytes, the user
id (none for a visitor), the client's address (core/ratelimit.py's reading of
the proxy's header) and the proxy's request id. It never carries what
someone typed or a secret: no body, no cookie, no header but the request id;
of the query string only the parameter names; and a URL argument that is a
secret (a password-reset or invitation token, a signed id) is replaced by
``[redacted]``. Card numbers never reach the site (Stripe's fields post to
Stripe), and no form's data is read here.
"""

from __future__ import annotations

import datetime
import json
import logging
import time

from core.ratelimit import client_ip

logger = logging.getLogger("core.requests")

REDACTED = "[redacted]"
# URL arguments that carry a secret, by the name their URL pattern gives them.
SECRET_ARGUMENTS = frozenset({"token", "uidb64", "key", "signature", "secret"})
# Attributes every LogRecord has: what is left over is the line's own fields.
_RECORD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
}


def _path(request) -> str:
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name, value in match.kwargs.items():
            if name in SECRET_ARGUMENTS and value:
                path = path.replace(str(value), REDACTED)
    return path


def _user_id(request) -> int | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return user.pk


class RequestLogMiddleware:
    """First in MIDDLEWARE, so its time covers every other middleware and the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        milliseconds = round((time.perf_counter() - started) * 1000, 1)
        match = getattr(request, "resolver_match", None)
        fields = {
            "method": request.method,
            "path": _path(request),
            "query": sorted(request.GET.keys()),
            "view": match.view_name if match is not None else None,
            "status": response.status_code,
            "ms": milliseconds,
            "bytes": None if response.streaming else len(response.content),
            "user_id": _user_id(request),
            "ip": client_ip(request),
            "request_id": request.headers.get("X-Request-Id", "")[:64] or None,
        }
        logger.info(
            "%s %s %s %sms user=%s",
            fields["method"],
            fields["path"],
            fields["status"],
            milliseconds,
            fields["user_id"] if fields["user_id"] is not None else "-",
            extra={"request": fields},
        )
        return response


class RedactSecrets(logging.Filter):
    """On Django's own request records ("Not Found: /path"): the path with its secrets redacted.

    Set on the ``django.request`` logger (config/settings/base.py), so every
    handler (the console, a test's capture) gets the redacted line.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "META"):
            redacted = _path(request)
            if redacted != request.path:
                record.msg = record.getMessage().replace(request.path, redacted)
                record.args = ()
        return True


class JsonFormatter(logging.Formatter):
    """A log record as one JSON object on one line: time, level, logger, message, fields."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in vars(record).items():
            if name in _RECORD_ATTRIBUTES or name.startswith("_"):
                continue
            if hasattr(value, "META"):  # Django's own records carry the request itself
                value = {"method": value.method, "path": _path(value)}
            line[name] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)
