"""A product is visible, searchable and on sale only once the Union approves its listing."""

import pytest
from django.contrib.auth import get_user_model

from marketplace.models import Listing, ModerationEvent
from marketplace.selectors import products_for_sale
from search.database import product_search
from tests.factories import product_create

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def world(home_page, people):
    waiting = product_create(
        "Miến dong chờ duyệt", vendor=people["vendor A"], listing_status="pending"
    )
    return {**people, "listing": waiting.listing, "product": waiting}


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


def test_a_waiting_listing_is_hidden_everywhere(client, world):
    product = world["product"]
    assert product not in products_for_sale()
    assert list(product_search(query="mien dong").products) == []
    assert client.get(product.get_absolute_url()).status_code == 404
    assert "Miến dong chờ duyệt" not in client.get("/catalogue/").content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 404),
        ("shopper", 404),
        ("member of vendor B", 404),
        ("member of vendor A", 200),
        ("Union staff", 200),
    ],
)
def test_who_may_preview_a_waiting_product(client, world, who, status):
    response = login(client, world[who]).get(world["product"].get_absolute_url())
    assert response.status_code == status


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", "login"),
        ("shopper", 403),
        ("member of vendor A", 403),
        ("member of vendor B", 403),
        ("Union staff", 200),
    ],
)
@pytest.mark.parametrize("url", ["/dashboard/listings/", "/dashboard/listings/{pk}/"])
def test_who_may_read_the_listing_queue(client, world, who, expected, url):
    response = login(client, world[who]).get(url.format(pk=world["listing"].pk))
    if expected == "login":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expected


@pytest.mark.parametrize(
    "who",
    [
        "anonymous",
        "shopper",
        "member of vendor A",
        "member of vendor B",
        "Union staff of another district",
    ],
)
def test_only_union_staff_decide(client, world, who):
    response = login(client, world[who]).post(
        f"/dashboard/listings/{world['listing'].pk}/", {"decision": "approve"}
    )
    assert response.status_code in {302, 403, 404}
    if response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
    world["listing"].refresh_from_db()
    assert world["listing"].status == Listing.Status.PENDING


def test_approval_publishes_and_is_logged(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["Union staff"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/dashboard/listings/{world['listing'].pk}/", {"decision": "approve"}
        )
    assert response.status_code == 302
    product = world["product"]
    assert product in products_for_sale()
    assert [p.title for p in product_search(query="mien dong").products] == [product.title]
    client.logout()
    assert client.get(product.get_absolute_url()).status_code == 200
    event = ModerationEvent.objects.get(action="listing_approved")
    assert event.product == product and event.actor == world["Union staff"]


def test_rejection_needs_a_reason_that_the_member_sees(client, world):
    client.force_login(world["Union staff"])
    url = f"/dashboard/listings/{world['listing'].pk}/"
    assert client.post(url, {"decision": "reject", "reason": ""}).status_code == 400
    client.post(url, {"decision": "reject", "reason": "Ảnh bị mờ"})
    world["listing"].refresh_from_db()
    assert world["listing"].status == Listing.Status.REJECTED

    client.force_login(world["member of vendor A"])
    page = client.get("/dashboard/my-listings/").content.decode()
    assert "Ảnh bị mờ" in page
    assert "Miến dong chờ duyệt" in page


def test_a_member_resubmits_her_corrected_product(client, world):
    listing = world["listing"]
    listing.status = Listing.Status.REJECTED
    listing.save()
    client.force_login(world["member of vendor A"])
    response = client.post("/dashboard/my-listings/", {"product": world["product"].pk})
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING
    assert ModerationEvent.objects.filter(action="listing_submitted").count() == 1


def test_a_member_cannot_submit_another_vendors_product(client, world):
    client.force_login(world["member of vendor B"])
    response = client.post("/dashboard/my-listings/", {"product": world["product"].pk})
    assert response.status_code == 404
    assert not ModerationEvent.objects.filter(action="listing_submitted").exists()
    page = client.get("/dashboard/my-listings/").content.decode()
    assert "Miến dong chờ duyệt" not in page


@pytest.mark.parametrize("who", ["anonymous", "shopper"])
def test_my_listings_is_for_members(client, world, who):
    response = login(client, world[who]).get("/dashboard/my-listings/")
    if who == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("value", ["", "abc", "999999", "1 OR 1=1"])
def test_bad_product_ids_are_404(client, world, value):
    client.force_login(world["member of vendor A"])
    assert client.post("/dashboard/my-listings/", {"product": value}).status_code == 404
