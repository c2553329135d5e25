"""The Stripe gateway against localstripe: intents, confirmation, declines, 3-D Secure, refunds."""

from __future__ import annotations

import socket

import pytest
import stripe
from django.utils import translation

from payments import stripe_gateway as gateway
from payments.stripe_gateway import (
    Outcome,
    PaymentGatewayUnavailable,
    PaymentRequestInvalid,
    PaymentsNotConfigured,
    RefundRefused,
)

pytestmark = pytest.mark.service("stripe")

# localstripe's test cards (localstripe/resources.py): 3155 asks for 3-D
# Secure; 0341 is Stripe's "pm_card_chargeCustomerFail", declined on charge.
CARD_3DS = "4000002500003155"
CARD_3DS_THEN_DECLINED = "4000008260003178"


class RecordingClient(stripe.RequestsClient):
    """Stripe's own HTTP client, remembering each request's method, path and headers."""

    def __init__(self):
        super().__init__(timeout=10)
        self.seen: list[tuple[str, str, dict]] = []

    def request(self, method, url, headers, post_data=None):
        self.seen.append((method.upper(), url.split("/v1/", 1)[1], dict(headers or {})))
        return super().request(method, url, headers, post_data)

    def posts(self):
        return [
            (path, headers.get("Idempotency-Key")) for m, path, headers in self.seen if m == "POST"
        ]


def card(number: str) -> str:
    """A payment method for a raw test number (localstripe only; Stripe uses pm_card_* ids)."""
    method = gateway.stripe_client().v1.payment_methods.create(
        params={
            "type": "card",
            "card": {"number": number, "exp_month": 12, "exp_year": 2034, "cvc": "123"},
        }
    )
    return method.id


def paid_intent(amount: int, group: str = "G1") -> str:
    created = gateway.payment_intent_create(amount=amount, checkout_group=group)
    result = gateway.payment_intent_confirm(
        intent_id=created.intent_id, payment_method="pm_card_visa"
    )
    assert result.outcome is Outcome.SUCCEEDED
    return created.intent_id


def test_create_an_intent_in_whole_dong(localstripe):
    result = gateway.payment_intent_create(
        amount=125000, checkout_group="CG-42", metadata={"shopper": "7"}
    )
    assert result.intent_id.startswith("pi_")
    assert result.amount == 125000
    assert result.outcome is Outcome.REQUIRES_PAYMENT_METHOD
    assert result.client_secret.startswith(result.intent_id)
    assert result.metadata == {"checkout_group": "CG-42", "shopper": "7"}
    intent = gateway.stripe_client().v1.payment_intents.retrieve(result.intent_id)
    assert intent.currency == "vnd"
    assert intent.amount == 125000


def test_visa_card_succeeds(localstripe):
    created = gateway.payment_intent_create(amount=125000, checkout_group="CG-1")
    result = gateway.payment_intent_confirm(
        intent_id=created.intent_id, payment_method="pm_card_visa"
    )
    assert result.succeeded
    assert result.status == "succeeded"
    assert gateway.payment_intent_retrieve(intent_id=created.intent_id).succeeded


def test_declined_card_gives_a_translated_decline(localstripe):
    created = gateway.payment_intent_create(amount=90000, checkout_group="CG-2")
    result = gateway.payment_intent_confirm(
        intent_id=created.intent_id, payment_method="pm_card_chargeCustomerFail"
    )
    assert result.outcome is Outcome.DECLINED
    assert result.error_code == "card_declined"
    assert "bị từ chối" in result.message
    with translation.override("en"):
        again = gateway.payment_intent_retrieve(intent_id=created.intent_id)
    assert again.outcome is Outcome.DECLINED
    assert again.message == "Your card was declined. Try another card or pay on delivery."
    # Stripe lets the same intent take another card; localstripe does not model
    # that retry (its confirm wants a fresh intent), see README "Stripe and localstripe".


def test_3d_secure_card_requires_action_then_succeeds_after_authentication(localstripe):
    created = gateway.payment_intent_create(amount=200000, checkout_group="CG-3")
    result = gateway.payment_intent_confirm(
        intent_id=created.intent_id, payment_method=card(CARD_3DS)
    )
    assert result.outcome is Outcome.REQUIRES_ACTION
    assert result.message == "Ngân hàng của bạn yêu cầu xác nhận khoản thanh toán này."
    assert result.client_secret  # the browser's stripe.js needs it to authenticate
    # The browser's 3-D Secure step, as localstripe's stripe.js performs it.
    gateway.stripe_client().raw_request(
        "post",
        f"/v1/payment_intents/{created.intent_id}/_authenticate",
        client_secret=result.client_secret,
        success="true",
    )
    assert gateway.payment_intent_retrieve(intent_id=created.intent_id).succeeded


def test_failed_3d_secure_is_a_decline(localstripe):
    created = gateway.payment_intent_create(amount=200000, checkout_group="CG-4")
    result = gateway.payment_intent_confirm(
        intent_id=created.intent_id, payment_method=card(CARD_3DS)
    )
    gateway.stripe_client().raw_request(
        "post",
        f"/v1/payment_intents/{created.intent_id}/_authenticate",
        client_secret=result.client_secret,
        success="false",
    )
    failed = gateway.payment_intent_retrieve(intent_id=created.intent_id)
    assert failed.outcome is Outcome.DECLINED
    assert failed.error_code == "payment_intent_authentication_failure"


