"""Card payments through Stripe PaymentIntents, in whole dong.

VND is a zero-decimal currency for Stripe: 125.000 ₫ is ``amount=125000``.
Every call that creates or changes something at Stripe carries an idempotency
key built from our own ids, so a retried request (a double click, a network
retry, a worker restart) never charges or refunds twice. Stripe's errors
become our small result and exception types with translated messages; views
show ``message`` and never Stripe's English text.

The client's address comes from ``STRIPE_API_BASE`` (empty: Stripe itself),
so the tests run the same code against localstripe.
https://docs.stripe.com/payments/payment-intents ·
https://docs.stripe.com/api/idempotent_requests ·
https://docs.stripe.com/currencies#zero-decimal
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

import stripe
from django.conf import settings
from django.utils.translation import gettext as _
from oscar.templatetags.currency_filters import currency

logger = logging.getLogger(__name__)

CURRENCY = "vnd"
# Stripe's largest amount for a card charge is 8 digits in the currency's
# smallest unit; for VND that is 99.999.999 ₫.
AMOUNT_MAX = 99_999_999
METADATA_CHECKOUT_GROUP = "checkout_group"
IDEMPOTENCY_PREFIX = "chophunu"


class Outcome(enum.StrEnum):
    """What the shopper's payment came to, in our words."""

    SUCCEEDED = "succeeded"
    REQUIRES_ACTION = "requires_action"  # 3-D Secure: the browser must authenticate
    DECLINED = "declined"  # the card or its authentication was refused
    REQUIRES_PAYMENT_METHOD = "requires_payment_method"  # nothing tried yet
    REQUIRES_CONFIRMATION = "requires_confirmation"
    PROCESSING = "processing"
    REQUIRES_CAPTURE = "requires_capture"
    CANCELED = "canceled"


@dataclass(frozen=True)
class PaymentResult:
    intent_id: str
    status: str  # Stripe's own status of the PaymentIntent
    outcome: Outcome
    amount: int
    client_secret: str = ""
    metadata: Mapping[str, str] = field(default_factory=dict)
    message: str = ""  # translated, for the shopper; empty when there is nothing to say
    error_code: str = ""  # Stripe's code (card_declined, expired_card, ...), for logs

    @property
    def succeeded(self) -> bool:
        return self.outcome is Outcome.SUCCEEDED


@dataclass(frozen=True)
class RefundResult:
    refund_id: str
    intent_id: str
    amount: int
    status: str
    refunded_total: int  # everything refunded on the payment, this refund included
    captured: int


class PaymentError(Exception):
    """A payment call that could not be carried out; ``message`` is translated."""

    def __init__(self, message: str, *, code: str = ""):
        super().__init__(message)
        self.message = message
        self.code = code


class PaymentsNotConfigured(PaymentError):
    pass


class PaymentGatewayUnavailable(PaymentError):
    """Stripe did not answer, limited our rate or failed: try again later."""


class PaymentRequestInvalid(PaymentError):
    """Stripe refused the request itself (unknown intent, bad state, bad amount)."""


class RefundRefused(PaymentError):
    """A refund that would exceed what was captured, or of a payment not taken."""


def error_is_final(error: PaymentError) -> bool:
    """Whether Stripe surely did nothing, as against an outcome we cannot know.

    A refusal (bad request, refund too large, keys not set) is final: sending
    the same call again is refused again. Stripe not answering, or a request
    with the same idempotency key still in progress, may have done it: ask
    Stripe again later instead of giving up.
    """
    if isinstance(error, RefundRefused | PaymentsNotConfigured):
        return True
    return isinstance(error, PaymentRequestInvalid) and error.code != "idempotency"


def stripe_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def stripe_client(*, http_client: stripe.HTTPClient | None = None) -> stripe.StripeClient:
    """A client for the configured keys and address (``STRIPE_API_BASE``)."""
    if not stripe_configured():
        raise PaymentsNotConfigured(_("Card payments are not set up."), code="not_configured")
    base_addresses = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses=base_addresses,
        max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
        http_client=http_client or stripe.RequestsClient(timeout=(5, 30)),
    )


def idempotency_key(*parts: object) -> str:
    """``chophunu:part:part``: one key per logical operation on our own ids."""
    return ":".join([IDEMPOTENCY_PREFIX, *(str(part) for part in parts)])


