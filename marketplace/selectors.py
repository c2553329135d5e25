"""Reads that several pages share."""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth
from oscar.core.loading import get_model

from marketplace.models import (
    AdministrativeArea,
    Listing,
    ListingRevision,
    ModerationEvent,
    Vendor,
)

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Line = get_model("order", "Line")
ProductReview = get_model("reviews", "ProductReview")


def products_for_sale() -> QuerySet:
    """Products a shopper may see, search and buy.

    Canonical (non-child), public products whose listing the Union approved,
    sold by an approved vendor. Suspending a vendor hides its products at once.
    A parent product is sold through its variants' stock records.
    """
    approved = StockRecord.objects.filter(partner__vendor__status=Vendor.Status.APPROVED)
    # Own records first; variants' only for parents (an OR across the join in
    # one subquery would scan every stock record for every product).
    return Product.objects.browsable().filter(
        Q(Exists(approved.filter(product=OuterRef("pk"))))
        | Q(
            Q(structure=Product.PARENT),
            Exists(approved.filter(product__parent=OuterRef("pk"))),
        ),
        listing__status=Listing.Status.APPROVED,
    )


def product_cards(queryset: QuerySet) -> QuerySet:
    """What a product card needs, in a constant number of queries whatever the page size.

    The ``has_*_options`` annotations are the ones Oscar's ``base_queryset``
    adds, so ``Product.has_options`` does not query once per card.
    """
    Option = get_model("catalogue", "Option")
    return (
        queryset.select_related("product_class")
        .annotate(
            has_product_class_options=Exists(
                Option.objects.filter(productclass=OuterRef("product_class"))
            ),
            has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
        )
        .prefetch_related("images", "stockrecords", "product_class__options", "product_options")
    )


def product_vendor(product) -> Vendor | None:
    """The vendor selling ``product`` (each product is sold by one vendor here)."""
    return (
        Vendor.objects.filter(partner__stockrecords__product=product)
        .select_related("partner")
        .first()
    )


def revisions_pending() -> QuerySet:
    return (
        ListingRevision.objects.filter(status=ListingRevision.Status.PENDING)
        .select_related("listing__product", "submitted_by")
        .order_by("submitted_at", "pk")
    )


def listings_pending() -> QuerySet:
    return (
        Listing.objects.filter(status=Listing.Status.PENDING)
        .select_related("product")
        .prefetch_related("product__images", "product__stockrecords__partner__vendor")
        .order_by("submitted_at", "pk")
    )


def vendor_products(vendor: Vendor) -> QuerySet:
    sold_by_vendor = StockRecord.objects.filter(product=OuterRef("pk"), partner=vendor.partner_id)
    return products_for_sale().filter(Exists(sold_by_vendor))


def area_products(area: AdministrativeArea) -> QuerySet:
    """Products for sale by the vendors of a district or a commune."""
    if area.level == AdministrativeArea.Level.DISTRICT:
        in_area = Q(partner__vendor__commune__parent=area)
    else:
        in_area = Q(partner__vendor__commune=area)
    sold_here = StockRecord.objects.filter(in_area, product=OuterRef("pk"))
    return products_for_sale().filter(Exists(sold_here))


def vendors_public(
    *,
    district: AdministrativeArea | None = None,
    commune: AdministrativeArea | None = None,
    kind: str = "",
) -> QuerySet:
    """Approved vendors with their area and the number of products for sale."""
    queryset = Vendor.objects.filter(status=Vendor.Status.APPROVED)
    if commune is not None:
        queryset = queryset.filter(commune=commune)
    elif district is not None:
        queryset = queryset.filter(commune__parent=district)
    if kind:
        queryset = queryset.filter(kind=kind)
    for_sale = products_for_sale().values("pk")
    return (
        queryset.select_related("partner", "commune__parent")
        .annotate(
            product_count=Count(
                "partner__stockrecords__product",
                filter=Q(partner__stockrecords__product__in=for_sale),
                distinct=True,
            )
        )
        .order_by("partner__name")
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


def districts_active() -> QuerySet:
    return AdministrativeArea.objects.filter(
        level=AdministrativeArea.Level.DISTRICT, is_active=True
    ).order_by("name")


def moderation_events(*, action: str = "", vendor_slug: str = "", actor: str = "") -> QuerySet:
    """The audit log, newest first, narrowed by what staff filter on."""
    queryset = ModerationEvent.objects.select_related("vendor__partner", "actor", "product")
    if action:
        queryset = queryset.filter(action=action)
    if vendor_slug:
        queryset = queryset.filter(vendor__slug=vendor_slug)
    if actor:
        queryset = queryset.filter(actor__username__icontains=actor)
    return queryset


# --------------------------------------------------------------------------
# A vendor's own figures (her dashboard)
# --------------------------------------------------------------------------

LOW_STOCK_DEFAULT = 5


def vendor_sales_by_month(vendor: Vendor, *, months: int = 12) -> list[dict]:
    """Orders and revenue of her lines only, newest month first."""
    return list(
        Line.objects.filter(partner=vendor.partner_id)
        .annotate(month=TruncMonth("order__date_placed"))
        .values("month")
        .annotate(
            orders=Count("order", distinct=True),
            items=Sum("quantity"),
            revenue=Sum("line_price_incl_tax"),
        )
        .order_by("-month")[:months]
    )


def vendor_best_sellers(vendor: Vendor, *, limit: int = 10) -> list[dict]:
    return list(
        Line.objects.filter(partner=vendor.partner_id, product__isnull=False)
        .values("product_id", "title")
        .annotate(items=Sum("quantity"), revenue=Sum("line_price_incl_tax"))
        .order_by("-items", "title")[:limit]
    )


def vendor_low_stock(vendor: Vendor) -> QuerySet:
    """Her stock records at or under their threshold (5 when she set none)."""
    return (
        StockRecord.objects.filter(partner=vendor.partner_id)
        .annotate(
            available=Coalesce("num_in_stock", Value(0)) - Coalesce("num_allocated", Value(0)),
            threshold=Coalesce("low_stock_threshold", Value(LOW_STOCK_DEFAULT)),
        )
        .filter(available__lte=F("threshold"))
        .select_related("product")
        .order_by("available", "product__title")
    )


def vendor_reviews(vendor: Vendor, *, limit: int = 20) -> QuerySet:
    return (
        ProductReview.objects.filter(product__stockrecords__partner=vendor.partner_id)
        .select_related("product")
        .order_by("-date_created")[:limit]
    )
