"""The filters a shopper can combine, shared by the engine and the database adapters.

Values come from the query string, so anything unknown is either ignored (a
price band that does not exist) or simply matches nothing (an area id that
does not exist): a hand-edited URL gives a normal page, never an error.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from core.page_cache import versioned_cached
from core.text import in_language
from marketplace.models import AdministrativeArea, Vendor

Category = get_model("catalogue", "Category")

# (key, lowest price included, highest price excluded), whole dong.
PRICE_BANDS: list[tuple[str, int | None, int | None]] = [
    ("under-50000", None, 50_000),
    ("50000-100000", 50_000, 100_000),
    ("100000-200000", 100_000, 200_000),
    ("200000-500000", 200_000, 500_000),
    ("500000-up", 500_000, None),
]
PRICE_BAND_KEYS = [key for key, _low, _high in PRICE_BANDS]

# OCOP ("One Commune One Product") ratings the province awards.
OCOP_STARS = ["5", "4", "3"]

# Facet name → the engine document field it is counted on. Categories are
# counted on the product's own categories but filtered on the whole tree, so a
# parent category includes its children.
ENGINE_FIELDS = {
    "category": "categories",
    "district": "district",
    "commune": "commune",
    "kind": "vendor_kind",
    "ocop": "ocop_stars",
    "in_stock": "in_stock",
    "price": "price",
}
FACET_NAMES = list(ENGINE_FIELDS)


@dataclass(frozen=True)
class SearchFilters:
    """Active filters; empty strings mean "any"."""

    category: str = ""
    district: str = ""
    commune: str = ""
    kind: str = ""
    ocop: str = ""
    price: str = ""
    in_stock: bool = False

    def active(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def without(self, name: str) -> SearchFilters:
        return SearchFilters(**{**self.active(), name: type(getattr(self, name))()})


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def price_band(key: str) -> tuple[int | None, int | None] | None:
    for band_key, low, high in PRICE_BANDS:
        if band_key == key:
            return low, high
    return None


def _vnd(amount: int) -> str:
    return f"{number_format(amount, force_grouping=True)} ₫"


def price_band_label(key: str) -> str:
    low, high = price_band(key) or (None, None)
    if low is None and high is not None:
        return _("Under %(price)s") % {"price": _vnd(high)}
    if high is None and low is not None:
        return _("%(price)s and above") % {"price": _vnd(low)}
    return _("%(low)s to %(high)s") % {"low": _vnd(low or 0), "high": _vnd(high or 0)}


def _names(counts: dict[str, dict[str, int]]) -> tuple[dict[str, str], dict[str, str]]:
    """The counted categories' names (in the page's language) and areas' names.

    Kept until the catalogue changes (the page cache's version: categories
    and areas bump it), so a listing's facets need no query.
    """
    slugs = sorted(counts.get("category", {}))
    area_ids = sorted(
        int(value)
        for name in ("district", "commune")
        for value in counts.get(name, {})
        if value.isdigit()
    )

    def read() -> tuple[dict[str, str], dict[str, str]]:
        categories = {
            slug: in_language(name, name_en)
            for slug, name, name_en in Category.objects.filter(slug__in=slugs).values_list(
                "slug", "name", "name_en"
            )
        }
        areas = {
            str(pk): name
            for pk, name in AdministrativeArea.objects.filter(pk__in=area_ids).values_list(
                "pk", "name"
            )
        }
        return categories, areas

    asked = repr((translation.get_language(), slugs, area_ids))
    digest = hashlib.sha256(asked.encode()).hexdigest()[:32]
    return versioned_cached(f"facet-names:{digest}", read)[0]


def facet_values(
    *, counts: dict[str, dict[str, int]], filters: SearchFilters
) -> dict[str, list[FacetValue]]:
    """Counts per facet value → labelled values, most frequent first (two queries at most).

    Both adapters count the same way and hand their counts here, so the
    pages look the same whichever answered.
    """
    category_names, area_names = _names(counts)
    kinds = dict(Vendor.Kind.choices)
    labels = {
        "category": lambda value: category_names.get(value),
        "district": lambda value: area_names.get(value),
        "commune": lambda value: area_names.get(value),
        "kind": lambda value: kinds.get(value),
        "ocop": lambda value: (
            _("OCOP %(stars)s stars") % {"stars": value} if value in OCOP_STARS else None
        ),
        "price": lambda value: price_band_label(value) if price_band(value) else None,
        "in_stock": lambda value: _("In stock") if value == "true" else None,
    }
    groups: dict[str, list[FacetValue]] = {}
    for name in FACET_NAMES:
        selected = str(getattr(filters, name)).lower()
        values = []
        for value, count in counts.get(name, {}).items():
            label = labels[name](value)
            if label is None or count == 0:
                continue
            values.append(
                FacetValue(value=value, label=str(label), count=count, selected=value == selected)
            )
        if name == "price":
            values.sort(key=lambda v: PRICE_BAND_KEYS.index(v.value))
        elif name == "ocop":
            values.sort(key=lambda v: OCOP_STARS.index(v.value))
        else:
            values.sort(key=lambda v: (-v.count, v.label))
        groups[name] = values
    return groups
