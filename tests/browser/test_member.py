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
    page.select_option("#add_product_form select", label="Đặc sản")
    page.get_by_role("button", name="Thêm sản phẩm").click()
    page.wait_for_url("**/products/create/dac-san/")

    page.fill("#id_title", "Làn cói Kim Sơn")
    page.fill("#id_maker", "Chị Phạm Thị Lan")
    page.click("a[href='#product_category']")
    page.select_option(
        "#id_productcategory_set-0-category", label="Cói và mây tre đan > Túi và đồ dùng cói"
    )
    page.click("a[href='#product_images']")
    # The preview shows the picture and hides Oscar's "Upload Image" button (site.js).
    with csp_checked(page):
        page.set_input_files(
            "#id_images-0-original",
            files=[{"name": "lan-coi.png", "mimeType": "image/png", "buffer": png_bytes()}],
        )
        page.locator("#upload_button_id_images-0-original-image").wait_for(state="hidden")
    page.click("a[href='#product_stock']")
    page.select_option("#id_stockrecords-0-partner", label="Hợp tác xã Cói Kim Sơn")
    page.fill("#id_stockrecords-0-partner_sku", "COI-01")
    page.fill("#id_stockrecords-0-num_in_stock", "12")
    page.fill("#id_stockrecords-0-price", "180000")
    screenshot(page, "member-product-form")
    # A tap, as on a phone: the Save button must not hide under Oscar's fixed bar.
    page.locator("button[name=action][value=save]").click()
    page.wait_for_url("**/dashboard/my-listings/")
    assert page.locator(".alert-success").count() == 1

    row = page.locator("tr", has_text="Làn cói Kim Sơn")
    row.get_by_role("button", name="Gửi duyệt").click()
    page.wait_for_load_state()
    assert "Đang chờ duyệt" in page.locator("tr", has_text="Làn cói Kim Sơn").inner_text()
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
