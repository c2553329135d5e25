"""Reads that several pages share."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth, TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from core.page_cache import versioned_cached
from marketplace.models import (
    AdministrativeArea,
    CommissionRate,
    Listing,
    ListingRevision,
    ModerationEvent,
    OrderGroup,
    Payout,
    Refund,
    Vendor,
    VendorOrder,
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


def product_and_variant_ids(product) -> QuerySet:
    """The ids of a product and of its variants, as a subquery.

    Stock records of "this product or its variants" asked as an OR across a
    join to the products (``Q(product=p) | Q(product__parent=p)``) made
    PostgreSQL scan every stock record and product: 14 ms on each product
    page at 10,000 products. As ``product__in`` this subquery, both sides use
    their index (0.1 ms).
    """
    pk = getattr(product, "pk", product)
    return Product.objects.filter(Q(pk=pk) | Q(parent_id=pk)).values("pk")


def product_is_for_sale(pk: int) -> bool:
    """Whether ``products_for_sale`` holds this product, from the kept set of their ids.

    Building and compiling that query's subqueries took about 20 ms of every
    product page; the ids (a few bytes each) are kept until the catalogue
    changes (the page cache's version: listings, vendors, stock and products
    bump it). Without a page cache the query is asked each time.
    """
    if not settings.PAGE_CACHE_SECONDS:
        return products_for_sale().filter(pk=pk).exists()
    return pk in _for_sale_ids()


def _for_sale_ids() -> frozenset[int]:
    ids, _ = versioned_cached(
        "for-sale-ids", lambda: frozenset(products_for_sale().values_list("pk", flat=True))
    )
    return ids


def product_ids_for_sale(ids: list[int]) -> list[int]:
    """Those of ``ids`` that are for sale, in order (the kept set, as ``product_is_for_sale``)."""
    if not settings.PAGE_CACHE_SECONDS:
        found = set(products_for_sale().filter(pk__in=ids).values_list("pk", flat=True))
    else:
        found = _for_sale_ids()
    return [pk for pk in ids if pk in found]


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


def vendor_products_all(vendor: Vendor) -> QuerySet:
    """Every product of a vendor, for sale or not, as its members list them.

    No variants; a parent product through its variants' stock records.
    """
    partner_id = vendor.partner_id
    return (
        Product.objects.filter(parent__isnull=True)
        .filter(
            Q(stockrecords__partner_id=partner_id)
            | Q(children__stockrecords__partner_id=partner_id)
        )
        .distinct()
    )


def product_vendor(product) -> Vendor | None:
    """The vendor selling ``product`` (each product is sold by one vendor here).

    A parent product has no stock record of its own: its variants' say who sells it.
    """
    return (
        Vendor.objects.filter(partner__stockrecords__product__in=product_and_variant_ids(product))
        .select_related("partner")
        .order_by("pk")
        .first()
    )


def product_vendor_public(product) -> Vendor | None:
    """The selling vendor with what her card shows (name, kind, commune and district)."""
    return (
        Vendor.objects.filter(partner__stockrecords__product__in=product_and_variant_ids(product))
        .select_related("partner", "commune__parent")
        .order_by("pk")
        .first()
    )


def product_related(product, *, vendor: Vendor | None) -> QuerySet:
    """Other products for sale by the same vendor or made in the same area, hers first."""
    queryset = products_for_sale().exclude(pk=product.pk)
    if vendor is None:
        return queryset.none()
    same_vendor = Q(stockrecords__partner=vendor.partner_id)
    same_area = Q(stockrecords__partner__vendor__commune=vendor.commune_id)
    if product.origin_commune_id:
        same_area |= Q(origin_commune=product.origin_commune_id)
    ids = queryset.filter(same_vendor | same_area).values("pk")
    return (
        products_for_sale()
        .filter(pk__in=ids)
        .annotate(
            by_vendor=Exists(
                StockRecord.objects.filter(product=OuterRef("pk"), partner=vendor.partner_id)
            )
        )
        .order_by("-by_vendor", "-date_created", "-pk")
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


def districts_public() -> QuerySet:
    """/areas/: active districts with their active communes and approved vendors counted."""
    in_commune = Q(children__is_active=True)
    return districts_active().annotate(
        commune_count=Count("children", filter=in_commune, distinct=True),
        vendor_count=Count(
            "children__vendors",
            filter=in_commune & Q(children__vendors__status=Vendor.Status.APPROVED),
            distinct=True,
        ),
    )


def vendors_nearby(vendor: Vendor, *, limit: int = 3) -> list[Vendor]:
    """Other approved vendors with products for sale: her commune's first, then her district's."""
    nearby = (
        vendors_public(district=vendor.commune.parent)
        .exclude(pk=vendor.pk)
        .filter(product_count__gt=0)
    )
    same_commune = list(nearby.filter(commune=vendor.commune)[:limit])
    if len(same_commune) == limit:
        return same_commune
    return same_commune + list(nearby.exclude(commune=vendor.commune)[: limit - len(same_commune)])


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


def vendor_sales_by_period(vendor: Vendor, *, period: str, since: datetime.datetime) -> list[dict]:
    """Orders, items and revenue of her lines per week or month from ``since``, oldest first.

    One query whatever the number of orders; periods without a sale are absent
    (the caller fills them in).
    """
    trunc = {"week": TruncWeek, "month": TruncMonth}[period]
    return list(
        Line.objects.filter(partner=vendor.partner_id, order__date_placed__gte=since)
        .annotate(start=trunc("order__date_placed"))
        .values("start")
        .annotate(
            orders=Count("order", distinct=True),
            items=Sum("quantity"),
            revenue=Sum("line_price_incl_tax"),
        )
        .order_by("start")
    )


def vendor_today(vendor: Vendor, *, order_statuses: dict[str, str], shown: int = 5) -> dict:
    """What needs her today, counted in the database: a fixed number of queries.

    ``order_statuses`` names the order status each order count stands for
    (``{"to_confirm": "Pending", ...}``): statuses belong to the checkout.
    """
    order_counts = VendorOrder.objects.filter(vendor=vendor).aggregate(
        **{
            key: Count("pk", filter=Q(order__status=status))
            for key, status in order_statuses.items()
        }
    )
    sold_here = StockRecord.objects.filter(product=OuterRef("product"), partner=vendor.partner_id)
    hers = Exists(sold_here)
    listings = Listing.objects.filter(hers)
    listing_counts = listings.aggregate(
        waiting=Count("pk", filter=Q(status=Listing.Status.PENDING)),
        refused=Count("pk", filter=Q(status=Listing.Status.REJECTED)),
    )
    changes_waiting = ListingRevision.objects.filter(
        Exists(
            StockRecord.objects.filter(
                product=OuterRef("listing__product"), partner=vendor.partner_id
            )
        ),
        status=ListingRevision.Status.PENDING,
    ).count()
    low_stock = vendor_low_stock(vendor)
    return {
        **order_counts,
        "waiting": listing_counts["waiting"] + changes_waiting,
        "refused": listing_counts["refused"],
        "refused_listings": list(
            listings.filter(status=Listing.Status.REJECTED)
            .select_related("product")
            .order_by("-decided_at", "-pk")[:shown]
        ),
        "low_stock": low_stock.count(),
        "low_stock_records": list(low_stock[:shown]),
    }


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


def _group_parts() -> Prefetch:
    return Prefetch(
        "parts",
        queryset=VendorOrder.objects.select_related(
            "order__shipping_address", "vendor__partner", "vendor__commune"
        ).prefetch_related("order__lines"),
    )


def order_group_for_page(number: str) -> OrderGroup | None:
    """A checkout with its parts, their orders and lines, in a fixed number of queries."""
    return OrderGroup.objects.filter(number=number).prefetch_related(_group_parts()).first()


def order_groups_of_user(user) -> QuerySet:
    """A signed-in shopper's checkouts, newest first: one history entry each."""
    return OrderGroup.objects.filter(user=user).prefetch_related(_group_parts())


