"""The Stripe webhook: Stripe's signing scheme verified, each event processed once, in any order."""

from __future__ import annotations

import random
import threading
import time

import pytest
import stripe
from django.db import connection
from django.urls import reverse

from payments.models import StripeEvent
from payments.stripe_gateway import payment_result_from_intent
from payments.webhooks import registry, stripe_event_process
from tests.stripe_events import stripe_event_payload, stripe_signature

SECRET = "whsec_test_secret"
URL = "/payments/stripe/webhook/"


def event_payload(event_id="evt_1", event_type="payment_intent.succeeded", intent="pi_1") -> bytes:
    return stripe_event_payload(event_id, event_type, intent=intent)


def sign(payload: bytes, *, secret: str = SECRET, timestamp: int | None = None) -> str:
    return stripe_signature(payload, secret=secret, timestamp=timestamp)


def post(client, payload: bytes, signature: str | None):
    headers = {"HTTP_STRIPE_SIGNATURE": signature} if signature is not None else {}
    return client.post(URL, data=payload, content_type="application/json", **headers)


@pytest.fixture
def webhook_settings(settings):
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    settings.STRIPE_WEBHOOK_TOLERANCE = 300
    return settings


class Recorder:
    """A handler that remembers the events it was given."""

    def __init__(self, fail: bool = False):
        self.events: list[tuple[str, str, str]] = []
        self.fail = fail
        self.lock = threading.Lock()

    def __call__(self, event: stripe.Event) -> None:
        if self.fail:
            raise RuntimeError("handler broke")
        with self.lock:
            self.events.append((event.id, event.type, event.data.object.id))


@pytest.fixture
def handled():
    """A handler registered for the payment_intent events, removed afterwards."""
    recorder = Recorder()
    types = ["payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"]
    for event_type in types:
        registry.register(event_type, recorder)
    yield recorder
    for event_type in types:
        registry.unregister(event_type, recorder)


def test_url_is_named():
    assert reverse("marketplace:payments:stripe-webhook") == URL


def test_a_signed_event_is_recorded_and_dispatched_once(client, db, webhook_settings, handled):
    payload = event_payload()
    response = post(client, payload, sign(payload))
    assert response.status_code == 200
    assert response.json() == {"received": "evt_1", "processed": True}
    assert handled.events == [("evt_1", "payment_intent.succeeded", "pi_1")]
    event = StripeEvent.objects.get()
    assert (event.event_id, event.type, event.object_id) == (
        "evt_1",
        "payment_intent.succeeded",
        "pi_1",
    )
    assert event.created is not None
    assert event.handlers == [f"{Recorder.__module__}.Recorder"]


def test_a_handler_reads_the_intent_as_our_payment_result(client, db, webhook_settings):
    results = []

    def handler(event):
        results.append(payment_result_from_intent(event.data.object))

    registry.register("payment_intent.succeeded", handler)
    try:
        payload = event_payload(intent="pi_42")
        assert post(client, payload, sign(payload)).status_code == 200
    finally:
        registry.unregister("payment_intent.succeeded", handler)
    [result] = results
    assert (result.intent_id, result.amount, result.succeeded) == ("pi_42", 125000, True)
    assert result.metadata == {"checkout_group": "CG-1"}


def test_a_replay_changes_nothing(client, db, webhook_settings, handled):
    payload = event_payload()
    post(client, payload, sign(payload))
    # Stripe re-sends with a new timestamp and signature.
    response = post(client, payload, sign(payload, timestamp=int(time.time()) - 5))
    assert response.status_code == 200
    assert response.json() == {"received": "evt_1", "processed": False}
    assert len(handled.events) == 1
    assert StripeEvent.objects.count() == 1


