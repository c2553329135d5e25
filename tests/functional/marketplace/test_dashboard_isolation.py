"""A cooperative member reaches only her own vendor's products in Oscar's dashboard."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import product_create

pytestmark = pytest.mark.django_db

User = get_user_model()

EXPECTED = {
    "anonymous": "login",
    "shopper": 403,
    "member of vendor A": 200,
    "member of vendor B": 404,
    "Union staff": 200,
}


@pytest.fixture
def world(people):
    return {**people, "product": product_create("Gạo nếp cái hoa vàng", vendor=people["vendor A"])}


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("who", EXPECTED)
def test_product_edit_page(client, world, who):
    response = login(client, world[who]).get(
        f"/dashboard/catalogue/products/{world['product'].pk}/"
    )
    if EXPECTED[who] == "login":
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code == EXPECTED[who]


@pytest.mark.parametrize("who", ["anonymous", "shopper", "member of vendor B"])
def test_others_cannot_change_the_product(client, world, who):
    product = world["product"]
    response = login(client, world[who]).post(
        f"/dashboard/catalogue/products/{product.pk}/", {"title": "Bị sửa trộm"}
    )
    assert response.status_code in {302, 403, 404}
    product.refresh_from_db()
    assert product.title == "Gạo nếp cái hoa vàng"


def test_a_member_lists_only_her_vendors_products(client, world):
    product_create(
        "Sản phẩm của B", vendor=world["member of vendor B"].vendor_memberships.get().vendor
    )
    client.force_login(world["member of vendor A"])
    html = client.get("/dashboard/catalogue/").content.decode()
    assert "Gạo nếp cái hoa vàng" in html
    assert "Sản phẩm của B" not in html
