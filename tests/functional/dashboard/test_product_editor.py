"""The member's product editor: local facts, OCOP certificate rules, review of public facts."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from core.refusals import Refusal
from marketplace.models import ListingRevision, ModerationEvent
from marketplace.services.listings import listing_revision_decide
from marketplace.services.roles import roles_sync
from marketplace.services.vendors import vendor_member_add
from tests.browserless import form_fields, oscar_editor_html
from tests.factories import category_create, commune_create, product_create, vendor_create

pytestmark = pytest.mark.django_db

User = get_user_model()
EDIT = "/dashboard/catalogue/products/{pk}/"
FORM = "form#create_update_product_form"


@pytest.fixture
def shop(home_page):
    vendor = vendor_create("Hợp tác xã Cói Kim Sơn", commune=commune_create("Kim Tân", "Kim Sơn"))
    member = User.objects.create_user("a@example.vn", "a@example.vn", "x")
    vendor_member_add(vendor=vendor, user=member, role="owner")
    staff = User.objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    category = category_create("Cói và mây tre đan > Túi và đồ dùng cói")
    return {"vendor": vendor, "member": member, "staff": staff, "category": category}


def post_edit(client, user, product, **changes):
    client.force_login(user)
    data = form_fields(oscar_editor_html(client, EDIT.format(pk=product.pk)), FORM)
    data.update(changes)
    return client.post(EDIT.format(pk=product.pk), data)


CERTIFIED = {
    "maker": "Chị Phạm Thị Lan",
    "materials": "Cói Kim Sơn, thuốc nhuộm tự nhiên",
    "size": "30 × 20 cm",
    "shelf_life": "",
    "ocop_stars": "4",
    "ocop_certificate_number": "OCOP-NB-2024-117",
    "ocop_issued_on": "2024-03-01",
    "ocop_expires_on": "2027-03-01",
}


def test_a_member_fills_in_the_local_facts_of_a_draft(client, shop):
    product = product_create(
        "Làn cói", vendor=shop["vendor"], category=shop["category"], listing_status="pending"
    )
    origin = commune_create("Kim Sơn", "Kim Sơn")
    response = post_edit(
        client, shop["member"], product, origin_commune=str(origin.pk), **CERTIFIED
    )
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/my-listings/"  # where she sends it for review
    product.refresh_from_db()
    assert product.maker == "Chị Phạm Thị Lan"
    assert product.origin_commune == origin
    assert product.ocop_stars == 4
    assert product.ocop_expires_on == datetime.date(2027, 3, 1)
    assert product.ocop_stars_on(datetime.date(2025, 1, 1)) == 4


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ocop_certificate_number": ""}, "ocop_certificate_number", "số giấy chứng nhận"),
        ({"ocop_issued_on": ""}, "ocop_issued_on", "ngày cấp"),
        ({"ocop_expires_on": "2023-01-01"}, "ocop_expires_on", "không thể hết hạn trước"),
        ({"ocop_stars": ""}, "ocop_stars", "Chọn số sao"),
        ({"ocop_stars": "7"}, "ocop_stars", "lựa chọn hợp lệ"),
        ({"ocop_issued_on": "31/02/2024"}, "ocop_issued_on", "ngày hợp lệ"),
    ],
)
def test_an_incomplete_ocop_certificate_is_refused_with_a_reason(
    client, shop, changes, field, message
):
    product = product_create(
        "Làn cói", vendor=shop["vendor"], category=shop["category"], listing_status="pending"
    )
    response = post_edit(client, shop["member"], product, **{**CERTIFIED, **changes})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    product.refresh_from_db()
    assert product.ocop_stars is None and product.maker == ""


def test_local_facts_of_an_approved_product_wait_for_the_union(client, shop):
    product = product_create("Làn cói", vendor=shop["vendor"], category=shop["category"])
    assert post_edit(client, shop["member"], product, **CERTIFIED).status_code == 302

    product.refresh_from_db()
    assert product.ocop_stars is None and product.maker == ""
    client.logout()
    public = client.get(product.get_absolute_url()).content.decode()
    assert "OCOP-NB-2024-117" not in public and "Phạm Thị Lan" not in public

    revision = ListingRevision.objects.get()
    assert revision.data["ocop_stars"] == 4
    assert revision.data["ocop_expires_on"] == "2027-03-01"
    client.force_login(shop["staff"])
    review = client.get(f"/dashboard/listings/changes/{revision.pk}/").content.decode()
    assert "Chị Phạm Thị Lan" in review and "OCOP-NB-2024-117" in review
    client.post(f"/dashboard/listings/changes/{revision.pk}/", {"decision": "approve"})

    product.refresh_from_db()
    assert product.maker == "Chị Phạm Thị Lan"
    assert product.ocop_issued_on == datetime.date(2024, 3, 1)
    assert product.ocop_stars == 4


def test_union_staff_edits_apply_at_once(client, shop):
    product = product_create("Làn cói", vendor=shop["vendor"], category=shop["category"])
    response = post_edit(client, shop["staff"], product, maker="Tổ cói Kim Tân")
    assert response.status_code == 302
    assert response["Location"].startswith("/dashboard/catalogue/")  # Oscar's product list
    product.refresh_from_db()
    assert product.maker == "Tổ cói Kim Tân"
    assert not ListingRevision.objects.exists()


def test_add_a_product_from_her_listings_opens_her_own_form(client, shop):
    """No product type to choose: her list links to her form; Oscar's steps send her there."""
    from bs4 import BeautifulSoup

    from tests.factories import oscar_factories

    product_class = oscar_factories.ProductClassFactory(name="Đặc sản", slug="dac-san")
    client.force_login(shop["member"])
    page = BeautifulSoup(client.get("/dashboard/my-listings/").content, "html.parser")
    assert page.select_one("a#add_product")["href"] == "/dashboard/my-listings/new/"
    response = client.get(
        "/dashboard/catalogue/products/create/", {"product_class": product_class.pk}
    )
    assert response["Location"] == "/dashboard/my-listings/new/"
    response = client.get(f"/dashboard/catalogue/products/create/{product_class.slug}/")
    assert response["Location"] == "/dashboard/my-listings/new/"
    form = client.get("/dashboard/my-listings/new/")
    assert form.status_code == 200
    assert "ocop_certificate_number" in form.content.decode()


