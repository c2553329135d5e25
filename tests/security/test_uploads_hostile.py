"""Hostile files against every upload endpoint, through real HTTP posts.

Each file of the corpus is made here (nothing large is kept in git) and sent
the way a browser sends it to: Oscar's product editor (a cooperative member),
her shop profile's logo and cover, the /sell/apply/ photo, a contest entry,
and Wagtail's image upload, single and multiple (Union staff).

Pictures that are fine are stored re-encoded: read back from the storage,
they carry no EXIF or GPS, nothing after the picture's end, and a random
name. Everything else is refused with a message in the form, and nothing is
stored: no row and no file.
"""

from __future__ import annotations

import io
import os
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.models import ContestEntry
from marketplace.models import Vendor
from marketplace.services.roles import roles_sync
from marketplace.services.vendors import vendor_member_add
from tests.browserless import form_fields, oscar_editor_html
from tests.factories import (
    category_create,
    commune_create,
    contest_create,
    product_create,
    vendor_create,
)

pytestmark = pytest.mark.django_db

User = get_user_model()
ProductImage = get_model("catalogue", "ProductImage")
WagtailImage = get_image_model()

SCRIPT = b"<script>alert(document.cookie)</script>"
RANDOM_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|webp)$")


# --- The corpus -----------------------------------------------------------------------


def jpeg(size=(48, 36), **options) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (180, 40, 60)).save(buffer, "JPEG", **options)
    return buffer.getvalue()


