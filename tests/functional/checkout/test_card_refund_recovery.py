"""A card refund is never lost and never made twice, and Stripe is never called under a lock.

The refund is committed ``requested`` first, Stripe is called with no
transaction open, and the answer is recorded in a second transaction. These
tests break the chain where it can break in production (the process dies
after Stripe refunded, Stripe does not answer, Stripe refuses) against
localstripe, and check what the Union's staff see and what
``reconcile_payments --repair`` does afterwards. They commit for real
(``transaction=True``), as requests do, so a transaction left open shows.
"""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone, translation

from checkout import payment_services
from marketplace.models import OrderGroup, Refund, VendorOrder
from marketplace.services.roles import roles_sync
from payments import stripe_gateway as gateway
from tests.functional.checkout.conftest import basket_add, checkout_as_guest
from tests.stripe_events import stripe_event_payload, stripe_signature

pytestmark = [pytest.mark.service("stripe"), pytest.mark.django_db(transaction=True)]


class ProcessKilled(Exception):
    """The worker died: nothing after this line of the request ran."""


@pytest.fixture
def home_page(transactional_db):
    """The rows migrations made, put back after an earlier test emptied every table."""
    from importlib import import_module

    from django.apps import apps

    from tests.factories import home_page_after_flush

    import_module("marketplace.migrations.0007_checkout").vietnam_ships(apps, None)
    return home_page_after_flush()


@pytest.fixture
def paid_card_checkout(client, localstripe, home_page, three_products) -> OrderGroup:
    for product in three_products:
        basket_add(client, product)
    assert checkout_as_guest(client, method="card")["Location"] == "/checkout/card/"
    assert client.get("/checkout/card/").status_code == 200
    group = OrderGroup.objects.get()
    result = gateway.payment_intent_confirm(
        intent_id=group.stripe_payment_intent, payment_method="pm_card_visa"
    )
    assert result.succeeded
    payload = stripe_event_payload(
        "evt_paid",
        intent=group.stripe_payment_intent,
        amount=int(group.total),
        metadata={"checkout_group": group.number},
    )
    client.post(
        "/payments/stripe/webhook/",
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=stripe_signature(payload, secret="whsec_localstripe_test"),
    )
    group.refresh_from_db()
    assert group.payment_status == OrderGroup.PaymentStatus.PAID
    return group


