"""Pictures stored before the guard are cleaned again where they lie (pictures_reclean)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from oscar.core.loading import get_model
from PIL import Image
from wagtail.images import get_image_model

from tests.factories import product_create
from tests.security.test_uploads_hostile import gps_jpeg

pytestmark = pytest.mark.django_db

ProductImage = get_model("catalogue", "ProductImage")


def legacy_file(name: str, data: bytes) -> str:
    """A file as the storage kept it before the guard (written past it)."""
    return FileSystemStorage.save(default_storage, name, ContentFile(data))


def run(*args) -> str:
    out = io.StringIO()
    call_command("pictures_reclean", *args, stdout=out)
    return out.getvalue()


def test_a_legacy_gps_photo_is_cleaned_renamed_and_the_original_deleted(
    django_capture_on_commit_callbacks,
):
    product = product_create("Làn cói")
    old = legacy_file("images/products/2025/01/nha-chi-lan.jpg", gps_jpeg())
    image = ProductImage.objects.create(product=product, original=old, display_order=0)
    junk = legacy_file("images/products/2025/01/trang.jpg", b"<html><script>x</script>")
    ProductImage.objects.create(product=product, original=junk, display_order=1)
    wagtail_image = get_image_model().objects.create(
        title="Hội chợ", file=legacy_file("original_images/hoi-cho.jpg", gps_jpeg())
    )

    assert "2 would be cleaned" in run("--dry-run")
    assert default_storage.exists(old)

    with django_capture_on_commit_callbacks(execute=True):  # originals go once rows commit
        out = run()

    assert "Pictures: 2 cleaned." in out
    assert f"Not a picture, left for a person to look at: {junk}" in out
    image.refresh_from_db()
    assert image.original.name.startswith("images/products/")
    assert "nha-chi-lan" not in image.original.name
    assert not default_storage.exists(old)
    with default_storage.open(image.original.name) as stored:
        data = stored.read()
    assert b"Exif" not in data and b"script" not in data and data.endswith(b"\xff\xd9")
    assert not Image.open(io.BytesIO(data)).getexif()
    wagtail_image.refresh_from_db()
    assert wagtail_image.file_size == wagtail_image.file.size
    with default_storage.open(wagtail_image.file.name) as stored:
        assert not Image.open(stored).getexif()
    assert "hoi-cho" not in wagtail_image.file.name
    assert default_storage.exists(junk)  # refused files are left for a person


def test_a_turned_phone_photo_keeps_its_true_size_in_wagtail():
    """Cleaning applies the phone's rotation: Wagtail's stored width and height follow it."""
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the phone was turned a quarter
    Image.new("RGB", (40, 20), "red").save(buffer, "JPEG", exif=exif)
    image = get_image_model().objects.create(
        title="Chị Lan", file=legacy_file("original_images/chi-lan.jpg", buffer.getvalue())
    )
    assert (image.width, image.height) == (40, 20)

    run()

    image = get_image_model().objects.get(pk=image.pk)
    assert (image.width, image.height) == (20, 40)
    assert (image.file.width, image.file.height) == (20, 40)