def test_refund_partly_then_the_rest_then_nothing_more(localstripe):
    intent_id = paid_intent(125000)
    first = gateway.payment_intent_refund(intent_id=intent_id, amount=25000, refund_reference="R1")
    assert (first.amount, first.refunded_total, first.captured) == (25000, 25000, 125000)
    rest = gateway.payment_intent_refund(intent_id=intent_id, refund_reference="R2")
    assert (rest.amount, rest.refunded_total) == (100000, 125000)
    with pytest.raises(RefundRefused) as refused:
        gateway.payment_intent_refund(intent_id=intent_id, amount=1, refund_reference="R3")
    assert refused.value.code == "refunded"
    refunds = gateway.stripe_client().v1.refunds.list(params={"payment_intent": intent_id})
    assert sorted(r.amount for r in refunds.data) == [25000, 100000]


def test_refund_more_than_paid_is_refused_and_nothing_reaches_stripe(localstripe):
    intent_id = paid_intent(50000)
    gateway.payment_intent_refund(intent_id=intent_id, amount=20000, refund_reference="R1")
    with translation.override("en"), pytest.raises(RefundRefused) as refused:
        gateway.payment_intent_refund(intent_id=intent_id, amount=30001, refund_reference="R2")
    assert refused.value.code == "amount_too_large"
    assert refused.value.message == (
        "A refund cannot be more than the 30.000\u00a0₫ left of this payment."
    )
    refunds = gateway.stripe_client().v1.refunds.list(params={"payment_intent": intent_id})
    assert [r.amount for r in refunds.data] == [20000]


@pytest.mark.parametrize("amount", [0, -100, 12.5, True])
def test_refund_amount_must_be_positive_whole_dong(localstripe, amount):
    intent_id = paid_intent(50000)
    with pytest.raises(RefundRefused):
        gateway.payment_intent_refund(intent_id=intent_id, amount=amount, refund_reference="R1")


def test_refund_of_an_unpaid_intent_is_refused(localstripe):
    created = gateway.payment_intent_create(amount=50000, checkout_group="CG-5")
    with pytest.raises(RefundRefused) as refused:
        gateway.payment_intent_refund(intent_id=created.intent_id, refund_reference="R1")
    assert refused.value.code == "not_paid"


def test_every_write_carries_an_idempotency_key_from_our_ids(localstripe):
    recorder = RecordingClient()
    client = gateway.stripe_client(http_client=recorder)
    created = gateway.payment_intent_create(amount=125000, checkout_group="CG-9", client=client)
    gateway.payment_intent_confirm(
        intent_id=created.intent_id, payment_method="pm_card_visa", client=client
    )
    gateway.payment_intent_refund(
        intent_id=created.intent_id, amount=5000, refund_reference="77", client=client
    )
    pi = created.intent_id
    assert recorder.posts() == [
        ("payment_intents", "chophunu:pi:create:CG-9:125000"),
        (f"payment_intents/{pi}", f"chophunu:pi:pm:{pi}:pm_card_visa"),
        (f"payment_intents/{pi}/confirm", f"chophunu:pi:confirm:{pi}:pm_card_visa"),
        ("refunds", "chophunu:refund:77"),
    ]


def test_unknown_intent_is_a_clear_error(localstripe):
    with pytest.raises(PaymentRequestInvalid):
        gateway.payment_intent_retrieve(intent_id="pi_doesnotexist")
    with pytest.raises(PaymentRequestInvalid):
        gateway.payment_intent_retrieve(intent_id="not-an-intent")


@pytest.mark.parametrize("amount", [0, -1, 1.5, "125000", gateway.AMOUNT_MAX + 1])
def test_create_refuses_bad_amounts_before_calling_stripe(localstripe, amount):
    recorder = RecordingClient()
    with pytest.raises(PaymentRequestInvalid):
        gateway.payment_intent_create(
            amount=amount,
            checkout_group="CG",
            client=gateway.stripe_client(http_client=recorder),
        )
    assert recorder.seen == []


def test_stripe_not_answering_is_unavailable(localstripe, settings):
    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        settings.STRIPE_API_BASE = f"http://127.0.0.1:{sock.getsockname()[1]}"
    with pytest.raises(PaymentGatewayUnavailable) as unavailable:
        gateway.payment_intent_create(amount=1000, checkout_group="CG")
    assert "không phản hồi" in unavailable.value.message


def test_without_keys_card_payments_are_off(settings):
    settings.STRIPE_SECRET_KEY = ""
    assert not gateway.stripe_configured()
    with pytest.raises(PaymentsNotConfigured):
        gateway.payment_intent_create(amount=1000, checkout_group="CG")


def test_wrong_key_is_reported_as_not_configured(localstripe, settings):
    settings.STRIPE_SECRET_KEY = "rk_wrong"
    with pytest.raises(PaymentsNotConfigured):
        gateway.payment_intent_create(amount=1000, checkout_group="CG")
