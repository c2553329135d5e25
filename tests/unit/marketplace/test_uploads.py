import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from marketplace import uploads
from marketplace.uploads import clean_image


def picture(image_format="JPEG", size=(64, 48), exif=None, name=None) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 60))
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, image_format, **options)
    return SimpleUploadedFile(name or f"photo.{image_format.lower()}", buffer.getvalue())


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_accepted_formats_come_back_re_encoded(image_format):
    cleaned = clean_image(picture(image_format))
    assert Image.open(cleaned).format == image_format
    assert Image.open(cleaned).size == (64, 48)


def test_content_decides_not_the_file_name():
    cleaned = clean_image(picture("PNG", name="anh.jpg"))
    assert cleaned.name == "anh.png"
    assert Image.open(cleaned).format == "PNG"


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("anh.jpg", b"<script>alert(1)</script>"),
        SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
    ],
)
def test_files_that_are_not_pictures_are_refused(upload):
    with pytest.raises(ValidationError) as error:
        clean_image(upload)
    assert error.value.code == "unreadable"


def test_other_picture_formats_are_refused():
    with pytest.raises(ValidationError) as error:
        clean_image(picture("GIF"))
    assert error.value.code == "bad_format"


def test_gps_location_is_stripped():
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (20.0, 15.0, 0.0)}  # GPSInfo
    exif[0x010F] = "PhoneMaker"
    original = picture("JPEG", exif=exif.tobytes())
    assert Image.open(io.BytesIO(original.read())).getexif()
    original.seek(0)
    cleaned = clean_image(original)
    assert dict(Image.open(cleaned).getexif()) == {}


def test_oversize_files_are_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_BYTES", 100)
    with pytest.raises(ValidationError) as error:
        clean_image(picture("PNG", size=(200, 200)))
    assert error.value.code == "too_large"


def test_decompression_bombs_are_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_PIXELS", 1000)
    with pytest.raises(ValidationError) as error:
        clean_image(picture("PNG", size=(100, 100)))
    assert error.value.code == "too_big"


def test_pillow_bomb_guard_is_turned_into_a_message(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(ValidationError) as error:
        clean_image(picture("PNG", size=(100, 100)))
    assert error.value.code == "too_big"
