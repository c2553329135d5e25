"""A member adds a picture in her product form on her phone: a refused file says why.

The hostile corpus (tests/security/test_uploads_hostile.py) posts every file
to every endpoint; this walks the one she meets most, in Chromium, to see
where the refusal shows and that a good photo goes in without its GPS.
"""

import io

import pytest
from oscar.core.loading import get_model
from PIL import Image

from tests.browser.conftest import log_in, screenshot
from tests.browser.market import PASSWORD, market_create
from tests.factories import category_create, product_create
from tests.security.test_uploads_hostile import gps_jpeg, png_bomb

pytestmark = pytest.mark.django_db(transaction=True)

ProductImage = get_model("catalogue", "ProductImage")


def add_picture(page, name: str, data: bytes, mime: str) -> None:
    page.set_input_files(
        "input[name=photos]", files=[{"name": name, "mimeType": mime, "buffer": data}]
    )
    page.locator(".mp-actions button[type=submit]").click()
    page.wait_for_load_state()


def test_a_refused_picture_says_why_and_a_photo_goes_in_without_its_gps(phone, home_page):
    market = market_create(home_page)
    product = product_create(
        "Làn cói Kim Sơn",
        vendor=market["vendors"]["kim_son"],
        category=category_create("Cói và mây tre đan > Túi và đồ dùng cói"),
        listing_status="pending",
    )
    log_in(phone, "lan@example.vn", PASSWORD)
    phone.goto(f"/dashboard/my-listings/{product.pk}/edit/")

    add_picture(phone, "anh.png", png_bomb(), "image/png")
    refusal = phone.get_by_text("Ảnh quá lớn, không mở được")
    assert refusal.is_visible()
    screenshot(phone, "member-product-picture-refused")
    assert not ProductImage.objects.filter(product=product).exists()

    add_picture(phone, "nha-chi-lan.jpg", gps_jpeg(), "image/jpeg")
    phone.wait_for_url(f"**/dashboard/my-listings/{product.pk}/")
    screenshot(phone, "member-product-picture-added")
    assert phone.locator(".alert-success").count() == 1
    (image,) = ProductImage.objects.filter(product=product)
    assert "nha-chi-lan" not in image.original.name
    with Image.open(io.BytesIO(image.original.read())) as stored:
        assert not stored.getexif()
