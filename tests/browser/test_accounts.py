"""A shopper mistypes her password, sets a new one, registers and signs out, on a phone."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.browser.conftest import axe_violations, log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "mat-khau-dung-2026"


def test_too_many_wrong_passwords_show_the_wait_and_the_way_back(phone, home_page):
    get_user_model().objects.create_user("lan@example.vn", "lan@example.vn", PASSWORD)
    for _ in range(5):
        log_in(phone, "lan@example.vn", "sai-mat-khau")
    assert phone.get_by_role("heading", name="Tạm dừng đăng nhập").is_visible()
    assert phone.get_by_text("Hãy chờ 15 phút rồi thử lại.").is_visible()
    screenshot(phone, "accounts-lockout")
    assert axe_violations(phone, "accounts-lockout") == []
    phone.get_by_role("link", name="Đặt mật khẩu mới").click()
    phone.wait_for_url("**/password-reset/")


def test_registering_says_to_look_in_the_mailbox_and_signing_out_is_a_button(phone, home_page):
    phone.goto("/accounts/login/")
    phone.fill("#id_registration-email", "hoa@example.vn")
    phone.fill("#id_registration-password1", "mot-mat-khau-dai-2026")
    phone.fill("#id_registration-password2", "mot-mat-khau-dai-2026")
    phone.click("button[name=registration_submit]")
    phone.wait_for_url("**/accounts/register/sent/")
    assert phone.get_by_role("heading", name="Hãy xem hộp thư của bạn").is_visible()
    screenshot(phone, "accounts-registration-sent")
    assert axe_violations(phone, "accounts-registration-sent") == []

    get_user_model().objects.create_user("lan@example.vn", "lan@example.vn", PASSWORD)
    log_in(phone, "lan@example.vn", PASSWORD)
    phone.goto("/catalogue/")
    logout = phone.locator(".site-nav").get_by_role("button", name="Đăng xuất")
    logout.scroll_into_view_if_needed()
    assert logout.is_visible()
    screenshot(phone, "accounts-signed-in-header")
    logout.click()
    phone.wait_for_url(re.compile(r".*/$"))
    assert phone.locator(".site-header").get_by_role("link", name="Đăng nhập").is_visible()
