"""Wagtail's admin turns a Vietnamese title into a readable address as the editor types."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.market import PASSWORD, market_create

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_new_story_gets_its_title_transliterated_as_its_slug(phone, home_page):
    market = market_create(home_page)
    get_user_model().objects.create_superuser("quantri@example.vn", "quantri@example.vn", PASSWORD)
    phone.goto("/cms/login/")
    phone.fill("#id_username", "quantri@example.vn")
    phone.fill("#id_password", PASSWORD)
    phone.locator("form button[type=submit]").click()
    phone.wait_for_url("**/cms/")

    phone.goto(f"/cms/pages/add/cms/storypage/{market['story'].get_parent().pk}/")
    title = phone.locator("#id_title")
    title.click()
    title.press_sequentially("Tổ cói Kim Chính nhận đơn qua Zalo")
    title.blur()
    slug = phone.locator("#id_slug")
    expect(slug).to_have_value("to-coi-kim-chinh-nhan-don-qua-zalo")  # synced after a short delay

    # A slug typed by hand is cleaned the same way when the field is left.
    phone.locator('a[href="#tab-quang_ba"]').click()  # the "Promote" tab
    slug.fill("Đặc sản Ninh Bình")
    slug.blur()
    expect(slug).to_have_value("dac-san-ninh-binh")
    screenshot(phone, "admin-story-slug")
