"""Delivery anywhere in Vietnam: province then ward, a mobile phone, charges by zone."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from marketplace.models import OrderGroup
from shipping import destinations
from tests.functional.checkout.conftest import basket_add, checkout_as_guest

Order = get_model("order", "Order")


def _address_step(client, products, **address):
    for product in products:
        basket_add(client, product)
    client.post("/checkout/", {"username": "lan@example.vn", "options": "anonymous"})
    data = {
        "first_name": "Trần Thị Mai",
        "phone_number": "0912 345 678",
        "province": 1,
        "ward": 4,
        "line1": "Số 3, phố Đội Cấn",
        "notes": "",
    }
    data.update(address)
    return client.post("/checkout/shipping-address/", data)


def test_a_shopper_in_ha_noi_places_a_cash_order_charged_elsewhere_in_vietnam(
    client, three_products
):
    # Products 120.000 + 45.000 + 150.000; each cooperative's charge elsewhere is
    # its default, 45.000 (the Kim Sơn cooperative's 300.000 threshold is inside
    # Ninh Bình only).
    for product in three_products:
        basket_add(client, product)
    response = checkout_as_guest(client, province=1, ward=4)
    assert response.status_code == 302 and response["Location"] == "/checkout/thank-you/"

    group = OrderGroup.objects.get()
    assert group.payment_method == "cod"
    assert group.shipping_total == Decimal(135000)
    assert group.total == Decimal(450000)
    for part in group.parts.select_related("order__shipping_address"):
        address = part.order.shipping_address
        assert (address.line3, address.state) == ("Phường Ba Đình", "Thành phố Hà Nội")
        assert part.order.shipping_incl_tax == Decimal(45000)
    thanks = client.get("/checkout/thank-you/").content.decode()
    assert "Phường Ba Đình" in thanks and "Thành phố Hà Nội" in thanks


def test_every_checkout_step_shows_the_charge_for_the_chosen_address(client, three_products):
    for product in three_products:
        basket_add(client, product)
    basket = client.get("/basket/").content.decode()
    # Before an address: the charge inside Ninh Bình with "from", elsewhere beside it.
    assert "từ 30.000" in basket and "45.000" in basket
    assert _address_step(client, []).status_code == 302
    client.get("/checkout/shipping-method/")
    for url in ("/checkout/payment-method/", "/basket/"):
        page = client.get(url).content.decode()
        assert "tỉnh, thành khác trong cả nước" in page, url
        assert page.count("45.000") >= 3, url
        assert "585.000" not in page and "450.000" in page, url
    client.post("/checkout/payment-method/", {"method": "cod"})
    preview = client.get("/checkout/preview/").content.decode()
    assert "450.000" in preview and "135.000" in preview


def test_a_ward_of_another_province_is_refused_and_nothing_is_placed(client, three_products):
    # Phường Ba Đình (Hà Nội) sent with Ninh Bình, as a tampered form would.
    response = _address_step(client, three_products[:1], province=37, ward=4)
    assert response.status_code == 200
    page = response.content.decode()
    assert "không thuộc Ninh Bình" in page
    # no address was kept: the next steps send her back, nothing is placed
    assert client.get("/checkout/payment-method/").status_code == 302
    assert client.post("/checkout/preview/", {"action": "place_order"}).status_code == 302
    assert not Order.objects.exists() and not OrderGroup.objects.exists()


@pytest.mark.parametrize("ward", ["abc", "999999", ""])
def test_a_missing_or_unknown_ward_is_refused_without_an_error_page(client, three_products, ward):
    response = _address_step(client, three_products[:1], ward=ward)
    assert response.status_code == 200
    assert 'class="error-block"' in response.content.decode()


def test_a_landline_is_refused_the_courier_needs_a_mobile(client, three_products):
    response = _address_step(client, three_products[:1], phone_number="0229 3871 234")
    assert response.status_code == 200
    assert "số di động" in response.content.decode()


def test_without_javascript_choosing_the_province_lists_its_wards_without_errors(
    client, three_products
):
    response = _address_step(client, three_products[:1], action="choose_province", ward="")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-block"' not in page
    assert re.search(r'<option value="4"\s*>Phường Ba Đình</option>', page)
    assert "Xã Kim Sơn" not in page  # a Ninh Bình commune
    assert not OrderGroup.objects.exists()


def test_the_type_ahead_ignores_accents_and_case(client, db):
    found = client.get("/checkout/delivery-areas/", {"q": "ha noi"}).json()["results"]
    assert [unit["name"] for unit in found] == ["Thành phố Hà Nội"]
    found = client.get("/checkout/delivery-areas/", {"province": 1, "q": "PHUONG ba dinh"})
    assert [unit["name"] for unit in found.json()["results"]] == ["Phường Ba Đình"]
    found = client.get("/checkout/delivery-areas/", {"province": 37, "q": "hoa lu"}).json()
    assert "Phường Hoa Lư" in [unit["name"] for unit in found["results"]]
    assert len(client.get("/checkout/delivery-areas/").json()["results"]) == 34


@pytest.mark.parametrize("province", ["x", "0", "999"])
def test_the_type_ahead_refuses_an_unknown_province_plainly(client, db, province):
    response = client.get("/checkout/delivery-areas/", {"province": province, "q": "a"})
    assert response.status_code == 400 and "error" in response.json()


def test_an_address_whose_ward_vanished_after_a_data_upgrade_still_shows_as_written(
    client, three_products, monkeypatch
):
    for product in three_products:
        basket_add(client, product)
    assert checkout_as_guest(client, province=1, ward=4).status_code == 302
    group = OrderGroup.objects.get()

    # The next data package merges Phường Ba Đình away.
    merged = {
        code: tuple(unit for unit in units if unit.code != 4)
        for code, units in destinations._wards().items()
    }
    monkeypatch.setattr(destinations, "_wards", lambda: merged)
    assert destinations.ward_get(1, 4) is None

    page = client.get("/checkout/thank-you/").content.decode()
    assert "Phường Ba Đình" in page and "Thành phố Hà Nội" in page
    address = group.parts.first().order.shipping_address
    assert (address.line3, address.state) == ("Phường Ba Đình", "Thành phố Hà Nội")
