"""The form rate limits hold whatever else the site's caches go through."""

from __future__ import annotations

import pytest
from django.core.cache import caches

pytestmark = pytest.mark.django_db

LOOKUP = {"number": "100099", "email": "ai@example.vn"}


def test_head_requests_count_like_the_lookups_they_answer(client, home_page, settings):
    """Django answers HEAD with the GET handler: an uncounted HEAD would be a free guess."""
    limit, _seconds = settings.RATE_LIMITS["order-status"]
    for _n in range(limit):
        assert client.head("/orders/status/", LOOKUP).status_code == 200
    assert client.get("/orders/status/", LOOKUP).status_code == 429
    assert client.head("/orders/status/", LOOKUP).status_code == 429


def test_filling_the_page_cache_does_not_reset_the_counts(client, home_page, settings):
    """Pages and counters live apart: culling a flood of distinct pages cannot free a count."""
    limit, _seconds = settings.RATE_LIMITS["order-status"]
    for _n in range(limit):
        client.get("/orders/status/", LOOKUP)
    caches["default"].clear()  # what culling does to the page cache, at its worst
    response = client.get("/orders/status/", LOOKUP)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
