"""A member's proposed change as the Union's reviewer reads it: before and after, in words.

A revision stores what the listing services snapshot (``listing_public_snapshot``):
stock record ids to prices (``{"77": "344000.00"}``), category and commune ids,
ISO dates, picture paths. Here each becomes what a person reads: prices as
money, names for ids, dates as dates, pictures as pictures, and a change that
is only spaces or line breaks is no change.
"""

from __future__ import annotations

import datetime
import re

from django.core.files.storage import default_storage
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from marketplace.models import AdministrativeArea

Category = get_model("catalogue", "Category")

LABELS = {
    "title": gettext_lazy("Product name"),
    "description": gettext_lazy("Description"),
    "origin_commune_id": gettext_lazy("Commune where it is made"),
    "maker": gettext_lazy("Made by"),
    "materials": gettext_lazy("Materials or ingredients"),
    "size": gettext_lazy("Weight or size"),
    "shelf_life": gettext_lazy("Shelf life"),
    "ocop_stars": gettext_lazy("OCOP stars"),
    "ocop_certificate_number": gettext_lazy("OCOP certificate number"),
    "ocop_issued_on": gettext_lazy("OCOP certificate issued"),
    "ocop_expires_on": gettext_lazy("OCOP certificate expires"),
    "ocop_certificate_image": gettext_lazy("Photo of the OCOP certificate"),
    "category_ids": gettext_lazy("Categories"),
    "prices": gettext_lazy("Price"),
    "images": gettext_lazy("Pictures"),
    "variants": gettext_lazy("Kinds (sizes, weights)"),
}
DATES = {"ocop_issued_on", "ocop_expires_on"}


def _squeezed(value):
    """Text with every run of spaces, tabs and line breaks made one space, for comparing."""
    if isinstance(value, str):
        return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", value)).strip()
    if isinstance(value, dict):
        return {key: _squeezed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_squeezed(item) for item in value]
    return value


def _money(amount) -> str:
    return currency(amount, "VND") if amount not in (None, "") else ""


def _picture_urls(paths) -> list[str]:
    return [default_storage.url(path) for path in paths or [] if path]


def _date(value) -> str:
    if not value:
        return ""
    try:
        return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
    except (TypeError, ValueError):
        return str(value)


def revision_changes(current: dict, proposed: dict) -> list[dict]:
    """The public fields that differ; each side is ``text``, ``lines``, ``html`` or ``pictures``."""
    changed = [key for key in LABELS if _squeezed(current.get(key)) != _squeezed(proposed.get(key))]
    area_ids = {current.get("origin_commune_id"), proposed.get("origin_commune_id")} - {None}
    areas = {
        area.pk: area
        for area in AdministrativeArea.objects.filter(pk__in=area_ids).select_related("parent")
    }
    category_ids = set(current.get("category_ids") or []) | set(proposed.get("category_ids") or [])
    categories = {
        category.pk: category for category in Category.objects.filter(pk__in=category_ids)
    }

    def shown(key: str, value) -> dict:
        if key == "description":
            return {"html": value or ""}
        if key in {"images", "ocop_certificate_image"}:
            return {"pictures": _picture_urls(value if isinstance(value, list) else [value])}
        if key == "prices":
            return {"lines": [_money(price) for price in (value or {}).values()]}
        if key == "variants":
            return {"lines": [_variant_line(variant) for variant in (value or {}).values()]}
        if key == "category_ids":
            return {
                "lines": [
                    categories[pk].display_name if pk in categories else str(pk)
                    for pk in value or []
                ]
            }
        if key == "origin_commune_id":
            area = areas.get(value)
            return {"text": " – ".join(area.path_names[-2:]) if area else ""}
        if key in DATES:
            return {"text": _date(value)}
        if key == "ocop_stars":
            return {"text": _("%(stars)s stars") % {"stars": value} if value else ""}
        return {"text": value or ""}

    return [
        {
            "key": key,
            "label": LABELS[key],
            "current": shown(key, current.get(key)),
            "proposed": shown(key, proposed.get(key)),
        }
        for key in changed
    ]


def _variant_line(variant: dict) -> str:
    """One kind as a line for the reviewer: its name and price(s)."""
    prices = ", ".join(_money(price) for price in (variant.get("prices") or {}).values())
    return " · ".join(part for part in (variant.get("title", ""), prices) if part)
