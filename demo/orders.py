"""Demo checkouts, placed through the real checkout service.

The demo shopper gets checkouts in each payment method and state, so the
cooperative dashboard, the Union's payment pages and the settlements ledger
have something to show, delivered in Ninh Bình and elsewhere in Vietnam (so
both zones' charges show). Skipped once the shopper has any checkout.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model

from checkout.order_services import vendor_order_act
from checkout.services import checkout_place, order_group_mark_paid
from marketplace.models import OrderGroup
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
