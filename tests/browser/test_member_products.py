"""A member on a 390×844 phone adds a product with two photos in her own form and sends it
for review; the Union refuses it with a reason; she reads it, fixes the product and sends it
again. Every page: axe-core finds nothing serious, nothing wider than the screen, every tap
target of her pages at least 44×44 px, no Content-Security-Policy violation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from marketplace.models import Listing
from tests.browser.conftest import (
    PHONE,
    SCREENSHOTS,
    axe_violations,
    csp_violations,
    screenshot,
    tap_targets,
)
from tests.browser.market import PASSWORD, market_create
from tests.images import png_bytes

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path("/tmp/shots-memberform")
TITLE = "Làn cói Kim Sơn"


class Taps:
    """Counts what her finger does: each tap on a field, button, link, option or photo."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def tap(self, selector: str, navigates: bool = False) -> None:
        self.count += 1
        if navigates:
            with self.page.expect_navigation():
                self.page.locator(selector).first.tap()
        else:
            self.page.locator(selector).first.tap()

    def type(self, selector: str, text: str) -> None:
        self.count += 1  # tapping the field; the keyboard does the rest
        self.page.fill(selector, text)

    def choose(self, selector: str, label: str) -> None:
        self.count += 2  # open the list, tap the option
        self.page.select_option(selector, label=label)

    def photos(self, selector: str, files: list[dict]) -> None:
        self.count += 1 + len(files)  # open the camera or gallery, tap each photo
        self.page.set_input_files(selector, files=files)


