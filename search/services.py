"""Product search for the pages: the engine when configured and healthy, else the database.

An engine that is down, slow (``SEARCH_TIMEOUT_MS``) or refuses a request is
logged as a warning and the database adapter answers the same call, so a
shopper never sees an error because of search.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from search import database
from search.database import SearchResult, category_by_slug, for_listing
from search.engine import EngineError, SearchEngine, engine_get, index_alias
from search.facets import SearchFilters, facet_values
from search.queries import ids_body, parse_counts, parse_ids, product_search_body

logger = logging.getLogger(__name__)

__all__ = ["SearchResult", "category_by_slug", "product_search", "products_by_ids"]


def products_by_ids(ids: list[int]) -> list:
    """Products for sale with these ids, in this order, in a constant number of queries."""
    from marketplace.selectors import products_for_sale

    if not ids:
        return []
    products = for_listing(products_for_sale().filter(pk__in=ids))
    position = {pk: index for index, pk in enumerate(ids)}
    return sorted(products, key=lambda product: position[product.pk])


class EngineHits:
    """One page of engine results that ``Paginator`` can count and slice.

    ``len()`` is the engine's total; slicing the fetched window costs one
    database query (plus prefetches) and no engine call. Another window asks
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
            self._cache[(start, stop)] = products_by_ids(ids)
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
) -> SearchResult:
    offset = (max(page, 1) - 1) * per_page
    body = product_search_body(
        query=query, filters=filters, sort_by=sort_by, offset=offset, size=per_page
    )
    alias = index_alias()
    response = engine.search(index=alias, body=body)
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
    )


def product_search(
    *,
    query: str = "",
    category=None,
    sort_by: str = "",
    filters: SearchFilters | None = None,
    page: int = 1,
    per_page: int = 24,
) -> SearchResult:
    """Search products for sale; ``page`` and ``per_page`` let the engine fetch one page only."""
    filters = filters or SearchFilters()
    engine = engine_get()
    if engine is not None:
        engine_filters = filters
        if category is not None:
            engine_filters = SearchFilters(**{**filters.active(), "category": category.slug})
        try:
            return _engine_search(
                engine,
                query=query,
                category=category,
                sort_by=sort_by,
                filters=engine_filters,
                page=page,
                per_page=per_page,
            )
        except EngineError as exc:
            logger.warning("Search engine failed, the database answers: %s", exc)
    return database.product_search(query=query, category=category, sort_by=sort_by, filters=filters)
