"""Product searches answered by the engine, written in elasticsearch-dsl.

The shopper's words only ever reach the engine inside ``multi_match`` and
``match_phrase`` queries, which analyse text and have no syntax of their own:
Lucene operators, wildcards or script-like input are just words here (never
``query_string``). Filters are applied as a ``post_filter`` and every facet is
counted under all the *other* active filters, so counts show what a click
would give.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from elasticsearch.dsl import A, Q, Search

from search.facets import (
    ENGINE_FIELDS,
    FACET_NAMES,
    OCOP_STARS,
    PRICE_BANDS,
    SearchFilters,
    price_band,
)

RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST, TITLE_ASC, BEST_SELLING, TOP_RATED = (
    "relevance",
    "price-asc",
    "price-desc",
    "newest",
    "title-asc",
    "best-selling",
    "top-rated",
)
MAX_WINDOW = 10_000  # the engine's max_result_window
TEXT_FIELDS = ["title^3", "category_path^2", "vendor_name^2", "place", "description"]
EXACT_FIELDS = ["title.exact^3", "category_path.exact", "vendor_name.exact", "description.exact"]
QUERY_MAX_CHARS = 200

_SORTS = {
    PRICE_ASC: [{"price": {"order": "asc", "missing": "_last"}}, {"created": "desc"}],
    PRICE_DESC: [{"price": {"order": "desc", "missing": "_last"}}, {"created": "desc"}],
    NEWEST: [{"created": "desc"}],
    TITLE_ASC: [{"title_sort": "asc"}, {"created": "desc"}],
    BEST_SELLING: [
        {"popularity": {"order": "desc", "missing": "_last"}},
        {"rating": {"order": "desc", "missing": "_last"}},
        {"created": "desc"},
    ],
    TOP_RATED: [
        {"rating": {"order": "desc", "missing": "_last"}},
        {"popularity": {"order": "desc", "missing": "_last"}},
        {"created": "desc"},
    ],
}


def text_query(
    query: str,
    *,
    fields: list[str] = TEXT_FIELDS,
    exact_fields: list[str] = EXACT_FIELDS,
) -> Q:
    """All words must match, in one field (with typos forgiven) or spread over several.

    Fuzziness ``AUTO:4,7`` leaves words under four letters exact ("com" must
    not become "cam") and forgives one typo from four ("chai" → "chay").
    Exact-form and phrase matches only add to the score.
    """
    query = query[:QUERY_MAX_CHARS]
    matching = Q(
        "bool",
        should=[
            Q(
                "multi_match",
                query=query,
                fields=fields,
                type="best_fields",
                operator="and",
                fuzziness="AUTO:4,7",
                prefix_length=1,
                max_expansions=20,
            ),
            Q("multi_match", query=query, fields=fields, type="cross_fields", operator="and"),
        ],
        minimum_should_match=1,
    )
    ranking = [
        Q("multi_match", query=query, fields=exact_fields, operator="and", boost=4),
        Q("match_phrase", title={"query": query, "boost": 2}),
    ]
    return Q("bool", must=[matching], should=ranking)


def ocop_valid(today: datetime.date | None = None) -> Q:
    """Stars whose certificate has not run out since the document was indexed."""
    today = today or timezone.localdate()
    return Q(
        "bool",
        filter=[Q("exists", field="ocop_stars")],
        must_not=[Q("range", ocop_until={"lt": today.isoformat()})],
    )


def filter_clause(name: str, value) -> Q | None:
    """One active filter as an engine clause (``None`` for a value that means nothing)."""
    if name == "ocop":
        if value not in OCOP_STARS:
            return Q("bool", must_not=[Q("match_all")])  # unknown stars match nothing
        return Q("bool", filter=[Q("term", ocop_stars=int(value)), ocop_valid()])
    if name == "category":
        return Q("term", category_tree=value)
    if name == "price":
        band = price_band(value)
        if band is None:
            return None
        low, high = band
        bounds = {key: bound for key, bound in (("gte", low), ("lt", high)) if bound is not None}
        return Q("range", price=bounds)
    if name == "in_stock":
        return Q("term", in_stock=True)
    return Q("term", **{ENGINE_FIELDS[name]: value})


def _clauses(filters: SearchFilters) -> dict[str, Q]:
    clauses = {}
    for name, value in filters.active().items():
        clause = filter_clause(name, value)
        if clause is not None:
            clauses[name] = clause
    return clauses


def _facet_agg(name: str) -> A:
    if name == "price":
        ranges = []
        for key, low, high in PRICE_BANDS:
            bounds = {"key": key}
            if low is not None:
                bounds["from"] = low
            if high is not None:
                bounds["to"] = high
            ranges.append(bounds)
        return A("range", field="price", ranges=ranges)
    return A("terms", field=ENGINE_FIELDS[name], size=100)


def product_search_body(
    *, query: str, filters: SearchFilters, sort_by: str, offset: int, size: int
) -> dict:
    """The engine request for one page of results and every facet's counts."""
    search = Search()
    search = search.query(text_query(query) if query else Q("match_all"))
    clauses = _clauses(filters)
    if clauses:
        search = search.post_filter(Q("bool", filter=list(clauses.values())))
    for name in FACET_NAMES:
        others = [clause for other, clause in clauses.items() if other != name]
        if name == "ocop":
            others.append(ocop_valid())
        bucket = A("filter", Q("bool", filter=others))
        bucket.bucket("values", _facet_agg(name))
        search.aggs.bucket(name, bucket)
    if sort_by in _SORTS:
        search = search.sort(*_SORTS[sort_by])
    elif query:
        search = search.sort("_score", {"created": "desc"})
    else:
        search = search.sort(*_SORTS[NEWEST])
    search = search.source(False).extra(track_total_hits=MAX_WINDOW)
    offset = max(0, min(offset, MAX_WINDOW - size))
    return search[offset : offset + size].to_dict()


