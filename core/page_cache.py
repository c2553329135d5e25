"""Whole-page cache for anonymous visitors.

Cached pages (URL names in ``CACHED_URL_NAMES``): the home page (``home``),
the catalogue (``catalogue:index``), category listings
(``catalogue:category``) and search results (``search:search``), query
string included. Nothing else. Shoppers repeat the same few searches
("mật ong", "cơm cháy"), so a results page is rendered once per catalogue
version rather than once per shopper.

Only a GET or HEAD from a visitor with no session, basket or pending-message
cookie is served from or stored in the cache, so a signed-in user or a
shopper with a basket always gets a page rendered for them. A response is
stored only when rendering it set no cookie, touched no session and queued no
message, and did not ask not to be cached.

CSRF tokens: product cards and the language switcher carry forms. The stored
copy has every ``csrfmiddlewaretoken`` value replaced by a placeholder, and
each visitor gets a token of their own (``get_token``) written in; so no two
visitors share a CSRF secret.

CSP nonces: the one inline script a page carries has the request's nonce
(``oscar/base.html``). The stored copy has it replaced by a placeholder, and
each visitor's copy gets that visitor's nonce, which the CSP middleware (placed
before this one) then writes in the header.

Invalidation: the cache key holds a version that ``page_cache_bump`` changes
whenever products, stock, categories, listings, vendors, offers, reviews,
images or Wagtail pages change (``core.page_cache_signals``). With
``REDIS_URL`` (several web machines) pages and the version both live in the
shared cache (core/cache.py): a bump on any machine is seen by every other on
its next request, and each page is rendered once per version for all of
them. Without it, pages live in each process's memory and the version in a
small stamp file (``PAGE_CACHE_STAMP``), so every process of the machine sees
a bump at once, for the price of one ``stat`` per request. The version also
carries the deployment (``collectstatic``'s manifest): a shared cache outlives
processes, and a page kept from before a deployment would name static files
that are gone. While the shared cache is down, every page is rendered afresh.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils.cache import cc_delim_re

T = TypeVar("T")

CACHED_URL_NAMES = frozenset({"home", "catalogue:index", "catalogue:category", "search:search"})
# Oscar's basket cookie; Django's session and message cookies are read from settings.
BASKET_COOKIE = "oscar_open_basket"
CSRF_PLACEHOLDER = b"__page_cache_csrf_token__"
NONCE_PLACEHOLDER = b"__page_cache_csp_nonce__"
# Only a whole nonce attribute gets the visitor's nonce back, never the bare word.
NONCE_ATTRIBUTE = b'nonce="' + NONCE_PLACEHOLDER + b'"'
_CSRF_VALUE = re.compile(rb'(name="csrfmiddlewaretoken"\s+value=")[A-Za-z0-9]+(")')
# Server-Timing describes the request that rendered the page, not the ones served a copy.
# The CSP header carries one request's nonce; each copy served gets its own.
_SKIPPED_HEADERS = {"set-cookie", "content-length", "server-timing", "content-security-policy"}
HIT_TIMING = 'page-cache;desc="hit"'


def _stamp() -> Path:
    return Path(settings.PAGE_CACHE_STAMP)


@functools.cache
def _release() -> str:
    """Changes with each ``collectstatic``: a deployment never serves pages of the last one.

    A shared cache outlives processes, and a page kept from before a
    deployment would name static files that are gone.
    """
    try:
        return str(os.stat(Path(settings.STATIC_ROOT) / "staticfiles.json").st_mtime_ns)
    except (FileNotFoundError, TypeError):
        return "dev"


VERSION_KEY = "page-cache:version"


def page_cache_version() -> str:
    """Changes whenever ``page_cache_bump`` runs, in any process, and at each deployment."""
    if settings.PAGE_CACHE_VERSION_IN_CACHE:
        version = cache.get(VERSION_KEY)
        if version is None:
            # The first reader since Redis started (or was emptied) names the version.
            cache.add(VERSION_KEY, uuid.uuid4().hex, None)
            version = cache.get(VERSION_KEY, "down")
        return f"{version}-{_release()}"
    try:
        stat = os.stat(_stamp())
    except FileNotFoundError:
        return f"0-{_release()}"
    return f"{stat.st_ino}-{stat.st_mtime_ns}-{stat.st_size}-{_release()}"


def versioned_cached(name: str, compute: Callable[[], T]) -> tuple[T, bool]:
    """``compute()`` kept under ``name`` until the page-cache version changes; and whether
    it came from the cache. Nothing is kept when ``PAGE_CACHE_SECONDS`` is 0.

    For what anonymous pages are built from and is the same for every visitor
    (suggestions, the curated badge ids): it goes stale exactly when they do.
    """
    if not settings.PAGE_CACHE_SECONDS:
        return compute(), False
    key = f"{name}:{page_cache_version()}"
    value = cache.get(key)
    if value is not None:
        return value, True
    value = compute()
    cache.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value, False


def page_cache_bump() -> None:
    """Make every cached page stale: a new version in the shared cache, or a new stamp file."""
    if settings.PAGE_CACHE_VERSION_IN_CACHE:
        cache.set(VERSION_KEY, uuid.uuid4().hex, None)
        return
    stamp = _stamp()
    stamp.parent.mkdir(parents=True, exist_ok=True)
    temporary = stamp.with_name(f".{stamp.name}.{uuid.uuid4().hex}")
    temporary.write_text(uuid.uuid4().hex)
    os.replace(temporary, stamp)


def _bypass_cookies() -> set[str]:
    return {settings.SESSION_COOKIE_NAME, BASKET_COOKIE, "messages"}


def _request_cacheable(request) -> bool:
    if not settings.PAGE_CACHE_SECONDS or request.method not in {"GET", "HEAD"}:
        return False
    if _bypass_cookies() & set(request.COOKIES):
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name in CACHED_URL_NAMES


def _response_storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & {"private", "no-cache", "no-store"}:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and getattr(messages, "_queued_messages", None))


def _key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return f"page:{page_cache_version()}:{language}:{request.get_host()}:{digest}"


def _holds_placeholders(content: bytes) -> bool:
    """A page that already shows a placeholder (say, a search for it) is not kept:
    serving it would write a visitor's token or nonce where the page's text was."""
    return CSRF_PLACEHOLDER in content or NONCE_PLACEHOLDER in content


class AnonymousPageCacheMiddleware:
    """Serve ``CACHED_URL_NAMES`` to anonymous visitors from the cache (see module doc).

    Sits after the CSRF, session, locale and message middleware, so the
    language is known, and a served page still gets the visitor's CSRF cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_cacheable(request):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            return self._served(request, stored)
        response = self.get_response(request)
        if _response_storable(request, response) and not _holds_placeholders(response.content):
            content = _CSRF_VALUE.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", response.content)
            nonce = getattr(request, "_csp_nonce", None)
            if isinstance(nonce, str):
                content = content.replace(f'nonce="{nonce}"'.encode(), NONCE_ATTRIBUTE)
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in _SKIPPED_HEADERS
            ]
            cache.set(key, (content, headers), settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def _served(request, stored) -> HttpResponse:
        content, headers = stored
        if CSRF_PLACEHOLDER in content:
            content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
        if NONCE_ATTRIBUTE in content:
            nonce = str(getattr(request, "csp_nonce", ""))
            content = content.replace(NONCE_ATTRIBUTE, f'nonce="{nonce}"'.encode())
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response["Server-Timing"] = HIT_TIMING
        return response
