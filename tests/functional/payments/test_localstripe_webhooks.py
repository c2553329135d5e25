"""localstripe's own signed webhook deliveries reach the live site and are processed once."""

from __future__ import annotations

import http.server
import json
import threading
import time
import urllib.request

import pytest

from payments import stripe_gateway as gateway
from payments.models import StripeEvent
from payments.webhooks import registry

pytestmark = [pytest.mark.service("stripe"), pytest.mark.django_db(transaction=True)]


def localstripe_webhook(base: str, hook_id: str, **config) -> None:
    """localstripe's /_config/webhooks/<id>: where it posts which events, signed with secret."""
    request = urllib.request.Request(
        f"{base}/_config/webhooks/{hook_id}",
        data=json.dumps(config).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5):
        pass


def wait_for(predicate, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def of_intent(delivered: list, intent_id: str) -> list:
    """This test's deliveries: localstripe may still be retrying events of earlier tests."""
    return [delivery for delivery in delivered if delivery[2] == intent_id]


@pytest.fixture
def delivered(localstripe, live_server, settings):
    """localstripe posts payment_intent events to this test's live server."""
    seen = []

    def handler(event):
        seen.append((event.id, event.type, event.data.object.id))

    registry.register("payment_intent.succeeded", handler)
    registry.register("payment_intent.payment_failed", handler)
    localstripe_webhook(
        localstripe,
        "site",
        url=f"{live_server.url}/payments/stripe/webhook/",
        secret=settings.STRIPE_WEBHOOK_SECRET,
        events=["payment_intent.succeeded", "payment_intent.payment_failed"],
    )
    yield seen
    # localstripe cannot forget an endpoint: point it at no event type instead.
    localstripe_webhook(
        localstripe, "site", url="http://127.0.0.1:9/", secret="x", events=["none.none"]
    )
    registry.unregister("payment_intent.succeeded", handler)
    registry.unregister("payment_intent.payment_failed", handler)


def test_a_paid_intent_arrives_as_a_signed_succeeded_event(delivered):
    created = gateway.payment_intent_create(amount=125000, checkout_group="CG-live")
    gateway.payment_intent_confirm(intent_id=created.intent_id, payment_method="pm_card_visa")
    assert wait_for(lambda: of_intent(delivered, created.intent_id)), "no webhook arrived"
    [(event_id, event_type, intent_id)] = of_intent(delivered, created.intent_id)
    assert (event_type, intent_id) == ("payment_intent.succeeded", created.intent_id)
    record = StripeEvent.objects.get(event_id=event_id)
    assert record.object_id == created.intent_id


def test_a_decline_arrives_as_a_payment_failed_event(delivered):
    created = gateway.payment_intent_create(amount=90000, checkout_group="CG-live-2")
    gateway.payment_intent_confirm(
        intent_id=created.intent_id, payment_method="pm_card_chargeCustomerFail"
    )
    assert wait_for(lambda: of_intent(delivered, created.intent_id)), "no webhook arrived"
    assert [(t, i) for _, t, i in of_intent(delivered, created.intent_id)] == [
        ("payment_intent.payment_failed", created.intent_id)
    ]


class Witness(http.server.BaseHTTPRequestHandler):
    """A loopback endpoint that keeps what localstripe posts to it."""

    received: list[tuple[bytes, str]] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Witness.received.append((body, self.headers["Stripe-Signature"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def witnessed(intent_id: str) -> list[tuple[bytes, str]]:
    return [
        (body, signature)
        for body, signature in Witness.received
        if json.loads(body)["data"]["object"]["id"] == intent_id
    ]


def test_deliveries_signed_with_another_secret_are_refused(localstripe, live_server, client):
    witness = http.server.HTTPServer(("127.0.0.1", 0), Witness)
    Witness.received = []
    thread = threading.Thread(target=witness.serve_forever, daemon=True)
    thread.start()
    # localstripe posts to its endpoints one after another, in registration order:
    # once the witness has its copy, the site has answered the intruder's.
    localstripe_webhook(
        localstripe,
        "intruder",
        url=f"{live_server.url}/payments/stripe/webhook/",
        secret="whsec_not_ours",
        events=["payment_intent.succeeded"],
    )
    localstripe_webhook(
        localstripe,
        "witness",
        url=f"http://127.0.0.1:{witness.server_address[1]}/",
        secret="whsec_not_ours",
        events=["payment_intent.succeeded"],
    )
    try:
        created = gateway.payment_intent_create(amount=1000, checkout_group="CG-x")
        gateway.payment_intent_confirm(intent_id=created.intent_id, payment_method="pm_card_visa")
        assert wait_for(lambda: witnessed(created.intent_id)), "no webhook arrived"
        assert not StripeEvent.objects.exists()
        body, signature = witnessed(created.intent_id)[0]
        assert json.loads(body)["data"]["object"]["id"] == created.intent_id
        response = client.post(
            "/payments/stripe/webhook/",
            data=body,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=signature,
        )
        assert response.status_code == 400
        assert not StripeEvent.objects.exists()
    finally:
        for hook in ("intruder", "witness"):
            localstripe_webhook(
                localstripe, hook, url="http://127.0.0.1:9/", secret="x", events=["none.none"]
            )
        witness.shutdown()
        witness.server_close()