def ids_body(body: dict, *, offset: int, size: int) -> dict:
    """The same search for another window of ids, without the facets."""
    offset = max(0, min(offset, MAX_WINDOW - size))
    return {
        **{key: value for key, value in body.items() if key != "aggs"},
        "from": offset,
        "size": size,
    }


def parse_ids(response: dict) -> tuple[list[int], int]:
    hits = response.get("hits", {})
    total = hits.get("total", 0)
    total = total.get("value", 0) if isinstance(total, dict) else int(total)
    return [int(hit["_id"]) for hit in hits.get("hits", [])], min(total, MAX_WINDOW)


def parse_counts(response: dict) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for name in FACET_NAMES:
        buckets = response.get("aggregations", {}).get(name, {}).get("values", {}).get("buckets")
        if isinstance(buckets, dict):  # keyed range buckets
            buckets = [{"key": key, **bucket} for key, bucket in buckets.items()]
        counts[name] = {
            str(bucket.get("key_as_string", bucket["key"])).lower()
            if name == "in_stock"
            else str(bucket["key"]): int(bucket["doc_count"])
            for bucket in buckets or []
        }
    return counts


SUGGEST_SIZE = 6
PAGE_FIELDS = ["title^3", "intro^2", "body", "vendor_name", "place"]
PAGE_EXACT_FIELDS = ["title.exact^3", "intro.exact", "body.exact"]


def page_search_body(*, query: str, size: int) -> dict:
    """Stories and articles for the results page: same matching as products."""
    search = Search().query(text_query(query, fields=PAGE_FIELDS, exact_fields=PAGE_EXACT_FIELDS))
    search = search.sort("_score", {"published": {"order": "desc", "missing": "_last"}})
    return search.source(False).extra(track_total_hits=False)[0:size].to_dict()


def page_suggest_body(*, query: str, size: int = 3) -> dict:
    """Stories and articles whose title words start with the typed words."""
    search = Search().query(
        Q("match", **{"title.prefix": {"query": query[:QUERY_MAX_CHARS], "operator": "and"}})
    )
    search = search.sort("_score", {"published": {"order": "desc", "missing": "_last"}})
    return search.source(False).extra(track_total_hits=False)[0:size].to_dict()


def suggest_body(*, query: str) -> dict:
    """Products whose title or vendor starts with the typed words, and the matching vendors.

    Every word must start a word of the title or of the vendor's name; no
    fuzziness, so suggestions stay predictable while the shopper types.
    """
    query = query[:QUERY_MAX_CHARS]
    search = Search().query(
        Q(
            "multi_match",
            query=query,
            fields=["title.prefix^3", "vendor_name.prefix"],
            type="cross_fields",
            operator="and",
        )
    )
    vendors = A("filter", Q("match", **{"vendor_name.prefix": {"query": query, "operator": "and"}}))
    vendors.bucket("values", A("terms", field="vendor", size=4))
    search.aggs.bucket("vendors", vendors)
    search = search.source(False).extra(track_total_hits=False)
    return search[0:SUGGEST_SIZE].to_dict()


def parse_suggestions(response: dict) -> tuple[list[int], list[str]]:
    ids = [int(hit["_id"]) for hit in response.get("hits", {}).get("hits", [])]
    buckets = (
        response.get("aggregations", {}).get("vendors", {}).get("values", {}).get("buckets", [])
    )
    return ids, [str(bucket["key"]) for bucket in buckets]
