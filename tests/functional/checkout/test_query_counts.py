"""Order pages make the same number of queries whatever the number of parts and lines."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model

from checkout.services import checkout_place
from marketplace.services.vendors import vendor_member_add
from tests.factories import commune_create, product_create, vendor_create

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def place(user, vendors, lines_per_vendor: int):
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy(user=user)
    for v, vendor in enumerate(vendors):
        for i in range(lines_per_vendor):
            basket.add_product(product_create(f"Sản phẩm {v}-{i}-{basket.pk}", vendor=vendor), 1)
    address = ShippingAddress(first_name="Lan", line1="Số 5", country=Country.objects.get(pk="VN"))
    return checkout_place(
        basket=basket, user=user, email=user.email, shipping_address=address, payment_method="cod"
    )


@pytest.fixture
def shopper(db):
    return get_user_model().objects.create_user("lan", "lan@example.vn", "x")


def test_order_history_and_status_pages(client, shopper):
    vendors = [
        vendor_create(f"Hợp tác xã {i}", commune=commune_create(f"Xã {i}")) for i in range(3)
    ]
    client.force_login(shopper)
    first = place(shopper, vendors[:1], 1)
    status_url = f"/orders/status/?number={first.number}&email=lan@example.vn"
    few_history, few_status = queries(client, "/accounts/orders/"), queries(client, status_url)
    for _ in range(3):
        place(shopper, vendors, 3)
    many = place(shopper, vendors, 3)
    status_url = f"/orders/status/?number={many.number}&email=lan@example.vn"
    assert queries(client, "/accounts/orders/") == few_history
    assert queries(client, status_url) == few_status


def test_member_order_list_and_detail(client, shopper):
    vendor = vendor_create("Hợp tác xã Cói", commune=commune_create("Kim Sơn"))
    member = get_user_model().objects.create_user("m", "m@example.vn", "x")
    vendor_member_add(vendor=vendor, user=member, role="owner")
    first = place(shopper, [vendor], 1)
    client.force_login(member)
    few_list = queries(client, "/dashboard/my-orders/")
    few_detail = queries(client, f"/dashboard/my-orders/{first.parts.get().pk}/")
    for _ in range(5):
        last = place(shopper, [vendor], 4)
    assert queries(client, "/dashboard/my-orders/") == few_list
    assert queries(client, f"/dashboard/my-orders/{last.parts.get().pk}/") == few_detail
