import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.apps.partner.strategy import Default
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from marketplace.services.vendors import vendor_member_add
from tests.factories import product_create, vendor_create

pytestmark = pytest.mark.django_db

User = get_user_model()
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


def order_of(*items, placed):
    basket = Basket.objects.create()
    basket.strategy = Default()
    for product, quantity in items:
        basket.add_product(product, quantity)
    order = create_order(basket=basket)
    Order.objects.filter(pk=order.pk).update(date_placed=placed)
    return order


@pytest.fixture
def sales(db):
    vendor_a, vendor_b = vendor_create("Hợp tác xã A"), vendor_create("Hợp tác xã B")
    member = User.objects.create_user("a@example.vn", "a@example.vn", "x")
    vendor_member_add(vendor=vendor_a, user=member, role="owner")
    rice = product_create("Gạo tám", price=50000, stock=100, vendor=vendor_a)
    honey = product_create("Mật ong", price=200000, stock=3, vendor=vendor_a)
    other = product_create("Chiếu cói", price=300000, stock=100, vendor=vendor_b)
    october = timezone.make_aware(datetime.datetime(2026, 10, 5, 9))
    november = timezone.make_aware(datetime.datetime(2026, 11, 20, 9))
    order_of((rice, 2), (other, 1), placed=october)  # a mixed order: only her line counts
    order_of((rice, 1), (honey, 1), placed=november)
    order_of((other, 5), placed=november)
    return {"member": member}


def test_her_sales_by_month_count_only_her_lines(client, sales):
    client.force_login(sales["member"])
    response = client.get("/dashboard/sales/")
    months = response.context["months"]
    assert [(m["month"].month, m["orders"], m["items"]) for m in months] == [(11, 1, 2), (10, 1, 2)]
    assert [m["revenue"] for m in months] == [Decimal("250000"), Decimal("100000")]
    assert [r["title"] for r in response.context["best_sellers"]] == ["Gạo tám", "Mật ong"]
    html = response.content.decode()
    assert "Chiếu cói" not in html
    assert "250.000\u00a0₫" in html and "11/2026" in html


def test_low_stock_lists_her_products_under_threshold(client, sales):
    client.force_login(sales["member"])
    low = client.get("/dashboard/sales/").context["low_stock"]
    assert [record.product.title for record in low] == ["Mật ong"]


@pytest.mark.parametrize("who", ["anonymous", "shopper"])
def test_sales_are_for_members_only(client, sales, who):
    if who == "shopper":
        client.force_login(User.objects.create_user("k", "k@example.vn", "x"))
    response = client.get("/dashboard/sales/")
    assert response.status_code == (302 if who == "anonymous" else 403)
