"""The shop on a 390×844 phone: a header within a fifth of the screen, no page wider than
the screen, tap targets of at least 44×44 px, results before filters, sorting that keeps them."""

from __future__ import annotations

import pytest

from search.indexing import product_documents_rebuild
from tests.browser.conftest import (
    PHONE,
    TAP,
    csp_checked,
    csp_violations,
    screenshot,
    tap_targets,
)
from tests.browser.market import market_create

pytestmark = pytest.mark.django_db(transaction=True)

HEADER_MAX = 169  # px: at most 20% of an 844 px screen

# Where the header's parts are: on the first screen, inside the header.
HEADER = """() => {
    const header = document.querySelector('header.site-header').getBoundingClientRect();
    const visible = (selector) => {
        const el = document.querySelector(selector);
        if (!el) return false;
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth
            && box.bottom <= header.bottom;
    };
    return {
        header: header.height,
        search: visible('header input[name=q]'),
        basket: visible('header .basket-link'),
        account: visible('header .account-link'),
    };
}"""


def assert_fits_a_phone(page, name: str) -> None:
    screenshot(page, f"phone-{name}")
    found = {**page.evaluate(HEADER), **tap_targets(page)}
    assert found["header"] <= HEADER_MAX, f"{name}: header {found['header']}px"
    assert found["width"] <= PHONE["width"], f"{name}: page {found['width']}px wide"
    assert found["small"] == [], f"{name}: tap targets under {TAP}×{TAP}px"
    assert found["search"] and found["basket"] and found["account"], f"{name}: {found}"


def shop_pages_fit_a_phone(page, market, language: str) -> None:
    product = market["products"]["hoa_lu"]
    page.goto("/")
    assert_fits_a_phone(page, f"{language}-home")
    page.goto("/catalogue/")
    assert_fits_a_phone(page, f"{language}-catalogue")
    page.goto("/search/?q=com+chay")
    assert_fits_a_phone(page, f"{language}-search")
    page.goto(product.get_absolute_url())
    assert_fits_a_phone(page, f"{language}-product")
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto("/basket/")
    assert page.locator(".basket-count").inner_text() == "1"
    assert_fits_a_phone(page, f"{language}-basket")
    page.goto("/checkout/")
    assert_fits_a_phone(page, f"{language}-checkout")


def test_shop_pages_fit_a_phone_in_vietnamese(phone, home_page):
    market = market_create(home_page)
    shop_pages_fit_a_phone(phone, market, "vi")
    phone.goto("/")
    assert phone.locator("header .account-link").inner_text().strip() == "Đăng nhập"
    assert csp_violations(phone) == []


def test_shop_pages_fit_a_phone_in_english(phone, home_page):
    market = market_create(home_page)
    phone.goto("/")
    phone.get_by_role("button", name="English").click()
    phone.wait_for_load_state()
    assert phone.locator("html").get_attribute("lang") == "en"
    shop_pages_fit_a_phone(phone, market, "en")
    assert csp_violations(phone) == []


def test_search_results_come_first_and_sorting_keeps_the_filters(phone, home_page):
    market = market_create(home_page)
    for product in market["products"].values():
        product.ocop_stars = 4
        product.save()
    product_documents_rebuild(product_ids=[p.pk for p in market["products"].values()])
    district = market["vendors"]["kim_son"].commune.parent

    phone.goto(f"/search/?q=com+chay&district={district.pk}&ocop=4")
    results = phone.locator(".product-grid .product-title")
    assert results.all_inner_texts() == ["Cơm cháy mắm tỏi Kim Sơn"]
    # the filters are folded into one panel that counts them; the first result is on screen
    toggle = phone.locator("summary.filters-toggle")
    assert "Lọc" in toggle.inner_text() and toggle.locator(".filter-count").inner_text() == "2"
    assert not phone.locator("details.filters").evaluate("panel => panel.open")
    first = phone.locator(".product_pod").first.bounding_box()
    assert first["y"] + 100 < PHONE["height"], "the first result is below the fold"
    screenshot(phone, "phone-search-filtered")

    with csp_checked(phone):
        phone.select_option("select[name=sort_by]", "price-desc")
        phone.wait_for_url("**sort_by=price-desc**")
    assert f"district={district.pk}" in phone.url and "ocop=4" in phone.url and "q=com" in phone.url
    assert results.all_inner_texts() == ["Cơm cháy mắm tỏi Kim Sơn"]

    toggle.click()
    phone.get_by_role("link", name="Bỏ các bộ lọc").click()
    phone.wait_for_url("**/search/**")
    assert "district" not in phone.url and "sort_by=price-desc" in phone.url
    assert sorted(results.all_inner_texts()) == ["Cơm cháy chà bông", "Cơm cháy mắm tỏi Kim Sơn"]