def check_page(page, name: str, scope: str = "#default") -> None:
    """The page as a phone shows it: a screenshot, axe, no sideways scroll, 44 px taps."""
    page.wait_for_load_state()
    screenshot(page, f"member-product-{name}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(SCREENSHOTS / f"member-product-{name}.png", SHOTS / f"{name}.png")
    assert axe_violations(page, f"member-product-{name}") == [], name
    found = tap_targets(page, scope)  # inside the page's own content
    assert found["width"] <= PHONE["width"], f"{name}: {found['width']} px wide"
    assert found["small"] == [], f"{name}: {found['small']}"


def photo(name: str, color) -> dict:
    return {"name": name, "mimeType": "image/png", "buffer": png_bytes(color, size=(600, 450))}


def sign_in(page, taps: Taps, email: str, then: str) -> None:
    page.goto(f"/accounts/login/?next={then}")
    taps.type("#id_login-username", email)
    taps.type("#id_login-password", PASSWORD)
    taps.tap("button[name=login_submit]")
    page.wait_for_load_state()


def test_a_member_adds_a_product_sends_it_and_resends_it_after_a_refusal(phone, home_page):
    market_create(home_page)
    taps = Taps(phone)

    # She opens her shop's address (/dashboard/) and signs in.
    sign_in(phone, taps, "lan@example.vn", "/dashboard/")
    phone.wait_for_url("**/dashboard/today/")  # her day starts here, "Add a product" on top
    check_page(phone, "1-today", ".today-tasks")

    taps.tap("a#add_product")
    phone.wait_for_url("**/dashboard/my-listings/new/")
    check_page(phone, "2-empty-form", ".member-product-form")
    taps.type("#id_title", TITLE)
    taps.photos(
        "input[name=photos]",
        [photo("IMG_0001.png", (200, 120, 80)), photo("IMG_0002.png", (30, 90, 200))],
    )
    taps.type("#id_price", "180.000")
    taps.type("#id_num_in_stock", "12")
    taps.choose("#id_category", "Túi và đồ dùng cói")
    screenshot(phone, "member-product-3-filled-form")
    shutil.copy(SCREENSHOTS / "member-product-3-filled-form.png", SHOTS / "3-filled-form.png")
    taps.tap(".mp-actions button[type=submit]")
    phone.wait_for_url("**/dashboard/my-listings/*/")
    check_page(phone, "4-saved", ".mp-status-page")
    assert "Chưa gửi Hội duyệt" in phone.locator(".mp-status").inner_text()

    taps.tap(".mp-next button", navigates=True)
    assert "Đang chờ Hội duyệt" in phone.locator(".mp-status").inner_text()
    check_page(phone, "5-sent", ".mp-status-page")
    listing = Listing.objects.get(product__title=TITLE)
    assert listing.status == Listing.Status.PENDING
    assert listing.product.images.count() == 2
    # Sign-in to "sent for review" for a new product, in taps (see the report).
    print(f"\nTAPS sign-in to sent for review: {taps.count}")
    assert taps.count < 15

    # Her preview: a banner and no basket.
    phone.goto(listing.product.get_absolute_url())
    assert "Chưa được duyệt" in phone.locator(".preview-banner").inner_text()
    assert phone.locator("#add_to_basket_form").count() == 0
    check_page(phone, "6-preview", "article.product_page")

    # The Union refuses it, with a reason.
    phone.context.clear_cookies()
    sign_in(phone, Taps(phone), "canbo@example.vn", "/dashboard/listings/")
    phone.get_by_role("link", name=TITLE).first.click()
    phone.wait_for_load_state()
    check_page(phone, "staff-decision", "form.card")
    phone.check("input[name=decision][value=reject]")
    phone.fill("textarea[name=reason]", "Ảnh thứ hai bị tối; chị chụp lại giúp.")
    phone.get_by_role("button", name="Ghi nhận quyết định").click()
    phone.wait_for_load_state()
    listing.refresh_from_db()
    assert listing.status == Listing.Status.REJECTED

    # She reads why, fixes the product and sends it again.
    phone.context.clear_cookies()
    sign_in(phone, Taps(phone), "lan@example.vn", "/dashboard/")
    phone.get_by_role("link", name=TITLE).click()
    phone.wait_for_load_state()
    assert "Ảnh thứ hai bị tối" in phone.locator(".mp-reason").inner_text()
    check_page(phone, "7-refused", ".mp-status-page")
    phone.get_by_role("link", name="Sửa sản phẩm").click()
    phone.wait_for_load_state()
    check_page(phone, "8-edit-form", ".member-product-form")
    # The second photo goes first (the buttons renumber the order fields), the dark one goes.
    phone.locator("[data-photo]").nth(1).locator("[data-move=up]").tap()
    assert phone.locator("[data-photo-order]").nth(0).input_value() == "1"
    phone.locator("[data-photo]").nth(1).locator("input[type=checkbox]").check()
    phone.set_input_files("input[name=photos]", files=[photo("IMG_0003.png", (90, 160, 60))])
    phone.locator(".mp-actions button[type=submit]").tap()
    phone.wait_for_url("**/dashboard/my-listings/*/")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Gửi lại Hội duyệt").tap()
    assert "Đang chờ Hội duyệt" in phone.locator(".mp-status").inner_text()
    check_page(phone, "9-resent", ".mp-status-page")
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING and listing.reason == ""
    assert listing.product.images.count() == 2
    assert csp_violations(phone) == []


def test_the_form_and_its_pages_in_english(phone, home_page):
    market = market_create(home_page)
    product = market["products"]["kim_son"]
    phone.goto("/")
    phone.get_by_role("button", name="English").click()
    phone.wait_for_load_state()
    sign_in(phone, Taps(phone), "lan@example.vn", "/dashboard/my-listings/new/")
    assert phone.locator("label[for=id_title]").inner_text() == "Product name"
    check_page(phone, "en-form", ".member-product-form")
    phone.goto(f"/dashboard/my-listings/{product.pk}/")
    assert "Send for review" not in phone.locator(".mp-status").inner_text()  # approved
    check_page(phone, "en-status", ".mp-status-page")
    assert csp_violations(phone) == []


def test_without_javascript_the_order_fields_do_the_work(phone_without_js, home_page):
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    market_create(home_page)
    page = phone_without_js
    sign_in(page, Taps(page), "lan@example.vn", "/dashboard/my-listings/new/")
    page.fill("#id_title", TITLE)
    page.set_input_files(
        "input[name=photos]",
        files=[photo("IMG_0001.png", (200, 120, 80)), photo("IMG_0002.png", (30, 90, 200))],
    )
    page.fill("#id_price", "180.000")
    page.fill("#id_num_in_stock", "12")
    page.select_option("#id_category", label="Túi và đồ dùng cói")
    page.fill("#id_description", "Làn cói đan tay.\n\nBền và nhẹ.")
    page.locator(".mp-actions button[type=submit]").click()
    page.wait_for_url("**/dashboard/my-listings/*/")
    product = Product.objects.get(title=TITLE)
    first, second = product.images.order_by("display_order")
    page.get_by_role("link", name="Sửa sản phẩm").click()
    page.wait_for_load_state()
    assert page.locator("[data-move-buttons]").first.is_hidden()
    assert page.locator("[data-editor-toolbar]").is_hidden()
    page.fill(f"#photo-{first.pk}-order", "2")
    page.fill(f"#photo-{second.pk}-order", "1")
    page.locator(".mp-actions button[type=submit]").click()
    page.wait_for_url("**/dashboard/my-listings/*/")
    assert product.primary_image().pk == second.pk
    assert Product.objects.get(title=TITLE).description == (
        "<p>Làn cói đan tay.</p>\n<p>Bền và nhẹ.</p>"
    )
