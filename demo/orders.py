"""Demo checkouts, placed through the real checkout service.

The demo shopper gets checkouts in each payment method and state, so the
cooperative dashboard, the Union's payment pages and the settlements ledger
have something to show, delivered in Ninh Bình and elsewhere in Vietnam (so
both zones' charges show). Skipped once the shopper has any checkout.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model

from checkout.order_services import vendor_order_act
from checkout.services import checkout_place, order_group_mark_paid
from marketplace.models import OrderGroup, Refund, Vendor, VendorOrder
from marketplace.selectors import products_for_sale
from shipping import destinations

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")

# Where the parcels go: (province code, ward code, street).
HOA_LU = (37, 14329, "Số 12, phố Trần Hưng Đạo")  # Phường Hoa Lư, Ninh Bình
BA_DINH = (1, 4, "Số 3, phố Đội Cấn")  # Phường Ba Đình, Hà Nội
SAI_GON = (79, 26740, "Số 45, đường Lê Lợi")  # Phường Sài Gòn, Hồ Chí Minh City

# (payment method, number of cooperatives, what happens next, delivered to)
PLAN = (
    ("cod", 3, "delivered", HOA_LU),
    ("cod", 2, "shipped", BA_DINH),
    ("vietqr", 2, "paid", SAI_GON),
    ("vietqr", 1, "awaiting", HOA_LU),
    ("cod", 1, "new", BA_DINH),
)


def _address(place: tuple[int, int, str]):
    province_code, ward_code, street = place
    province = destinations.province_get(province_code)
    ward = destinations.ward_get(province_code, ward_code)
    return ShippingAddress(
        first_name="Nguyễn Thị Lan",
        line1=street,
        line3=ward.name,
        state=province.name,
        country=Country.objects.get(pk="VN"),
        phone_number="+84912345678",
    )


def _products_by_vendor(count: int, *, first_partner_id: int | None) -> list:
    """One product from each of ``count`` vendors, the demo member's vendor first."""
    seen, chosen = set(), []
    queryset = (
        products_for_sale()
        .filter(stockrecords__num_in_stock__gte=5)
        .select_related("stockrecords__partner")
        .order_by("pk")
        .values_list("pk", "stockrecords__partner_id")
    )
    rows = list(queryset)
    rows.sort(key=lambda row: row[1] != first_partner_id)
    for pk, partner_id in rows:
        if partner_id not in seen:
            seen.add(partner_id)
            chosen.append(pk)
        if len(chosen) == count:
            break
    return chosen


def demo_orders_load(*, shopper_username: str, actor_username: str) -> int:
    """Place the demo checkouts; return how many were placed (0 when already there)."""
    User = get_user_model()
    shopper = User.objects.filter(username=shopper_username).first()
    actor = User.objects.filter(username=actor_username).first()
    if shopper is None or OrderGroup.objects.filter(user=shopper).exists():
        return 0
    membership = actor.vendor_memberships.first() if actor else None
    first_partner_id = membership.vendor.partner_id if membership else None
    Product = get_model("catalogue", "Product")
    placed = 0
    for method, vendors, then, place in PLAN:
        product_ids = _products_by_vendor(vendors, first_partner_id=first_partner_id)
        if len(product_ids) < vendors:
            break
        with transaction.atomic():
            basket = Basket.objects.create(owner=shopper)
            basket.strategy = Selector().strategy(user=shopper)
            for product in Product.objects.filter(pk__in=product_ids):
                basket.add_product(product, 1)
            group = checkout_place(
                basket=basket,
                user=shopper,
                email=shopper.email,
                shipping_address=_address(place),
                payment_method=method,
                notify=False,
            )
            if then == "paid":
                order_group_mark_paid(group=group)
            for part in group.parts.all():
                steps = {
                    "delivered": ["confirm", "ship", "deliver", "collect_cash"],
                    "shipped": ["confirm", "ship"],
                }.get(then, [])
                for action in steps:
                    vendor_order_act(
                        part=part,
                        action=action,
                        actor=actor,
                        carrier="viettelpost" if action == "ship" else "",
                        tracking_number=f"VTP{group.number}{part.pk}" if action == "ship" else "",
                        notify=False,
                    )
        placed += 1
    return placed


# --------------------------------------------------------------------------
# Many orders across every district, for the Union's reports and the bench
# --------------------------------------------------------------------------

