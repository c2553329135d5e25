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
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

import stripe
from django.conf import settings
from django.utils.module_loading import import_string

from payments import stripe_gateway as gateway
from payments.stripe_gateway import METADATA_CHECKOUT_GROUP, PaymentResult


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


class Problem(enum.StrEnum):
    PAID_NO_RECORD = "paid_no_record"  # money at Stripe, no record of ours
    PAID_NOT_MARKED = "paid_not_marked"  # money at Stripe, record not marked paid
    MARKED_NOT_PAID = "marked_not_paid"  # record marked paid, no succeeded payment
    AMOUNT_MISMATCH = "amount_mismatch"  # paid, but not the amount the record expects


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
