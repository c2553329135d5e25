"""A page part's HTML kept per catalogue version, language and day, like the cards.

The product page's content (gallery, price, add form, vendor, description,
facts, story, QR code, reviews, related products) is the same for every
visitor who is not signed in, until something it shows changes: any such
change bumps the page cache's version (``core.page_cache``), and the stock
figures it prints ("5 available") are part of the key, as a sale does not
bump the version. A signed-in shopper sees her own stock alerts and review
rights, and a shopper whose add to basket was refused sees her form's
errors: both get the part drawn for them. CSRF tokens are kept as a
placeholder and each request gets its own. Nothing is kept when
``PAGE_CACHE_SECONDS`` is 0.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from catalog.cards import CSRF_PLACEHOLDER
from core.page_cache import page_cache_version


def fragment_key(name: str, parts: tuple, host: str = "") -> str:
    digest = hashlib.sha256(repr((host, parts)).encode()).hexdigest()[:32]
    language = translation.get_language() or ""
    day = timezone.localdate().isoformat()
    return f"fragment:{page_cache_version()}:{language}:{day}:{name}:{digest}"


def fragment_cacheable(request) -> bool:
    if not settings.PAGE_CACHE_SECONDS or request is None:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def fragment_html(request, name: str, parts: tuple, draw) -> str:
    """``draw(csrf_token)``'s HTML, kept under ``name`` and ``parts`` (see the module doc)."""
    if not fragment_cacheable(request):
        return draw(None)
    key = fragment_key(name, parts, request.get_host())
    html = cache.get(key)
    if html is None:
        html = draw(CSRF_PLACEHOLDER)
        cache.set(key, html, settings.PAGE_CACHE_SECONDS)
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return html
