"""Reconciliation: card money at Stripe against what our records say was paid.

Two faults can separate them: a payment succeeded at Stripe but the order
was never marked paid (the webhook was lost, or the process died between the
payment and the order), or an order is marked paid without a succeeded
payment behind it. This module finds both from Stripe's list of
PaymentIntents (ours carry ``metadata.checkout_group``) and from the records
the checkout says are paid.

The checkout owns the records, so it supplies a ``PaymentBook`` (three small
methods); nothing here knows about orders. ``payments_reconcile`` reports;
with ``repair=True`` it also asks the book to mark paid the records whose
payment Stripe confirms. Money with no record at all is only reported: a
person decides between creating the order and refunding.

Refunds are written down before they are sent to Stripe, so a third fault
leaves one "requested" with no answer recorded (Stripe did not answer, or
the process died between Stripe's answer and our second commit). A book that
is also a ``RefundBook`` lists those; ``refunds_reconcile`` asks Stripe
whether each was made (by the reference in its metadata) and, with
``repair=True``, records it, or sends it again with the same idempotency key.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import stripe
from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from payments import stripe_gateway as gateway
from payments.stripe_gateway import (
    METADATA_CHECKOUT_GROUP,
    PaymentResult,
    RefundResult,
)


@dataclass(frozen=True)
class LocalPayment:
    """What our records say about one card payment."""

    key: str  # our id for it: the checkout group's number
    intent_id: str  # the PaymentIntent recorded for it, "" when none was
    amount: int  # whole dong the records expect
    paid: bool  # marked paid here


class PaymentBook(Protocol):
    """What reconciliation needs from the checkout's records."""

    def payment_for_intent(
        self, *, intent_id: str, metadata: Mapping[str, str]
    ) -> LocalPayment | None:
        """Our record for a PaymentIntent (by its metadata or id), or None."""

    def payments_marked_paid(self) -> Iterable[LocalPayment]:
        """Every record marked paid by card (those worth checking: recent ones)."""

    def payment_mark_paid(self, *, payment: LocalPayment, intent: PaymentResult) -> None:
        """Mark the record paid, as the payment_intent.succeeded webhook would."""


@dataclass(frozen=True)
class LocalRefund:
    """A refund our records asked for and hold no answer to."""

    reference: str  # ours: Stripe's metadata.reference and the idempotency key
    intent_id: str  # the payment it gives money back from
    amount: int  # whole dong


@runtime_checkable
class RefundBook(Protocol):
    """What reconciliation needs from the records of refunds."""

    def refunds_unanswered(self) -> Iterable[LocalRefund]:
        """Refunds asked for a while ago whose answer from Stripe was never recorded."""

    def refund_mark_done(self, *, refund: LocalRefund, result: RefundResult) -> None:
        """Record that Stripe made the refund."""

    def refund_mark_refused(self, *, refund: LocalRefund, message: str) -> None:
        """Record that Stripe refused it (``message`` says why, translated)."""


class Problem(enum.StrEnum):
    PAID_NO_RECORD = "paid_no_record"  # money at Stripe, no record of ours
    PAID_NOT_MARKED = "paid_not_marked"  # money at Stripe, record not marked paid
    MARKED_NOT_PAID = "marked_not_paid"  # record marked paid, no succeeded payment
    AMOUNT_MISMATCH = "amount_mismatch"  # paid, but not the amount the record expects
    REFUND_NOT_RECORDED = "refund_not_recorded"  # refunded at Stripe, still "requested" here
    REFUND_NOT_MADE = "refund_not_made"  # "requested" here, no refund at Stripe
    REFUND_REFUSED = "refund_refused"  # sent again, and Stripe refused it


@dataclass(frozen=True)
class Discrepancy:
    problem: Problem
    intent_id: str
    key: str = ""
    stripe_amount: int | None = None
    local_amount: int | None = None
    stripe_status: str = ""
    repaired: bool = False


