"""Rate limits of public forms, and the client's address they (and axes) count by.

A limit is a number of requests per window of seconds (settings.RATE_LIMITS),
counted in the ``ratelimit`` cache, apart from the pages so that filling the
page cache cannot reset them: Redis with ``REDIS_URL``, shared by every web
machine (while it is down, requests pass: core/cache.py), else files shared
by one machine's gunicorn workers. A window is fixed and aligned to the
clock (``time // seconds``): the count is forgotten when it ends, so up to
twice the limit can pass across a boundary. A refused
request gets a 429 page saying how long to wait; it changes nothing.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str:
    """The address the request came from.

    REMOTE_ADDR, unless settings.TRUSTED_PROXY_COUNT says how many reverse
    proxies append to X-Forwarded-For: then the entry the outermost of them
    wrote (counting from the right; whatever a client sent sits further left
    and is never read). Never the header on a site not configured for it.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]


def _digest(value: str) -> str:
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]


def hit(scope: str, key: str) -> int:
    """Count one request of ``key`` in ``scope``; the seconds to wait if over the limit, else 0."""
    limit, seconds = settings.RATE_LIMITS[scope]
    window = int(time.time() // seconds)
    cache_key = f"ratelimit:{scope}:{window}:{_digest(key)}"
    cache = caches["ratelimit"]
    cache.add(cache_key, 0, seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, seconds)
        count = 1
    if count <= limit:
        return 0
    return max(1, math.ceil((window + 1) * seconds - time.time()))


def refused(request: HttpRequest, wait: int) -> HttpResponse:
    """The 429 page: what happened and how long to wait, in the visitor's language."""
    minutes = max(1, math.ceil(wait / 60))
    response = render(
        request,
        "storefront_theme/rate_limited.html",
        {"minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


def rate_limit(
    scope: str,
    *,
    methods: tuple[str, ...] = ("POST",),
    when: Callable[[HttpRequest], bool] | None = None,
    email: Callable[[HttpRequest], str] | None = None,
    page: bool = True,
) -> Callable:
    """Limit a view by client address in ``scope`` and, with ``email``, by target e-mail.

    ``email`` reads the address the request would write to; it is counted
    in ``<scope>-email``. ``when`` narrows which requests count (e.g. only a
    submitted lookup, not the empty form). ``page=False`` refuses with a bare
    429 where no person reads the answer.
    """

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            # Django answers HEAD with the GET handler: it must count as one.
            method = "GET" if request.method == "HEAD" else request.method
            if method in methods and (when is None or when(request)):
                wait = hit(scope, client_ip(request))
                target = email(request).strip() if email else ""
                if target:
                    wait = max(wait, hit(f"{scope}-email", target))
                if wait and page:
                    return refused(request, wait)
                if wait:  # a machine's request (a browser's report): no page to read
                    response = HttpResponse(status=429, headers={"Retry-After": str(wait)})
                    # Nor a log line per refusal: a flood must not fill the log either.
                    response._has_been_logged = True
                    return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