def payment_intent_create(
    *,
    amount: int,
    checkout_group: str,
    metadata: Mapping[str, str] | None = None,
    client: stripe.StripeClient | None = None,
) -> PaymentResult:
    """A card PaymentIntent for ``amount`` dong, tagged with the checkout group.

    The idempotency key is the checkout group and the amount: submitting the
    same checkout twice gives the same intent; a changed total gets a new one.
    """
    _check_amount(amount)
    checkout_group = str(checkout_group)
    if not checkout_group:
        raise PaymentRequestInvalid(_("The payment has no checkout to belong to."))
    params = {
        "amount": amount,
        "currency": CURRENCY,
        "payment_method_types": ["card"],
        "metadata": {**(metadata or {}), METADATA_CHECKOUT_GROUP: checkout_group},
    }
    intent = _call(
        lambda c: c.v1.payment_intents.create(
            params=params,
            options={"idempotency_key": idempotency_key("pi", "create", checkout_group, amount)},
        ),
        client,
    )
    return _result(intent)


def payment_intent_retrieve(
    *, intent_id: str, client: stripe.StripeClient | None = None
) -> PaymentResult:
    intent = _call(lambda c: c.v1.payment_intents.retrieve(_intent_id(intent_id)), client)
    return _result(intent)


def payment_intent_confirm(
    *,
    intent_id: str,
    payment_method: str,
    return_url: str = "",
    client: stripe.StripeClient | None = None,
) -> PaymentResult:
    """Confirm on the server with a payment method (tests, saved cards).

    The browser normally confirms through the Payment Element; this is the
    same step server-side. The payment method is set first, then the intent
    confirmed, each with its own key from the intent and the payment method,
    so a retried confirmation never charges twice. A decline comes back as a
    result (outcome ``declined``) with the shopper's message, not as an error.
    """
    intent_id = _intent_id(intent_id)
    if not payment_method:
        raise PaymentRequestInvalid(_("Choose a card to pay with."))
    _call(
        lambda c: c.v1.payment_intents.update(
            intent_id,
            params={"payment_method": payment_method},
            options={"idempotency_key": idempotency_key("pi", "pm", intent_id, payment_method)},
        ),
        client,
    )
    params = {"return_url": return_url} if return_url else {}
    try:
        intent = _call(
            lambda c: c.v1.payment_intents.confirm(
                intent_id,
                params=params,
                options={
                    "idempotency_key": idempotency_key("pi", "confirm", intent_id, payment_method)
                },
            ),
            client,
            raise_card_errors=True,
        )
    except stripe.CardError as exc:
        logger.info("Card declined for %s: %s", intent_id, exc.code)
        intent = _call(lambda c: c.v1.payment_intents.retrieve(intent_id), client)
        return _result(intent, card_error=exc)
    return _result(intent)


def payment_intent_refund(
    *,
    intent_id: str,
    refund_reference: str,
    amount: int | None = None,
    client: stripe.StripeClient | None = None,
) -> RefundResult:
    """Refund ``amount`` dong (everything left when None) of a succeeded payment.

    Checked here first (never more than was captured less what was already
    refunded), and Stripe checks again: a refund that races another one is
    refused by Stripe and comes back as ``RefundRefused`` too.
    ``refund_reference`` is our id for this refund (the dashboard's record),
    which makes the idempotency key: the same refund sent twice is made once.
    """
    intent_id = _intent_id(intent_id)
    if not refund_reference:
        raise PaymentRequestInvalid(_("The refund has no reference."))
    if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int)):
        raise RefundRefused(_("A refund is a whole number of dong."), code="amount_invalid")
    if amount is not None and amount <= 0:
        raise RefundRefused(_("A refund must be more than 0 dong."), code="amount_invalid")
    captured, refunded = _captured_and_refunded(intent_id, client)
    remaining = captured - refunded
    if remaining <= 0:
        raise RefundRefused(_("This payment has already been refunded in full."), code="refunded")
    if amount is None:
        amount = remaining
    if amount > remaining:
        raise RefundRefused(
            _("A refund cannot be more than the %(remaining)s left of this payment.")
            % {"remaining": _dong(remaining)},
            code="amount_too_large",
        )
    refund = _call(
        lambda c: c.v1.refunds.create(
            params={
                "payment_intent": intent_id,
                "amount": amount,
                "metadata": {"reference": str(refund_reference)},
            },
            options={"idempotency_key": idempotency_key("refund", refund_reference)},
        ),
        client,
        refund=True,
    )
    return RefundResult(
        refund_id=refund.id,
        intent_id=intent_id,
        amount=int(refund.amount),
        status=str(_plain(refund).get("status") or ""),
        refunded_total=refunded + int(refund.amount),
        captured=captured,
    )


