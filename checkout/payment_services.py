"""Card payments and refunds of checkouts, through the Stripe gateway.

A checkout's card payment is one PaymentIntent for the group's total, made
after the orders are placed (stock is secured first). The group is marked
paid only by Stripe's ``payment_intent.succeeded`` webhook (or by
reconciliation, which asks Stripe the same question), never by the browser.

No call to Stripe happens inside a transaction or while a row is locked: what
we mean to do is committed first (the group awaiting payment, a refund
``requested``), then Stripe is called with an idempotency key from that
record, then its answer is recorded in a short transaction of its own. A lost
answer leaves a record that ``reconcile_payments --repair`` finds again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from checkout.services import order_group_amount, order_group_mark_paid
from core.refusals import Refusal
from marketplace.models import OrderGroup, Refund, VendorOrder
from payments import stripe_gateway as gateway
from payments.reconcile import LocalPayment, LocalRefund
from payments.stripe_gateway import (
    METADATA_CHECKOUT_GROUP,
    PaymentResult,
    RefundResult,
)
from payments.webhooks import webhook_handler

logger = logging.getLogger(__name__)

# A refund is resent by reconciliation only this long after it was requested,
# so a request still waiting for Stripe's answer is not raced: a refund is two
# calls of at most 3 tries (STRIPE_MAX_NETWORK_RETRIES=2) of 35 s each.
REFUND_ANSWER_WAIT = timedelta(minutes=10)


def order_group_card_intent(*, group: OrderGroup) -> PaymentResult:
    """The group's PaymentIntent, created once (the gateway's idempotency key is the group).

    Call it with no transaction open (the card page runs outside the
    request's transaction). The group awaiting payment, committed when the
    checkout was placed, is the record; the intent's id is saved by one short
    update after Stripe answers. If that answer is lost, the next visit gets
    the same intent back through the idempotency key, and reconciliation
    finds a paid one by its ``checkout_group`` metadata.
    """
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

    def refunds_unanswered(self) -> Iterable[LocalRefund]:
        # Refunds younger than this may still be waiting for Stripe's answer in a request.
        before = timezone.now() - REFUND_ANSWER_WAIT
        refunds = Refund.objects.filter(
            status=Refund.Status.REQUESTED,
            part__group__payment_method=OrderGroup.PaymentMethod.CARD,
            created_at__lt=before,
        ).select_related("part__group")
        return [
            LocalRefund(
                reference=refund.reference,
                intent_id=refund.part.group.stripe_payment_intent,
                amount=int(refund.amount),
            )
            for refund in refunds.order_by("pk")
        ]

    def refund_mark_done(self, *, refund: LocalRefund, result: RefundResult) -> None:
        refund_record_done(
            refund=Refund.objects.get(reference=refund.reference), stripe_refund=result.refund_id
        )

    def refund_mark_refused(self, *, refund: LocalRefund, message: str) -> None:
        refund_record_refused(
            refund=Refund.objects.get(reference=refund.reference), message=message
        )


def vendor_order_refundable(part: VendorOrder) -> Decimal:
    """What can still be refunded: the part's total less refunds done or being confirmed."""
    requested = part.refunds.filter(status=Refund.Status.REQUESTED).aggregate(total=Sum("amount"))
    return part.order.total_incl_tax - part.refunded - (requested["total"] or Decimal(0))


def vendor_order_refund(*, part: VendorOrder, amount: Decimal, actor, reason: str = "") -> Refund:
    """Refund (part of) one cooperative's part: never more than was paid for it.

    Card payments are refunded at Stripe; a bank transfer is refunded by the
    Union's bank and only recorded here. Cash on delivery is settled in cash,
    not here. A card refund takes three steps, so that Stripe is never
    called inside a transaction or while the part is locked (the view runs
    outside the request's transaction for this):

    1. the refund is written down ``requested`` under the part's lock,
       checked against what is left, with a reference that makes its
       idempotency key, and committed;
    2. Stripe is asked to refund, with no transaction open;
    3. its answer is recorded in a second short transaction.

    Returns the refund: ``done``, or still ``requested`` when Stripe did not
    answer (``reconcile_payments --repair`` then asks Stripe and records or
    resends it; the same key never refunds twice). A refusal is recorded and
    raised as ``Refusal``.
    """
    amount = Decimal(amount)
    if amount <= 0 or amount != amount.to_integral_value():
        raise Refusal(_("A refund is a whole number of dong above zero."))
    refund = _refund_request(part=part, amount=amount, actor=actor, reason=reason)
    if refund.status == Refund.Status.REQUESTED:
        refund = refund_send(refund=refund)
    return refund


def _refund_request(*, part: VendorOrder, amount: Decimal, actor, reason: str) -> Refund:
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
        by_card = group.payment_method == OrderGroup.PaymentMethod.CARD
        refund = Refund.objects.create(
            part=part,
            amount=amount,
            reason=reason,
            reference=f"{part.order.number}-r{part.refunds.count() + 1}",
            status=Refund.Status.REQUESTED if by_card else Refund.Status.DONE,
            created_by=actor,
        )
        if not by_card:
            _part_refunded_update(part)
    return refund


def refund_send(*, refund: Refund) -> Refund:
    """Ask Stripe for a requested refund, then record its answer (steps 2 and 3).

    Call it with no transaction open. Stripe not answering leaves the refund
    ``requested`` (returned as it is); a refusal is recorded and raised.
    """
    group = refund.part.group
    try:
        result = gateway.payment_intent_refund(
            intent_id=group.stripe_payment_intent,
            refund_reference=refund.reference,
            amount=int(refund.amount),
        )
    except gateway.PaymentError as error:
        if not gateway.error_is_final(error):
            logger.warning(
                "Refund %s left requested, Stripe's answer unknown: %s", refund.reference, error
            )
            return refund
        refund_record_refused(refund=refund, message=error.message)
        raise Refusal(error.message) from error
    return refund_record_done(refund=refund, stripe_refund=result.refund_id)


def refund_record_done(*, refund: Refund, stripe_refund: str) -> Refund:
    """Stripe made the refund: it counts from now on. Once, however often it is told."""
    with transaction.atomic():
        part = VendorOrder.objects.select_for_update().get(pk=refund.part_id)
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.status == Refund.Status.REQUESTED:
            refund.status = Refund.Status.DONE
            refund.stripe_refund = stripe_refund
            refund.save(update_fields=["status", "stripe_refund"])
            _part_refunded_update(part)
    return refund


def refund_record_refused(*, refund: Refund, message: str) -> Refund:
    """Stripe refused the refund: nothing was given back, and staff see why."""
    with transaction.atomic():
        VendorOrder.objects.select_for_update().get(pk=refund.part_id)
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.status == Refund.Status.REQUESTED:
            refund.status = Refund.Status.FAILED
            refund.error = message[:255]
            refund.save(update_fields=["status", "error"])
    return refund


def _part_refunded_update(part: VendorOrder) -> None:
    done = part.refunds.filter(status=Refund.Status.DONE)
    part.refunded = done.aggregate(total=Sum("amount"))["total"] or Decimal(0)
    part.save(update_fields=["refunded"])