def payments_reconcile(
    *,
    book: PaymentBook,
    repair: bool = False,
    created_after: int | None = None,
    client: stripe.StripeClient | None = None,
) -> list[Discrepancy]:
    """Every disagreement between Stripe and the book; repairs what is safe when asked."""
    found: list[Discrepancy] = []
    intents: dict[str, PaymentResult] = {}
    for intent in gateway.payment_intents_list(created_after=created_after, client=client):
        result = gateway.payment_result_from_intent(intent)
        if METADATA_CHECKOUT_GROUP not in result.metadata:
            continue  # not a checkout's payment
        intents[result.intent_id] = result
        if not result.succeeded:
            continue
        payment = book.payment_for_intent(intent_id=result.intent_id, metadata=result.metadata)
        if payment is None:
            found.append(
                Discrepancy(
                    problem=Problem.PAID_NO_RECORD,
                    intent_id=result.intent_id,
                    key=result.metadata[METADATA_CHECKOUT_GROUP],
                    stripe_amount=result.amount,
                    stripe_status=result.status,
                )
            )
        elif payment.amount != result.amount:
            found.append(_mismatch(result, payment))
        elif not payment.paid:
            if repair:
                book.payment_mark_paid(payment=payment, intent=result)
            found.append(
                Discrepancy(
                    problem=Problem.PAID_NOT_MARKED,
                    intent_id=result.intent_id,
                    key=payment.key,
                    stripe_amount=result.amount,
                    local_amount=payment.amount,
                    stripe_status=result.status,
                    repaired=repair,
                )
            )
    for payment in book.payments_marked_paid():
        result = intents.get(payment.intent_id)
        if result is None and payment.intent_id.startswith("pi_"):
            try:  # older than the listing window, or not tagged: ask for it
                result = gateway.payment_intent_retrieve(intent_id=payment.intent_id, client=client)
            except gateway.PaymentRequestInvalid:
                result = None
        if result is None or not result.succeeded:
            found.append(
                Discrepancy(
                    problem=Problem.MARKED_NOT_PAID,
                    intent_id=payment.intent_id,
                    key=payment.key,
                    stripe_amount=result.amount if result else None,
                    local_amount=payment.amount,
                    stripe_status=result.status if result else "",
                )
            )
        elif result.amount != payment.amount and payment.intent_id not in intents:
            found.append(_mismatch(result, payment))
    return found


def refunds_reconcile(
    *,
    book: RefundBook,
    repair: bool = False,
    client: stripe.StripeClient | None = None,
) -> list[Discrepancy]:
    """Every refund left without Stripe's answer; records or resends them when asked.

    Stripe is asked first whether the refund exists, and it is sent again only
    when it does not, with the same reference (so the same idempotency key):
    a refund is never made twice. A resend Stripe refuses is recorded as
    refused and reported for a person to look at; one Stripe does not answer
    stays requested for the next run.
    """
    found: list[Discrepancy] = []
    for refund in book.refunds_unanswered():
        try:
            made = gateway.refund_find(
                intent_id=refund.intent_id, refund_reference=refund.reference, client=client
            )
        except gateway.PaymentRequestInvalid:
            made = None  # a payment Stripe does not know: a resend is refused, and recorded so
        if made is not None and made.status in {"failed", "canceled"}:
            if repair:
                book.refund_mark_refused(refund=refund, message=_refund_failed_message())
            found.append(_refund(Problem.REFUND_REFUSED, refund, made))
            continue
        if made is not None and made.amount != refund.amount:
            found.append(_refund(Problem.AMOUNT_MISMATCH, refund, made))
            continue
        if made is not None:
            if repair:
                book.refund_mark_done(refund=refund, result=made)
            found.append(_refund(Problem.REFUND_NOT_RECORDED, refund, made, repaired=repair))
            continue
        if not repair:
            found.append(_refund(Problem.REFUND_NOT_MADE, refund))
            continue
        try:
            made = gateway.payment_intent_refund(
                intent_id=refund.intent_id,
                refund_reference=refund.reference,
                amount=refund.amount,
                client=client,
            )
        except gateway.PaymentsNotConfigured:
            raise  # our keys, not the refund: nothing to record against it
        except gateway.PaymentError as error:
            if not gateway.error_is_final(error):
                found.append(_refund(Problem.REFUND_NOT_MADE, refund))
                continue
            book.refund_mark_refused(refund=refund, message=error.message)
            found.append(_refund(Problem.REFUND_REFUSED, refund))
            continue
        book.refund_mark_done(refund=refund, result=made)
        found.append(_refund(Problem.REFUND_NOT_MADE, refund, made, repaired=True))
    return found


def payment_book_configured() -> PaymentBook | None:
    """The book named by ``PAYMENTS_RECONCILE_BOOK`` (a dotted path to an object or factory)."""
    path = getattr(settings, "PAYMENTS_RECONCILE_BOOK", "")
    if not path:
        return None
    book = import_string(path)
    return book() if isinstance(book, type) else book


def _mismatch(result: PaymentResult, payment: LocalPayment) -> Discrepancy:
    return Discrepancy(
        problem=Problem.AMOUNT_MISMATCH,
        intent_id=result.intent_id,
        key=payment.key,
        stripe_amount=result.amount,
        local_amount=payment.amount,
        stripe_status=result.status,
    )


def _refund(
    problem: Problem,
    refund: LocalRefund,
    made: RefundResult | None = None,
    *,
    repaired: bool = False,
) -> Discrepancy:
    return Discrepancy(
        problem=problem,
        intent_id=refund.intent_id,
        key=refund.reference,
        stripe_amount=made.amount if made else None,
        local_amount=refund.amount,
        stripe_status=made.status if made else "",
        repaired=repaired,
    )


def _refund_failed_message() -> str:
    return _("Stripe could not carry out the refund. Refund the shopper another way.")
