"""Reconciliation against localstripe, with a book of records the way the checkout keeps them."""

from __future__ import annotations

import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from payments import reconcile
from payments import stripe_gateway as gateway
from payments.reconcile import LocalPayment, LocalRefund, Problem, payments_reconcile

pytestmark = pytest.mark.service("stripe")


class Book:
    """Records keyed by checkout group, like the checkout's orders."""

    def __init__(self):
        self.records: dict[str, LocalPayment] = {}
        self.marked: list[str] = []

    def add(self, key: str, intent_id: str, amount: int, paid: bool) -> None:
        self.records[key] = LocalPayment(key=key, intent_id=intent_id, amount=amount, paid=paid)

    def payment_for_intent(self, *, intent_id, metadata):
        return self.records.get(metadata.get("checkout_group", ""))

    def payments_marked_paid(self):
        return [record for record in self.records.values() if record.paid]

    def payment_mark_paid(self, *, payment, intent):
        self.marked.append(payment.key)
        self.records[payment.key] = LocalPayment(
            key=payment.key, intent_id=intent.intent_id, amount=payment.amount, paid=True
        )


BOOK = Book()


def pay(group: str, amount: int, card: str = "pm_card_visa") -> str:
    created = gateway.payment_intent_create(amount=amount, checkout_group=group)
    gateway.payment_intent_confirm(intent_id=created.intent_id, payment_method=card)
    return created.intent_id


def test_agreeing_records_give_nothing_to_report(localstripe):
    book = Book()
    book.add("CG-1", pay("CG-1", 125000), 125000, paid=True)
    book.add("CG-2", pay("CG-2", 50000, "pm_card_chargeCustomerFail"), 50000, paid=False)
    gateway.payment_intent_create(amount=9000, checkout_group="CG-3")  # abandoned, unpaid
    assert payments_reconcile(book=book) == []


def test_every_kind_of_disagreement_is_found(localstripe):
    book = Book()
    lost = pay("CG-lost", 80000)  # the process died before the order was created
    late = pay("CG-late", 60000)  # the webhook never came
    book.add("CG-late", late, 60000, paid=False)
    wrong = pay("CG-wrong", 70000)
    book.add("CG-wrong", wrong, 75000, paid=True)
    unpaid = gateway.payment_intent_create(amount=40000, checkout_group="CG-unpaid").intent_id
    book.add("CG-unpaid", unpaid, 40000, paid=True)  # marked paid by mistake
    book.add("CG-ghost", "pi_doesnotexist", 30000, paid=True)
    # Someone else's payment on the same account: not ours, ignored.
    gateway.stripe_client().v1.payment_intents.create(
        params={
            "amount": 5000,
            "currency": "vnd",
            "payment_method": "pm_card_visa",
            "confirm": True,
        }
    )

    found = {(d.problem, d.key): d for d in payments_reconcile(book=book)}
    assert set(found) == {
        (Problem.PAID_NO_RECORD, "CG-lost"),
        (Problem.PAID_NOT_MARKED, "CG-late"),
        (Problem.AMOUNT_MISMATCH, "CG-wrong"),
        (Problem.MARKED_NOT_PAID, "CG-unpaid"),
        (Problem.MARKED_NOT_PAID, "CG-ghost"),
    }
    assert found[(Problem.PAID_NO_RECORD, "CG-lost")].intent_id == lost
    assert found[(Problem.PAID_NO_RECORD, "CG-lost")].stripe_amount == 80000
    assert found[(Problem.MARKED_NOT_PAID, "CG-unpaid")].stripe_status == "requires_payment_method"
    assert not found[(Problem.PAID_NOT_MARKED, "CG-late")].repaired
    assert book.marked == []


def test_repair_marks_paid_what_stripe_confirms_and_only_that(localstripe):
    book = Book()
    book.add("CG-late", pay("CG-late", 60000), 60000, paid=False)
    pay("CG-lost", 80000)
    found = payments_reconcile(book=book, repair=True)
    assert book.marked == ["CG-late"]
    assert {(d.problem, d.repaired) for d in found} == {
        (Problem.PAID_NOT_MARKED, True),
        (Problem.PAID_NO_RECORD, False),
    }
    # A second run finds only what a person must decide.
    assert [d.problem for d in payments_reconcile(book=book, repair=True)] == [
        Problem.PAID_NO_RECORD
    ]


def test_command_reports_repairs_and_exits_1_while_something_is_left(localstripe, settings):
    settings.PAYMENTS_RECONCILE_BOOK = f"{__name__}.BOOK"
    BOOK.records.clear()
    BOOK.marked.clear()
    BOOK.add("CG-late", pay("CG-late", 60000), 60000, paid=False)
    lost = pay("CG-lost", 80000)
    out = StringIO()
    with translation.override("en"), pytest.raises(SystemExit) as exited:
        call_command("reconcile_payments", "--repair", stdout=out)
    assert exited.value.code == 1
    report = out.getvalue()
    assert f"paid at Stripe, no order: {lost} CG-lost stripe=80000 local=-" in report
    assert "paid at Stripe, order not marked paid:" in report and "(repaired)" in report
    assert "1 to look at, 1 repaired." in report


def test_command_with_nothing_left_exits_0(localstripe, settings):
    settings.PAYMENTS_RECONCILE_BOOK = f"{__name__}.BOOK"
    BOOK.records.clear()
    BOOK.add("CG-1", pay("CG-1", 10000), 10000, paid=True)
    out = StringIO()
    call_command("reconcile_payments", stdout=out)
    assert out.getvalue().splitlines()[-1] == "0 việc cần xem, 0 đã sửa."


