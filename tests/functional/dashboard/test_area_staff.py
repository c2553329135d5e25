"""Union staff attached to a district see that district only (marketplace.permissions.area_scoped).

Vendors A and B sell from Ninh Hải, in Hoa Lư. Staff of Hoa Lư see them;
staff of Kim Sơn ("another district") find their vendors, listings, changes,
contest entries and reports refused or absent, as a stranger would; staff
attached to no area see the whole province.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.models import ContestEntry
from marketplace.models import ListingRevision, ModerationEvent, StaffArea, Vendor
from marketplace.services.roles import roles_sync
from tests.factories import contest_create, product_create
from tests.images import png_bytes

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def world(people, home_page):
    vendor = people["vendor A"]
    waiting = product_create("Miến dong chờ duyệt", vendor=vendor, listing_status="pending")
    approved = product_create("Gạo nếp cái", vendor=vendor)
    revision = ListingRevision.objects.create(listing=approved.listing, data={"title": "Gạo mới"})
    ModerationEvent.objects.create(vendor=vendor, action=ModerationEvent.Action.VENDOR_APPLIED)
    entry = ContestEntry.objects.create(
        contest=contest_create(home_page),
        user=people["member of vendor A"],
        caption="Áo dài của Hợp tác xã A",
        image=SimpleUploadedFile("a.png", png_bytes(), content_type="image/png"),
    )
    hoa_lu = User.objects.create_user("canbo-hoalu", "hl@example.vn", "x", is_staff=True)
    hoa_lu.groups.add(roles_sync())
    StaffArea.objects.create(user=hoa_lu, area=vendor.commune.parent)
    return {
        **people,
        "Union staff of Hoa Lư": hoa_lu,
        "vendor": vendor,
        "listing": waiting.listing,
        "revision": revision,
        "entry": entry,
    }


DETAIL_PAGES = {
    "vendor": "/dashboard/vendors/{vendor}/",
    "listing": "/dashboard/listings/{listing}/",
    "listing change": "/dashboard/listings/changes/{revision}/",
    "report of Hoa Lư": "/dashboard/reports/?area={district}",
    "report of Ninh Hải": "/dashboard/reports/?area={commune}",
}
# Each row: who, and what the detail pages answer her (the existing matrices' codes).
ROWS = {
    "Union staff": 200,
    "Union staff of Hoa Lư": 200,
    "Union staff of another district": {"report": 403, "other": 404},
}


def _url(world, page: str) -> str:
    vendor = world["vendor"]
    return DETAIL_PAGES[page].format(
        vendor=vendor.pk,
        listing=world["listing"].pk,
        revision=world["revision"].pk,
        district=vendor.commune.parent_id,
        commune=vendor.commune_id,
    )


@pytest.mark.parametrize("page", DETAIL_PAGES)
@pytest.mark.parametrize("who", ROWS)
def test_detail_pages(client, world, who, page):
    client.force_login(world[who])
    expected = ROWS[who]
    if isinstance(expected, dict):
        expected = expected["report" if page.startswith("report") else "other"]
    response = client.get(_url(world, page))
    assert response.status_code == expected
    if expected != 200:
        assert "Hợp tác xã A" not in response.content.decode()


QUEUES = {
    "vendors applying": ("/dashboard/vendors/?status=approved", "Hợp tác xã A"),
    "moderation log": ("/dashboard/vendors/events/", "Hợp tác xã A"),
    "listings": ("/dashboard/listings/", "Miến dong chờ duyệt"),
    "listing changes": ("/dashboard/listings/", "Gạo nếp cái"),
    "contest entries": ("/cms/snippets/cms/contestentry/", "Áo dài của Hợp tác xã A"),
}


@pytest.mark.parametrize("queue", QUEUES)
@pytest.mark.parametrize("who", ROWS)
def test_queues_list_only_her_area(client, world, who, queue):
    url, text = QUEUES[queue]
    client.force_login(world[who])
    response = client.get(url)
    assert response.status_code == 200
    shown = text in response.content.decode()
    assert shown == (who != "Union staff of another district")


def test_staff_of_another_district_cannot_decide(client, world):
    client.force_login(world["Union staff of another district"])
    vendor, listing = world["vendor"], world["listing"]
    response = client.post(
        f"/dashboard/vendors/{vendor.pk}/",
        {"action": ModerationEvent.Action.VENDOR_SUSPENDED, "reason": "Không phải địa bàn"},
    )
    assert response.status_code == 404
    response = client.post(f"/dashboard/listings/{listing.pk}/", {"decision": "approve"})
    assert response.status_code == 404
    vendor.refresh_from_db()
    listing.refresh_from_db()
    assert vendor.status == Vendor.Status.APPROVED and listing.status == "pending"


def test_her_reports_start_at_her_district(client, world):
    client.force_login(world["Union staff of Hoa Lư"])
    report = client.get("/dashboard/reports/").context["report"]
    assert report.area == world["vendor"].commune.parent
    assert [child.name for child in report.children] == ["Ninh Hải"]

    def crumbs(**params) -> str:
        page = client.get("/dashboard/reports/", params).content.decode()
        return page.split('class="breadcrumb"')[1].split("</ol>")[0]

    # Her district's report leads nowhere above it; a commune's leads back to her district.
    assert "Ninh Bình" not in crumbs()
    commune = crumbs(area=world["vendor"].commune_id)
    assert "Hoa Lư" in commune and "Ninh Bình" not in commune


def test_a_superuser_sets_the_area_in_the_cms_user_form(client, world):
    admin = User.objects.create_superuser("quantri", "qt@example.vn", "x")
    staff = world["Union staff"]
    kim_son = world["Union staff of another district"].staff_area.area
    client.force_login(admin)
    page = client.get(f"/cms/users/edit/{staff.pk}/").content.decode()
    assert 'name="union_area"' in page
    assert 'name="union_area"' in client.get("/cms/users/new/").content.decode()
    data = {
        "username": staff.username,
        "email": staff.email,
        "first_name": "Mai",
        "last_name": "Nguyễn",
        "is_active": "on",
        "groups": [group.pk for group in staff.groups.all()],
        "union_area": kim_son.pk,
    }
    response = client.post(f"/cms/users/edit/{staff.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert StaffArea.objects.get(user=staff).area == kim_son
    client.post(f"/cms/users/edit/{staff.pk}/", {**data, "union_area": ""})
    assert not StaffArea.objects.filter(user=staff).exists()


def test_a_superuser_sets_the_area_in_the_django_admin(client, world):
    admin = User.objects.create_superuser("quantri", "qt@example.vn", "x")
    client.force_login(admin)
    staff = world["Union staff"]
    page = client.get(f"/django-admin/auth/user/{staff.pk}/change/").content.decode()
    assert "staff_area-0-area" in page
