"""A shopper on a phone: search without accents, narrow by district, buy from two cooperatives."""

import pytest

from tests.browser.conftest import screenshot
from tests.browser.market import market_create

pytestmark = pytest.mark.django_db(transaction=True)


def shopper_fills_basket(page, market) -> None:
    """Home → search "com chay" → filter by district → product → two cooperatives in the basket.

    The checkout journey continues from here (basket page open, both lines in it).
    """
    page.goto("/")
    page.fill("header input[name=q]", "com chay")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search/**")
    results = page.locator(".product-grid .product-title")
    assert sorted(results.all_inner_texts()) == ["Cơm cháy chà bông", "Cơm cháy mắm tỏi Kim Sơn"]

    page.get_by_role("link", name="Hoa Lư").click()
    page.wait_for_url("**district=**")
    assert results.all_inner_texts() == ["Cơm cháy chà bông"]
    screenshot(page, "shopper-1-search-district")

    results.get_by_role("link", name="Cơm cháy chà bông").click()
    assert page.locator("h1").inner_text() == "Cơm cháy chà bông"
    assert "45.000" in page.locator(".product_main .price").inner_text()
    assert "Hợp tác xã Cơm cháy Hoa Lư" in page.locator(".vendor-card").inner_text()
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


def test_shopper_fills_a_basket_from_two_cooperatives(phone, home_page):
    market = market_create(home_page)
    shopper_fills_basket(phone, market)


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