def test_events_in_any_order_with_replays_are_each_processed_once(
    client, db, webhook_settings, handled
):
    payloads = [
        event_payload("evt_a", "payment_intent.payment_failed", "pi_1"),
        event_payload("evt_b", "payment_intent.succeeded", "pi_1"),
        event_payload("evt_c", "charge.refunded", "pi_1"),
        event_payload("evt_d", "payment_intent.succeeded", "pi_2"),
        event_payload("evt_e", "customer.created", "cus_1"),  # no handler: recorded, 200
    ]
    deliveries = payloads * 3
    random.Random(4).shuffle(deliveries)
    for payload in deliveries:
        assert post(client, payload, sign(payload)).status_code == 200
    assert sorted(handled.events) == [
        ("evt_a", "payment_intent.payment_failed", "pi_1"),
        ("evt_b", "payment_intent.succeeded", "pi_1"),
        ("evt_c", "charge.refunded", "pi_1"),
        ("evt_d", "payment_intent.succeeded", "pi_2"),
    ]
    assert sorted(StripeEvent.objects.values_list("event_id", flat=True)) == [
        "evt_a",
        "evt_b",
        "evt_c",
        "evt_d",
        "evt_e",
    ]


@pytest.mark.parametrize(
    "signature",
    [
        None,  # missing
        "",
        "garbage",
        "t=abc,v1=def",
        "v1=" + "0" * 64,  # no timestamp
        "stale",
        "wrong secret",
        "other scheme",
    ],
)
def test_missing_bad_or_stale_signatures_answer_400_and_write_nothing(
    client, db, webhook_settings, handled, signature
):
    payload = event_payload()
    if signature == "stale":
        signature = sign(payload, timestamp=int(time.time()) - 301)
    elif signature == "wrong secret":
        signature = sign(payload, secret="whsec_someone_else")
    elif signature == "other scheme":
        signature = sign(payload).replace("v1=", "v0=")
    response = post(client, payload, signature)
    assert response.status_code == 400
    assert response.json() == {"error": "invalid signature"}
    assert StripeEvent.objects.count() == 0
    assert handled.events == []


def test_a_tampered_payload_is_refused(client, db, webhook_settings, handled):
    payload = event_payload()
    signature = sign(payload)
    tampered = payload.replace(b"125000", b"1")
    assert post(client, tampered, signature).status_code == 400
    assert StripeEvent.objects.count() == 0


@pytest.mark.parametrize(
    "payload", [b"not json", b"[]", b'{"foo": 1}', b'{"id": "evt_1"}', b"\xff"]
)
def test_signed_payloads_that_are_not_events_answer_400(
    client, db, webhook_settings, handled, payload
):
    response = post(client, payload, sign(payload))
    assert response.status_code == 400
    assert StripeEvent.objects.count() == 0
    assert handled.events == []


def test_without_an_endpoint_secret_nothing_is_believed(client, db, settings, handled):
    settings.STRIPE_WEBHOOK_SECRET = ""
    payload = event_payload()
    response = post(client, payload, sign(payload, secret=""))
    assert response.status_code == 503
    assert StripeEvent.objects.count() == 0
    assert handled.events == []


def test_only_post(client, db, webhook_settings):
    assert client.get(URL).status_code == 405


def test_a_failing_handler_leaves_the_event_for_stripe_to_retry(client, db, webhook_settings):
    broken = Recorder(fail=True)
    registry.register("payment_intent.succeeded", broken)
    try:
        payload = event_payload()
        response = post(client, payload, sign(payload))
        assert response.status_code == 503
        assert StripeEvent.objects.count() == 0
        broken.fail = False  # fixed; Stripe delivers again
        response = post(client, payload, sign(payload))
        assert response.json() == {"received": "evt_1", "processed": True}
        assert broken.events == [("evt_1", "payment_intent.succeeded", "pi_1")]
    finally:
        registry.unregister("payment_intent.succeeded", broken)


@pytest.mark.service("postgres")
@pytest.mark.django_db(transaction=True)
def test_concurrent_deliveries_of_one_event_are_processed_once(webhook_settings, handled):
    payload = event_payload("evt_race")
    event = stripe.Webhook.construct_event(payload, sign(payload), SECRET)
    start = threading.Barrier(8)
    outcomes = []

    def deliver():
        try:
            start.wait()
            outcomes.append(stripe_event_process(event=event).processed)
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [False] * 7 + [True]
    assert handled.events == [("evt_race", "payment_intent.succeeded", "pi_1")]
    assert StripeEvent.objects.filter(event_id="evt_race").count() == 1