def refund_find(
    *, intent_id: str, refund_reference: str, client: stripe.StripeClient | None = None
) -> RefundResult | None:
    """The refund Stripe made for ``refund_reference`` on the payment, or None.

    A refund whose answer never reached us (Stripe not answering, the
    process stopped after the call) is found here by the reference sent in
    its metadata; reconciliation asks this before sending it again, since an
    idempotency key lasts only a day at Stripe.
    """
    intent_id = _intent_id(intent_id)
    page = _call(
        lambda c: c.v1.refunds.list(params={"payment_intent": intent_id, "limit": 100}), client
    )
    for refund in page.auto_paging_iter():
        plain = _plain(refund)
        if str((plain.get("metadata") or {}).get("reference") or "") != str(refund_reference):
            continue
        captured, refunded = _captured_and_refunded(intent_id, client)
        return RefundResult(
            refund_id=str(plain.get("id") or ""),
            intent_id=intent_id,
            amount=int(plain.get("amount") or 0),
            status=str(plain.get("status") or ""),
            refunded_total=refunded,
            captured=captured,
        )
    return None


def payment_intents_list(
    *, created_after: int | None = None, client: stripe.StripeClient | None = None
):
    """Every PaymentIntent (auto-paginated), newest first; for reconciliation."""
    params: dict = {"limit": 100}
    if created_after is not None:
        params["created"] = {"gt": int(created_after)}
    page = _call(lambda c: c.v1.payment_intents.list(params=params), client)
    return page.auto_paging_iter()


def payment_result_from_intent(intent) -> PaymentResult:
    """Our result for a PaymentIntent object (as a webhook event carries it)."""
    return _result(intent)


# ---------------------------------------------------------------------------
# Stripe's answers into ours
# ---------------------------------------------------------------------------

_STATUS_OUTCOME = {
    "succeeded": Outcome.SUCCEEDED,
    "requires_action": Outcome.REQUIRES_ACTION,
    "requires_payment_method": Outcome.REQUIRES_PAYMENT_METHOD,
    "requires_confirmation": Outcome.REQUIRES_CONFIRMATION,
    "processing": Outcome.PROCESSING,
    "requires_capture": Outcome.REQUIRES_CAPTURE,
    "canceled": Outcome.CANCELED,
}


def decline_message(code: str = "", decline_code: str = "") -> str:
    """The shopper's message for a refused card, by Stripe's error and decline codes."""
    if decline_code in {"insufficient_funds"}:
        return _("Your card has insufficient funds. Try another card or pay on delivery.")
    if code == "expired_card" or decline_code == "expired_card":
        return _("Your card has expired. Try another card or pay on delivery.")
    if code == "incorrect_cvc" or decline_code == "incorrect_cvc":
        return _("The card's security code is wrong. Check it and try again.")
    if code == "incorrect_number" or decline_code == "incorrect_number":
        return _("The card number is wrong. Check it and try again.")
    if code == "processing_error":
        return _("The card could not be processed. Try again in a moment.")
    if code == "payment_intent_authentication_failure":
        return _("Your bank could not confirm this payment. Try again or use another card.")
    return _("Your card was declined. Try another card or pay on delivery.")


def outcome_message(outcome: Outcome) -> str:
    return {
        Outcome.SUCCEEDED: _("Payment received. Thank you!"),
        Outcome.REQUIRES_ACTION: _("Your bank asks you to confirm this payment."),
        Outcome.PROCESSING: _("Your payment is being processed."),
        Outcome.CANCELED: _("This payment was cancelled."),
    }.get(outcome, "")


def _plain(obj) -> dict:
    """A StripeObject (not a dict since stripe 15) or a dict, as a plain dict."""
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    return dict(obj or {})


