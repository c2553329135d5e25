"""One basket, three cooperatives, one checkout paid in cash: three parts that add up."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from oscar.core.loading import get_model

from marketplace.models import OrderGroup, VendorOrder
from tests.factories import line_sold_by_partner_without_vendor
from tests.functional.checkout.conftest import basket_add, checkout_as_guest

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def test_the_basket_shows_each_cooperatives_part_and_delivery(client, three_products):
    for product in three_products:
        basket_add(client, product)
    page = client.get("/basket/").content.decode()
    for name in ("Hợp tác xã Cói Kim Sơn", "Tổ hợp tác Cơm cháy Hoa Lư", "Rượu Kim Sơn"):
        assert name in page
    # 120.000 + 45.000 + 150.000 of products, 30.000 + 25.000 + 20.000 of delivery
    assert "315.000" in page and "75.000" in page and "390.000" in page
    # the cói cooperative delivers free from 300.000: 180.000 more
    assert "180.000" in page


def test_a_cash_checkout_places_one_order_per_cooperative(
    client, three_products, django_capture_on_commit_callbacks
):
    for product in three_products:
        basket_add(client, product)
    with django_capture_on_commit_callbacks(execute=True):
        response = checkout_as_guest(client)
    assert response.status_code == 302 and response["Location"] == "/checkout/thank-you/"

    group = OrderGroup.objects.get()
    assert group.payment_method == "cod" and group.payment_status == "on_delivery"
    assert group.email == "lan@example.vn"
    parts = list(group.parts.select_related("order", "vendor__partner"))
    assert len(parts) == 3
    assert sorted(p.order.total_incl_tax for p in parts) == [
        Decimal(70000),
        Decimal(150000),
        Decimal(170000),
    ]
    assert sum(p.order.total_incl_tax for p in parts) == group.total == Decimal(390000)
    assert group.shipping_total == Decimal(75000)
    for part in parts:
        # each order holds only its own cooperative's lines
        assert {line.partner_id for line in part.order.lines.all()} == {part.vendor.partner_id}
        assert part.order.status == "Pending"
        assert part.order.shipping_address.line3 == "Phường Hoa Lư"
        assert part.order.shipping_address.state == "Ninh Bình"
        assert str(part.order.shipping_address.phone_number) == "+84912345678"
    # the stock is set aside for the buyer
    wine = StockRecord.objects.get(product__title="Rượu nếp cái hoa vàng")
    assert wine.num_allocated == 1 and wine.net_stock_level == 0

    page = client.get("/checkout/thank-you/").content.decode()
    assert group.number in page
    for part in parts:
        assert part.order.number in page
    assert "390.000" in page

    # one e-mail to the shopper listing the three parts, one to each cooperative that has an address
    shopper_mail = [m for m in mail.outbox if m.to == ["lan@example.vn"]]
    assert len(shopper_mail) == 1
    for part in parts:
        assert part.order.number in shopper_mail[0].body
    cooperative_mail = [m for m in mail.outbox if m.to != ["lan@example.vn"]]
    assert len(cooperative_mail) == 3
    assert all(len([p for p in parts if p.order.number in m.body]) == 1 for m in cooperative_mail)


def test_the_guest_finds_her_order_with_number_and_email_only(client, three_products):
    basket_add(client, three_products[0])
    checkout_as_guest(client)
    number = OrderGroup.objects.get().number
    found = client.get("/orders/status/", {"number": number, "email": "LAN@example.vn"})
    assert "Làn cói" in found.content.decode()
    wrong = client.get("/orders/status/", {"number": number, "email": "other@example.vn"})
    assert "Làn cói" not in wrong.content.decode()
    assert wrong.status_code == 200


def test_submitting_the_same_basket_twice_places_it_once(client, three_products):
    basket_add(client, three_products[1])
    checkout_as_guest(client)
    again = client.post("/checkout/preview/", {"action": "place_order"})
    assert again.status_code in (302, 200)
    assert OrderGroup.objects.count() == 1 and Order.objects.count() == 1
    assert VendorOrder.objects.count() == 1


def test_a_product_sold_out_meanwhile_stops_the_checkout_and_keeps_the_basket(
    client, three_products
):
    wine = three_products[2]
    basket_add(client, wine)
    StockRecord.objects.filter(product=wine).update(num_allocated=1)  # someone else bought it
    response = checkout_as_guest(client)
    # Oscar's basket check sends her back to the basket with the reason
    assert response.status_code == 302 and response["Location"] == "/basket/"
    assert not Order.objects.exists() and not OrderGroup.objects.exists()
    assert "Rượu nếp cái hoa vàng" in client.get("/basket/").content.decode()


def test_a_product_hidden_after_it_was_put_in_the_basket_cannot_be_bought(
    client, three_products, three_vendors
):
    basket_add(client, three_products[0])
    three_vendors[0].status = "suspended"
    three_vendors[0].save()
    response = checkout_as_guest(client)
    assert response.status_code == 200
    assert re.search(r'alert-danger">\s*[^<]*Làn cói', response.content.decode())
    assert not Order.objects.exists()


@pytest.mark.parametrize("countries", ["none", "two"])
def test_the_address_step_never_breaks_on_the_country_table(client, three_products, countries):
    from checkout.forms import Country

    if countries == "none":
        Country.objects.update(is_shipping_country=False)
    else:
        Country.objects.create(iso_3166_1_a2="LA", name="Lào", is_shipping_country=True)
    basket_add(client, three_products[0])
    client.post("/checkout/", {"username": "lan@example.vn", "options": "anonymous"})
    assert client.get("/checkout/shipping-address/").status_code == 200
    response = client.post(
        "/checkout/shipping-address/",
        {
            "first_name": "Lan",
            "phone_number": "0912345678",
            "province": 37,
            "ward": "",
            "line1": "Số 5",
        },
    )
    assert response.status_code == 200  # the form again, with its messages


def test_a_product_no_cooperative_sells_stops_the_checkout_and_names_it(client, three_products):
    basket_add(client, three_products[0])
    basket_add(client, three_products[1])
    basket = Basket.objects.get(status=Basket.OPEN)
    line_sold_by_partner_without_vendor(basket, three_products[1])
    response = checkout_as_guest(client)
    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(
        r'alert-danger">\s*Không hợp tác xã nào trên chợ bán[^<]*Cơm cháy chà bông', page
    )
    assert not Order.objects.exists() and not OrderGroup.objects.exists()
    basket.refresh_from_db()
    assert basket.status == Basket.OPEN and basket.lines.count() == 2
