"""The address step on a phone with JavaScript off: plain lists, still anywhere in Vietnam."""

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from tests.browser.conftest import log_in, screenshot
from tests.browser.market import market_create

Country = get_model("address", "Country")

pytestmark = pytest.mark.django_db(transaction=True)


def test_without_javascript_a_shopper_chooses_province_then_ward(phone_without_js, home_page):
    page = phone_without_js
    market = market_create(home_page)
    Country.objects.get_or_create(
        iso_3166_1_a2="VN", defaults={"name": "Việt Nam", "is_shipping_country": True}
    )
    page.goto(market["products"]["kim_son"].get_absolute_url())
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    # Signed in: the guest gateway without JavaScript is the phone journey's part of #15.
    get_user_model().objects.create_user(
        username="mai", email="mai@example.vn", password="mat-khau-dai-1"
    )
    log_in(page, "mai@example.vn", "mat-khau-dai-1")
    page.goto("/checkout/shipping-address/")
    page.fill("input[name=first_name]", "Trần Thị Mai")
    page.fill("input[name=phone_number]", "0912 345 678")
    page.select_option("select[name=province]", label="Thành phố Hồ Chí Minh")
    page.fill("input[name=line1]", "Số 45, đường Lê Lợi")
    page.locator("button[name=action][value=choose_province]").click()
    page.wait_for_load_state()
    # the form comes back as typed, with the city's wards and no error
    assert page.locator(".error-block").count() == 0
    assert page.input_value("input[name=line1]") == "Số 45, đường Lê Lợi"
    page.select_option("select[name=ward]", label="Phường Sài Gòn")
    screenshot(page, "delivery-nojs-address")
    page.locator("#new_shipping_address button[type=submit]:not([name])").click()
    page.wait_for_url("**/checkout/payment-method/")
    assert "tỉnh, thành khác trong cả nước" in page.locator("body").inner_text()
    screenshot(page, "delivery-nojs-payment-method")
