"""A member's "Today": what waits for her, counted for her cooperative only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace.models import Listing, ListingRevision
from tests.factories import product_create

pytestmark = pytest.mark.django_db

EXPECTED = {
    "anonymous": "login",
    "shopper": 403,
    "member of vendor A": 200,
    "Union staff": 403,  # staff keep Oscar's index; "Today" is a cooperative's page
}


@pytest.fixture
def her_day(people, place_order):
    vendor_a, vendor_b = people["vendor A"], people["vendor B"]
    rice = product_create("Gạo tám", stock=50, vendor=vendor_a)
    honey = product_create("Mật ong", stock=2, vendor=vendor_a)  # low: 2 of 5
    other = product_create("Chiếu cói", stock=1, vendor=vendor_b)  # low, but not hers
    place_order(rice)  # new
    place_order(rice, other)  # new for her and for B
    place_order(honey, steps=["confirm"])  # to ship
    place_order(rice, steps=["confirm", "ship"])  # on its way: nothing to do
    product_create("Miến dong", vendor=vendor_a, listing_status="pending")
    refused = product_create("Rượu nếp", vendor=vendor_a, listing_status="rejected")
    Listing.objects.filter(product=refused).update(
        reason="Ảnh bị mờ, chụp lại giúp Hội.", decided_at=timezone.now()
    )
    ListingRevision.objects.create(listing=rice.listing, data={"title": "Gạo tám thơm"})
    product_create("Của B chờ duyệt", vendor=vendor_b, listing_status="pending")
    return {**people, "refused product": refused}


def test_today_counts_what_waits_for_her_and_links_to_it(client, her_day):
    client.force_login(her_day["member of vendor A"])
    response = client.get("/dashboard/today/")
    today = response.context["today"]
    assert (today["to_confirm"], today["to_ship"]) == (2, 1)
    assert (today["waiting"], today["refused"], today["low_stock"]) == (2, 1, 1)
    html = response.content.decode()
    assert 'href="/dashboard/my-orders/?status=Pending"' in html
    assert 'href="/dashboard/my-orders/?status=Confirmed"' in html
    assert "2</span>" in html and "đơn hàng mới cần xác nhận" in html
    assert "Rượu nếp" in html and "Ảnh bị mờ, chụp lại giúp Hội." in html
    # The refused product opens where she reads why, fixes it and sends it again.
    assert f'href="/dashboard/my-listings/{her_day["refused product"].pk}/"' in html
    assert "Mật ong" in html and "Chiếu cói" not in html and "Của B" not in html
    assert 'href="/help/selling/"' in html


def test_a_member_with_nothing_to_do_is_told_so(client, people):
    client.force_login(people["member of vendor B"])
    html = client.get("/dashboard/today/").content.decode()
    assert "Hôm nay chưa có việc gì cần làm." in html
    # Her most common task is one tap away from where her day starts.
    assert 'id="add_product"' in html and 'href="/dashboard/my-listings/new/"' in html


def test_today_counts_in_a_fixed_number_of_queries(client, her_day, place_order):
    client.force_login(her_day["member of vendor A"])
    client.get("/dashboard/today/")  # warm the session and the site's caches

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/dashboard/today/").status_code == 200
        return len(captured)

    before = queries()
    vendor_a = her_day["vendor A"]
    for n in range(6):
        product = product_create(f"Sản phẩm {n}", stock=1, vendor=vendor_a)
        place_order(product)
        product_create(f"Bị từ chối {n}", vendor=vendor_a, listing_status="rejected")
    assert queries() == before


@pytest.mark.parametrize("who", EXPECTED)
def test_today_is_a_members_page(client, people, who):
    if people[who] is not None:
        client.force_login(people[who])
    response = client.get("/dashboard/today/")
    if EXPECTED[who] == "login":
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code == EXPECTED[who]
