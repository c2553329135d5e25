"""The media storage's guard: no path to a picture folder skips the cleaner."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from core.pictures import picture_fields
from core.storage import PictureStorage, UnsafeUpload, is_picture_name
from marketplace.models import Vendor


def gps_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (20.0, 15.0, 0.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 60)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue() + b"<script>alert(1)</script>"


def test_the_default_storage_is_the_guarded_one():
    assert isinstance(default_storage, PictureStorage)


@pytest.mark.django_db
def test_every_picture_field_of_every_model_writes_under_a_guarded_folder():
    fields = [
        (model._meta.label, field.name, field.generate_filename(model(), "photo.jpg"))
        for model, field in picture_fields()  # Wagtail's renditions are made from cleaned ones
    ]
    assert len(fields) >= 7
    assert [f for f in fields if not is_picture_name(f[2])] == []


def test_a_picture_saved_without_any_form_is_cleaned_and_renamed():
    vendor = Vendor()
    vendor.logo.save("nha-chi-lan.jpg", ContentFile(gps_jpeg()), save=False)
    assert vendor.logo.name.startswith("vendors/logos/")
    assert "nha-chi-lan" not in vendor.logo.name
    with default_storage.open(vendor.logo.name) as stored:
        data = stored.read()
    assert b"Exif" not in data and b"script" not in data and data.endswith(b"\xff\xd9")
    assert 0x8825 not in Image.open(io.BytesIO(data)).getexif()


@pytest.mark.parametrize(
    "name", ["vendors/covers/a.jpg", "images/products/2026/11/a.png", "original_images/a.jpg"]
)
def test_a_file_that_is_not_a_picture_is_refused_in_picture_folders(name):
    with pytest.raises(UnsafeUpload):
        default_storage.save(name, ContentFile(b"<html><script>alert(1)</script></html>"))
    assert not default_storage.exists(name)


def test_documents_and_thumbnails_pass_untouched():
    name = default_storage.save("documents/bao-cao.pdf", ContentFile(b"%PDF-1.4 report"))
    assert name == "documents/bao-cao.pdf"
    data = gps_jpeg()
    name = default_storage.save("cache/ab/cd/thumb.jpg", ContentFile(data))
    with default_storage.open(name) as stored:
        assert stored.read() == data