def test_the_admin_refuses_an_incomplete_ocop_certificate_with_the_same_message(client, shop):
    product = product_create("Làn cói", vendor=shop["vendor"], category=shop["category"])
    admin = User.objects.create_superuser("quantri", "quantri@example.vn", "x")
    client.force_login(admin)
    url = f"/django-admin/catalogue/product/{product.pk}/change/"
    data = form_fields(client.get(url).content.decode(), "form#product_form")
    data.update(ocop_stars="4", ocop_certificate_number="", ocop_issued_on="2024-03-01")
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "số giấy chứng nhận" in " ".join(errors["ocop_certificate_number"])
    assert "ngày hết hạn" in " ".join(errors["ocop_expires_on"])
    product.refresh_from_db()
    assert product.ocop_stars is None


def test_a_waiting_change_with_an_incomplete_certificate_is_not_published(client, shop):
    """A revision kept from before the rule, or written another way, meets the same rule."""
    product = product_create("Làn cói", vendor=shop["vendor"], category=shop["category"])
    assert post_edit(client, shop["member"], product, maker="Tổ cói Kim Tân").status_code == 302
    revision = ListingRevision.objects.get()
    revision.data.update(ocop_stars=4, ocop_certificate_number="", ocop_issued_on="2024-03-01")
    revision.save()

    with pytest.raises(Refusal) as refused:
        listing_revision_decide(revision=revision, actor=shop["staff"], approve=True)
    assert set(refused.value.error_dict) == {"ocop_certificate_number", "ocop_expires_on"}

    client.force_login(shop["staff"])
    url = f"/dashboard/listings/changes/{revision.pk}/"
    response = client.post(url, {"decision": "approve"})
    assert response.status_code == 400
    assert "Số giấy chứng nhận OCOP: " in response.content.decode()
    product.refresh_from_db()
    assert product.ocop_stars is None and product.maker == ""
    revision.refresh_from_db()
    assert revision.status == ListingRevision.Status.PENDING
    assert not ModerationEvent.objects.filter(action="change_approved").exists()
