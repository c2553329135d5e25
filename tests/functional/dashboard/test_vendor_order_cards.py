"""Her orders as cards on a phone, one button for the next step, shipping with a carrier
from the list, and the shopper's link to follow the parcel."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from checkout.status_links import order_status_path
from marketplace.models import VendorOrder
from tests.factories import product_create

pytestmark = pytest.mark.django_db

EXPECTED = {
    "anonymous": "login",
    "shopper": 403,
    "member of vendor A": 200,
    "member of vendor B": 404,
    "Union staff": 403,
}


@pytest.fixture
def rice(people):
    return product_create("Gạo tám", stock=50, vendor=people["vendor A"])


def card(html: str, number: str) -> str:
    """The card of order ``number``: from its opening to the next card or the pagination."""
    assert f'data-order="{number}"' in html, f"no card for {number}"
    return html.split(f'data-order="{number}"', 1)[1].split('class="card order-card', 1)[0]


def test_each_order_is_a_card_with_the_buyer_a_phone_to_tap_and_one_next_step(
    client, people, rice, place_order
):
    new = place_order(rice).parts.get()
    confirmed = place_order(rice, steps=["confirm"]).parts.get()
    shipped = place_order(rice, steps=["confirm", "ship"]).parts.get()
    client.force_login(people["member of vendor A"])
    html = client.get("/dashboard/my-orders/").content.decode()
    assert "<table" not in html

    first = card(html, new.order.number)
    assert "Nguyễn Thị Lan" in first
    assert 'href="tel:0912345678"' in first and "0912 345 678" in first
    assert "Số 5, thôn Văn Lâm, Phường Hoa Lư, Ninh Bình" in first
    assert "1 × Gạo tám" in first
    assert f'action="/dashboard/my-orders/{new.pk}/"' in first
    assert 'value="confirm"' in first and "Xác nhận đơn hàng" in first
    assert first.count('class="btn') == 1

    second = card(html, confirmed.order.number)
    assert f'href="/dashboard/my-orders/{confirmed.pk}/#ship"' in second
    assert "Giao cho đơn vị vận chuyển" in second
    third = card(html, shipped.order.number)
    assert 'value="deliver"' in third


def test_the_confirm_button_of_a_card_confirms(client, people, rice, place_order):
    part = place_order(rice).parts.get()
    client.force_login(people["member of vendor A"])
    response = client.post(f"/dashboard/my-orders/{part.pk}/", {"action": "confirm"})
    assert response.status_code == 302
    part.order.refresh_from_db()
    assert part.order.status == "Confirmed"


def test_the_order_list_costs_the_same_queries_for_many_orders(client, people, rice, place_order):
    place_order(rice)
    client.force_login(people["member of vendor A"])
    client.get("/dashboard/my-orders/")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/dashboard/my-orders/").status_code == 200
        return len(captured)

    before = queries()
    honey = product_create("Mật ong", stock=50, vendor=people["vendor A"])
    for _ in range(5):
        place_order(rice, honey)
    assert queries() == before


def test_shipping_picks_a_carrier_from_the_list(client, people, rice, place_order):
    part = place_order(rice, steps=["confirm"]).parts.get()
    client.force_login(people["member of vendor A"])
    html = client.get(f"/dashboard/my-orders/{part.pk}/").content.decode()
    options = re.findall(r'<option value="(\w*)"', html.split('id="ship"', 1)[1])
    assert options == ["", "vnpost", "viettelpost", "ghn", "ghtk", "jt", "other"]
    assert 'href="/help/selling/packing/"' in html
    client.post(
        f"/dashboard/my-orders/{part.pk}/",
        {"action": "ship", "carrier": "jt", "tracking_number": " 8412 "},
    )
    part.refresh_from_db()
    assert (part.carrier, part.tracking_number, part.order.status) == ("jt", "8412", "Shipped")


@pytest.mark.parametrize(
    "carrier,number,link",
    [
        ("ghn", "GHN12345", "https://donhang.ghn.vn/?order_code=GHN12345"),
        ("vnpost", "EB123VN", "https://www.vnpost.vn/vi-vn/dinh-vi/buu-pham?key=EB123VN"),
        ("ghtk", "S1.A2", "https://i.ghtk.vn/S1.A2"),
        ("jt", "8412", "https://jtexpress.vn/vi/tracking?type=track&amp;billcode=8412"),
        ("viettelpost", "VTP1", "https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/"),
        ("other", "XK-77", None),
    ],
)
def test_the_shopper_follows_her_parcel_on_the_carriers_site(
    client, people, rice, place_order, carrier, number, link
):
    group = place_order(rice, steps=["confirm"])
    part = group.parts.get()
    client.force_login(people["member of vendor A"])
    client.post(
        f"/dashboard/my-orders/{part.pk}/",
        {"action": "ship", "carrier": carrier, "tracking_number": number},
    )
    client.logout()
    html = client.get(order_status_path(group)).content.decode()
    assert number in html
    if link is None:
        assert 'class="tracking-link"' not in html
    else:
        assert f'<a class="tracking-link" href="{link}"' in html


@pytest.mark.parametrize("who", EXPECTED)
@pytest.mark.parametrize("url", ["/dashboard/my-orders/{pk}/"])
def test_an_orders_page_is_her_cooperatives_only(client, people, rice, place_order, who, url):
    part = place_order(rice).parts.get()
    if people[who] is not None:
        client.force_login(people[who])
    response = client.get(url.format(pk=part.pk))
    if EXPECTED[who] == "login":
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code == EXPECTED[who]
    if who != "member of vendor A":
        client.post(url.format(pk=part.pk), {"action": "confirm"})
        assert VendorOrder.objects.get(pk=part.pk).order.status == "Pending"


def test_another_cooperatives_list_does_not_show_her_orders(client, people, rice, place_order):
    part = place_order(rice).parts.get()
    client.force_login(people["member of vendor B"])
    html = client.get("/dashboard/my-orders/").content.decode()
    assert part.order.number not in html and "Nguyễn Thị Lan" not in html