def _result(intent, *, card_error: stripe.CardError | None = None) -> PaymentResult:
    intent = _plain(intent)
    status = str(intent.get("status") or "")
    outcome = _STATUS_OUTCOME.get(status, Outcome.REQUIRES_PAYMENT_METHOD)
    error = intent.get("last_payment_error") or {}
    code = str(error.get("code") or "")
    decline_code = str(error.get("decline_code") or "")
    if card_error is not None:
        code = code or str(card_error.code or "")
        body = card_error.json_body if isinstance(card_error.json_body, dict) else {}
        decline_code = decline_code or str((body.get("error") or {}).get("decline_code") or "")
    if outcome is Outcome.REQUIRES_PAYMENT_METHOD and (code or card_error is not None):
        outcome = Outcome.DECLINED
    message = decline_message(code, decline_code) if outcome is Outcome.DECLINED else ""
    return PaymentResult(
        intent_id=str(intent.get("id") or ""),
        status=status,
        outcome=outcome,
        amount=int(intent.get("amount") or 0),
        client_secret=str(intent.get("client_secret") or ""),
        metadata=dict(intent.get("metadata") or {}),
        message=message or outcome_message(outcome),
        error_code=code,
    )


def payment_error_from_stripe(exc: stripe.StripeError, *, refund: bool = False) -> PaymentError:
    """Our exception for a Stripe error that is not a card decline."""
    code = str(getattr(exc, "code", "") or "")
    if isinstance(exc, stripe.AuthenticationError | stripe.PermissionError):
        return PaymentsNotConfigured(
            _("Card payments are not set up correctly. Please tell the Union."), code="auth"
        )
    if isinstance(exc, stripe.APIConnectionError | stripe.RateLimitError | stripe.APIError):
        return PaymentGatewayUnavailable(
            _("The card payment service is not answering. Try again in a moment."),
            code=code or "unavailable",
        )
    if isinstance(exc, stripe.IdempotencyError):
        return PaymentRequestInvalid(
            _("This payment was already started with other details. Reload the page."),
            code="idempotency",
        )
    if refund and (
        code in {"charge_already_refunded", "amount_too_large"}
        or getattr(exc, "param", None) == "amount"
    ):
        return RefundRefused(
            _("Stripe refused the refund: it would be more than is left of the payment."),
            code=code or "amount_too_large",
        )
    if refund and code == "charge_disputed":
        return RefundRefused(_("This payment is disputed and cannot be refunded."), code=code)
    return PaymentRequestInvalid(
        _("The card payment could not be carried out. Please try again."), code=code or "invalid"
    )


def _call(operation, client, *, raise_card_errors: bool = False, refund: bool = False):
    client = client or stripe_client()
    try:
        return operation(client)
    except stripe.CardError:
        if raise_card_errors:
            raise
        raise PaymentRequestInvalid(_("Your card was declined."), code="card_declined") from None
    except stripe.StripeError as exc:
        logger.warning("Stripe error %s: %s", type(exc).__name__, exc)
        raise payment_error_from_stripe(exc, refund=refund) from exc


def _captured_and_refunded(intent_id: str, client) -> tuple[int, int]:
    intent = _plain(
        _call(
            lambda c: c.v1.payment_intents.retrieve(
                intent_id, params={"expand": ["latest_charge"]}
            ),
            client,
        )
    )
    charge = intent.get("latest_charge")
    if intent.get("status") != "succeeded" or not isinstance(charge, Mapping):
        raise RefundRefused(_("Only a completed card payment can be refunded."), code="not_paid")
    if charge.get("amount_captured") is not None:
        captured = int(charge["amount_captured"])
    else:  # servers without amount_captured (localstripe): a captured charge is all of it
        captured = int(charge.get("amount") or 0) if charge.get("captured") else 0
    return captured, int(charge.get("amount_refunded") or 0)


def _check_amount(amount: int) -> None:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise PaymentRequestInvalid(_("The amount must be a whole number of dong."))
    if amount <= 0:
        raise PaymentRequestInvalid(_("The amount must be more than 0 dong."))
    if amount > AMOUNT_MAX:
        raise PaymentRequestInvalid(
            _("A card payment can be at most %(limit)s.") % {"limit": _dong(AMOUNT_MAX)}
        )


def _intent_id(intent_id: str) -> str:
    intent_id = str(intent_id or "")
    if not intent_id.startswith("pi_"):
        raise PaymentRequestInvalid(_("Unknown payment."), code="unknown_intent")
    return intent_id


def _dong(amount: int) -> str:
    """125.000 ₫, as every price on the site (Oscar's VND format)."""
    return currency(amount, "VND")
