"""Stripe webhook: verified, recorded once, dispatched to the handlers of its type.

Stripe may deliver an event late, twice, or before an earlier one; only a
valid signature from the endpoint secret is believed. Each event id is
written once (``StripeEvent``), in the same transaction as its handlers'
work, so a replay or a concurrent duplicate changes nothing, and a handler
that fails leaves no record and a non-2xx answer: Stripe sends it again.

Other code registers what to do per event type::

    @webhook_handler("payment_intent.succeeded")
    def order_mark_paid(event: stripe.Event) -> None: ...

Handlers receive the verified ``stripe.Event``; they must not assume any
order between events (re-read the state they change). A handler that cannot
act yet (say its order is not committed) should raise: the event is then
left unrecorded, the answer is 503 and Stripe delivers it again later;
``reconcile_payments --repair`` catches whatever is still missed.
https://docs.stripe.com/webhooks#verify-events · https://docs.stripe.com/webhooks#handle-duplicate-events
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

import stripe
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http import HttpRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from payments.models import StripeEvent

logger = logging.getLogger(__name__)

Handler = Callable[[stripe.Event], None]


class WebhookRegistry:
    """Handlers by Stripe event type, in registration order."""

    def __init__(self) -> None:
        self._handlers: dict[str, list[Handler]] = {}

    def register(self, event_type: str, handler: Handler) -> Handler:
        handlers = self._handlers.setdefault(event_type, [])
        if handler not in handlers:
            handlers.append(handler)
        return handler

    def unregister(self, event_type: str, handler: Handler) -> None:
        handlers = self._handlers.get(event_type, [])
        if handler in handlers:
            handlers.remove(handler)

    def handlers(self, event_type: str) -> list[Handler]:
        return list(self._handlers.get(event_type, []))


registry = WebhookRegistry()


def webhook_handler(event_type: str) -> Callable[[Handler], Handler]:
    """Decorator: call the function for every new event of ``event_type``."""

    def decorator(handler: Handler) -> Handler:
        return registry.register(event_type, handler)

    return decorator


@dataclass(frozen=True)
class EventOutcome:
    event_id: str
    type: str
    processed: bool  # False: seen before, nothing done
    handlers: tuple[str, ...] = ()


def stripe_event_process(*, event: stripe.Event) -> EventOutcome:
    """Record ``event`` once and run its handlers in the same transaction.

    A second delivery (a replay, or a concurrent duplicate that waits on the
    unique event id) returns ``processed=False`` and runs nothing. A handler
    that raises rolls back the record with its own work and the error goes
    up, so the event stays unprocessed for Stripe's next attempt.
    """
    plain = event.to_dict()
    event_id = str(plain["id"])
    event_type = str(plain["type"])
    handlers = registry.handlers(event_type)
    names = tuple(_handler_name(h) for h in handlers)
    with transaction.atomic():
        try:
            with transaction.atomic():
                StripeEvent.objects.create(
                    event_id=event_id,
                    type=event_type,
                    object_id=_object_id(plain),
                    livemode=bool(plain.get("livemode", False)),
                    created=_timestamp(plain.get("created")),
                    handlers=list(names),
                )
        except IntegrityError:
            logger.info("Stripe event %s (%s) already processed", event_id, event_type)
            return EventOutcome(event_id=event_id, type=event_type, processed=False)
        for handler in handlers:
            handler(event)
    return EventOutcome(event_id=event_id, type=event_type, processed=True, handlers=names)


def stripe_event_verify(*, payload: bytes, signature: str) -> stripe.Event:
    """The event in ``payload`` if ``signature`` is Stripe's for our endpoint secret.

    Raises ``stripe.SignatureVerificationError`` for a missing, wrong or stale
    signature and ``ValueError`` for a payload that is not an event.
    """
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise WebhookNotConfigured("STRIPE_WEBHOOK_SECRET is not set")
    event = stripe.Webhook.construct_event(
        payload, signature or None, secret, tolerance=settings.STRIPE_WEBHOOK_TOLERANCE
    )
    plain = event.to_dict() if isinstance(event, stripe.Event) else {}
    if not (str(plain.get("id", "")).startswith("evt_") and isinstance(plain.get("type"), str)):
        raise ValueError("not a Stripe event")
    return event


class WebhookNotConfigured(Exception):
    pass


@method_decorator(csrf_exempt, name="dispatch")
class StripeWebhookView(View):
    """POST /payments/stripe/webhook/: answers 200 once the event is recorded (or was)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> JsonResponse:
        try:
            payload = request.body
        except RequestDataTooBig:
            return JsonResponse({"error": "payload too large"}, status=400)
        try:
            event = stripe_event_verify(
                payload=payload, signature=request.headers.get("Stripe-Signature", "")
            )
        except WebhookNotConfigured:
            logger.error("Stripe webhook called but STRIPE_WEBHOOK_SECRET is not set")
            return JsonResponse({"error": "webhook not configured"}, status=503)
        except stripe.SignatureVerificationError:
            logger.warning("Stripe webhook with a missing, bad or stale signature refused")
            return JsonResponse({"error": "invalid signature"}, status=400)
        except (ValueError, TypeError, KeyError, AttributeError):
            logger.warning("Stripe webhook with a signed but unreadable payload refused")
            return JsonResponse({"error": "invalid payload"}, status=400)
        try:
            outcome = stripe_event_process(event=event)
        except Exception:
            # Nothing was recorded: Stripe retries the event later.
            logger.exception("Stripe event %s (%s) handler failed", event.id, event.type)
            return JsonResponse({"error": "processing failed, retry later"}, status=503)
        return JsonResponse(
            {"received": outcome.event_id, "processed": outcome.processed}, status=200
        )


def _handler_name(handler: Handler) -> str:
    name = getattr(handler, "__qualname__", None) or type(handler).__qualname__
    return f"{handler.__module__}.{name}"


def _object_id(plain: dict) -> str:
    data = plain.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    return str(obj.get("id") or "")[:255] if isinstance(obj, dict) else ""


def _timestamp(value) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
