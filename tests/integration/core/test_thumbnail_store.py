"""Thumbnail records wait for the page's transaction: two pages never deadlock (PostgreSQL)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, transaction
from sorl.thumbnail import default
from sorl.thumbnail.models import KVStore as KVStoreModel

pytestmark = [pytest.mark.service("postgres"), pytest.mark.django_db(transaction=True)]


def _page(keys: list[str], barrier: threading.Barrier) -> str:
    """A page rendering new thumbnails in its own transaction, halfway in step with another."""
    try:
        with transaction.atomic():
            default.kvstore._set_raw(keys[0], '{"name": "a"}')
            barrier.wait(timeout=10)
            default.kvstore._set_raw(keys[1], '{"name": "b"}')
        return "rendered"
    except Exception as exc:  # a deadlock would surface here as OperationalError
        return type(exc).__name__
    finally:
        connection.close()


def test_pages_making_the_same_thumbnails_in_opposite_orders_both_succeed():
    barrier = threading.Barrier(2)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(
            pool.map(
                _page,
                [["sorl-thumbnail||image||x", "sorl-thumbnail||image||y"]] * 1
                + [["sorl-thumbnail||image||y", "sorl-thumbnail||image||x"]],
                [barrier, barrier],
            )
        )
    assert results == ["rendered", "rendered"]
    assert set(KVStoreModel.objects.values_list("key", flat=True)) == {
        "sorl-thumbnail||image||x",
        "sorl-thumbnail||image||y",
    }


def test_a_failed_page_leaves_no_row_but_the_cache_knows_the_thumbnail():
    key = "sorl-thumbnail||image||z"
    with pytest.raises(RuntimeError), transaction.atomic():
        default.kvstore._set_raw(key, '{"name": "z"}')
        raise RuntimeError("the page failed after the thumbnail was made")
    assert not KVStoreModel.objects.filter(key=key).exists()
    assert default.kvstore._get_raw(key) == '{"name": "z"}'