def png_bomb() -> bytes:
    """A valid PNG of a few hundred bytes declaring 20000 × 20000 pixels (1.2 GB decoded)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\0" * (1 + 20000 * 3) * 4, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def gps_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (20.0, 15.0, 30.0), 3: "E", 4: (105.0, 58.0, 12.0)}  # GPSInfo
    return jpeg(exif=exif.tobytes(), comment=b"nha chi Lan, xom 3")


def heic() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 200)).save(buffer, "HEIF")
    return buffer.getvalue()


@dataclass(frozen=True)
class Hostile:
    name: str
    content_type: str
    make: Callable[[], bytes]
    accepted: bool
    message: str = ""  # what the form says (Vietnamese), for refused files


CORPUS = {
    "bomb-20000x20000": Hostile("bomb.png", "image/png", png_bomb, False, "quá nhiều điểm ảnh"),
    "svg-with-script": Hostile(
        "logo.svg",
        "image/svg+xml",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">' + SCRIPT + b"</svg>",
        False,
        "không phải ảnh đọc được",
    ),
    "html-renamed-jpg": Hostile(
        "anh.jpg",
        "image/jpeg",
        lambda: b"<!doctype html><html><body>" + SCRIPT + b"</body></html>",
        False,
        "không phải ảnh đọc được",
    ),
    "30-mb": Hostile(
        "to.jpg", "image/jpeg", lambda: jpeg() + b"\0" * (30 * 1024 * 1024), False, "Ảnh quá lớn"
    ),
    "jpeg-html-polyglot": Hostile(
        "nha-chi-lan.jpg", "image/jpeg", lambda: jpeg() + b"<html>" + SCRIPT, True
    ),
    "jpeg-with-gps": Hostile("nha-chi-lan.jpg", "image/jpeg", gps_jpeg, True),
    "heic-from-a-phone": Hostile("IMG_0420.HEIC", "image/heic", heic, True),
}


def upload(hostile: Hostile) -> SimpleUploadedFile:
    return SimpleUploadedFile(hostile.name, hostile.make(), content_type=hostile.content_type)


def test_the_corpus_is_small_in_git_and_what_it_claims():
    bomb = png_bomb()
    assert len(bomb) < 100 * 1024
    assert bomb[12:24] == b"IHDR" + struct.pack(">II", 20000, 20000)
    with pytest.raises(Image.DecompressionBombError):  # Pillow reads the header as a PNG
        Image.open(io.BytesIO(bomb))
    assert len(CORPUS["30-mb"].make()) > 30 * 1024 * 1024
    polyglot = CORPUS["jpeg-html-polyglot"].make()
    assert Image.open(io.BytesIO(polyglot)).format == "JPEG" and SCRIPT in polyglot
    assert 0x8825 in Image.open(io.BytesIO(gps_jpeg())).getexif()


# --- The endpoints --------------------------------------------------------------------


def member_and_vendor():
    vendor = vendor_create("Hợp tác xã Cói Kim Sơn", commune=commune_create("Kim Tân", "Kim Sơn"))
    member = User.objects.create_user("a@example.vn", "a@example.vn", "x")
    vendor_member_add(vendor=vendor, user=member, role="owner")
    return vendor, member


class ProductEditor:
    """Oscar's product editor, its image formset, as the cooperative's member."""

    form = "form#create_update_product_form"
    refused_status = 200

    def __init__(self, client, home_page):
        vendor, member = member_and_vendor()
        self.product = product_create(
            "Làn cói",
            vendor=vendor,
            category=category_create("Cói và mây tre đan > Túi"),
            listing_status="pending",
        )
        self.url = f"/dashboard/catalogue/products/{self.product.pk}/"
        client.force_login(member)
        self.client = client

    def post(self, file):
        data = form_fields(oscar_editor_html(self.client, self.url), self.form)
        data["images-0-original"] = file
        return self.client.post(self.url, data)

    def stored(self) -> list[str]:
        return [image.original.name for image in ProductImage.objects.filter(product=self.product)]

    def errors(self, response) -> str:
        return " ".join(response.context["image_formset"].forms[0].errors.get("original", []))


class MemberProductForm(ProductEditor):
    """Her own product form (dashboard/member_products.py): its photos, and the OCOP
    certificate's photo."""

    form = "form.member-product-form"
    refused_status = 400

    def __init__(self, client, home_page, field="photos"):
        super().__init__(client, home_page)
        self.field = field
        self.url = f"/dashboard/my-listings/{self.product.pk}/edit/"

    def post(self, file):
        data = form_fields(self.client.get(self.url).content.decode(), self.form)
        data[self.field] = file
        if self.field == "ocop_certificate_image":
            data.update(
                ocop_stars="4",
                ocop_certificate_number="OCOP-NB-2024-117",
                ocop_issued_on="2024-03-01",
                ocop_expires_on="2027-03-01",
            )
        return self.client.post(self.url, data)

    def stored(self) -> list[str]:
        if self.field == "photos":
            return super().stored()
        self.product.refresh_from_db()
        name = self.product.ocop_certificate_image.name
        return [name] if name else []

    def errors(self, response) -> str:
        return " ".join(response.context["form"].errors.get(self.field, []))


class ProfilePicture:
    """Her shop profile (/dashboard/profile/): the logo or the cover."""

    url = "/dashboard/profile/"
    refused_status = 400  # the profile view answers a bad form with 400 and the form

    def __init__(self, client, home_page, field):
        self.vendor, member = member_and_vendor()
        self.field = field
        client.force_login(member)
        self.client = client

    def post(self, file):
        data = form_fields(self.client.get(self.url).content.decode(), "form[enctype]")
        data[self.field] = file
        return self.client.post(self.url, data)

    def stored(self) -> list[str]:
        self.vendor.refresh_from_db()
        name = getattr(self.vendor, self.field).name
        return [name] if name else []

    def errors(self, response) -> str:
        return " ".join(response.context["form"].errors.get(self.field, []))