@pytest.fixture
def staff_client(client, paid_card_checkout):
    staff = get_user_model().objects.create_user("cb", "cb@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    client.force_login(staff)
    return client


def _wine_part(group: OrderGroup) -> VendorOrder:
    # The wine cooperative's part: 150.000 + 20.000 delivery.
    return group.parts.select_related("order").get(vendor__partner__name__contains="Rượu")


def _stripe_refunds(group: OrderGroup) -> list[dict]:
    page = gateway.stripe_client().v1.refunds.list(
        params={"payment_intent": group.stripe_payment_intent}
    )
    return [json.loads(str(refund)) for refund in page.auto_paging_iter()]


def _amount_refunded_at_stripe(group: OrderGroup) -> int:
    intent = gateway.stripe_client().v1.payment_intents.retrieve(
        group.stripe_payment_intent, params={"expand": ["latest_charge"]}
    )
    return int(json.loads(str(intent))["latest_charge"]["amount_refunded"])


def _reconcile(*args: str) -> tuple[str, int]:
    """``manage.py reconcile_payments`` in English: its report and exit code."""
    out = StringIO()
    with translation.override("en"):
        try:
            call_command("reconcile_payments", *args, stdout=out)
        except SystemExit as exited:
            return out.getvalue(), int(exited.code)
    return out.getvalue(), 0


def _as_if_minutes_ago(minutes: int = 30) -> None:
    """The lost answer is older than the wait reconciliation gives a request in flight."""
    Refund.objects.update(created_at=timezone.now() - timedelta(minutes=minutes))


def _label(status: Refund.Status) -> str:
    with translation.override("vi"):
        return str(status.label)


def test_a_refund_whose_answer_is_lost_is_recorded_once_by_reconciliation(
    staff_client, paid_card_checkout, monkeypatch
):
    """Fault: Stripe refunded, then the process died before the second commit."""
    group = paid_card_checkout
    part = _wine_part(group)
    url = f"/dashboard/checkouts/{group.number}/"

    def killed(**kwargs):
        raise ProcessKilled

    monkeypatch.setattr(payment_services, "refund_record_done", killed)
    with pytest.raises(ProcessKilled):
        staff_client.post(url, {"action": "refund", "part": part.pk, "amount": "50000"})
    monkeypatch.undo()

    # The money left at Stripe; our record says only that it was asked for.
    assert [r["amount"] for r in _stripe_refunds(group)] == [50000]
    refund = Refund.objects.get()
    assert refund.status == Refund.Status.REQUESTED and not refund.stripe_refund
    assert refund.reference == f"{part.order.number}-r1"
    part.refresh_from_db()
    assert part.refunded == 0
    page = staff_client.get(url).content.decode()
    assert _label(Refund.Status.REQUESTED) in page and "refund-requested" in page
    # What is being confirmed still counts against what is left: 170.000 - 50.000.
    staff_client.post(url, {"action": "refund", "part": part.pk, "amount": "130000"})
    assert Refund.objects.count() == 1

    # A refund asked for a moment ago may still be waiting in a request: left alone.
    report, code = _reconcile("--repair")
    assert code == 0 and "refund" not in report
    assert Refund.objects.get().status == Refund.Status.REQUESTED

    _as_if_minutes_ago()
    report, code = _reconcile("--repair")
    assert code == 0
    assert (
        f"refunded at Stripe, refund not recorded: {group.stripe_payment_intent} "
        f"{refund.reference} stripe=50000 local=50000 (repaired)"
    ) in report
    refund.refresh_from_db()
    assert refund.status == Refund.Status.DONE
    assert refund.stripe_refund == _stripe_refunds(group)[0]["id"]
    part.refresh_from_db()
    assert part.refunded == 50000
    # Refunded once at Stripe, and the next run has nothing to do.
    assert [r["amount"] for r in _stripe_refunds(group)] == [50000]
    assert _amount_refunded_at_stripe(group) == 50000
    assert _reconcile("--repair") == ("0 to look at, 0 repaired.\n", 0)
    page = staff_client.get(url).content.decode()
    assert "refund-done" in page and "refund-requested" not in page


def test_stripe_not_answering_leaves_the_refund_being_confirmed_then_it_is_sent_once(
    staff_client, paid_card_checkout, settings
):
    group = paid_card_checkout
    part = _wine_part(group)
    url = f"/dashboard/checkouts/{group.number}/"
    stripe_address = settings.STRIPE_API_BASE
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens: Stripe is down

    page = staff_client.post(
        url, {"action": "refund", "part": part.pk, "amount": "50000"}, follow=True
    )
    settings.STRIPE_API_BASE = stripe_address

    assert page.status_code == 200
    messages = [str(m) for m in page.context["messages"]]
    assert len(messages) == 1 and "50.000" in messages[0]
    with translation.override("vi"):
        assert "đang được xác nhận với Stripe" in messages[0]
    assert _label(Refund.Status.REQUESTED) in page.content.decode()
    assert Refund.objects.get().status == Refund.Status.REQUESTED
    assert _stripe_refunds(group) == []

    _as_if_minutes_ago()
    report, code = _reconcile()  # without --repair: reported, nothing sent
    assert code == 1 and "refund requested, not made at Stripe:" in report
    assert _stripe_refunds(group) == []

    report, code = _reconcile("--repair")
    assert code == 0 and "refund requested, not made at Stripe:" in report
    assert "(repaired)" in report
    refund = Refund.objects.get()
    assert refund.status == Refund.Status.DONE and refund.stripe_refund
    part.refresh_from_db()
    assert part.refunded == 50000
    _reconcile("--repair")
    assert [r["amount"] for r in _stripe_refunds(group)] == [50000]
    assert _amount_refunded_at_stripe(group) == 50000


def test_a_refund_stripe_refuses_is_shown_refused_and_gives_nothing_back(
    staff_client, paid_card_checkout
):
    group = paid_card_checkout
    part = _wine_part(group)
    url = f"/dashboard/checkouts/{group.number}/"
    # Someone refunded the whole payment in Stripe's own dashboard.
    gateway.stripe_client().v1.refunds.create(
        params={"payment_intent": group.stripe_payment_intent}
    )

    page = staff_client.post(
        url, {"action": "refund", "part": part.pk, "amount": "50000"}, follow=True
    )

    refund = Refund.objects.get()
    assert refund.status == Refund.Status.FAILED
    with translation.override("vi"):
        assert refund.error == translation.gettext(
            "This payment has already been refunded in full."
        )
    assert [str(m) for m in page.context["messages"]] == [refund.error]
    content = page.content.decode()
    assert _label(Refund.Status.FAILED) in content and refund.error in content
    part.refresh_from_db()
    assert part.refunded == 0
    assert _reconcile("--repair")[1] == 0  # nothing left to confirm


def test_no_stripe_call_runs_inside_a_transaction_or_under_a_row_lock(
    client, localstripe, home_page, three_products, monkeypatch
):
    """From the card step to a staff refund, each call to Stripe finds no transaction open.

    On PostgreSQL another connection also locks the refunded part during the
    call (``NOWAIT``): it would fail if the request still held the lock.
    """
    calls: list[tuple[str, bool]] = []
    locked_elsewhere: list[bool] = []

    def part_lockable(part_pk: int) -> None:
        def lock() -> None:
            try:
                with transaction.atomic():
                    VendorOrder.objects.select_for_update(nowait=True).get(pk=part_pk)
                locked_elsewhere.append(True)
            except Exception:
                locked_elsewhere.append(False)
            finally:
                connection.close()

        thread = threading.Thread(target=lock)
        thread.start()
        thread.join()

    def watched(name):
        original = getattr(gateway, name)

        def call(**kwargs):
            calls.append((name, connection.in_atomic_block))
            if name == "payment_intent_refund" and connection.vendor == "postgresql":
                part_lockable(Refund.objects.get(reference=kwargs["refund_reference"]).part_id)
            return original(**kwargs)

        monkeypatch.setattr(gateway, name, call)

    for name in ("payment_intent_create", "payment_intent_retrieve", "payment_intent_refund"):
        watched(name)

    for product in three_products:
        basket_add(client, product)
    checkout_as_guest(client, method="card")
    assert client.get("/checkout/card/").status_code == 200  # the intent is created
    group = OrderGroup.objects.get()
    assert client.get("/checkout/card/").status_code == 200  # and fetched again
    with monkeypatch.context() as paying:  # the browser's part, not the site's
        paying.setattr(gateway, "payment_intent_retrieve", gateway.payment_intent_retrieve)
        gateway.payment_intent_confirm(
            intent_id=group.stripe_payment_intent, payment_method="pm_card_visa"
        )
    assert client.get("/checkout/card/return/")["Location"] == "/checkout/thank-you/"
    payment_services.order_group_card_paid(
        intent=gateway.PaymentResult(
            intent_id=group.stripe_payment_intent,
            status="succeeded",
            outcome=gateway.Outcome.SUCCEEDED,
            amount=int(group.total),
            metadata={"checkout_group": group.number},
        )
    )
    staff = get_user_model().objects.create_user("cb", "cb@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    client.force_login(staff)
    part = _wine_part(group)
    client.post(
        f"/dashboard/checkouts/{group.number}/",
        {"action": "refund", "part": part.pk, "amount": "50000"},
    )

    assert Refund.objects.get().status == Refund.Status.DONE
    assert {name for name, _ in calls} == {
        "payment_intent_create",
        "payment_intent_retrieve",
        "payment_intent_refund",
    }
    assert [name for name, in_transaction in calls if in_transaction] == []
    if connection.vendor == "postgresql":
        assert locked_elsewhere == [True]
