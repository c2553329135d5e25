"""A shopper on a phone: search without accents, narrow by district and OCOP stars, sort,
buy from two cooperatives with cash on delivery, open her order from the e-mail; and the
same journey with JavaScript off."""

import datetime
import re

import pytest
from oscar.core.loading import get_model

from tests.browser.conftest import (
    PHONE,
    axe_violations,
    csp_checked,
    csp_violations,
    screenshot,
)
from tests.browser.market import market_create

Country = get_model("address", "Country")

pytestmark = pytest.mark.django_db(transaction=True)


def shopper_fills_basket(page, market) -> None:
    """Home → search "com chay" → filter by district → product → two cooperatives in the basket.

    The checkout journey continues from here (basket page open, both lines in it).
    """
    certified = market["products"]["hoa_lu"]
    certified.ocop_stars = 4
    certified.ocop_certificate_number = "NB-2026-014"
    certified.ocop_issued_on = datetime.date.today() - datetime.timedelta(days=100)
    certified.ocop_expires_on = datetime.date.today() + datetime.timedelta(days=900)
    certified.save()
    page.goto("/")
    assert axe_violations(page, "shopper-home") == []
    page.fill("header input[name=q]", "com chay")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search/**")
    results = page.locator(".product-grid .product-title")
    assert sorted(results.all_inner_texts()) == ["Cơm cháy chà bông", "Cơm cháy mắm tỏi Kim Sơn"]

    assert axe_violations(page, "shopper-search") == []
    # Narrow by district and by OCOP stars in the folded "Lọc" panel, then sort: the
    # order is chosen at once (site.js, not an onchange attribute) and keeps both.
    page.locator("summary.filters-toggle").click()  # on a phone the filters are folded
    page.get_by_role("link", name="Hoa Lư").click()
    page.wait_for_url("**district=**")
    page.locator("summary.filters-toggle").click()
    page.locator(".facet a[href*='ocop=']").first.click()
    page.wait_for_url("**ocop=**")
    with csp_checked(page):
        page.select_option("select[name=sort_by]", "price-desc")
        page.wait_for_url("**sort_by=price-desc**")
    assert "district=" in page.url and "ocop=" in page.url and "q=com" in page.url
    assert results.all_inner_texts() == ["Cơm cháy chà bông"]
    screenshot(page, "shopper-1-search-district-ocop-sorted")

    results.get_by_role("link", name="Cơm cháy chà bông").click()
    assert page.locator("h1").inner_text() == "Cơm cháy chà bông"
    assert "45.000" in page.locator(".product_main .price").inner_text()
    assert "Hợp tác xã Cơm cháy Hoa Lư" in page.locator(".vendor-card").inner_text()
    assert axe_violations(page, "shopper-product") == []
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".basket-count").inner_text() == "1"
    screenshot(page, "shopper-2-product")

    page.goto(market["products"]["kim_son"].get_absolute_url())
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".basket-count").inner_text() == "2"

    page.locator(".basket-link").click()
    page.wait_for_url("**/basket/")
    basket = page.locator("#content_inner").inner_text()
    assert "Cơm cháy chà bông" in basket and "Cơm cháy mắm tỏi Kim Sơn" in basket
    screenshot(page, "shopper-3-basket")
    assert axe_violations(page, "shopper-basket") == []
    assert csp_violations(page) == []


def shopper_pays_cash_on_delivery(page) -> None:
    """Basket → guest checkout → an address in Hà Nội found without accents → cash on
    delivery → both parts."""
    Country.objects.get_or_create(
        iso_3166_1_a2="VN", defaults={"name": "Việt Nam", "is_shipping_country": True}
    )
    page.goto("/checkout/")
    page.fill("input[name=username]", "khach.moi@example.vn")
    page.check("input[name=options][value=anonymous]")
    page.locator("form.card button[type=submit]").click()
    page.wait_for_url("**/checkout/shipping-address/")
    page.fill("input[name=first_name]", "Nguyễn Thị Lan")
    page.fill("input[name=phone_number]", "0912 345 678")
    # Type-ahead without accents (site.js asks checkout:delivery-areas): one province
    # matches and is chosen, its wards fill the next list.
    page.locator("select[name=province]").locator("xpath=preceding-sibling::input").fill("ha noi")
    page.wait_for_selector("select[name=province] option[value='1']:checked", state="attached")
    ward_box = page.locator("select[name=ward]").locator("xpath=preceding-sibling::input")
    page.wait_for_selector("select[name=ward] option[value='4']", state="attached")
    ward_box.fill("phuong ba dinh")
    page.wait_for_selector("select[name=ward] option[value='4']:checked", state="attached")
    assert page.locator("select[name=ward] option").count() == 2  # the prompt, Ba Đình
    page.fill("input[name=line1]", "Số 5, thôn Văn Lâm")
    screenshot(page, "shopper-4-address")
    assert axe_violations(page, "checkout-address") == []
    page.locator(
        "form#new_shipping_address button[type=submit], main form button[type=submit]"
    ).last.click()
    page.wait_for_url("**/checkout/payment-method/")
    assert page.locator("input[name=method][value=cod]").is_checked()
    assert axe_violations(page, "checkout-payment-method") == []
    page.locator(".payment-method-form button[type=submit]").click()
    page.wait_for_url("**/checkout/preview/")
    preview = page.locator("body").inner_text()
    assert "Hợp tác xã Cơm cháy Hoa Lư" in preview and "Hợp tác xã Cói Kim Sơn" in preview
    assert "tỉnh, thành khác trong cả nước" in preview
    screenshot(page, "shopper-5-preview")
    assert axe_violations(page, "checkout-preview") == []
    page.locator("#place-order").click()
    page.wait_for_url("**/checkout/thank-you/")
    parts = page.locator(".order-part")
    assert parts.count() == 2
    text = " ".join(parts.all_inner_texts())
    assert "Hợp tác xã Cơm cháy Hoa Lư" in text and "Hợp tác xã Cói Kim Sơn" in text
    screenshot(page, "shopper-6-confirmation")
    assert axe_violations(page, "checkout-confirmation") == []
    assert csp_violations(page) == []