class Application:
    """/sell/apply/: the photo a newcomer sends with her application."""

    url = "/sell/apply/"
    refused_status = 200

    def __init__(self, client, home_page):
        self.client = client
        self.commune = commune_create("Gia Sinh", "Gia Viễn")

    def post(self, file):
        return self.client.post(
            self.url,
            {
                "name": "Hợp tác xã Miến Gia Viễn",
                "kind": "cooperative",
                "commune": self.commune.pk,
                "address": "Thôn 2, xã Gia Sinh",
                "phone": "0912 345 678",
                "email": "mien@example.vn",
                "story": "Mười hai chị em làm miến dong.",
                "photo": file,
                "language": "vi",
                "contact_name": "Nguyễn Thị Lan",
                "password1": "mien-dong-gia-vien-2026",
                "password2": "mien-dong-gia-vien-2026",
            },
        )

    def stored(self) -> list[str]:
        return [vendor.cover_image.name for vendor in Vendor.objects.exclude(cover_image="")]

    def errors(self, response) -> str:
        return " ".join(response.context["form"].errors.get("photo", []))


class ContestEntryUpload:
    """A contest page's entry form (a signed-in person)."""

    refused_status = 200

    def __init__(self, client, home_page):
        self.contest = contest_create(home_page, "Áo dài đẹp")
        client.force_login(User.objects.create_user("lan", "lan@example.vn", "x"))
        self.client = client

    def post(self, file):
        return self.client.post(f"{self.contest.url}enter/", {"image": file, "caption": "Áo dài"})

    def stored(self) -> list[str]:
        return [entry.image.name for entry in ContestEntry.objects.all()]

    def errors(self, response) -> str:
        return " ".join(response.context["entry_form"].errors.get("image", []))


def union_staff(client):
    staff = User.objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    client.force_login(staff)


class WagtailImageAdd:
    """Wagtail's "Add an image" (/cms/images/add/), as Union staff."""

    url = "/cms/images/add/"
    refused_status = 200

    def __init__(self, client, home_page):
        union_staff(client)
        self.client = client

    def post(self, file):
        collection = Collection.get_first_root_node().pk
        return self.client.post(
            self.url, {"title": "Hội chợ", "file": file, "collection": collection}
        )

    def stored(self) -> list[str]:
        return [image.file.name for image in WagtailImage.objects.all()]

    def errors(self, response) -> str:
        return " ".join(response.context["form"].errors.get("file", []))


class WagtailImageMultipleAdd(WagtailImageAdd):
    """Wagtail's drag-and-drop upload (/cms/images/multiple/add/), as Union staff."""

    url = "/cms/images/multiple/add/"

    def post(self, file):
        collection = Collection.get_first_root_node().pk
        return self.client.post(self.url, {"files[]": file, "collection": collection})

    def errors(self, response) -> str:
        body = response.json()
        assert body["success"] is False
        return body["error_message"]


ENDPOINTS = {
    "product-editor-images": ProductEditor,
    "member-product-photos": MemberProductForm,
    "member-product-ocop-photo": lambda client, home: MemberProductForm(
        client, home, "ocop_certificate_image"
    ),
    "profile-logo": lambda client, home: ProfilePicture(client, home, "logo"),
    "profile-cover": lambda client, home: ProfilePicture(client, home, "cover_image"),
    "sell-apply-photo": Application,
    "contest-entry": ContestEntryUpload,
    "wagtail-image-add": WagtailImageAdd,
    "wagtail-image-multiple-add": WagtailImageMultipleAdd,
}

# Wagtail checks a staff upload with its own messages before ours (cms/image_forms.py).
WAGTAIL_MESSAGES = {
    "bomb-20000x20000": "điểm ảnh",
    "svg-with-script": "Định dạng hình ảnh không được hỗ trợ",
    "html-renamed-jpg": "hình ảnh hợp lệ",
    "30-mb": "quá lớn",
}


def media_files() -> set[str]:
    found = set()
    for folder, _dirs, files in os.walk(settings.MEDIA_ROOT):
        for name in files:
            found.add(os.path.relpath(os.path.join(folder, name), settings.MEDIA_ROOT))
    return found


