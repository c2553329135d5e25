"""Placing a checkout: one Oscar order per cooperative, stock locked and re-checked.

``checkout_place`` is the only way orders are created. It runs in one
transaction that first locks the basket row (so the same basket submitted
twice, even at the same instant, finds the one group already placed) and
then the stock records of every line in primary-key order (so concurrent
buyers of the last unit queue up and only the first one gets it). No
payment is taken here: card and bank-transfer payments follow placement, so
a buyer who loses the race for stock is never charged.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.apps.order.signals import order_placed
from oscar.core import prices
from oscar.core.loading import get_class, get_model

from basket.split import BasketPart, BasketSplit, basket_split, basket_split_forget
from checkout import status as order_status
from checkout.notifications import order_group_placed_notify
from core.refusals import Refusal
from marketplace.models import OrderGroup, VendorOrder
from marketplace.selectors import commission_percent_current, products_for_sale
from payments.vietqr import payment_reference_new
from shipping.destinations import address_zone

Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")
OrderCreator = get_class("order.utils", "OrderCreator")
VendorDelivery = get_class("shipping.repository", "VendorDelivery")

PaymentMethod = OrderGroup.PaymentMethod
PaymentStatus = OrderGroup.PaymentStatus

GROUP_NUMBER_OFFSET = 100000


def _initial_state(payment_method: str) -> tuple[str, str]:
    if payment_method == PaymentMethod.CASH:
        return PaymentStatus.ON_DELIVERY, order_status.PENDING
    return PaymentStatus.AWAITING, order_status.AWAITING_PAYMENT


def _check_sellers(split: BasketSplit) -> None:
    """Every line must have a cooperative to fulfil it: none is left out of the orders."""
    if split.unsellable:
        raise Refusal(
            _(
                "No cooperative of the marketplace sells these products, so they cannot be "
                "ordered; remove them from your basket: %(titles)s"
            )
            % {"titles": ", ".join(line.product.get_title() for line in split.unsellable)}
        )


def _check_for_sale(parts: list[BasketPart]) -> None:
    product_ids = {
        line.product.parent_id or line.product_id for part in parts for line in part.lines
    }
    for_sale = set(products_for_sale().filter(pk__in=product_ids).values_list("pk", flat=True))
    gone = [
        line.product.get_title()
        for part in parts
        for line in part.lines
        if (line.product.parent_id or line.product_id) not in for_sale
    ]
    if gone:
        raise Refusal(
            _("These products are no longer for sale; remove them from your basket: %(titles)s")
            % {"titles": ", ".join(gone)}
        )


def _lock_and_check_stock(parts: list[BasketPart]) -> None:
    wanted: dict[int, int] = defaultdict(int)
    titles: dict[int, str] = {}
    for part in parts:
        for line in part.lines:
            if line.product.get_product_class().track_stock:
                wanted[line.stockrecord_id] += line.quantity
                titles[line.stockrecord_id] = line.product.get_title()
    if not wanted:
        return
    locked = StockRecord.objects.select_for_update().filter(pk__in=wanted).order_by("pk")
    short = [
        titles[record.pk]
        for record in locked
        if (record.num_in_stock or 0) - (record.num_allocated or 0) < wanted[record.pk]
    ]
    if short:
        raise Refusal(
            _("Not enough left in stock for: %(titles)s. Change the quantity and try again.")
            % {"titles": ", ".join(short)}
        )


def _place_part(
    *,
    group: OrderGroup,
    part: BasketPart,
    index: int,
    basket,
    user,
    shipping_address,
    status: str,
    commission_percent: Decimal,
    zone: str | None,
    request=None,
) -> VendorOrder:
    creator = OrderCreator()
    currency = basket.currency
    shipping = prices.Price(currency=currency, excl_tax=part.shipping, incl_tax=part.shipping)
    total = prices.Price(currency=currency, excl_tax=part.total, incl_tax=part.total)
    order = creator.create_order_model(
        user,
        basket,
        shipping_address,
        VendorDelivery(zone),
        shipping,
        None,
        total,
        f"{group.number}-{index}",
        status,
        request,
        guest_email=group.email if not (user and user.is_authenticated) else "",
    )
    for line in part.lines:
        creator.create_line_models(order, line, {"status": status})
    for line in sorted(part.lines, key=lambda line: line.stockrecord_id):
        creator.update_stock_records(line)
    return VendorOrder.objects.create(
        order=order, group=group, vendor=part.vendor, commission_percent=commission_percent
    )


def checkout_place(
    *,
    basket,
    user,
    email: str,
    shipping_address,
    payment_method: str,
    language: str = "vi",
    request=None,
    notify: bool = True,
) -> OrderGroup:
    """Place the basket as one group of per-cooperative orders and return the group.

    Idempotent per basket: a second call for a basket already placed returns
    the same group and creates nothing. ``notify=False`` (demo data) sends
    no e-mail. Raises ``Refusal`` with a
    message for the shopper when a product is no longer for sale, has no
    cooperative to sell it, or stock ran out; nothing is written then.
    """
    if payment_method not in PaymentMethod.values:
        raise Refusal(_("Choose a payment method."))
    with transaction.atomic():
        Basket.objects.select_for_update().filter(pk=basket.pk).first()
        existing = OrderGroup.objects.filter(basket_id=basket.pk).first()
        if existing is not None:
            return existing
        basket_split_forget(basket)
        zone = address_zone(shipping_address)
        split = basket_split(basket, zone)
        _check_sellers(split)
        if not split.parts:
            raise Refusal(_("Your basket is empty."))
        _check_for_sale(split.parts)
        _lock_and_check_stock(split.parts)

        payment_status, status = _initial_state(payment_method)
        number = str(GROUP_NUMBER_OFFSET + basket.pk)
        group = OrderGroup.objects.create(
            number=number,
            basket=basket,
            user=user if user and user.is_authenticated else None,
            email=email,
            language=language,
            payment_method=payment_method,
            payment_status=payment_status,
            payment_reference=payment_reference_new(number=number),
            total=split.total,
            shipping_total=split.shipping,
        )
        if shipping_address is not None and shipping_address.pk is None:
            shipping_address.save()
        commission_percent = commission_percent_current()
        parts = [
            _place_part(
                group=group,
                part=part,
                index=index,
                basket=basket,
                user=user,
                shipping_address=shipping_address,
                status=status,
                commission_percent=commission_percent,
                zone=zone,
                request=request,
            )
            for index, part in enumerate(split.parts, start=1)
        ]
        basket.submit()
        if notify:
            transaction.on_commit(lambda: _announce(group, parts, user))
    return group


def _announce(group: OrderGroup, parts: list[VendorOrder], user) -> None:
    for part in parts:
        order_placed.send(sender=OrderGroup, order=part.order, user=user)
    order_group_placed_notify(group=group)


def order_group_mark_paid(*, group: OrderGroup, when=None) -> bool:
    """Record the whole payment of a group; its parts go to the cooperatives.

    Returns False, changing nothing, when the group was already paid or was
    cancelled.
    """
    with transaction.atomic():
        group = OrderGroup.objects.select_for_update().get(pk=group.pk)
        if group.payment_status != PaymentStatus.AWAITING:
            return False
        group.payment_status = PaymentStatus.PAID
        group.paid_at = when or timezone.now()
        group.save(update_fields=["payment_status", "paid_at"])
        for part in group.parts.select_related("order"):
            if part.order.status == order_status.AWAITING_PAYMENT:
                part.order.set_status(order_status.PENDING)
    return True


def order_group_cancel(*, group: OrderGroup, reopen_basket: bool = True) -> bool:
    """Cancel an unpaid group: its stock goes back on sale and the basket reopens.

    Only groups still awaiting payment can be cancelled this way (an abandoned
    or refused card payment, a transfer that never came).
    """
    with transaction.atomic():
        group = OrderGroup.objects.select_for_update().get(pk=group.pk)
        if group.payment_status != PaymentStatus.AWAITING:
            return False
        for part in group.parts.select_related("order"):
            order_lines_release(order=part.order)
            part.order.set_status(order_status.CANCELLED)
        group.payment_status = PaymentStatus.CANCELLED
        basket = group.basket
        group.basket = None
        group.save(update_fields=["payment_status", "basket"])
        if reopen_basket and basket is not None:
            basket.status = Basket.OPEN
            basket.date_submitted = None
            basket.save(update_fields=["status", "date_submitted"])
    return True


def order_lines_release(*, order) -> None:
    """Give back the stock allocated to an order's lines (cancellation)."""
    for line in order.lines.select_related("stockrecord").order_by("stockrecord_id"):
        if line.stockrecord_id and line.num_allocated:
            line.stockrecord.cancel_allocation(line.num_allocated)
            line.num_allocated = 0
            line.save(update_fields=["num_allocated"])


def order_group_amount(group: OrderGroup) -> int:
    """What the shopper pays, in whole dong (VND has no minor unit)."""
    return int(Decimal(group.total).to_integral_value())
