"""The whole path a new cooperative takes, as its people would click through it."""

import io
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpRequest
from oscar.core.loading import get_model
from PIL import Image

from marketplace.models import Listing, ListingRevision, Vendor
from marketplace.services.roles import roles_sync
from tests.browserless import form_fields, oscar_editor_html
from tests.factories import category_create, commune_create

pytestmark = pytest.mark.django_db

User = get_user_model()
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")


def picture(name: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 60), (180, 120, 20)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_apply_approve_list_sell_and_change_price(
    client, home_page, mailoutbox, django_capture_on_commit_callbacks
):
    commune = commune_create("Cúc Phương", "Nho Quan")
    honey = category_create("Đặc sản thực phẩm > Mật ong")
    ProductClass.objects.create(name="Đặc sản", slug="dac-san", track_stock=True)
    staff = User.objects.create_user("canbo", "canbo@example.vn", "canbo-pass", is_staff=True)
    staff.groups.add(roles_sync())

    # 1. A cooperative applies, and opens her account from the e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/sell/apply/",
            {
                "name": "Hợp tác xã Ong mật Cúc Phương",
                "kind": "cooperative",
                "commune": commune.pk,
                "address": "Bản Khanh, xã Cúc Phương",
                "phone": "0912 345 678",
                "email": "ong@example.vn",
                "story": "Mười hai hộ nuôi ong dưới tán rừng.",
                "photo": picture("ong.jpg"),
                "language": "vi",
                "contact_name": "Đinh Thị Mến",
                "password1": "ong-mat-cuc-phuong",
                "password2": "ong-mat-cuc-phuong",
            },
        )
    assert response.status_code == 302
    vendor = Vendor.objects.get(partner__name="Hợp tác xã Ong mật Cúc Phương")
    (confirm_url,) = {
        line
        for message in mailoutbox
        for line in message.body.split()
        if "/accounts/confirm/" in line
    }
    client.post(urlsplit(confirm_url).path)
    client.logout()

    # 2. Union staff approve it.
    client.force_login(staff)
    client.post(f"/dashboard/vendors/{vendor.pk}/", {"action": "vendor_approved"})
    vendor.refresh_from_db()
    assert vendor.status == Vendor.Status.APPROVED
    client.logout()

    # 3. She signs in and adds a product with a picture.
    assert client.login(
        request=HttpRequest(), username="ong@example.vn", password="ong-mat-cuc-phuong"
    )
    url = "/dashboard/catalogue/products/create/dac-san/"
    form = "form#create_update_product_form"
    data = form_fields(oscar_editor_html(client, url), form)
    data.update(
        {
            "title": "Mật ong rừng Cúc Phương",
            "productcategory_set-0-category": honey.pk,
            "stockrecords-0-partner": vendor.partner.pk,
            "stockrecords-0-partner_sku": "ONG-01",
            "stockrecords-0-price": "250000",
            "stockrecords-0-num_in_stock": "20",
            "images-0-original": picture("mat-ong.jpg"),
        }
    )
    assert client.post(url, data).status_code == 302
    product = Product.objects.get(title="Mật ong rừng Cúc Phương")
    assert product.images.count() == 1

    # 4. She sends it for review; it is not public yet.
    client.post("/dashboard/my-listings/", {"product": product.pk})
    assert product.listing.status == Listing.Status.PENDING
    client.logout()
    assert client.get(product.get_absolute_url()).status_code == 404

    # 5. The Union approves it: public and found without accents.
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/dashboard/listings/{product.listing.pk}/", {"decision": "approve"})
    client.logout()
    page = client.get(product.get_absolute_url()).content.decode()
    assert "250.000\u00a0₫" in page
    found = client.get("/search/?q=mat+ong+cuc+phuong").context["products"]
    assert [p.title for p in found] == ["Mật ong rừng Cúc Phương"]

    # 6. She raises the price; the old price stays public until the Union approves.
    client.login(request=HttpRequest(), username="ong@example.vn", password="ong-mat-cuc-phuong")
    edit = f"/dashboard/catalogue/products/{product.pk}/"
    data = form_fields(oscar_editor_html(client, edit), form)
    data["stockrecords-0-price"] = "280000"
    client.post(edit, data)
    client.logout()
    assert "250.000\u00a0₫" in client.get(product.get_absolute_url()).content.decode()

    client.force_login(staff)
    revision = ListingRevision.objects.get(status="pending")
    client.post(f"/dashboard/listings/changes/{revision.pk}/", {"decision": "approve"})
    client.logout()
    assert "280.000\u00a0₫" in client.get(product.get_absolute_url()).content.decode()
