"""A cooperative member's desk on a 390×844 phone: her one menu, "Today", an order confirmed
and shipped with a carrier, her sales; the shopper then follows the parcel on the carrier's site.
Every page: axe-core without serious or critical findings, no sideways scrolling, tap targets
of at least 44×44 px; in Vietnamese and in English, and with JavaScript off."""

from __future__ import annotations

import pytest
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model

from checkout.services import checkout_place
from checkout.status_links import order_status_path
from cms.models import GuideIndexPage, GuidePage
from marketplace.models import OrderGroup
from tests.browser.conftest import (
    PHONE,
    axe_violations,
    csp_violations,
    log_in,
    screenshot,
    tap_targets,
)
from tests.browser.market import PASSWORD, market_create
from tests.factories import publish

pytestmark = pytest.mark.django_db(transaction=True)

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")


def assert_fits_a_phone(page, name: str) -> None:
    screenshot(page, f"member-desk-{name}")
    found = tap_targets(page)
    menus = page.locator("nav.member-nav").count()
    toggles = page.locator(".navbar-toggler").count()
    assert found["width"] <= PHONE["width"], f"{name}: page {found['width']}px wide"
    assert found["small"] == [], f"{name}: tap targets under 44×44px: {found['small']}"
    assert (menus, toggles) == (1, 0), f"{name}: {menus} menus, {toggles} toggles"
    assert axe_violations(page, f"member-desk-{name}") == [], name


def order_placed(product, email="lan.nguyen@example.vn") -> OrderGroup:
    """A guest's cash-on-delivery order for ``product``, through the real checkout service."""
    country, _ = Country.objects.get_or_create(
        iso_3166_1_a2="VN", defaults={"name": "Việt Nam", "is_shipping_country": True}
    )
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(product, 2)
    return checkout_place(
        basket=basket,
        user=None,
        email=email,
        shipping_address=ShippingAddress(
            first_name="Nguyễn Thị Lan",
            line1="Số 5, thôn Văn Lâm",
            line3="Phường Hoa Lư",
            state="Ninh Bình",
            country=country,
            phone_number="+84912345678",
        ),
        payment_method=OrderGroup.PaymentMethod.CASH,
        notify=False,
    )


@pytest.fixture
def desk(home_page):
    market = market_create(home_page)
    guides = publish(home_page, GuideIndexPage(title="Hướng dẫn bán hàng", slug="huong-dan"))
    publish(
        guides,
        GuidePage(
            title="Đóng gói và gửi hàng",
            title_en="Packing and shipping",
            topic="packing",
            body="<p>Chai lọ quấn giấy báo, chèn chặt trong hộp.</p>",
            body_en="<p>Wrap bottles in newspaper and pack them tight in a box.</p>",
        ),
    )
    group = order_placed(market["products"]["kim_son"])
    return {**market, "group": group}


