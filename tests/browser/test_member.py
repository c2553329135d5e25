"""A member lists a product with a picture and sends it for review; Union staff approve it."""

import pytest

from marketplace.models import Listing
from tests.browser.conftest import csp_checked, csp_violations, log_in, screenshot
from tests.browser.market import PASSWORD, market_create
from tests.images import png_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def member_lists_a_product(page, market) -> None:
    log_in(page, "lan@example.vn", PASSWORD)
    page.goto("/dashboard/my-listings/")
    page.get_by_role("link", name="Thêm sản phẩm").click()
    page.wait_for_url("**/dashboard/my-listings/new/")

    page.fill("#id_title", "Làn cói Kim Sơn")
    page.fill("#id_maker", "Chị Phạm Thị Lan")
    page.select_option("#id_category", label="Túi và đồ dùng cói")
    with csp_checked(page):
        page.set_input_files(
            "input[name=photos]",
            files=[{"name": "lan-coi.png", "mimeType": "image/png", "buffer": png_bytes()}],
        )
    page.fill("#id_num_in_stock", "12")
    page.fill("#id_price", "180.000")
    screenshot(page, "member-product-form")
    page.locator(".mp-actions button[type=submit]").click()
    page.wait_for_url("**/dashboard/my-listings/*/")
    assert page.locator(".alert-success").count() == 1

    with page.expect_navigation():
        page.get_by_role("button", name="Gửi Hội duyệt").click()
    assert "Đang chờ Hội duyệt" in page.locator(".mp-status").inner_text()
    screenshot(page, "member-sent-for-review")
    assert csp_violations(page) == []


def staff_approves(page, listing: Listing) -> None:
    log_in(page, "canbo@example.vn", PASSWORD)
    page.goto("/dashboard/listings/")
    page.get_by_role("link", name="Làn cói Kim Sơn").first.click()
    page.check("input[name=decision][value=approve]")
    page.get_by_role("button", name="Ghi nhận quyết định").click()
    page.wait_for_load_state()


def test_member_lists_a_product_and_the_union_approves_it(phone, home_page):
    market = market_create(home_page)
    member_lists_a_product(phone, market)
    listing = Listing.objects.get(product__title="Làn cói Kim Sơn")
    assert listing.status == Listing.Status.PENDING
    assert listing.product.images.count() == 1
    assert listing.product.maker == "Chị Phạm Thị Lan"

    phone.context.clear_cookies()
    assert phone.goto(listing.product.get_absolute_url()).status == 404

    staff_approves(phone, listing)
    listing.refresh_from_db()
    assert listing.status == Listing.Status.APPROVED

    phone.context.clear_cookies()
    phone.goto(listing.product.get_absolute_url())
    assert phone.locator("h1").inner_text() == "Làn cói Kim Sơn"
    assert "180.000" in phone.locator(".product_main .price").inner_text()
    assert phone.locator(".product-gallery img").count() == 1
    screenshot(phone, "member-product-public")
    assert csp_violations(phone) == []
