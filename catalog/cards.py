"""Product cards' HTML, drawn once per product, language, day and catalogue version.

A card costs about 2 ms to draw (its picture, badges, price and add form);
a page of 24 cards redrew them for every shopper the page cache does not
answer, which is everyone with a basket. Here each card's HTML is kept in the
"fragments" cache (apart from the pages, which would cull it) under its
product, the language, the day and the page cache's version
(``core.page_cache``), and a page fetches all of its cards in one
``get_many``. Every change to what a card shows (price, stock state,
picture, listing, vendor status, OCOP certificate, the Union's collections)
bumps that version (``core.page_cache_signals``), so the next request draws
the card anew, in every language. The day is in the key because an OCOP
certificate and a collection run out at midnight without any save.

``CardPage`` holds a page of products by id: when every card is in the
cache, the products are never loaded. The add form's CSRF token is kept as a
placeholder and each request gets its own written in. Nothing is kept when
``PAGE_CACHE_SECONDS`` is 0.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.conf import settings
from django.core.cache import caches
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from core.page_cache import page_cache_version
from core.thumbnails import product_pictures_prefetch

CARD_TEMPLATE = "oscar/catalogue/partials/product.html"
CSRF_PLACEHOLDER = "__card_csrf_token__"


class CardPage(Sequence):
    """A page of products known by their ids, loaded (by ``load(ids)``) only when asked for."""

    def __init__(self, ids: Iterable[int], load: Callable[[list[int]], list]):
        self.ids = list(ids)
        self._load = load
        self._products: list | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, item):
        return self.products[item]

    def __iter__(self):
        return iter(self.products)

    @property
    def products(self) -> list:
        if self._products is None:
            self._products = self._load(self.ids)
        return self._products

    def products_of(self, ids: list[int]) -> list:
        """Only these products (the cards missing from the cache)."""
        if self._products is not None or len(ids) == len(self.ids):
            wanted = set(ids)
            return [product for product in self.products if product.pk in wanted]
        return self._load(ids)


def card_key(pk: int, *, version: str, language: str, day: str) -> str:
    return f"card:{version}:{language}:{day}:{pk}"


def _drawn(context, products: list) -> dict[int, str]:
    product_pictures_prefetch(products)  # the missing cards' thumbnails: one query
    template = get_template(CARD_TEMPLATE)
    values = context.flatten() if hasattr(context, "flatten") else dict(context)
    values["csrf_token"] = CSRF_PLACEHOLDER
    drawn = {}
    for product in products:
        values["product"] = product
        drawn[product.pk] = str(template.render(values))
    return drawn


def cards_html(context, products) -> list[SafeString]:
    """Each product's card, in order: from the cache, the missing ones drawn and kept."""
    if isinstance(products, CardPage):
        ids = products.ids

        def load(missing: list[int]) -> list:
            return products.products_of(missing)
    else:
        products = [product for product in products if product]
        ids = [product.pk for product in products]

        def load(missing: list[int]) -> list:
            wanted = set(missing)
            return [product for product in products if product.pk in wanted]

    if not ids:
        return []
    seconds = settings.PAGE_CACHE_SECONDS
    if seconds:
        version, language = page_cache_version(), translation.get_language() or ""
        day = timezone.localdate().isoformat()
        keys = {pk: card_key(pk, version=version, language=language, day=day) for pk in ids}
        stored = caches["fragments"].get_many(list(keys.values()))
        html = {pk: stored[key] for pk, key in keys.items() if key in stored}
    else:
        keys, html = {}, {}
    missing = [pk for pk in ids if pk not in html]
    if missing:
        drawn = _drawn(context, load(missing))
        html.update(drawn)
        if seconds:
            caches["fragments"].set_many({keys[pk]: card for pk, card in drawn.items()}, seconds)
    request = context.get("request")
    if context.get("csrf_token") == CSRF_PLACEHOLDER:
        # Drawn inside a kept part of a page (catalog.fragments, the product page's
        # related products): the placeholder stays for each visitor's own token.
        token = CSRF_PLACEHOLDER
    else:
        token = get_token(request) if request is not None else ""
    # safe: each card is our template's own escaped output, kept as drawn; the token is Django's
    return [mark_safe(html[pk].replace(CSRF_PLACEHOLDER, token)) for pk in ids if pk in html]