def shopper_opens_her_order_from_the_email(page, mailoutbox, *, javascript=True) -> None:
    """The confirmation e-mail's link opens her order, with each cooperative's part.

    axe-core runs in the page, so only with JavaScript on (the same pages are
    checked by the journey with JavaScript).
    """
    [placed] = [mail for mail in mailoutbox if mail.to == ["khach.moi@example.vn"]]
    link = re.search(r"https?://[^/\s]+(/orders/status/\?key=\S+)", placed.body)
    assert link, placed.body
    assert "khach.moi" not in link.group(1)  # signed: no e-mail address in the address
    page.goto(link.group(1))  # the e-mail names SITE_URL; the test server has its own port
    status = page.locator("main").inner_text()
    assert "Hợp tác xã Cơm cháy Hoa Lư" in status and "Hợp tác xã Cói Kim Sơn" in status
    if javascript:
        screenshot(page, "shopper-7-order-from-email")
        assert axe_violations(page, "order-status") == []
        assert csp_violations(page) == []
    else:
        screenshot(page, "shopper-nojs-order-from-email")


def test_shopper_buys_from_two_cooperatives_with_cash_on_delivery(phone, home_page, mailoutbox):
    market = market_create(home_page)
    shopper_fills_basket(phone, market)
    shopper_pays_cash_on_delivery(phone)
    shopper_opens_her_order_from_the_email(phone, mailoutbox)


def test_the_same_cash_journey_works_with_javascript_off(phone_without_js, home_page, mailoutbox):
    """Search, filter, basket, a guest's address anywhere in Vietnam, cash, the e-mail's link."""
    page = phone_without_js
    market = market_create(home_page)
    Country.objects.get_or_create(
        iso_3166_1_a2="VN", defaults={"name": "Việt Nam", "is_shipping_country": True}
    )
    page.goto("/")
    page.fill("header input[name=q]", "com chay")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search/**")
    page.locator("summary.filters-toggle").click()  # <details> opens without JavaScript
    page.get_by_role("link", name="Hoa Lư").click()
    page.wait_for_url("**district=**")
    page.select_option("select[name=sort_by]", "price-desc")
    page.locator("form:has(select[name=sort_by]) button[type=submit]").click()
    page.wait_for_url("**sort_by=price-desc**")
    assert "district=" in page.url and "q=com" in page.url
    results = page.locator(".product-grid .product-title")
    assert results.all_inner_texts() == ["Cơm cháy chà bông"]
    results.get_by_role("link", name="Cơm cháy chà bông").click()
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(market["products"]["kim_son"].get_absolute_url())
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto("/checkout/")
    page.fill("input[name=username]", "khach.moi@example.vn")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/checkout/shipping-address/")
    page.fill("input[name=first_name]", "Nguyễn Thị Lan")
    page.fill("input[name=phone_number]", "0912 345 678")
    page.select_option("select[name=province]", label="Thành phố Hà Nội")
    page.fill("input[name=line1]", "Số 3, phố Đội Cấn")
    page.locator("button[name=action][value=choose_province]").click()
    page.wait_for_load_state()
    page.select_option("select[name=ward]", label="Phường Ba Đình")
    screenshot(page, "shopper-nojs-address")
    page.locator("#new_shipping_address button[type=submit]:not([name])").click()
    page.wait_for_url("**/checkout/payment-method/")
    page.locator(".payment-method-form button[type=submit]").click()
    page.wait_for_url("**/checkout/preview/")
    page.locator("#place-order").click()
    page.wait_for_url("**/checkout/thank-you/")
    assert page.locator(".order-part").count() == 2
    screenshot(page, "shopper-nojs-confirmation")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    shopper_opens_her_order_from_the_email(page, mailoutbox, javascript=False)


def test_switching_language_on_a_product_page_keeps_the_product(phone, home_page):
    market = market_create(home_page)
    product = market["products"]["kim_son"]
    phone.goto(product.get_absolute_url())
    assert phone.locator("html").get_attribute("lang") == "vi"
    phone.get_by_role("button", name="English").click()
    phone.wait_for_load_state()
    assert phone.url.endswith(product.get_absolute_url())
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.locator("h1").inner_text() == "Cơm cháy mắm tỏi Kim Sơn"
    assert phone.get_by_role("button", name="Search").is_visible()
    screenshot(phone, "language-en-product")
    assert csp_violations(phone) == []
