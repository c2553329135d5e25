"""``checkout_place`` refuses a basket it cannot place whole."""

from __future__ import annotations

import pytest
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model

from checkout.services import checkout_place
from core.refusals import Refusal
from marketplace.models import OrderGroup
from tests.factories import line_sold_by_partner_without_vendor, product_create, vendor_create

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def test_a_line_no_cooperative_sells_refuses_the_whole_checkout():
    cooperative = vendor_create("Hợp tác xã Cói Kim Sơn")
    lan_coi = product_create("Làn cói", price=120000, stock=5, vendor=cooperative)
    gao = product_create("Gạo nếp cái hoa vàng", price=60000, stock=5, vendor=cooperative)
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(lan_coi, 1)
    basket.add_product(gao, 1)
    line_sold_by_partner_without_vendor(basket, gao)

    with pytest.raises(Refusal, match="Gạo nếp cái hoa vàng") as refused:
        checkout_place(
            basket=basket,
            user=None,
            email="lan@example.vn",
            shipping_address=None,
            payment_method="cod",
        )

    assert "Làn cói" not in str(refused.value)
    assert not OrderGroup.objects.exists() and not Order.objects.exists()
    basket.refresh_from_db()
    assert basket.status == Basket.OPEN and basket.lines.count() == 2
    assert not StockRecord.objects.get(product=lan_coi).num_allocated
