"""Only approved products of approved vendors can be bought."""

import pytest
from oscar.core.loading import get_model

from marketplace.models import Vendor
from tests.factories import product_create, vendor_create

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")


def add(client, product):
    return client.post(f"/basket/add/{product.pk}/", {"quantity": 1}, HTTP_REFERER="/")


def basket_titles(client):
    return [line.product.title for line in client.get("/basket/").context["basket"].all_lines()]


def test_a_product_for_sale_goes_into_the_basket(client, home_page):
    product = product_create("Cơm cháy chà bông")
    assert add(client, product).status_code == 302
    assert basket_titles(client) == ["Cơm cháy chà bông"]


@pytest.mark.parametrize(
    ("listing", "vendor_status"),
    [
        ("pending", Vendor.Status.APPROVED),
        ("rejected", Vendor.Status.APPROVED),
        ("approved", Vendor.Status.SUSPENDED),
        ("approved", Vendor.Status.APPLIED),
    ],
)
def test_products_not_for_sale_cannot_be_bought(client, home_page, listing, vendor_status):
    vendor = vendor_create("Hợp tác xã Thử", status=vendor_status)
    product = product_create("Sản phẩm chưa bán", vendor=vendor, listing_status=listing)
    assert add(client, product).status_code == 404
    assert basket_titles(client) == []


def test_unknown_products_are_404(client, home_page):
    assert client.post("/basket/add/999999/", {"quantity": 1}).status_code == 404
