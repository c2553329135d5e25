"""A shopper's side roads on a phone, in Vietnamese and English: the areas, a cooperative
with nothing for sale, the Union's badge on a product page, a wrong product address and
a story's old address."""

import importlib

import pytest
from django.apps import apps

from tests.browser.conftest import axe_violations, csp_violations, screenshot
from tests.browser.market import market_create
from tests.factories import collection_create, story_create, vendor_create

pytestmark = pytest.mark.django_db(transaction=True)

reslug = importlib.import_module("cms.migrations.0005_readable_page_slugs").reslug

TEXT = {
    "vi": {
        "areas": "Địa bàn",
        "empty": "hiện chưa có sản phẩm nào đang bán",
        "badge": "Được Hội Phụ nữ chọn",
    },
    "en": {
        "areas": "Areas",
        "empty": "has nothing for sale at the moment",
        "badge": "Chosen by the Women's Union",
    },
}


def looked_at(phone, name: str) -> None:
    """The page fits the phone's width, meets axe and the CSP, and is kept as a screenshot."""
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{name} is {width}px wide"
    assert axe_violations(phone, name) == [], name
    assert csp_violations(phone) == [], name
    screenshot(phone, name)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_shop_side_roads_on_a_phone(phone, home_page, live_server, language):
    market = market_create(home_page)
    phone.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    text = TEXT[language]
    kim_son = market["vendors"]["kim_son"]
    product = market["products"]["kim_son"]
    collection_create("Quà Tết", products=[product])
    empty = vendor_create("Tổ hợp tác Dệt chiếu Kim Tân", commune=kim_son.commune)
    story = story_create(
        market["story"].get_parent(),
        "Tổ cói Kim Chính nhận đơn qua Zalo",
        slug="t-coi-kim-chinh-nhn-djn-qua-zalo",
    )
    reslug(apps, None)

    phone.goto("/areas/")
    assert phone.locator("h1").inner_text().strip() == text["areas"]
    looked_at(phone, f"areas-{language}")
    phone.locator(".area-list a", has_text="Kim Sơn").click()
    phone.wait_for_url("**/areas/kim-son/")
    looked_at(phone, f"area-kim-son-{language}")

    phone.goto(empty.get_absolute_url())
    assert text["empty"] in phone.locator(".vendor-empty").inner_text()
    assert phone.locator(".vendor-empty .vendor-card").count() == 1  # her neighbour who sells
    looked_at(phone, f"cooperative-empty-{language}")
    phone.locator(".vendor-empty a.btn-primary").click()
    phone.wait_for_url("**/catalogue/")

    phone.goto(product.get_absolute_url())
    assert phone.locator(".product_main .badge-curated").inner_text() == text["badge"]
    looked_at(phone, f"product-badge-{language}")

    response = phone.goto(f"/catalogue/bat-ky_{product.pk}/")
    assert response.status == 404
    looked_at(phone, f"product-wrong-slug-{language}")

    phone.goto("/cau-chuyen/t-coi-kim-chinh-nhn-djn-qua-zalo/")
    assert phone.url == f"{live_server.url}/cau-chuyen/to-coi-kim-chinh-nhan-don-qua-zalo/"
    assert phone.locator("h1").inner_text().strip() == story.title
    looked_at(phone, f"story-redirected-{language}")
