"""The Union's reports in Chromium: provincial and district staff, phone and desktop, vi and en.

axe-core finds no serious or critical violation, no Content-Security-Policy
violation, the page never scrolls sideways on a 390 px phone (wide tables
scroll in their own box), a district opens from the province's table, and the
printout hides the form and starts each section on a new page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model

from checkout.services import checkout_place
from marketplace.models import StaffArea
from marketplace.services.roles import roles_sync
from tests.browser.conftest import PHONE, axe_violations, csp_violations, log_in
from tests.browser.market import PASSWORD, market_create

pytestmark = pytest.mark.django_db(transaction=True)

User = get_user_model()
Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")
SHOTS = Path("/tmp/shots-reports")
DESKTOP = {"width": 1280, "height": 900}


def _orders(market) -> None:
    shopper = User.objects.create_user("khach@example.vn", "khach@example.vn", PASSWORD)
    # A live-server test empties every table, Oscar's countries included.
    vietnam, _ = Country.objects.get_or_create(
        iso_3166_1_a2="VN",
        defaults={"name": "Việt Nam", "printable_name": "Việt Nam", "is_shipping_country": True},
    )
    for method, products in (("cod", ["hoa_lu", "kim_son"]), ("vietqr", ["kim_son"])):
        basket = Basket.objects.create(owner=shopper)
        basket.strategy = Selector().strategy(user=shopper)
        for key in products:
            basket.add_product(market["products"][key], 2)
        checkout_place(
            basket=basket,
            user=shopper,
            email=shopper.email,
            shipping_address=ShippingAddress(
                first_name="Lan",
                line1="Số 5",
                state="Ninh Bình",
                country=vietnam,
            ),
            payment_method=method,
            notify=False,
        )


def _district_staff(market):
    staff = User.objects.create_user("huyen@example.vn", "huyen@example.vn", PASSWORD)
    staff.is_staff = True
    staff.save()
    staff.groups.add(roles_sync())
    StaffArea.objects.create(user=staff, area=market["vendors"]["kim_son"].commune.parent)
    return staff


# Oscar's dashboard navbar puts its log-out form straight in a <ul> (seen on wide
# screens, where the bar is not folded). The dashboard layout belongs to the
# members' navigation (#16): named here, so it cannot hide anything else.
KNOWN = {("list", ".navbar-nav:nth-child(2)")}


def _serious(page, name: str) -> list[dict]:
    return [
        violation
        for violation in axe_violations(page, name)
        if not all((violation["id"], target[0]) in KNOWN for target, _ in violation["nodes"])
    ]


def _page(chromium, live_server, *, viewport, locale):
    context = chromium.new_context(
        viewport=viewport,
        base_url=live_server.url,
        locale=locale,
        is_mobile=viewport == PHONE,
        has_touch=viewport == PHONE,
    )
    context.set_default_timeout(15_000)
    from tests.browser.conftest import csp_watch

    csp_watch(context)
    return context.new_page()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(
    ("size", "locale", "heading"),
    [
        ("phone", "vi-VN", "Báo cáo Ninh Bình"),
        ("desktop", "en-GB", "Report of Ninh Bình"),
    ],
)
def test_provincial_staff_read_the_report_and_open_a_district(
    chromium, live_server, home_page, size, locale, heading
):
    market = market_create(home_page)
    _orders(market)
    page = _page(
        chromium, live_server, viewport=PHONE if size == "phone" else DESKTOP, locale=locale
    )
    log_in(page, "canbo@example.vn", PASSWORD)
    year = timezone.localdate().year
    response = page.goto(f"/dashboard/reports/?period=year&year={year}")
    assert response.status == 200
    assert heading in page.locator("h1").inner_text()
    assert page.locator("svg[role=img]").count() == 4
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    _shot(page, f"test-province-{size}-{locale}")
    assert _serious(page, f"reports-province-{size}") == []
    page.emulate_media(media="print")
    assert not page.locator("form.report-form").is_visible()
    breaks = page.locator(".report-section").evaluate_all(
        "sections => sections.map(s => getComputedStyle(s).breakBefore)"
    )
    assert breaks[1:] == ["page"] * 3
    page.emulate_media(media="screen")
    page.locator("#trade table a", has_text="Kim Sơn").first.click()
    page.wait_for_load_state()
    assert "Kim Sơn" in page.locator("h1").inner_text()
    assert "Kim Tân" in page.locator("#trade").inner_text()
    assert _serious(page, f"reports-district-{size}") == []
    assert csp_violations(page) == []
    page.context.close()


def test_district_staff_see_their_district_and_are_told_when_they_ask_for_more(
    chromium, live_server, home_page
):
    market = market_create(home_page)
    _orders(market)
    _district_staff(market)
    page = _page(chromium, live_server, viewport=PHONE, locale="vi-VN")
    log_in(page, "huyen@example.vn", PASSWORD)
    assert page.goto("/dashboard/reports/").status == 200
    assert "Báo cáo Kim Sơn" in page.locator("h1").inner_text()
    assert "Hoa Lư" not in page.inner_text("body")
    assert "Ninh Bình" not in page.locator(".breadcrumb").inner_text()
    _shot(page, "test-district-phone-vi-VN")
    assert axe_violations(page, "reports-district-staff") == []
    province = market["vendors"]["hoa_lu"].commune.parent.parent
    response = page.goto(f"/dashboard/reports/?area={province.pk}")
    assert response.status == 403
    assert "Bạn chỉ xem được báo cáo của Kim Sơn" in page.inner_text("body")
    _shot(page, "test-district-refused-phone-vi-VN")
    assert axe_violations(page, "reports-refused") == []
    assert csp_violations(page) == []
    page.context.close()