BULK_PREFIX = "D"  # checkout numbers D0000001…: never the checkout's own (digits only)
BULK_BATCH = 500  # checkouts written per transaction
# (method, share): cash on delivery most, then transfers, then cards.
BULK_METHODS = (("cod", 50), ("vietqr", 30), ("card", 20))
BULK_CANCELLED = 0.08
BULK_REFUNDED = 0.03


def _bulk_addresses() -> list:
    """Three parcels' destinations, saved once and shared: two thirds stay in the province."""
    addresses = []
    for place in (HOA_LU, HOA_LU, BA_DINH, SAI_GON):
        address = _address(place)
        existing = ShippingAddress.objects.filter(
            first_name=address.first_name, line1=address.line1, line3=address.line3
        ).first()
        if existing is None:
            address.save()
            existing = address
        addresses.append(existing)
    return addresses


def _bulk_records() -> dict[int, list[dict]]:
    """Approved vendors' stock records of products for sale, by district."""
    StockRecord = get_model("partner", "StockRecord")
    rows = (
        StockRecord.objects.filter(product__in=products_for_sale().values("pk"))
        .exclude(product__structure="parent")
        .values(
            "pk",
            "price",
            "partner_id",
            "partner__name",
            "partner_sku",
            "product_id",
            "product__title",
            "product__upc",
            "partner__vendor__pk",
            "partner__vendor__commune__parent",
        )
        .order_by("pk")
    )
    by_district: dict[int, list[dict]] = {}
    for row in rows:
        by_district.setdefault(row["partner__vendor__commune__parent"], []).append(row)
    return by_district