def assert_clean(name: str, uploaded_name: str) -> None:
    """The stored file: re-encoded, without metadata or trailing content, under a random name."""
    assert RANDOM_NAME.match(os.path.basename(name)), name
    assert os.path.splitext(uploaded_name)[0] not in name
    with default_storage.open(name) as stored:
        data = stored.read()
    with Image.open(io.BytesIO(data)) as image:
        assert dict(image.getexif()) == {}
        assert 0x8825 not in image.getexif()
        image_format = image.format
        image.load()
    assert b"Exif\0\0" not in data
    assert b"script" not in data and b"<html" not in data
    assert b"PhoneMaker" not in data and b"xom 3" not in data
    if image_format == "JPEG":
        assert b"\xff\xe1" not in data  # no APP1 segment (EXIF, XMP)
        assert b"\xff\xfe" not in data  # no comment segment
        assert data.endswith(b"\xff\xd9")  # nothing after the picture's end
    else:
        assert image_format == "PNG" and data.endswith(b"IEND\xaeB`\x82")


@pytest.mark.parametrize("hostile_id", CORPUS)
@pytest.mark.parametrize("endpoint_id", ENDPOINTS)
def test_every_upload_endpoint_against_the_hostile_corpus(
    client, home_page, endpoint_id, hostile_id
):
    endpoint = ENDPOINTS[endpoint_id](client, home_page)
    hostile = CORPUS[hostile_id]
    rows_before, files_before = endpoint.stored(), media_files()

    response = endpoint.post(upload(hostile))

    if hostile.accepted:
        assert response.status_code in {200, 302}, response.content[:500]
        if endpoint_id == "wagtail-image-multiple-add":
            assert response.json()["success"] is True
        new = [name for name in endpoint.stored() if name not in rows_before]
        assert len(new) == 1
        assert_clean(new[0], hostile.name)
        assert media_files() - files_before == {new[0]}
    else:
        assert response.status_code == endpoint.refused_status
        message = (
            WAGTAIL_MESSAGES[hostile_id] if endpoint_id.startswith("wagtail") else hostile.message
        )
        assert message in endpoint.errors(response)
        if response["Content-Type"].startswith("text/html"):
            assert message in response.content.decode()  # shown to her, beside the field
        assert endpoint.stored() == rows_before
        assert media_files() == files_before


# --- The guard behind the forms -------------------------------------------------------


@pytest.mark.parametrize(
    ("hostile_id", "status"), [("jpeg-with-gps", 302), ("jpeg-html-polyglot", 302), ("30-mb", 400)]
)
def test_a_form_without_the_cleaning_field_still_stores_only_clean_pictures(
    client, home_page, hostile_id, status
):
    """Oscar's stock category form (an administrator) has a plain ImageField: the guard cleans."""
    client.force_login(User.objects.create_superuser("admin", "admin@example.vn", "x"))
    url = "/dashboard/catalogue/categories/create/"
    data = form_fields(client.get(url).content.decode(), "form[enctype]")
    data.update(name="Đồ cói", image=upload(CORPUS[hostile_id]))
    Category = get_model("catalogue", "Category")
    files_before = media_files()

    response = client.post(url, data)

    assert response.status_code == status
    if status == 302:
        (name,) = Category.objects.values_list("image", flat=True)
        assert_clean(name, CORPUS[hostile_id].name)
    else:  # refused by the guard: a Bad Request, never a 500, and nothing kept
        assert not Category.objects.exists()
        assert media_files() == files_before


@pytest.mark.parametrize(
    ("language", "hostile_id", "message"),
    [
        ("vi", "bomb-20000x20000", "Ảnh quá lớn, không mở được (quá nhiều điểm ảnh)"),
        ("en", "bomb-20000x20000", "The picture is too big to open (too many pixels)"),
        ("en", "svg-with-script", "This file is not a picture we can read"),
        ("en", "30-mb", "The picture is too large (30.0 MB); the limit is 20 MB."),
    ],
)
def test_the_refusal_is_said_in_her_language(client, home_page, language, hostile_id, message):
    client.cookies["django_language"] = language
    endpoint = Application(client, home_page)
    response = endpoint.post(upload(CORPUS[hostile_id]))
    assert response.status_code == 200
    assert message in endpoint.errors(response)
    assert message.replace("'", "&#x27;") in response.content.decode()