def test_command_without_a_book_or_keys_says_why(settings):
    settings.PAYMENTS_RECONCILE_BOOK = ""
    with pytest.raises(CommandError):
        call_command("reconcile_payments")
    settings.PAYMENTS_RECONCILE_BOOK = f"{__name__}.BOOK"
    settings.STRIPE_SECRET_KEY = ""
    with pytest.raises(CommandError):
        call_command("reconcile_payments")


class RefundBook(Book):
    """Refunds asked for, by reference, and what reconciliation recorded about them."""

    def __init__(self):
        super().__init__()
        self.unanswered: dict[str, LocalRefund] = {}
        self.done: dict[str, str] = {}
        self.refused: dict[str, str] = {}

    def ask(self, reference: str, intent_id: str, amount: int) -> None:
        self.unanswered[reference] = LocalRefund(
            reference=reference, intent_id=intent_id, amount=amount
        )

    def refunds_unanswered(self):
        return list(self.unanswered.values())

    def refund_mark_done(self, *, refund, result):
        self.done[refund.reference] = result.refund_id
        del self.unanswered[refund.reference]

    def refund_mark_refused(self, *, refund, message):
        self.refused[refund.reference] = message
        del self.unanswered[refund.reference]


def refunds_at_stripe(intent_id: str) -> list[tuple[str, int]]:
    page = gateway.stripe_client().v1.refunds.list(params={"payment_intent": intent_id})
    return sorted(
        (refund.metadata["reference"], int(refund.amount)) for refund in page.auto_paging_iter()
    )


def test_refunds_without_an_answer_are_recorded_or_sent_never_twice(localstripe):
    paid = pay("CG-1", 100000)
    lost = gateway.payment_intent_refund(intent_id=paid, refund_reference="R-lost", amount=30000)
    book = RefundBook()
    book.ask("R-lost", paid, 30000)  # Stripe refunded it; the answer never got recorded
    book.ask("R-unsent", paid, 20000)  # Stripe never received it
    book.ask("R-too-much", paid, 90000)  # more than the 50.000 that will be left
    book.ask("R-ghost", "pi_doesnotexist", 10000)  # a payment Stripe does not know
    assert isinstance(book, reconcile.RefundBook) and not isinstance(Book(), reconcile.RefundBook)

    found = {d.key: d for d in payments_reconcile_refunds(book)}
    assert {key: d.problem for key, d in found.items()} == {
        "R-lost": Problem.REFUND_NOT_RECORDED,
        "R-unsent": Problem.REFUND_NOT_MADE,
        "R-too-much": Problem.REFUND_NOT_MADE,
        "R-ghost": Problem.REFUND_NOT_MADE,
    }
    assert not any(d.repaired for d in found.values())
    assert book.done == {} and refunds_at_stripe(paid) == [("R-lost", 30000)]

    found = {d.key: d for d in payments_reconcile_refunds(book, repair=True)}
    assert {key: (d.problem, d.repaired) for key, d in found.items()} == {
        "R-lost": (Problem.REFUND_NOT_RECORDED, True),
        "R-unsent": (Problem.REFUND_NOT_MADE, True),
        "R-too-much": (Problem.REFUND_REFUSED, False),
        "R-ghost": (Problem.REFUND_REFUSED, False),
    }
    assert book.done["R-lost"] == lost.refund_id
    assert set(book.done) == {"R-lost", "R-unsent"}
    assert set(book.refused) == {"R-too-much", "R-ghost"}
    assert refunds_at_stripe(paid) == [("R-lost", 30000), ("R-unsent", 20000)]
    assert payments_reconcile_refunds(book, repair=True) == []


def test_a_refund_found_with_another_amount_is_only_reported(localstripe):
    paid = pay("CG-1", 100000)
    gateway.payment_intent_refund(intent_id=paid, refund_reference="R-1", amount=30000)
    book = RefundBook()
    book.ask("R-1", paid, 40000)
    found = payments_reconcile_refunds(book, repair=True)
    assert [(d.problem, d.stripe_amount, d.local_amount, d.repaired) for d in found] == [
        (Problem.AMOUNT_MISMATCH, 30000, 40000, False)
    ]
    assert book.done == {} and refunds_at_stripe(paid) == [("R-1", 30000)]


def test_the_command_reconciles_refunds_when_the_book_keeps_them(
    localstripe, settings, monkeypatch
):
    book = RefundBook()
    monkeypatch.setattr(sys.modules[__name__], "REFUND_BOOK", book)
    settings.PAYMENTS_RECONCILE_BOOK = f"{__name__}.REFUND_BOOK"
    paid = pay("CG-1", 100000)
    book.add("CG-1", paid, 100000, paid=True)
    book.ask("R-1", paid, 25000)
    out = StringIO()
    with translation.override("en"):
        call_command("reconcile_payments", "--repair", stdout=out)
    assert f"refund requested, not made at Stripe: {paid} R-1 stripe=25000 local=25000" in (
        out.getvalue()
    )
    assert out.getvalue().splitlines()[-1] == "0 to look at, 1 repaired."
    assert refunds_at_stripe(paid) == [("R-1", 25000)]


REFUND_BOOK: RefundBook | None = None  # set by the command's test


def payments_reconcile_refunds(book, *, repair: bool = False):
    return reconcile.refunds_reconcile(book=book, repair=repair)