def order_group_lookup(*, number: str, email: str) -> OrderGroup | None:
    """A guest finds her checkout with its number and her e-mail; both must match."""
    number = number.strip()
    if not number or not email:
        return None
    return (
        OrderGroup.objects.filter(number=number, email__iexact=email.strip())
        .prefetch_related(_group_parts())
        .first()
    )


def refunds_listed(*, group: OrderGroup | None = None, part: VendorOrder | None = None) -> QuerySet:
    """A checkout's or a part's refunds, newest first, in every state (one query)."""
    refunds = Refund.objects.select_related("part__order", "part__vendor")
    if group is not None:
        refunds = refunds.filter(part__group=group)
    if part is not None:
        refunds = refunds.filter(part=part)
    return refunds


def vendor_orders(vendor: Vendor, *, status: str = "") -> QuerySet:
    """Her vendor's parts only, newest first, with their lines (one query a page)."""
    queryset = (
        VendorOrder.objects.filter(vendor=vendor)
        .select_related("order", "group", "order__shipping_address")
        .prefetch_related("order__lines")
        .annotate(items=Sum("order__lines__quantity"))
        .order_by("-order__date_placed", "-pk")
    )
    if status:
        queryset = queryset.filter(order__status=status)
    return queryset


def commission_percent_current(day=None) -> Decimal:
    """The Union's commission in force on ``day`` (today): 0 until staff set one."""
    day = day or timezone.localdate()
    rate = CommissionRate.objects.filter(valid_from__lte=day).order_by("-valid_from", "-pk").first()
    return rate.percent if rate else Decimal(0)