def demo_orders_bulk(*, lines: int, shopper_username: str, progress=None) -> int:
    """Top the demo's many orders up to ``lines`` order lines; return how many were added.

    Written in bulk, not through the checkout (50,000 lines in a minute):
    each checkout buys from one or two cooperatives of any district, on a
    day of the last twelve months, paid by each method, a few cancelled
    and a few refunded in part, delivered inside the province and
    elsewhere at each cooperative's own charges. Deterministic: the same
    count gives the same orders, and a second run adds nothing.
    """
    Line = get_model("order", "Line")
    Order = get_model("order", "Order")

    have = Line.objects.filter(order__part__group__number__startswith=BULK_PREFIX).count()
    missing = lines - have
    by_district = _bulk_records()
    if missing <= 0 or not by_district:
        return 0
    User = get_user_model()
    shopper = User.objects.filter(username=shopper_username).first()
    vendors = {v.pk: v for v in Vendor.objects.all()}
    addresses = _bulk_addresses()
    zone_of = {a.pk: destinations.address_zone(a) for a in addresses}
    districts = sorted(by_district)
    rng = random.Random(f"demo-orders-{have}")
    groups_done = OrderGroup.objects.filter(number__startswith=BULK_PREFIX).count()
    now = timezone.now()
    methods = [m for m, share in BULK_METHODS for _ in range(share)]
    added = 0
    while added < missing:
        groups, orders, parts_lines, parts = [], [], [], []
        for _ in range(BULK_BATCH):
            if added >= missing:
                break
            groups_done += 1
            number = f"{BULK_PREFIX}{groups_done:07d}"
            placed = now - datetime.timedelta(seconds=rng.randrange(365 * 24 * 3600))
            method = rng.choice(methods)
            cancelled = rng.random() < BULK_CANCELLED
            address = rng.choice(addresses)
            zone = zone_of[address.pk]
            chosen: dict[int, list[dict]] = {}
            for _part in range(rng.choice((1, 1, 1, 2))):
                district = districts[(groups_done + _part) % len(districts)]
                record = rng.choice(by_district[district])
                chosen.setdefault(record["partner__vendor__pk"], []).append(record)
            group = OrderGroup(
                number=number,
                user=shopper,
                email=shopper.email if shopper else "khach@demo.chophunu.vn",
                payment_method=method,
                payment_status=(
                    "cancelled"
                    if cancelled and method != "cod"
                    else ("on_delivery" if method == "cod" else "paid")
                ),
                payment_reference=f"DEMO{number}",
                total=Decimal(0),
                shipping_total=Decimal(0),
                paid_at=None if method == "cod" or cancelled else placed,
            )
            groups.append(group)
            for index, (vendor_pk, records) in enumerate(sorted(chosen.items()), start=1):
                vendor = vendors[vendor_pk]
                order_lines = []
                for record in records:
                    quantity = rng.randint(1, 3)
                    price = record["price"] * quantity
                    order_lines.append(
                        Line(
                            partner_id=record["partner_id"],
                            partner_name=record["partner__name"],
                            partner_sku=record["partner_sku"],
                            stockrecord_id=record["pk"],
                            product_id=record["product_id"],
                            title=record["product__title"],
                            upc=record["product__upc"],
                            quantity=quantity,
                            line_price_incl_tax=price,
                            line_price_excl_tax=price,
                            line_price_before_discounts_incl_tax=price,
                            line_price_before_discounts_excl_tax=price,
                            unit_price_incl_tax=record["price"],
                            unit_price_excl_tax=record["price"],
                            status="Cancelled" if cancelled else "Delivered",
                            num_allocated=0,
                        )
                    )
                goods = sum((line.line_price_incl_tax for line in order_lines), Decimal(0))
                shipping = vendor.shipping_charge_for(goods, zone)
                orders.append(
                    Order(
                        number=f"{number}-{index}",
                        site_id=settings.SITE_ID,
                        user=shopper,
                        currency="VND",
                        total_incl_tax=goods + shipping,
                        total_excl_tax=goods + shipping,
                        shipping_incl_tax=shipping,
                        shipping_excl_tax=shipping,
                        shipping_address=address,
                        shipping_method="Giao hàng bởi từng hợp tác xã",
                        shipping_code="vendor-delivery",
                        status="Cancelled" if cancelled else "Delivered",
                        date_placed=placed,
                    )
                )
                parts_lines.append(order_lines)
                parts.append((group, vendor_pk, placed, cancelled, method))
                group.total += goods + shipping
                group.shipping_total += shipping
                added += len(order_lines)
        with transaction.atomic():
            OrderGroup.objects.bulk_create(groups)
            Order.objects.bulk_create(orders)
            for order, order_lines in zip(orders, parts_lines, strict=True):
                for line in order_lines:
                    line.order = order
            Line.objects.bulk_create([line for order_lines in parts_lines for line in order_lines])
            vendor_orders = [
                VendorOrder(
                    order=order,
                    group=group,
                    vendor_id=vendor_pk,
                    confirmed_at=None if cancelled else placed,
                    shipped_at=None if cancelled else placed,
                    delivered_at=None if cancelled else placed,
                    cash_collected_at=placed if method == "cod" and not cancelled else None,
                )
                for order, (group, vendor_pk, placed, cancelled, method) in zip(
                    orders, parts, strict=True
                )
            ]
            VendorOrder.objects.bulk_create(vendor_orders)
            refunds = []
            for part, order in zip(vendor_orders, orders, strict=True):
                online = part.group.payment_method != "cod" and order.status != "Cancelled"
                if online and rng.random() < BULK_REFUNDED:
                    refunds.append(
                        Refund(
                            part=part,
                            amount=min(order.total_incl_tax, Decimal(50000)),
                            reason="Hàng giao thiếu",
                            status=Refund.Status.DONE,
                        )
                    )
            Refund.objects.bulk_create(refunds)
        if progress:
            progress(min(added, missing), missing)
    # The checkout's own date follows its orders (created_at is set on insert), and
    # each part's refunded sum its refunds: read in one query each and written in
    # batches. A correlated UPDATE ... = (SELECT ...) over tables just filled, with
    # no statistics yet, made PostgreSQL scan the orders once per checkout (over
    # twenty minutes for 50,000 order lines).
    placed = dict(
        VendorOrder.objects.filter(group__number__startswith=BULK_PREFIX)
        .order_by("group_id", "order__date_placed")
        .values_list("group_id", "order__date_placed")
    )
    OrderGroup.objects.bulk_update(
        [OrderGroup(pk=pk, created_at=when) for pk, when in placed.items()],
        ["created_at"],
        batch_size=2000,
    )
    refunded = (
        Refund.objects.filter(part__group__number__startswith=BULK_PREFIX)
        .values("part")
        .annotate(total=Sum("amount"))
        .values_list("part", "total")
    )
    VendorOrder.objects.bulk_update(
        [VendorOrder(pk=pk, refunded=total) for pk, total in refunded],
        ["refunded"],
        batch_size=2000,
    )
    return added
