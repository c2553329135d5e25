"""Reads that several pages share."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from oscar.core.loading import get_model

from marketplace.models import AdministrativeArea

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def products_for_sale() -> QuerySet:
    """Products a shopper may see, search and buy.

    Canonical (non-child), public products with at least one stock record.
    Vendor and listing approval narrow this further once moderation exists.
    """
    return Product.objects.browsable().filter(
        Exists(StockRecord.objects.filter(product=OuterRef("pk")))
    )


def area_tree() -> list[AdministrativeArea]:
    """Active provinces with districts and communes prefetched, in three queries."""
    communes = AdministrativeArea.objects.filter(is_active=True)
    districts = AdministrativeArea.objects.filter(is_active=True).prefetch_related(
        Prefetch("children", queryset=communes, to_attr="active_children")
    )
    return list(
        AdministrativeArea.objects.filter(parent__isnull=True, is_active=True).prefetch_related(
            Prefetch("children", queryset=districts, to_attr="active_children")
        )
    )