def test_a_member_confirms_and_ships_and_the_shopper_follows_the_parcel(phone, desk):
    page = phone
    log_in(page, "lan@example.vn", PASSWORD)
    page.goto("/dashboard/")
    page.wait_for_url("**/dashboard/today/")
    task = page.locator("[data-task=to_confirm]")
    assert task.locator(".today-count").inner_text() == "1"
    assert "đơn hàng mới cần xác nhận" in task.inner_text()
    assert_fits_a_phone(page, "vi-today")

    task.get_by_role("link").click()
    page.wait_for_url("**/dashboard/my-orders/?status=Pending")
    number = desk["group"].parts.get().order.number
    card = page.locator(f"[data-order='{number}']")
    assert (
        "Nguyễn Thị Lan" in card.inner_text()
        and "2 × Cơm cháy mắm tỏi Kim Sơn" in card.inner_text()
    )
    assert card.locator("a[href^='tel:']").get_attribute("href") == "tel:0912345678"
    assert_fits_a_phone(page, "vi-orders")

    card.get_by_role("button", name="Xác nhận đơn hàng").click()
    page.wait_for_load_state()
    assert page.locator(".order-status").first.inner_text() == "Đã xác nhận, đang chuẩn bị"
    page.select_option("#id_carrier", label="GHN")
    page.fill("#id_tracking_number", "GHNLK7Q3")
    assert_fits_a_phone(page, "vi-order-ship")
    page.get_by_role("button", name="Đánh dấu đã gửi hàng").click()
    page.wait_for_load_state()
    assert page.locator(".order-status").first.inner_text() == "Đang giao"
    assert "GHN · Mã vận đơn: GHNLK7Q3" in page.locator("#deliver-to").locator("..").inner_text()
    assert_fits_a_phone(page, "vi-order-shipped")

    page.locator("nav.member-nav").get_by_role("link", name="Doanh số").click()
    page.wait_for_url("**/dashboard/sales/")
    assert page.locator("svg[role=img]").count() == 2
    assert_fits_a_phone(page, "vi-sales")
    page.get_by_role("link", name="Theo tuần").click()
    page.wait_for_url("**/dashboard/sales/?period=week")
    assert_fits_a_phone(page, "vi-sales-week")

    page.locator("nav.member-nav").get_by_role("link", name="Hướng dẫn").click()
    page.wait_for_url("**/huong-dan/")
    screenshot(page, "member-desk-vi-help")
    assert csp_violations(page) == []

    # the shopper opens her order from the e-mail's link, signed out
    page.context.clear_cookies()
    page.goto(order_status_path(desk["group"]))
    link = page.locator("a.tracking-link")
    assert link.get_attribute("href") == "https://donhang.ghn.vn/?order_code=GHNLK7Q3"
    assert link.inner_text() == "Theo dõi gói hàng trên trang của GHN"
    screenshot(page, "member-desk-vi-shopper-tracking")
    assert axe_violations(page, "member-desk-shopper-tracking") == []


def test_the_members_pages_fit_a_phone_in_english(phone, desk):
    page = phone
    log_in(page, "lan@example.vn", PASSWORD)
    page.goto("/dashboard/today/")
    page.locator(".member-bar").get_by_role("button", name="EN").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    labels = page.locator("nav.member-nav a").all_inner_texts()
    assert labels == ["Today", "Products", "Orders", "Sales", "Money", "Team", "Profile", "Help"]
    assert "new order to confirm" in page.locator("[data-task=to_confirm]").inner_text()
    assert_fits_a_phone(page, "en-today")
    for key, url in (
        ("orders", "/dashboard/my-orders/"),
        ("sales", "/dashboard/sales/"),
        ("money", "/dashboard/my-settlement/"),
        ("team", "/dashboard/team/"),
        ("profile", "/dashboard/profile/"),
    ):
        page.locator(f"nav.member-nav a[data-nav={key}]").click()
        page.wait_for_url(f"**{url}")
        assert page.locator(f"a[data-nav={key}][aria-current=page]").count() == 1
        assert_fits_a_phone(page, f"en-{key}")
    part = desk["group"].parts.get()
    page.goto(f"/dashboard/my-orders/{part.pk}/")
    assert_fits_a_phone(page, "en-order")
    assert csp_violations(page) == []


def test_without_javascript_the_menu_shows_and_an_order_is_confirmed(phone_without_js, desk):
    page = phone_without_js
    log_in(page, "lan@example.vn", PASSWORD)
    page.goto("/dashboard/my-orders/")
    menu = page.locator("nav.member-nav a")
    assert menu.count() == 8 and all(menu.nth(n).is_visible() for n in range(8))
    page.get_by_role("button", name="Xác nhận đơn hàng").click()
    page.wait_for_load_state()
    assert page.locator(".order-status").first.inner_text() == "Đã xác nhận, đang chuẩn bị"
    page.select_option("#id_carrier", label="J&T Express")
    page.fill("#id_tracking_number", "841200")
    page.get_by_role("button", name="Đánh dấu đã gửi hàng").click()
    page.wait_for_load_state()
    assert page.locator(".order-status").first.inner_text() == "Đang giao"
    screenshot(page, "member-desk-nojs-shipped")
