"""A shopper's basket with products of three cooperatives, and the steps to check out."""

from __future__ import annotations

import pytest

from marketplace.models import Vendor
from tests.factories import product_create, vendor_create


@pytest.fixture
def three_vendors(db) -> list[Vendor]:
    return [
        vendor_create(
            "Hợp tác xã Cói Kim Sơn",
            shipping_fee=30000,
            free_shipping_from=300000,
            email="coi@example.vn",
        ),
        vendor_create("Tổ hợp tác Cơm cháy Hoa Lư", shipping_fee=25000, email="comchay@example.vn"),
        vendor_create("Hộ kinh doanh Rượu Kim Sơn", shipping_fee=20000, email="ruou@example.vn"),
    ]


@pytest.fixture
def three_products(three_vendors) -> list:
    return [
        product_create("Làn cói", price=120000, stock=5, vendor=three_vendors[0]),
        product_create("Cơm cháy chà bông", price=45000, stock=5, vendor=three_vendors[1]),
        product_create("Rượu nếp cái hoa vàng", price=150000, stock=1, vendor=three_vendors[2]),
    ]


def basket_add(client, product, quantity: int = 1):
    response = client.post(f"/basket/add/{product.pk}/", {"quantity": quantity})
    assert response.status_code == 302, response.content[:500]


# Phường Hoa Lư, Ninh Bình (the cooperatives' province), and Phường Ba Đình, Hà Nội.
HOA_LU = {"province": 37, "ward": 14329}
BA_DINH = {"province": 1, "ward": 4}


def checkout_as_guest(client, *, email="lan@example.vn", method="cod", province=37, ward=14329):
    """Walk Oscar's steps like a guest; return the response of placing the order."""
    response = client.post("/checkout/", {"username": email, "options": "anonymous"})
    assert response.status_code == 302, response.content[:2000]
    response = client.post(
        "/checkout/shipping-address/",
        {
            "first_name": "Nguyễn Thị Lan",
            "phone_number": "0912 345 678",
            "province": province,
            "ward": ward,
            "line1": "Số 5, thôn Văn Lâm",
            "notes": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    response = client.get("/checkout/shipping-method/")
    assert response.status_code == 302
    response = client.post("/checkout/payment-method/", {"method": method})
    assert response.status_code == 302, response.content.decode()[-2000:]
    return client.post("/checkout/preview/", {"action": "place_order"})
