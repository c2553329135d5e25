"""Stripe webhook events for tests, signed with Stripe's own scheme.

Stripe-Signature: ``t=<unix time>,v1=<hex HMAC-SHA256(secret, "<t>.<payload>")>``
(https://docs.stripe.com/webhooks#verify-manually), written here
independently of the stripe library the site verifies with.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time


def stripe_event_payload(
    event_id: str = "evt_1",
    event_type: str = "payment_intent.succeeded",
    *,
    intent: str = "pi_1",
    amount: int = 125000,
    status: str = "succeeded",
    metadata: dict | None = None,
) -> bytes:
    """A PaymentIntent event as Stripe sends it (the fields the site reads)."""
    return json.dumps(
        {
            "id": event_id,
            "object": "event",
            "type": event_type,
            "created": int(time.time()),
            "livemode": False,
            "api_version": "2025-09-30.clover",
            "data": {
                "object": {
                    "id": intent,
                    "object": "payment_intent",
                    "amount": amount,
                    "currency": "vnd",
                    "status": status,
                    "metadata": {"checkout_group": "CG-1"} if metadata is None else metadata,
                }
            },
        }
    ).encode()


def stripe_signature(payload: bytes, *, secret: str, timestamp: int | None = None) -> str:
    """The Stripe-Signature header for ``payload`` signed with ``secret`` at ``timestamp``."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"
