"""No member reads an order that holds another cooperative's lines."""

import pytest
from oscar.apps.partner.strategy import Default
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from tests.factories import product_create

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")

EXPECTED = {
    "anonymous": "login",
    "shopper": 403,
    "member of vendor A": 403,
    "member of vendor B": 403,
    "Union staff": 200,
}


@pytest.fixture
def mixed_order(people):
    basket = Basket.objects.create()
    basket.strategy = Default()
    basket.add_product(product_create("Gạo tám", vendor=people["vendor A"]))
    basket.add_product(product_create("Chiếu cói", vendor=people["vendor B"]))
    order = create_order(basket=basket)
    return order


@pytest.mark.parametrize("who", EXPECTED)
@pytest.mark.parametrize(
    "url",
    [
        "/dashboard/orders/",
        "/dashboard/orders/statistics/",
        "/dashboard/orders/{number}/",
        "/dashboard/orders/{number}/lines/{line}/",
    ],
)
def test_order_pages(client, people, mixed_order, who, url):
    if people[who] is not None:
        client.force_login(people[who])
    line = mixed_order.lines.first()
    response = client.get(url.format(number=mixed_order.number, line=line.pk))
    if EXPECTED[who] == "login":
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code == EXPECTED[who]


def test_members_start_from_today_and_see_no_order_menu(client, people):
    client.force_login(people["member of vendor A"])
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/today/"
    assert "/dashboard/orders/" not in client.get("/dashboard/my-listings/").content.decode()


def test_staff_keep_oscars_dashboard_index(client, people):
    client.force_login(people["Union staff"])
    assert client.get("/dashboard/").status_code == 200
