"""A member's change to an approved product waits for the Union; shoppers keep the approved one."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from marketplace.models import ListingRevision, ModerationEvent
from marketplace.services.roles import roles_sync
from marketplace.services.vendors import vendor_member_add
from tests.browserless import form_fields, oscar_editor_html
from tests.factories import category_create, product_create, vendor_create

pytestmark = pytest.mark.django_db

User = get_user_model()
EDIT = "/dashboard/catalogue/products/{pk}/"
FORM = "form#create_update_product_form"


@pytest.fixture
def shop(home_page):
    vendor = vendor_create("Hợp tác xã Gạo Yên Mô")
    member = User.objects.create_user("a@example.vn", "a@example.vn", "x")
    vendor_member_add(vendor=vendor, user=member, role="owner")
    staff = User.objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    rice = category_create("Gạo và ngũ cốc > Gạo tẻ")
    product = product_create("Gạo tám thơm", price=60000, vendor=vendor, category=rice)
    return {"product": product, "member": member, "staff": staff}


def edit(client, user, product, files=None, **changes):
    client.force_login(user)
    data = form_fields(oscar_editor_html(client, EDIT.format(pk=product.pk)), FORM)
    data.update(changes)
    data.update(files or {})
    return client.post(EDIT.format(pk=product.pk), data)


def public_page(client, product):
    client.logout()
    return client.get(product.get_absolute_url()).content.decode()


def test_the_approved_version_stays_public_until_the_union_approves(client, shop):
    product, member = shop["product"], shop["member"]
    response = edit(
        client, member, product, title="Gạo tám thơm Yên Mô", **{"stockrecords-0-price": "75000"}
    )
    assert response.status_code == 302

    product.refresh_from_db()
    assert product.title == "Gạo tám thơm"
    assert product.stockrecords.get().price == 60000
    html = public_page(client, product)
    assert "Gạo tám thơm Yên Mô" not in html and "60.000" in html
    revision = ListingRevision.objects.get()
    assert revision.data["title"] == "Gạo tám thơm Yên Mô"
    assert list(revision.data["prices"].values()) == ["75000.00"]

    client.force_login(shop["staff"])
    page = client.get(f"/dashboard/listings/changes/{revision.pk}/").content.decode()
    assert "Gạo tám thơm Yên Mô" in page
    client.post(f"/dashboard/listings/changes/{revision.pk}/", {"decision": "approve"})
    product.refresh_from_db()
    assert product.title == "Gạo tám thơm Yên Mô"
    assert product.stockrecords.get().price == 75000
    assert "75.000" in public_page(client, product)
    assert ModerationEvent.objects.filter(action="change_approved", product=product).exists()


def test_a_rejected_change_leaves_the_product_and_tells_her_why(client, shop):
    product, member = shop["product"], shop["member"]
    edit(client, member, product, title="Gạo ngon nhất thế giới")
    revision = ListingRevision.objects.get()
    client.force_login(shop["staff"])
    url = f"/dashboard/listings/changes/{revision.pk}/"
    assert client.post(url, {"decision": "reject"}).status_code == 400  # no reason
    client.post(url, {"decision": "reject", "reason": "Tên sản phẩm quảng cáo quá mức."})
    product.refresh_from_db()
    assert product.title == "Gạo tám thơm"
    client.force_login(member)
    assert (
        "Tên sản phẩm quảng cáo quá mức." in client.get("/dashboard/my-listings/").content.decode()
    )


def test_a_second_change_replaces_the_waiting_one(client, shop):
    edit(client, shop["member"], shop["product"], title="Lần một")
    edit(client, shop["member"], shop["product"], title="Lần hai")
    assert [r.data["title"] for r in ListingRevision.objects.all()] == ["Lần hai"]


def test_a_new_picture_waits_too(client, shop):
    product = shop["product"]
    buffer = io.BytesIO()
    Image.new("RGB", (30, 30), (0, 90, 0)).save(buffer, "PNG")
    upload = SimpleUploadedFile("moi.png", buffer.getvalue(), content_type="image/png")
    edit(client, shop["member"], product, files={"images-0-original": upload})
    assert product.images.count() == 0
    revision = ListingRevision.objects.get()
    assert len(revision.data["images"]) == 1
    client.force_login(shop["staff"])
    client.post(f"/dashboard/listings/changes/{revision.pk}/", {"decision": "approve"})
    assert product.images.count() == 1


def test_saving_without_a_change_creates_nothing(client, shop):
    edit(client, shop["member"], shop["product"])
    assert not ListingRevision.objects.exists()


def test_union_staff_edits_apply_at_once(client, shop):
    edit(client, shop["staff"], shop["product"], title="Gạo tám thơm (sửa bởi Hội)")
    shop["product"].refresh_from_db()
    assert shop["product"].title == "Gạo tám thơm (sửa bởi Hội)"
    assert not ListingRevision.objects.exists()


def test_edits_before_approval_apply_at_once(client, shop):
    product = product_create(
        "Gạo nếp",
        vendor=shop["product"].stockrecords.get().partner.vendor,
        category=shop["product"].categories.get(),
        listing_status="pending",
    )
    edit(client, shop["member"], product, title="Gạo nếp cái hoa vàng")
    product.refresh_from_db()
    assert product.title == "Gạo nếp cái hoa vàng"
    assert not ListingRevision.objects.exists()


@pytest.mark.parametrize(
    "who", ["anonymous", "shopper", "member of vendor A", "member of vendor B"]
)
def test_only_union_staff_decide_changes(client, shop, who):
    edit(client, shop["member"], shop["product"], title="Đổi tên")
    revision = ListingRevision.objects.get()
    client.logout()
    users = {
        "shopper": User.objects.create_user("k", "k@example.vn", "x"),
        "member of vendor A": shop["member"],
    }
    if who == "member of vendor B":
        users[who] = User.objects.create_user("b", "b@example.vn", "x")
        vendor_member_add(vendor=vendor_create("Hợp tác xã B"), user=users[who], role="owner")
    if who in users:
        client.force_login(users[who])
    response = client.post(f"/dashboard/listings/changes/{revision.pk}/", {"decision": "approve"})
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
    revision.refresh_from_db()
    assert revision.status == "pending"
