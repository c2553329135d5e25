import io
import re

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core import uploads
from core.uploads import CleanedPicture, CleanImageField, clean_image

RANDOM_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|webp)$")


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
    assert cleaned.name.endswith(".png")
    assert Image.open(cleaned).format == "PNG"


def test_the_stored_name_is_random_not_the_uploaded_one():
    first = clean_image(picture("JPEG", name="nha-chi-lan-xom-3.jpg"))
    second = clean_image(picture("JPEG", name="nha-chi-lan-xom-3.jpg"))
    assert RANDOM_NAME.match(first.name) and RANDOM_NAME.match(second.name)
    assert first.name != second.name


def test_a_jpeg_comment_and_trailing_bytes_do_not_survive():
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (10, 200, 30)).save(
        buffer, "JPEG", comment=b"<script>alert(1)</script>"
    )
    upload = SimpleUploadedFile("anh.jpg", buffer.getvalue() + b"<html><script>alert(2)</script>")
    data = clean_image(upload).read()
    assert b"script" not in data
    assert b"\xff\xfe" not in data  # no COM segment
    assert data.endswith(b"\xff\xd9")  # nothing after the picture's end


def test_the_orientation_the_phone_meant_is_applied():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90° clockwise when shown
    cleaned = clean_image(picture("JPEG", size=(64, 48), exif=exif.tobytes()))
    with Image.open(cleaned) as image:
        assert image.size == (48, 64)
        assert 0x0112 not in image.getexif()


def test_a_phone_heic_photo_becomes_a_jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (120, 60, 20)).save(buffer, "HEIF")
    cleaned = clean_image(SimpleUploadedFile("IMG_0001.HEIC", buffer.getvalue()))
    assert cleaned.name.endswith(".jpg") and cleaned.content_type == "image/jpeg"
    assert Image.open(cleaned).format == "JPEG"


def test_a_phone_jpeg_with_a_second_picture_is_kept_as_one_jpeg():
    buffer = io.BytesIO()
    first, second = Image.new("RGB", (40, 30), "red"), Image.new("RGB", (20, 15), "blue")
    first.save(buffer, "MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"  # how Pillow sees it
    cleaned = clean_image(SimpleUploadedFile("IMG_0002.JPG", buffer.getvalue()))
    data = cleaned.read()
    assert data.count(b"\xff\xd8") == 1 and data.endswith(b"\xff\xd9")  # one picture only
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("JPEG", (40, 30))


def test_a_logo_keeps_its_transparent_background():
    logo = Image.new("P", (16, 16), 0)
    logo.putpalette([255, 255, 255, 200, 30, 60] + [0] * 762)
    buffer = io.BytesIO()
    logo.save(buffer, "PNG", transparency=0)
    cleaned = clean_image(SimpleUploadedFile("logo.png", buffer.getvalue()))
    with Image.open(cleaned) as image:
        assert image.info.get("transparency") == 0
        assert image.convert("RGBA").getpixel((0, 0))[3] == 0


def test_a_cmyk_jpeg_becomes_rgb_without_its_cmyk_profile():
    buffer = io.BytesIO()
    Image.new("CMYK", (20, 20), (0, 100, 100, 0)).save(
        buffer, "JPEG", icc_profile=b"fake cmyk profile"
    )
    cleaned = clean_image(SimpleUploadedFile("in.jpg", buffer.getvalue()))
    with Image.open(cleaned) as image:
        assert image.mode == "RGB" and "icc_profile" not in image.info


def test_a_cleaned_picture_is_not_cleaned_twice():
    cleaned = clean_image(picture("JPEG"))
    assert isinstance(cleaned, CleanedPicture)
    assert clean_image(cleaned) is cleaned


class PhotoForm(forms.Form):
    photo = CleanImageField()


def test_the_form_field_gives_back_the_cleaned_picture_or_the_message():
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (20.0, 15.0, 0.0)}
    form = PhotoForm(files={"photo": picture("JPEG", exif=exif.tobytes(), name="nha.jpg")})
    assert form.is_valid()
    assert isinstance(form.cleaned_data["photo"], CleanedPicture)
    assert not Image.open(form.cleaned_data["photo"]).getexif()
    refused = PhotoForm(files={"photo": SimpleUploadedFile("a.jpg", b"<html>")})
    assert not refused.is_valid()
    assert "không phải ảnh" in refused.errors["photo"][0]


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


def test_a_phones_48_megapixel_jpeg_is_accepted_and_scaled_down():
    cleaned = clean_image(picture("JPEG", size=(8000, 6000)))
    assert Image.open(cleaned).size == (uploads.MAX_EDGE, uploads.MAX_EDGE * 3 // 4)


def test_a_portrait_photo_keeps_its_turn_when_scaled_down():
    exif = Image.Exif()
    exif[0x0112] = 6  # the phone was held upright: rotate 90°
    cleaned = clean_image(picture("JPEG", size=(4000, 3000), exif=exif.tobytes()))
    assert Image.open(cleaned).size == (uploads.MAX_EDGE * 3 // 4, uploads.MAX_EDGE)


def test_a_large_png_is_scaled_down_too():
    cleaned = clean_image(picture("PNG", size=(4000, 1000)))
    assert Image.open(cleaned).size == (uploads.MAX_EDGE, 800)


def test_a_jpeg_declaring_too_many_pixels_is_refused_before_decoding(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_JPEG_PIXELS", 1000)
    with pytest.raises(ValidationError) as error:
        clean_image(picture("JPEG", size=(100, 100)))
    assert error.value.code == "too_big"


def test_a_jpeg_is_decoded_reduced_within_the_memory_limit(monkeypatch):
    # 8000 × 6000 declared, decoded at 1/2 (4000 × 3000 = 12 million pixels).
    monkeypatch.setattr(uploads, "MAX_PIXELS", 12_000_000)
    clean_image(picture("JPEG", size=(8000, 6000)))
    monkeypatch.setattr(uploads, "MAX_PIXELS", 11_999_999)
    with pytest.raises(ValidationError) as error:
        clean_image(picture("JPEG", size=(8000, 6000)))
    assert error.value.code == "too_big"
