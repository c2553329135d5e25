"""Buyers racing for the last unit, and a basket submitted many times at once (PostgreSQL).

Each thread has its own database connection, as concurrent requests do; the
row locks taken by ``checkout_place`` decide who wins.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model

from checkout.services import checkout_place
from core.refusals import Refusal
from marketplace.models import OrderGroup
from tests.factories import product_create

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
ShippingAddress = get_model("order", "ShippingAddress")
Country = get_model("address", "Country")

pytestmark = [pytest.mark.service("postgres"), pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def vietnam(db):
    """Transactional tests start from a flushed database: put back the migration's country."""
    Country.objects.get_or_create(
        iso_3166_1_a2="VN", defaults={"name": "Việt Nam", "is_shipping_country": True}
    )


def _basket_with(product) -> int:
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(product, 1)
    return basket.pk


def _place(basket_id: int, barrier: threading.Barrier) -> str:
    try:
        basket = Basket.objects.get(pk=basket_id)
        basket.strategy = Selector().strategy()
        address = ShippingAddress(
            first_name="Lan", line1="Số 5", country=Country.objects.get(pk="VN")
        )
        barrier.wait(timeout=30)
        checkout_place(
            basket=basket,
            user=None,
            email=f"buyer{basket_id}@example.vn",
            shipping_address=address,
            payment_method="cod",
        )
        return "placed"
    except Refusal:
        return "refused"
    finally:
        connection.close()


def _race(basket_ids: list[int]) -> list[str]:
    barrier = threading.Barrier(len(basket_ids))
    with ThreadPoolExecutor(max_workers=len(basket_ids)) as pool:
        return list(pool.map(lambda pk: _place(pk, barrier), basket_ids))


def test_thirty_buyers_of_the_last_unit_make_exactly_one_order():
    product = product_create("Rượu nếp cái hoa vàng", stock=1)
    baskets = [_basket_with(product) for _ in range(30)]

    outcomes = _race(baskets)

    assert outcomes.count("placed") == 1
    assert outcomes.count("refused") == 29
    assert Order.objects.count() == 1 and OrderGroup.objects.count() == 1
    record = StockRecord.objects.get(product=product)
    assert record.num_allocated == 1 and record.net_stock_level == 0
    # the 29 others keep an open basket to change
    assert Basket.objects.filter(status=Basket.OPEN).count() == 29


def test_ten_submissions_of_one_basket_place_it_once():
    product = product_create("Cơm cháy chà bông", stock=10)
    basket_id = _basket_with(product)

    outcomes = _race([basket_id] * 10)

    assert outcomes == ["placed"] * 10  # every submission sees the same placed checkout
    assert OrderGroup.objects.count() == 1 and Order.objects.count() == 1
    assert StockRecord.objects.get(product=product).num_allocated == 1
