"""A cooperative fulfils its own part of a checkout: confirm, ship, deliver, collect cash.

Each step is one allowed move in ``OSCAR_ORDER_STATUS_PIPELINE``; anything
else raises ``Refusal`` with a message for the member and changes
nothing. Shipping consumes the stock allocated at checkout; cancelling gives
it back.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from checkout import status as order_status
from checkout.notifications import vendor_order_notify
from checkout.services import order_group_mark_paid, order_lines_release
from core.refusals import Refusal
from marketplace.carriers import CARRIERS
from marketplace.models import OrderGroup, VendorOrder

ACTIONS = ("confirm", "ship", "deliver", "collect_cash", "cancel")


def _locked(part: VendorOrder) -> VendorOrder:
    return VendorOrder.objects.select_for_update().select_related("order", "group").get(pk=part.pk)


def vendor_order_act(
    *,
    part: VendorOrder,
    action: str,
    actor,
    carrier: str = "",
    tracking_number: str = "",
    notify: bool = True,
) -> VendorOrder:
    """Apply one fulfilment step to a vendor's part and return it, refreshed.

    Shipping names the carrier by its code in ``marketplace.carriers.CARRIERS``.
    """
    if action not in ACTIONS:
        raise Refusal(_("Unknown action."))
    event = None
    with transaction.atomic():
        part = _locked(part)
        order, group, now = part.order, part.group, timezone.now()
        if action == "collect_cash":
            if group.payment_method != OrderGroup.PaymentMethod.CASH:
                raise Refusal(_("Only cash-on-delivery orders are paid in cash."))
            if order.status != order_status.DELIVERED:
                raise Refusal(_("Mark the order delivered before the cash collected."))
            if part.cash_collected_at:
                raise Refusal(_("The cash is already recorded as collected."))
            part.cash_collected_at = now
            part.save(update_fields=["cash_collected_at"])
            return part
        target = {
            "confirm": order_status.CONFIRMED,
            "ship": order_status.SHIPPED,
            "deliver": order_status.DELIVERED,
            "cancel": order_status.CANCELLED,
        }[action]
        if target not in order.available_statuses():
            raise Refusal(
                _("An order that is “%(status)s” cannot be changed that way.")
                % {"status": order_status.status_label(order.status)}
            )
        if action == "cancel" and group.payment_status == OrderGroup.PaymentStatus.PAID:
            raise Refusal(_("This order is paid: ask the Union to cancel and refund it."))
        if action == "ship":
            carrier, tracking_number = carrier.strip(), tracking_number.strip()
            if not carrier:
                raise Refusal(_("Say who carries the parcel."))
            if carrier not in CARRIERS:
                raise Refusal(_("Choose the carrier from the list."))
            part.carrier, part.tracking_number, part.shipped_at = carrier, tracking_number, now
            for line in order.lines.select_related("stockrecord").order_by("stockrecord_id"):
                if line.stockrecord_id and line.num_allocated:
                    line.stockrecord.consume_allocation(line.num_allocated)
                    line.num_allocated = 0
                    line.save(update_fields=["num_allocated"])
            event = "shipped"
        elif action == "confirm":
            part.confirmed_at = now
        elif action == "deliver":
            part.delivered_at = now
            event = "delivered"
        elif action == "cancel":
            order_lines_release(order=order)
        order.set_status(target)
        part.save()
    if event and notify:
        transaction.on_commit(lambda: vendor_order_notify(part=part, event=event))
    return part


def order_group_transfer_received(*, group: OrderGroup, actor) -> bool:
    """Union staff saw the VietQR transfer arrive: the cooperatives may now prepare."""
    if group.payment_method != OrderGroup.PaymentMethod.BANK_TRANSFER:
        raise Refusal(_("This checkout is not paid by bank transfer."))
    return order_group_mark_paid(group=group)
