"""Card payments and refunds of checkouts, through the Stripe gateway.

A checkout's card payment is one PaymentIntent for the group's total, made
after the orders are placed (stock is secured first). The group is marked
paid only by Stripe's ``payment_intent.succeeded`` webhook (or by
reconciliation, which asks Stripe the same question), never by the browser.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from checkout.services import order_group_amount, order_group_mark_paid
from core.refusals import Refusal
from marketplace.models import OrderGroup, Refund, VendorOrder
from payments import stripe_gateway as gateway
from payments.reconcile import LocalPayment
from payments.stripe_gateway import METADATA_CHECKOUT_GROUP, PaymentResult
from payments.webhooks import webhook_handler

logger = logging.getLogger(__name__)


def order_group_card_intent(*, group: OrderGroup) -> PaymentResult:
    """The group's PaymentIntent, created once (the gateway's idempotency key is the group)."""
    if group.payment_method != OrderGroup.PaymentMethod.CARD:
        raise Refusal(_("This checkout is not paid by card."))
    if group.stripe_payment_intent:
        return gateway.payment_intent_retrieve(intent_id=group.stripe_payment_intent)
    result = gateway.payment_intent_create(
        amount=order_group_amount(group), checkout_group=group.number
    )
    OrderGroup.objects.filter(pk=group.pk, stripe_payment_intent="").update(
        stripe_payment_intent=result.intent_id
    )
    group.stripe_payment_intent = result.intent_id
    return result


def order_group_card_paid(*, intent: PaymentResult) -> bool:
    """Stripe says an intent succeeded: mark its checkout paid, once.

    Raises ``LookupError`` when no checkout matches yet, so the webhook
    answers non-2xx and Stripe delivers the event again later.
    """
    number = (intent.metadata or {}).get(METADATA_CHECKOUT_GROUP, "")
    group = OrderGroup.objects.filter(number=number).first() if number else None
    if group is None:
        group = OrderGroup.objects.filter(stripe_payment_intent=intent.intent_id).first()
    if group is None:
        raise LookupError(f"No checkout for PaymentIntent {intent.intent_id}")
    if intent.amount != order_group_amount(group):
        # Never mark paid on a different amount; reconciliation reports it to staff.
        logger.error(
            "PaymentIntent %s paid %s, checkout %s expects %s",
            intent.intent_id,
            intent.amount,
            group.number,
            order_group_amount(group),
        )
        return False
    if not group.stripe_payment_intent:
        OrderGroup.objects.filter(pk=group.pk).update(stripe_payment_intent=intent.intent_id)
    return order_group_mark_paid(group=group)


@webhook_handler("payment_intent.succeeded")
def _on_payment_intent_succeeded(event) -> None:
    order_group_card_paid(intent=gateway.payment_result_from_intent(event.data.object))


class CheckoutPaymentBook:
    """The checkout's records as reconciliation sees them (see payments/reconcile.py)."""

    def _local(self, group: OrderGroup) -> LocalPayment:
        return LocalPayment(
            key=group.number,
            intent_id=group.stripe_payment_intent,
            amount=order_group_amount(group),
            paid=group.payment_status == OrderGroup.PaymentStatus.PAID,
        )

    def payment_for_intent(
        self, *, intent_id: str, metadata: Mapping[str, str]
    ) -> LocalPayment | None:
        number = metadata.get(METADATA_CHECKOUT_GROUP, "")
        group = (
            OrderGroup.objects.filter(number=number).first()
            if number
            else OrderGroup.objects.filter(stripe_payment_intent=intent_id).first()
        )
        return self._local(group) if group else None

    def payments_marked_paid(self) -> Iterable[LocalPayment]:
        groups = OrderGroup.objects.filter(
            payment_method=OrderGroup.PaymentMethod.CARD,
            payment_status=OrderGroup.PaymentStatus.PAID,
        )
        return [self._local(group) for group in groups.iterator()]

    def payment_mark_paid(self, *, payment: LocalPayment, intent: PaymentResult) -> None:
        order_group_card_paid(intent=intent)


def vendor_order_refundable(part: VendorOrder) -> Decimal:
    return part.order.total_incl_tax - part.refunded


def vendor_order_refund(*, part: VendorOrder, amount: Decimal, actor, reason: str = "") -> Refund:
    """Refund (part of) one cooperative's part: never more than was paid for it.

    Card payments are refunded at Stripe, with an idempotency key from the
    refund's own number; a bank transfer is refunded by the Union's bank and
    only recorded here. Cash on delivery is settled in cash, not here.
    """
    amount = Decimal(amount)
    if amount <= 0 or amount != amount.to_integral_value():
        raise Refusal(_("A refund is a whole number of dong above zero."))
    with transaction.atomic():
        part = (
            VendorOrder.objects.select_for_update().select_related("order", "group").get(pk=part.pk)
        )
        group = part.group
        if group.payment_status != OrderGroup.PaymentStatus.PAID:
            raise Refusal(_("Only a paid checkout can be refunded."))
        if amount > vendor_order_refundable(part):
            raise Refusal(
                _("At most %(amount)s ₫ can still be refunded for this part.")
                % {"amount": f"{vendor_order_refundable(part):,.0f}".replace(",", ".")}
            )
        number = part.refunds.count() + 1
        stripe_refund = ""
        if group.payment_method == OrderGroup.PaymentMethod.CARD:
            try:
                result = gateway.payment_intent_refund(
                    intent_id=group.stripe_payment_intent,
                    refund_reference=f"{part.order.number}-r{number}",
                    amount=int(amount),
                )
            except gateway.PaymentError as error:
                raise Refusal(str(error)) from error
            stripe_refund = result.refund_id
        refund = Refund.objects.create(
            part=part, amount=amount, reason=reason, stripe_refund=stripe_refund, created_by=actor
        )
        part.refunded = part.refunds.aggregate(total=Sum("amount"))["total"] or Decimal(0)
        part.save(update_fields=["refunded"])
    return refund
