"""Who may reach the Union's vendor queue, and what each decision does."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from marketplace.models import ModerationEvent, Vendor
from tests.factories import vendor_create

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def world(people):
    viewer = User.objects.create_user("xem", "xem@example.vn", "x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_vendor"))
    return {**people, "vendor": people["vendor A"], "view-only staff": viewer}


def as_(client, user):
    if user is not None:
        client.force_login(user)
    return client


READERS = {
    "anonymous": "login",
    "shopper": 403,
    "member of vendor A": 403,
    "member of vendor B": 403,
    "Union staff": 200,
    "view-only staff": 200,
}


@pytest.mark.parametrize("who", READERS)
@pytest.mark.parametrize(
    "url", ["/dashboard/vendors/", "/dashboard/vendors/events/", "/dashboard/vendors/{pk}/"]
)
def test_reading_the_queue(client, world, who, url):
    response = as_(client, world[who]).get(url.format(pk=world["vendor"].pk))
    expected = READERS[who]
    if expected == "login":
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expected


DECIDERS = {
    "anonymous": "login",
    "shopper": 403,
    "member of vendor A": 403,
    "member of vendor B": 403,
    "view-only staff": 403,
    # Vendor A sells from Hoa Lư: to staff of Kim Sơn it does not exist.
    "Union staff of another district": 404,
    "Union staff": 302,
}


@pytest.mark.parametrize("who", DECIDERS)
def test_deciding(client, world, who, mailoutbox):
    vendor = world["vendor"]
    response = as_(client, world[who]).post(
        f"/dashboard/vendors/{vendor.pk}/",
        {"action": ModerationEvent.Action.VENDOR_SUSPENDED, "reason": "Kiểm tra nguồn gốc"},
    )
    vendor.refresh_from_db()
    if DECIDERS[who] == 302:
        assert response.status_code == 302
        assert vendor.status == Vendor.Status.SUSPENDED
        assert vendor.events.get().actor == world["Union staff"]
    else:
        if DECIDERS[who] == "login":
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == DECIDERS[who]
        assert vendor.status == Vendor.Status.APPROVED
        assert not vendor.events.exists()


def test_an_impossible_decision_is_explained_and_changes_nothing(client, world):
    vendor = world["vendor"]
    client.force_login(world["Union staff"])
    response = client.post(
        f"/dashboard/vendors/{vendor.pk}/", {"action": ModerationEvent.Action.VENDOR_APPROVED}
    )
    assert response.status_code == 400
    assert "không thể" in response.content.decode().lower()
    vendor.refresh_from_db()
    assert vendor.status == Vendor.Status.APPROVED
    assert not vendor.events.exists()


@pytest.mark.parametrize("data", [{}, {"action": "drop_table"}, {"action": "vendor_rejected"}])
def test_malformed_decisions_are_refused(client, world, data):
    client.force_login(world["Union staff"])
    response = client.post(f"/dashboard/vendors/{world['vendor'].pk}/", data)
    assert response.status_code == 400
    assert not world["vendor"].events.exists()


def test_unknown_vendor_is_404(client, world):
    client.force_login(world["Union staff"])
    assert client.get("/dashboard/vendors/999999/").status_code == 404
    assert (
        client.post("/dashboard/vendors/999999/", {"action": "vendor_approved"}).status_code == 404
    )


def test_queue_shows_applications_oldest_first_and_tabs_by_status(client, world):
    first = vendor_create("Hộ kinh doanh Một", status=Vendor.Status.APPLIED)
    second = vendor_create("Hộ kinh doanh Hai", status=Vendor.Status.APPLIED)
    client.force_login(world["Union staff"])
    assert list(client.get("/dashboard/vendors/").context["vendors"]) == [first, second]
    approved = client.get("/dashboard/vendors/?status=approved").context["vendors"]
    assert world["vendor"] in approved
    assert list(client.get("/dashboard/vendors/?status=bogus").context["vendors"]) == [
        first,
        second,
    ]


def test_audit_log_filters(client, world):
    client.force_login(world["Union staff"])
    other = vendor_create("Hộ kinh doanh Ba", status=Vendor.Status.APPLIED)
    client.post(
        f"/dashboard/vendors/{world['vendor'].pk}/",
        {"action": "vendor_suspended", "reason": "Kiểm tra"},
    )
    client.post(f"/dashboard/vendors/{other.pk}/", {"action": "vendor_approved"})
    log = client.get("/dashboard/vendors/events/?action=vendor_suspended")
    assert [e.vendor for e in log.context["events"]] == [world["vendor"]]
    log = client.get(f"/dashboard/vendors/events/?vendor={other.slug}")
    assert [e.action for e in log.context["events"]] == ["vendor_approved"]
    log = client.get("/dashboard/vendors/events/?actor=canbo&action=nonsense")
    assert len(log.context["events"]) == 2


def test_union_staff_see_the_vendor_menu_and_members_do_not(client, world):
    client.force_login(world["Union staff"])
    assert "/dashboard/vendors/" in client.get("/dashboard/").content.decode()
    client.force_login(world["member of vendor A"])
    response = client.get("/dashboard/", follow=True)
    assert response.status_code == 200
    assert "/dashboard/vendors/" not in response.content.decode()
