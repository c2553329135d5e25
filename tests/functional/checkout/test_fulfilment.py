"""Each cooperative sees and fulfils only its own part; the shopper follows every part."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from oscar.core.loading import get_model

from marketplace.models import OrderGroup
from marketplace.services.vendors import vendor_member_add
from tests.functional.checkout.conftest import basket_add, checkout_as_guest

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed(client, three_products, three_vendors):
    for product in three_products:
        basket_add(client, product)
    checkout_as_guest(client)
    group = OrderGroup.objects.get()
    users = {}
    User = get_user_model()
    for index, vendor in enumerate(three_vendors):
        user = User.objects.create_user(f"m{index}", f"m{index}@example.vn", "x")
        vendor_member_add(vendor=vendor, user=user, role="staff")
        users[vendor.pk] = user
    return group, users


def _part_url(part) -> str:
    return f"/dashboard/my-orders/{part.pk}/"


def test_a_member_lists_and_opens_only_her_cooperatives_part(client, placed):
    group, users = placed
    parts = list(group.parts.select_related("vendor", "order"))
    mine, others = parts[0], parts[1:]
    client.force_login(users[mine.vendor_id])
    listing = client.get("/dashboard/my-orders/").content.decode()
    assert mine.order.number in listing
    assert all(other.order.number not in listing for other in others)
    page = client.get(_part_url(mine)).content.decode()
    assert "Nguyễn Thị Lan" in page and "Phường Hoa Lư" in page
    for other in others:
        assert client.get(_part_url(other)).status_code == 404
        assert client.post(_part_url(other), {"action": "confirm"}).status_code == 404
        other.order.refresh_from_db()
        assert other.order.status == "Pending"


@pytest.mark.parametrize("who", ["anonymous", "shopper"])
def test_people_outside_a_cooperative_cannot_open_its_orders(client, placed, who):
    group, _ = placed
    part = group.parts.first()
    if who == "shopper":
        client.force_login(get_user_model().objects.create_user("k", "k@example.vn", "x"))
    response = client.get(_part_url(part))
    assert response.status_code == (302 if who == "anonymous" else 403)
    assert client.post(_part_url(part), {"action": "cancel"}).status_code in (302, 403)
    part.order.refresh_from_db()
    assert part.order.status == "Pending"


def test_confirm_ship_deliver_and_collect_the_cash(
    client, placed, django_capture_on_commit_callbacks
):
    group, users = placed
    part = group.parts.select_related("order").get(vendor__partner__name__contains="Rượu")
    client.force_login(users[part.vendor_id])
    url = _part_url(part)

    # shipping before confirming is refused with a message, and changes nothing
    client.post(url, {"action": "ship", "carrier": "viettelpost"})
    part.refresh_from_db()
    assert part.order.status == "Pending" and not part.shipped_at

    client.post(url, {"action": "confirm"})
    # a parcel needs a carrier
    response = client.post(url, {"action": "ship", "carrier": ""})
    assert response.status_code == 200
    assert "Hãy cho biết đơn vị vận chuyển kiện hàng." in response.content.decode()
    # and a carrier from the list
    response = client.post(url, {"action": "ship", "carrier": "Xe khách", "tracking_number": "1"})
    assert "Hãy chọn đơn vị vận chuyển trong danh sách." in response.content.decode()
    part.refresh_from_db()
    assert not part.shipped_at and not part.carrier
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "ship", "carrier": "ghn", "tracking_number": "VTP123"})
    part.refresh_from_db()
    part.order.refresh_from_db()
    assert part.order.status == "Shipped" and part.tracking_number == "VTP123"
    assert part.carrier == "ghn"
    record = StockRecord.objects.get(product__title="Rượu nếp cái hoa vàng")
    assert (record.num_in_stock, record.num_allocated) == (0, 0)  # the unit left the shelf
    shipped = next(m.body for m in mail.outbox if m.to == ["lan@example.vn"] and "VTP123" in m.body)
    assert "GHN" in shipped and "https://donhang.ghn.vn/?order_code=VTP123" in shipped

    client.post(url, {"action": "collect_cash"})  # not before delivery
    part.refresh_from_db()
    assert part.cash_collected_at is None
    client.post(url, {"action": "deliver"})
    client.post(url, {"action": "collect_cash"})
    part.refresh_from_db()
    assert part.order.status == "Delivered" and part.cash_collected_at is not None

    # the shopper's status page shows this part delivered, the others still new
    page = client.get("/orders/status/", {"number": group.number, "email": group.email})
    assert page.content.decode().count('class="badge badge-dark order-status"') == 3


def test_cancelling_gives_the_stock_back(client, placed):
    group, users = placed
    part = group.parts.get(vendor__partner__name__contains="Rượu")
    client.force_login(users[part.vendor_id])
    client.post(_part_url(part), {"action": "cancel"})
    part.order.refresh_from_db()
    assert part.order.status == "Cancelled"
    record = StockRecord.objects.get(product__title="Rượu nếp cái hoa vàng")
    assert record.num_allocated == 0 and record.net_stock_level == 1


def test_a_signed_in_shopper_sees_one_history_entry_with_three_parts(client, three_products):
    user = get_user_model().objects.create_user("lan", "lan@example.vn", "x")
    client.force_login(user)
    for product in three_products:
        basket_add(client, product)
    client.post(
        "/checkout/shipping-address/",
        {
            "first_name": "Lan",
            "phone_number": "0912345678",
            "province": 37,
            "ward": 14329,
            "line1": "Số 5",
        },
    )
    client.get("/checkout/shipping-method/")
    client.post("/checkout/payment-method/", {"method": "cod"})
    assert client.post("/checkout/preview/", {"action": "place_order"}).status_code == 302
    group = OrderGroup.objects.get()
    assert group.user == user
    history = client.get("/accounts/orders/").content.decode()
    assert history.count('class="card mb-4 order-group"') == 1
    assert history.count('class="order-part"') == 3
    # her address is saved for next time
    assert user.addresses.filter(line3="Phường Hoa Lư", state="Ninh Bình").exists()
