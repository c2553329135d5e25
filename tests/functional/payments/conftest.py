"""The webhook mechanism's tests register their own handlers, without the checkout's."""

import pytest

from payments.webhooks import registry


@pytest.fixture(autouse=True)
def webhook_registry_alone():
    saved = {event_type: list(handlers) for event_type, handlers in registry._handlers.items()}
    registry._handlers.clear()
    yield registry
    registry._handlers.clear()
    registry._handlers.update(saved)