@dataclass
class LedgerEntry:
    when: datetime.date
    kind: str
    label: str
    reference: str
    amount: Decimal  # positive: owed to the cooperative; negative: owed to the Union or paid out


@dataclass
class Ledger:
    vendor: Vendor
    entries: list[LedgerEntry]

    @property
    def balance(self) -> Decimal:
        return sum((entry.amount for entry in self.entries), Decimal(0))


def _commission(part: VendorOrder) -> Decimal:
    base = part.order.total_incl_tax - part.refunded
    return (base * part.commission_percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)


LEDGER_ORDER = ("sale", "commission", "refund", "payout")


def vendor_ledgers(vendors) -> dict[int, Ledger]:
    """What the Union owes a cooperative, entry by entry, oldest first.

    Online payments (card, VietQR) reach the Union, which owes them to the
    cooperative once paid; cash on delivery stays with the cooperative. The
    commission counts on both once the money is in (paid online, or cash
    collected), less refunds. Refunds of online payments (carried out ones:
    a refund still being confirmed with Stripe is not money given back yet)
    and payouts reduce what is owed. Three queries, whatever the number of vendors and orders.
    """
    ledgers = {vendor.pk: Ledger(vendor=vendor, entries=[]) for vendor in vendors}
    parts = (
        VendorOrder.objects.filter(vendor__in=ledgers)
        .select_related("order", "group")
        .exclude(
            order__status="Cancelled",
            group__payment_status__in=["cancelled", "on_delivery", "awaiting"],
        )
        .order_by("pk")
    )
    for part in parts:
        group, number = part.group, part.order.number
        online_paid = group.payment_status == OrderGroup.PaymentStatus.PAID
        cash_in = group.payment_method == OrderGroup.PaymentMethod.CASH and part.cash_collected_at
        entries = ledgers[part.vendor_id].entries
        if online_paid:
            entries.append(
                LedgerEntry(
                    timezone.localdate(group.paid_at or group.created_at),
                    "sale",
                    str(_("Sale paid online")),
                    number,
                    part.order.total_incl_tax,
                )
            )
        if (online_paid or cash_in) and part.commission_percent:
            when = group.paid_at if online_paid else part.cash_collected_at
            entries.append(
                LedgerEntry(
                    timezone.localdate(when),
                    "commission",
                    str(_("Union commission %(percent)s%%") % {"percent": part.commission_percent}),
                    number,
                    -_commission(part),
                )
            )
    refunds = Refund.objects.filter(part__vendor__in=ledgers, status=Refund.Status.DONE)
    for refund in refunds.select_related("part__order", "part__group"):
        if refund.part.group.payment_method != OrderGroup.PaymentMethod.CASH:
            ledgers[refund.part.vendor_id].entries.append(
                LedgerEntry(
                    timezone.localdate(refund.created_at),
                    "refund",
                    str(_("Refund to the shopper")),
                    refund.part.order.number,
                    -refund.amount,
                )
            )
    for payout in Payout.objects.filter(vendor__in=ledgers):
        ledgers[payout.vendor_id].entries.append(
            LedgerEntry(
                payout.paid_on,
                "payout",
                str(_("Payout by the Union")),
                payout.reference,
                -payout.amount,
            )
        )
    for ledger in ledgers.values():
        ledger.entries.sort(key=lambda entry: (entry.when, LEDGER_ORDER.index(entry.kind)))
    return ledgers


def vendor_ledger(vendor: Vendor) -> Ledger:
    return vendor_ledgers([vendor])[vendor.pk]
