"""Product search answered by the database, with Vietnamese accent folding.

Documents are folded once when products change (``search.indexing``), and
queries are folded the same way, so "com chay" matches "Cơm cháy" on SQLite
and PostgreSQL alike. Each query word must start a word of the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.selectors import products_for_sale
from search.text import has_diacritics, tokens

Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST, TITLE_ASC = (
    "relevance",
    "price-asc",
    "price-desc",
    "newest",
    "title-asc",
)
SORT_CHOICES = [
    (RELEVANCE, _("Relevance")),
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
}


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    products: QuerySet
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    query: str = ""
    category: object | None = None


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


def _category_facet(queryset: QuerySet, selected) -> list[FacetValue]:
    rows = (
        ProductCategory.objects.filter(product__in=queryset.values("pk"))
        .values("category_id", "category__name", "category__slug")
        .annotate(count=Count("product_id", distinct=True))
        .order_by("-count", "category__name")
    )
    return [
        FacetValue(
            value=row["category__slug"],
            label=row["category__name"],
            count=row["count"],
            selected=selected is not None and selected.pk == row["category_id"],
        )
        for row in rows
    ]


def category_by_slug(slug: str):
    if not slug:
        return None
    return Category.objects.browsable().filter(slug=slug).first()


def product_search(*, query: str = "", category=None, sort_by: str = "") -> SearchResult:
    """Products for sale matching ``query`` (all when empty), within ``category``.

    The category facet counts ignore the category filter itself, so a
    shopper can see and switch to the other categories of her results.
    """
    matching, words = _matching(query)
    facets = {"category": _category_facet(matching, category)}
    products = matching
    if category is not None:
        in_category = ProductCategory.objects.filter(
            product=OuterRef("pk"), category__path__startswith=category.path
        )
        products = products.filter(Exists(in_category))
    products = products.annotate(
        min_price=Subquery(
            StockRecord.objects.filter(product=OuterRef("pk")).order_by("price").values("price")[:1]
        )
    )
    if sort_by in _ORDERINGS:
        products = products.order_by(*_ORDERINGS[sort_by])
    elif words:
        products = _ranked(products, query, words)
    else:
        products = products.order_by(*_ORDERINGS[NEWEST])
    products = products.select_related("product_class").prefetch_related(
        "images", "stockrecords", "product_class__options", "product_options"
    )
    return SearchResult(products=products, facets=facets, query=query, category=category)
