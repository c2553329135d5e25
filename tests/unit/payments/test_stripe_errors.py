"""Stripe's errors become ours, with translated messages (paths localstripe cannot produce)."""

from __future__ import annotations

import pytest
import stripe
from django.utils import translation

from payments.stripe_gateway import (
    Outcome,
    PaymentGatewayUnavailable,
    PaymentRequestInvalid,
    PaymentsNotConfigured,
    RefundRefused,
    decline_message,
    payment_error_from_stripe,
    payment_result_from_intent,
)


def invalid(code=None, param=None, message="refused"):
    return stripe.InvalidRequestError(message, param, code=code)


@pytest.mark.parametrize(
    ("exc", "refund", "expected"),
    [
        (stripe.APIConnectionError("down"), False, PaymentGatewayUnavailable),
        (stripe.RateLimitError("slow down"), False, PaymentGatewayUnavailable),
        (stripe.APIError("boom"), False, PaymentGatewayUnavailable),
        (stripe.AuthenticationError("bad key"), False, PaymentsNotConfigured),
        (stripe.PermissionError("restricted key"), False, PaymentsNotConfigured),
        (stripe.IdempotencyError("other params"), False, PaymentRequestInvalid),
        (invalid(code="resource_missing", param="intent"), False, PaymentRequestInvalid),
        # Stripe's own refusals of a refund (a refund racing another one).
        (invalid(code="charge_already_refunded"), True, RefundRefused),
        (invalid(param="amount"), True, RefundRefused),
        (invalid(code="charge_disputed"), True, RefundRefused),
        (invalid(param="amount"), False, PaymentRequestInvalid),
    ],
)
def test_stripe_errors_map_to_ours(exc, refund, expected):
    error = payment_error_from_stripe(exc, refund=refund)
    assert type(error) is expected
    assert error.message and "stripe.com" not in error.message


@pytest.mark.parametrize(
    ("code", "decline_code", "words"),
    [
        ("card_declined", "insufficient_funds", "insufficient funds"),
        ("expired_card", "", "expired"),
        ("incorrect_cvc", "", "security code"),
        ("processing_error", "", "could not be processed"),
        ("payment_intent_authentication_failure", "", "bank could not confirm"),
        ("card_declined", "generic_decline", "declined"),
    ],
)
def test_decline_messages_by_code(code, decline_code, words):
    with translation.override("en"):
        assert words in decline_message(code, decline_code)


def test_a_declined_intent_from_stripe_reads_as_a_decline():
    # The shape real Stripe sends after a decline (last_payment_error with decline_code).
    intent = {
        "id": "pi_1",
        "amount": 125000,
        "status": "requires_payment_method",
        "last_payment_error": {"code": "card_declined", "decline_code": "insufficient_funds"},
        "metadata": {"checkout_group": "CG-1"},
    }
    result = payment_result_from_intent(intent)
    assert result.outcome is Outcome.DECLINED
    assert result.metadata == {"checkout_group": "CG-1"}
    with translation.override("en"):
        assert "insufficient funds" in payment_result_from_intent(intent).message


def test_a_fresh_intent_is_not_a_decline():
    result = payment_result_from_intent(
        {"id": "pi_2", "amount": 1000, "status": "requires_payment_method"}
    )
    assert result.outcome is Outcome.REQUIRES_PAYMENT_METHOD
    assert result.message == ""
