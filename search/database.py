"""Product search answered by the database, with Vietnamese accent folding.

Documents are folded once when products change (``search.indexing``), and
queries are folded the same way, so "com chay" matches "Cơm cháy" on SQLite
and PostgreSQL alike. Each query word must start a word of the document.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Length
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from core.page_cache import versioned_cached
from marketplace.selectors import product_cards, products_for_sale
from search.facets import (
    OCOP_STARS,
    PRICE_BANDS,
    FacetValue,
    SearchFilters,
    facet_values,
    price_band,
)
from search.queries import (
    BEST_SELLING,
    NEWEST,
    PRICE_ASC,
    PRICE_DESC,
    RELEVANCE,
    TITLE_ASC,
    TOP_RATED,
)
from search.text import has_diacritics, tokens

Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
Line = get_model("order", "Line")

__all__ = [
    "BEST_SELLING",
    "NEWEST",
    "PRICE_ASC",
    "PRICE_DESC",
    "RELEVANCE",
    "SORT_CHOICES",
    "TITLE_ASC",
    "TOP_RATED",
    "FacetValue",
    "SearchResult",
    "category_by_slug",
    "product_search",
]

SORT_CHOICES = [
    (RELEVANCE, _("Relevance")),
    (BEST_SELLING, _("Best-selling")),
    (TOP_RATED, _("Top rated")),
    (NEWEST, _("Newest")),
    (PRICE_ASC, _("Price, low to high")),
    (PRICE_DESC, _("Price, high to low")),
    (TITLE_ASC, _("Name, A to Z")),
]
_ORDERINGS = {
    NEWEST: ["-date_created", "-pk"],
    PRICE_ASC: ["min_price", "pk"],
    PRICE_DESC: ["-min_price", "-pk"],
    TITLE_ASC: ["title", "pk"],
    BEST_SELLING: [
        F("popularity").desc(),
        F("rating").desc(nulls_last=True),
        "-date_created",
        "-pk",
    ],
    TOP_RATED: [
        F("rating").desc(nulls_last=True),
        F("popularity").desc(),
        "-date_created",
        "-pk",
    ],
}


@dataclass
class SearchResult:
    """``products`` is a queryset (database) or a sequence of one page (engine)."""

    products: object
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    query: str = ""
    category: object | None = None
    answered_by: str = "database"
    # The stories and articles found by the same query, when asked (``with_pages``).
    pages: list | None = None


def _matching(query: str) -> tuple[QuerySet, list[str]]:
    words = tokens(query)
    queryset = products_for_sale()
    for word in words:
        queryset = queryset.filter(search_document__text__contains=f" {word}")
    return queryset, words


def _ranked(queryset: QuerySet, query: str, words: list[str]) -> QuerySet:
    """Exact typed form, then the phrase, then all words in the title; shorter titles first."""
    in_title = Q()
    for word in words:
        in_title &= Q(search_document__title__contains=f" {word}")
    whens = [
        When(search_document__title__contains=" " + " ".join(words), then=Value(2)),
        When(in_title, then=Value(1)),
    ]
    if has_diacritics(query):
        whens.insert(0, When(title__icontains=query.strip(), then=Value(3)))
    return queryset.annotate(
        rank=Case(*whens, default=Value(0), output_field=IntegerField())
    ).order_by("-rank", Length("title"), "-date_created", "-pk")


def category_by_slug(slug: str):
    if not slug:
        return None
    return Category.objects.browsable().filter(slug=slug).first()


# A product's stock records: its own, or its variants' when it is a parent. Two
# subqueries rather than one with an OR across the join, so each uses an index.
_OWN_STOCK = StockRecord.objects.filter(product=OuterRef("pk"))
_CHILD_STOCK = StockRecord.objects.filter(product__parent=OuterRef("pk"))


def _has_records(**conditions) -> Q:
    """The product or one of its variants has a stock record matching ``conditions``."""
    return Q(Exists(_OWN_STOCK.filter(**conditions))) | Q(
        Q(structure="parent"), Exists(_CHILD_STOCK.filter(**conditions))
    )


def _vendor_value(field_name: str) -> Coalesce:
    """A field of the vendor selling the product (one vendor per product here)."""

    def first(records: QuerySet) -> Subquery:
        return Subquery(
            records.filter(partner__vendor__isnull=False)
            .order_by("pk")
            .values(f"partner__vendor__{field_name}")[:1]
        )

    return Coalesce(first(_OWN_STOCK), first(_CHILD_STOCK))


def _ocop_valid(today=None) -> Q:
    """Stars whose certificate is valid today, as ``Product.ocop_stars_on`` decides."""
    today = today or timezone.localdate()
    return (
        Q(ocop_stars__isnull=False)
        & (Q(ocop_issued_on__isnull=True) | Q(ocop_issued_on__lte=today))
        & (Q(ocop_expires_on__isnull=True) | Q(ocop_expires_on__gte=today))
    )


def _with_popularity(queryset: QuerySet) -> QuerySet:
    """Units ordered of the product and its variants."""

    def units(lines: QuerySet) -> Coalesce:
        # A plain SUM (not Django's aggregate) so the subquery has no GROUP BY.
        total = lines.order_by().annotate(total=Func(F("quantity"), function="SUM"))
        return Coalesce(Subquery(total.values("total"), output_field=IntegerField()), Value(0))

    own = units(Line.objects.filter(product=OuterRef("pk")))
    children = units(Line.objects.filter(product__parent=OuterRef("pk")))
    return queryset.annotate(popularity=own + children)


def _with_min_price(queryset: QuerySet) -> QuerySet:
    def cheapest(records: QuerySet) -> Subquery:
        return Subquery(records.filter(price__isnull=False).order_by("price").values("price")[:1])

    # A parent has no price of its own, so its own (none) falls through to its variants'.
    return queryset.annotate(min_price=Coalesce(cheapest(_OWN_STOCK), cheapest(_CHILD_STOCK)))


def _filtered(queryset: QuerySet, filters: SearchFilters, *, category=None) -> QuerySet:
    """Apply every active filter; ``category`` is the resolved ``filters.category``."""
    if category is not None:
        in_category = ProductCategory.objects.filter(
            product=OuterRef("pk"), category__path__startswith=category.path
        )
        queryset = queryset.filter(Exists(in_category))
    elif filters.category:
        queryset = queryset.none()  # an unknown category slug matches nothing
    if filters.district:
        queryset = queryset.filter(
            _has_records(partner__vendor__commune__parent_id=_int(filters.district))
        )
    if filters.commune:
        queryset = queryset.filter(_has_records(partner__vendor__commune_id=_int(filters.commune)))
    if filters.kind:
        queryset = queryset.filter(_has_records(partner__vendor__kind=filters.kind))
    if filters.ocop:
        if filters.ocop in OCOP_STARS:
            queryset = queryset.filter(_ocop_valid(), ocop_stars=int(filters.ocop))
        else:
            queryset = queryset.none()
    if filters.in_stock:
        queryset = queryset.filter(_in_stock())
    band = price_band(filters.price) if filters.price else None
    if band is not None:
        low, high = band
        queryset = _with_min_price(queryset)
        if low is not None:
            queryset = queryset.filter(min_price__gte=low)
        if high is not None:
            queryset = queryset.filter(min_price__lt=high)
    return queryset


def _int(value: str) -> int:
    return int(value) if value.isdigit() else 0


def _in_stock() -> Q:
    available = (
        Q(num_in_stock__isnull=True)
        | Q(num_in_stock__gt=F("num_allocated"))
        | Q(num_allocated__isnull=True, num_in_stock__gt=0)
    )
    return Q(Exists(_OWN_STOCK.filter(available))) | Q(
        Q(structure="parent"), Exists(_CHILD_STOCK.filter(available))
    )


def _grouped(queryset: QuerySet, expression) -> dict[str, int]:
    rows = (
        queryset.annotate(facet=expression)
        .exclude(facet__isnull=True)
        .values("facet")
        .annotate(count=Count("pk", distinct=True))
        .order_by()
    )
    return {str(row["facet"]): row["count"] for row in rows}


def _counts(matching: QuerySet, filters: SearchFilters, category) -> dict[str, dict[str, int]]:
    """Each facet counted under every other active filter (one query per facet)."""

    def scope(name: str) -> QuerySet:
        return _filtered(
            matching, filters.without(name), category=None if name == "category" else category
        )

    counts = {
        "category": {
            row["category__slug"]: row["count"]
            for row in ProductCategory.objects.filter(product__in=scope("category").values("pk"))
            .values("category__slug")
            .annotate(count=Count("product_id", distinct=True))
            .order_by()
        },
        "district": _grouped(
            scope("district"), Cast(_vendor_value("commune__parent_id"), CharField())
        ),
        "commune": _grouped(scope("commune"), Cast(_vendor_value("commune_id"), CharField())),
        "kind": _grouped(scope("kind"), _vendor_value("kind")),
        "ocop": _grouped(scope("ocop").filter(_ocop_valid()), Cast(F("ocop_stars"), CharField())),
        "in_stock": {"true": scope("in_stock").filter(_in_stock()).count()},
    }
    priced = _with_min_price(scope("price"))
    bands = {}
    for key, low, high in PRICE_BANDS:
        band = priced
        if low is not None:
            band = band.filter(min_price__gte=low)
        if high is not None:
            band = band.filter(min_price__lt=high)
        bands[key] = band
    counts["price"] = {key: band.count() for key, band in bands.items()}
    return counts


def _counts_cached(
    matching: QuerySet, words: list[str], filters: SearchFilters, category
) -> dict[str, dict[str, int]]:
    """``_counts``, kept per folded query, filters, category and day until the catalogue changes.

    Counting takes about ten queries (most of a listing's time); the same
    listing and searches come back all day, for shoppers the page cache does
    not answer (a basket, signed in). The page cache's version
    (``core.page_cache``) changes with any product, stock, listing or vendor
    change, so counts are never older than the products shown. The day is in
    the key: OCOP certificates run out at midnight.
    """
    asked = {
        "words": words,
        "filters": filters.active(),
        "category": category.pk if category is not None else None,
        "day": timezone.localdate().isoformat(),
    }
    digest = hashlib.sha256(json.dumps(asked, sort_keys=True).encode()).hexdigest()[:32]
    return versioned_cached(f"facets:{digest}", lambda: _counts(matching, filters, category))[0]


def product_search(
    *,
    query: str = "",
    category=None,
    sort_by: str = "",
    filters: SearchFilters | None = None,
    with_facets: bool = True,
) -> SearchResult:
    """Products for sale matching ``query`` (all when empty), within ``category`` and filters.

    Each facet's counts ignore that facet's own filter, so a shopper can see
    and switch to the other values of her results. ``with_facets=False``
    leaves them out (suggestions show none).
    """
    filters = filters or SearchFilters()
    if category is not None:
        filters = SearchFilters(**{**filters.active(), "category": category.slug})
    matching, words = _matching(query)
    facets = (
        facet_values(counts=_counts_cached(matching, words, filters, category), filters=filters)
        if with_facets
        else {}
    )
    products = _with_min_price(_filtered(matching, filters, category=category))
    if sort_by in {BEST_SELLING, TOP_RATED}:
        products = _with_popularity(products)
    if sort_by in _ORDERINGS:
        products = products.order_by(*_ORDERINGS[sort_by])
    elif words:
        products = _ranked(products, query, words)
    else:
        products = products.order_by(*_ORDERINGS[NEWEST])
    return SearchResult(
        products=product_cards(products), facets=facets, query=query, category=category
    )
