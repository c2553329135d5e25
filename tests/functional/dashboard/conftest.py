"""Orders for the member's pages: checkouts placed through the real checkout service."""

from __future__ import annotations

import pytest
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model

from checkout.order_services import vendor_order_act
from checkout.services import checkout_place
from marketplace.models import OrderGroup, VendorOrder

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")


def address() -> ShippingAddress:
    return ShippingAddress(
        first_name="Nguyễn Thị Lan",
        line1="Số 5, thôn Văn Lâm",
        line3="Phường Hoa Lư",
        state="Ninh Bình",
        country=Country.objects.get(pk="VN"),
        phone_number="+84912345678",
    )


@pytest.fixture
def place_order(django_capture_on_commit_callbacks):
    """place_order(product, ..., steps=("confirm",), shopper=None) -> the checkout.

    Cash on delivery; each cooperative's part then takes ``steps`` (confirm, ship...).
    """

    def place(*products, steps=(), shopper=None, email="lan@example.vn") -> OrderGroup:
        basket = Basket.objects.create(owner=shopper)
        basket.strategy = Selector().strategy(user=shopper)
        for product in products:
            basket.add_product(product, 1)
        group = checkout_place(
            basket=basket,
            user=shopper,
            email=email,
            shipping_address=address(),
            payment_method=OrderGroup.PaymentMethod.CASH,
            notify=False,
        )
        for part in VendorOrder.objects.filter(group=group):
            for action in steps:
                extra = {"carrier": "ghn", "tracking_number": "GHN1"} if action == "ship" else {}
                vendor_order_act(part=part, action=action, actor=None, notify=False, **extra)
        return group

    return place
