"""Product search for the pages: the engine when configured and healthy, else the database.

An engine that is down, slow (``SEARCH_TIMEOUT_MS``) or refuses a request is
logged as a warning and the database adapter answers the same call, so a
shopper never sees an error because of search.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.urls import reverse
from django.utils.http import urlencode
from oscar.core.loading import get_model

from catalog.cards import CardPage
from marketplace.models import Vendor
from marketplace.selectors import product_cards, product_ids_for_sale, products_for_sale
from search import database
from search.database import SearchResult, category_by_slug
from search.engine import EngineError, SearchEngine, engine_get, index_alias
from search.facets import SearchFilters, facet_values
from search.pages import page_search, page_search_answer, page_search_request, page_suggestions
from search.queries import (
    SUGGEST_SIZE,
    ids_body,
    parse_counts,
    parse_ids,
    parse_suggestions,
    product_search_body,
    suggest_body,
)
from search.text import fold, tokens

logger = logging.getLogger(__name__)
Product = get_model("catalogue", "Product")

__all__ = [
    "SearchResult",
    "category_by_slug",
    "product_search",
    "product_suggestions",
    "products_by_ids",
]


def products_by_ids(ids: list[int]) -> list:
    """Products for sale with these ids, in this order, in a constant number of queries."""

    ids = product_ids_for_sale(ids)
    if not ids:
        return []
    products = product_cards(Product.objects.filter(pk__in=ids))
    position = {pk: index for index, pk in enumerate(ids)}
    return sorted(products, key=lambda product: position[product.pk])


class EngineHits:
    """One page of engine results that ``Paginator`` can count and slice.

    ``len()`` is the engine's total; slicing the fetched window costs no
    engine call and gives a ``CardPage``: its products are loaded (one query
    plus prefetches) only for the cards the cache does not hold. Another window asks
    the engine for its ids, answering an empty page if the engine fails then.
    """

    def __init__(
        self, *, ids: list[int], total: int, offset: int, fetch: Callable[[int, int], list[int]]
    ):
        self.ids, self.total, self.offset, self._fetch = ids, total, offset, fetch
        self._cache: dict[tuple[int, int], list] = {}

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, item):
        if isinstance(item, int):
            page = self[item : item + 1]
            if not page:
                raise IndexError(item)
            return page[0]
        start, stop, _ = item.indices(self.total)
        if (start, stop) not in self._cache:
            if start >= self.offset and stop <= self.offset + len(self.ids):
                ids = self.ids[start - self.offset : stop - self.offset]
            else:
                try:
                    ids = self._fetch(start, stop - start)
                except EngineError as exc:
                    logger.warning("Search engine failed while paging: %s", exc)
                    ids = []
            self._cache[(start, stop)] = CardPage(ids, products_by_ids)
        return self._cache[(start, stop)]


def _engine_search(
    engine: SearchEngine,
    *,
    query: str,
    category,
    sort_by: str,
    filters: SearchFilters,
    page: int,
    per_page: int,
    pages_query: str = "",
) -> SearchResult:
    offset = (max(page, 1) - 1) * per_page
    body = product_search_body(
        query=query, filters=filters, sort_by=sort_by, offset=offset, size=per_page
    )
    alias = index_alias()
    pages_request = page_search_request(pages_query) if pages_query else None
    pages = None
    if pages_request is None:
        response = engine.search(index=alias, body=body)
    else:
        # The stories and articles of the results page ride along: one round trip.
        response, pages_response = engine.search_many([(alias, body, False), pages_request])
        if isinstance(response, EngineError):
            raise response
        if isinstance(pages_response, EngineError):
            logger.warning(
                "Search engine failed on pages, they are asked again: %s", pages_response
            )
        else:
            pages = page_search_answer(pages_response)
    ids, total = parse_ids(response)

    def fetch(start: int, size: int) -> list[int]:
        return parse_ids(engine.search(index=alias, body=ids_body(body, offset=start, size=size)))[
            0
        ]

    facets = facet_values(counts=parse_counts(response), filters=filters)
    return SearchResult(
        products=EngineHits(ids=ids, total=total, offset=body.get("from", 0), fetch=fetch),
        facets=facets,
        query=query,
        category=category,
        answered_by=engine.name,
        pages=pages,
    )


def product_search(
    *,
    query: str = "",
    category=None,
    sort_by: str = "",
    filters: SearchFilters | None = None,
    page: int = 1,
    per_page: int = 24,
    with_pages: bool = False,
) -> SearchResult:
    """Search products for sale; ``page`` and ``per_page`` let the engine fetch one page only.

    ``with_pages``: the stories and articles matching the query too
    (``result.pages``), asked of the engine in the same round trip.
    """
    filters = filters or SearchFilters()
    if not tokens(query):
        query = ""  # punctuation or operators alone: the same as an empty search
    engine = engine_get()
    result = None
    if engine is not None:
        engine_filters = filters
        if category is not None:
            engine_filters = SearchFilters(**{**filters.active(), "category": category.slug})
        try:
            result = _engine_search(
                engine,
                query=query,
                category=category,
                sort_by=sort_by,
                filters=engine_filters,
                page=page,
                per_page=per_page,
                pages_query=query if with_pages else "",
            )
        except EngineError as exc:
            logger.warning("Search engine failed, the database answers: %s", exc)
    if result is None:
        result = database.product_search(
            query=query, category=category, sort_by=sort_by, filters=filters
        )
    if with_pages and result.pages is None:  # not asked with the products, or failed there
        result.pages = page_search(query)
    return result


def _vendor_entries(vendors) -> list[dict]:
    search_url = reverse("search:search")
    return [
        {"name": vendor.name, "url": f"{search_url}?{urlencode({'q': vendor.name})}"}
        for vendor in vendors
    ]


def _database_vendors(query: str) -> list:
    """Vendors with a product for sale whose name has words starting with each typed word.

    Folded in Python: a province has at most a few hundred sellers.
    """
    words = tokens(query)
    selling = products_for_sale().values("stockrecords__partner_id")
    vendors = Vendor.objects.filter(partner_id__in=selling).select_related("partner")
    found = []
    for vendor in vendors.order_by("partner__name"):
        names = fold(vendor.name).split()
        if all(any(name.startswith(word) for name in names) for word in words):
            found.append(vendor)
    return found[:4]


def _products_named(ids: list[int]) -> list:
    """Products for sale with these ids, in this order, with only what a suggestion shows."""
    ids = product_ids_for_sale(ids)  # the kept set: the query's subqueries cost 8 ms per call
    if not ids:
        return []
    products = Product.objects.filter(pk__in=ids).only("pk", "title", "slug")
    position = {pk: index for index, pk in enumerate(ids)}
    return sorted(products, key=lambda product: position[product.pk])


def product_suggestions(*, query: str) -> dict:
    """What the search box suggests while the shopper types: products, vendors, stories.

    Same budget and fallback as a search: the engine when it answers within
    the timeout, else the database's word-prefix matching.
    """
    if not tokens(query):
        return {"products": [], "vendors": [], "stories": []}
    engine = engine_get()
    products = vendors = None
    if engine is not None:
        try:
            ids, slugs = parse_suggestions(
                engine.search(index=index_alias(), body=suggest_body(query=query))
            )
            products = _products_named(ids)
            by_slug = {
                v.slug: v for v in Vendor.objects.filter(slug__in=slugs).select_related("partner")
            }
            vendors = [by_slug[slug] for slug in slugs if slug in by_slug]
        except EngineError as exc:
            logger.warning("Search engine failed, the database suggests: %s", exc)
    if products is None:
        found = database.product_search(query=query, with_facets=False)
        products = list(found.products[:SUGGEST_SIZE])
        vendors = _database_vendors(query)
    return {
        "products": [
            {"title": product.title, "url": product.get_absolute_url()} for product in products
        ],
        "vendors": _vendor_entries(vendors),
        "stories": [{"title": page.title, "url": page.url} for page in page_suggestions(query)],
    }
