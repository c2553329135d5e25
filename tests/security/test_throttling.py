"""Password guessing meets a wall; public forms meet a limit; no page tells who has an account.

The sign-in lock-out runs on axes' real database handler (config/settings/accounts.py):
5 failures for one account from one address, 20 from one address, 15 minutes' wait.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from marketplace.models import Vendor
from tests.factories import commune_create, product_create
from tests.images import png_bytes

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "mat-khau-dung-2026"
LOCKED = "Tạm dừng đăng nhập"


def person(email: str = "lan@example.vn", **fields):
    return User.objects.create_user(email, email, PASSWORD, **fields)


LOGINS = {
    "shop": (
        "/accounts/login/",
        lambda username, password: {
            "login-username": username,
            "login-password": password,
            "login_submit": "1",
        },
    ),
    "cms": ("/cms/login/", lambda username, password: {"username": username, "password": password}),
    "django-admin": (
        "/django-admin/login/",
        lambda username, password: {"username": username, "password": password},
    ),
}


def sign_in(client, where: str, username: str, password: str):
    url, fields = LOGINS[where]
    return client.post(url, fields(username, password))


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


# --------------------------------------------------------------------------
# Sign-in lock-out
# --------------------------------------------------------------------------


@pytest.mark.parametrize("where", list(LOGINS))
def test_five_wrong_passwords_pause_sign_in_with_a_clear_page(client, home_page, where):
    lan = person(is_staff=True, is_superuser=True)  # may use every login page
    for _ in range(4):
        response = sign_in(client, where, lan.email, "sai-mat-khau")
        assert response.status_code == 200  # the form says the password is wrong
    locked = sign_in(client, where, lan.email, "sai-mat-khau")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert LOCKED in page and "15 phút" in page
    assert 'href="/password-reset/"' in page
    # Even the right password waits now, from this address.
    again = sign_in(client, where, lan.email, PASSWORD)
    assert again.status_code == 429
    assert not signed_in(client)


def test_the_checkout_sign_in_is_counted_too(client, home_page):
    lan = person()
    product = product_create("Cơm cháy chà bông")
    client.post(f"/basket/add/{product.pk}/", {"quantity": 1}, HTTP_REFERER="/")
    existing = {"username": lan.email, "options": "existing"}
    for _ in range(4):
        assert client.post("/checkout/", {**existing, "password": "wrong"}).status_code == 200
    locked = client.post("/checkout/", {**existing, "password": "wrong"})
    assert locked.status_code == 429 and LOCKED in locked.content.decode()
    assert client.post("/checkout/", {**existing, "password": PASSWORD}).status_code == 429
    assert not signed_in(client)


def test_the_lock_out_page_speaks_english_too(client, home_page):
    lan = person()
    client.cookies["django_language"] = "en"
    for _ in range(5):
        response = sign_in(client, "shop", lan.email, "wrong")
    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    assert "Wait 15 minutes, then try again." in response.content.decode()


def test_the_account_is_one_whatever_the_capitals(client, home_page):
    lan = person()
    for variant in ("LAN@example.vn", "Lan@Example.vn", "lan@EXAMPLE.VN", "lan@example.vn"):
        sign_in(client, "shop", variant, "wrong")
    assert sign_in(client, "shop", " Lan@example.vn", "wrong").status_code == 429
    assert sign_in(client, "shop", lan.email, PASSWORD).status_code == 429


def test_another_address_still_signs_in(client, home_page):
    lan = person()
    for _ in range(5):
        sign_in(client, "shop", lan.email, "wrong")
    elsewhere = Client(REMOTE_ADDR="10.9.8.7")
    response = sign_in(elsewhere, "shop", lan.email, PASSWORD)
    assert response.status_code == 302
    assert signed_in(elsewhere)


def test_twenty_failures_from_one_address_pause_every_account(client, home_page):
    hoa = person("hoa@example.vn")
    for n in range(20):
        response = sign_in(client, "shop", f"khach{n}@example.vn", "wrong")
    assert response.status_code == 429
    assert sign_in(client, "shop", hoa.email, PASSWORD).status_code == 429
    assert not signed_in(client)


def test_a_guesser_cannot_wipe_the_count_by_signing_in_to_her_own_account(client, home_page):
    """axes' stock reset on success forgets every failure of the address; ours the account's."""
    victim = person("lan@example.vn")
    guesser = person("ke-gian@example.vn")
    for _ in range(4):
        sign_in(client, "shop", victim.email, "guess")
    assert sign_in(client, "shop", guesser.email, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    assert sign_in(client, "shop", victim.email, "guess").status_code == 429


def test_a_correct_sign_in_forgets_her_own_typos(client, home_page):
    lan = person()
    for _ in range(4):
        sign_in(client, "shop", lan.email, "typo")
    assert sign_in(client, "shop", lan.email, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        assert sign_in(client, "shop", lan.email, "typo").status_code == 200
    assert sign_in(client, "shop", lan.email, "typo").status_code == 429  # five since she got in


def test_a_new_password_lets_the_owner_back_in(
    client, home_page, mailoutbox, django_capture_on_commit_callbacks, settings
):
    lan = person()
    for _ in range(5):
        sign_in(client, "shop", lan.email, "wrong")
    assert sign_in(client, "shop", lan.email, PASSWORD).status_code == 429

    client.post("/password-reset/", {"email": lan.email})
    assert len(mailoutbox) == 1
    (link,) = re.findall(r"https?://\S+/password-reset/confirm/\S+/", mailoutbox[0].body)
    assert link.startswith(settings.SITE_URL + "/")  # not example.com
    form = client.get(urlsplit(link).path, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "mat-khau-moi-2026", "new_password2": "mat-khau-moi-2026"},
        follow=True,
    )
    assert done.status_code == 200
    assert signed_in(client)  # in at once, the lock-out of her address notwithstanding
    assert "Mật khẩu mới đã được lưu" in done.content.decode()

    # And later, from the same address, her new password works on the sign-in form.
    client.post("/accounts/logout/")
    assert sign_in(client, "shop", lan.email, "mat-khau-moi-2026").status_code == 302


def test_a_new_password_set_through_the_cms_lets_the_editor_back_in(client, home_page, mailoutbox):
    lan = person(is_staff=True, is_superuser=True)
    for _ in range(5):
        sign_in(client, "cms", lan.email, "wrong")
    assert sign_in(client, "cms", lan.email, PASSWORD).status_code == 429

    assert client.post("/cms/password_reset/", {"email": lan.email}).status_code == 302
    assert len(mailoutbox) == 1
    (path,) = re.findall(r"/cms/password_reset/confirm/\S+/", mailoutbox[0].body)
    form = client.get(path, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "mat-khau-moi-2026", "new_password2": "mat-khau-moi-2026"},
    )
    assert done.status_code == 302

    # From the same address, her new password opens the CMS.
    response = sign_in(client, "cms", lan.email, "mat-khau-moi-2026")
    assert response.status_code == 302 and signed_in(client)


# --------------------------------------------------------------------------
# Rate limits (settings.RATE_LIMITS)
# --------------------------------------------------------------------------


def test_password_reset_is_limited_per_address(client, home_page, mailoutbox):
    person()
    for n in range(5):
        assert client.post("/password-reset/", {"email": f"x{n}@example.vn"}).status_code == 302
    refused = client.post("/password-reset/", {"email": "lan@example.vn"})
    assert refused.status_code == 429
    assert "Xin chờ một chút" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    assert mailoutbox == []  # nothing sent


def test_password_reset_is_limited_per_e_mail_from_any_address(home_page, mailoutbox):
    person()
    for n in range(3):
        sender = Client(REMOTE_ADDR=f"10.0.0.{n + 1}")
        assert sender.post("/password-reset/", {"email": "lan@example.vn"}).status_code == 302
    refused = Client(REMOTE_ADDR="10.0.0.9").post("/password-reset/", {"email": "LAN@example.vn"})
    assert refused.status_code == 429
    assert len(mailoutbox) == 3


def test_the_cms_password_reset_shares_the_limit(client, home_page, mailoutbox):
    for n in range(5):
        client.post("/password-reset/" if n % 2 else "/cms/password_reset/", {"email": f"{n}@x.vn"})
    refused = client.post("/cms/password_reset/", {"email": "lan@example.vn"})
    assert refused.status_code == 429
    assert "Xin chờ một chút" in refused.content.decode()


def test_order_status_lookups_are_limited(client, home_page):
    assert client.get("/orders/status/").status_code == 200  # the empty form is not counted
    for n in range(20):
        response = client.get("/orders/status/", {"number": f"1000{n}", "email": "a@example.vn"})
        assert response.status_code == 200
    refused = client.get("/orders/status/", {"number": "100099", "email": "a@example.vn"})
    assert refused.status_code == 429
    assert "Hãy thử lại sau" in refused.content.decode()


def test_a_forged_forwarded_header_does_not_escape_the_limit(client, home_page):
    for n in range(20):
        client.get(
            "/orders/status/",
            {"number": str(n), "email": "a@example.vn"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
    refused = client.get(
        "/orders/status/", {"number": "99", "email": "a@example.vn"}, HTTP_X_FORWARDED_FOR="1.2.3.4"
    )
    assert refused.status_code == 429


def test_behind_a_trusted_proxy_the_client_is_the_address_it_wrote(client, home_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(20):
        client.get(
            "/orders/status/",
            {"number": str(n), "email": "a@example.vn"},
            HTTP_X_FORWARDED_FOR="forged, 198.51.100.7",
        )
    blocked = client.get(
        "/orders/status/",
        {"number": "99", "email": "a@example.vn"},
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert blocked.status_code == 429
    other = client.get(
        "/orders/status/",
        {"number": "99", "email": "a@example.vn"},
        HTTP_X_FORWARDED_FOR="forged, 198.51.100.8",
    )
    assert other.status_code == 200


def test_applications_to_sell_are_limited(client, home_page):
    for _ in range(5):
        assert client.post("/sell/apply/", {"name": ""}).status_code == 200
    refused = client.post("/sell/apply/", {"name": ""})
    assert refused.status_code == 429
    assert "Xin chờ một chút" in refused.content.decode()


# --------------------------------------------------------------------------
# No account enumeration: the same page for a known and a new address
# --------------------------------------------------------------------------


def _registration(email: str) -> dict:
    return {
        "registration-email": email,
        "registration-password1": "mot-mat-khau-dai-2026",
        "registration-password2": "mot-mat-khau-dai-2026",
        "registration_submit": "1",
    }


def _page(client, response) -> str:
    """The page the visitor lands on, with the address she typed taken out."""
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    html = re.sub(r"csrfmiddlewaretoken\" value=\"[^\"]+\"", "", html)
    html = re.sub(r'nonce="[^"]+"', "", html)  # a fresh Content-Security-Policy nonce per page
    return re.sub(r"[\w.-]+@example\.vn", "EMAIL", html)


def test_registration_answers_the_same_for_a_known_address(
    home_page, mailoutbox, django_capture_on_commit_callbacks
):
    person("lan@example.vn")
    known, new = Client(), Client()
    with django_capture_on_commit_callbacks(execute=True):
        known_response = known.post("/accounts/login/", _registration("Lan@example.vn"))
        new_response = new.post("/accounts/login/", _registration("hoa@example.vn"))
    assert known_response["Location"] == new_response["Location"]
    assert _page(known, known_response) == _page(new, new_response)
    assert not signed_in(known) and not signed_in(new)
    assert User.objects.filter(email__iexact="lan@example.vn").count() == 1

    # Each mailbox says what happened.
    to_lan, to_hoa = (
        next(m for m in mailoutbox if m.to == [a]) for a in ("lan@example.vn", "hoa@example.vn")
    )
    assert "đã có tài khoản" in to_lan.body and "/password-reset/" in to_lan.body
    assert "/accounts/confirm/" not in to_lan.body
    hoa = User.objects.get(email="hoa@example.vn")
    assert not hoa.is_active
    (confirm,) = re.findall(r"https?://\S+/accounts/confirm/\S+/", to_hoa.body)

    # The link opens the account and signs her in; it works once.
    path = urlsplit(confirm).path
    assert new.get(path).status_code == 200
    assert new.post(path).status_code == 302
    hoa.refresh_from_db()
    assert hoa.is_active and signed_in(new)
    assert Client().post(path).status_code == 400


def test_registration_page_answers_the_same_too(
    home_page, mailoutbox, django_capture_on_commit_callbacks
):
    person("lan@example.vn")
    data = {"password1": "mot-mat-khau-dai-2026", "password2": "mot-mat-khau-dai-2026"}
    known, new = Client(), Client()
    with django_capture_on_commit_callbacks(execute=True):
        known_response = known.post("/accounts/register/", {"email": "lan@example.vn", **data})
        new_response = new.post("/accounts/register/", {"email": "mai@example.vn", **data})
    assert _page(known, known_response) == _page(new, new_response)
    assert sorted(m.to[0] for m in mailoutbox) == ["lan@example.vn", "mai@example.vn"]


def test_an_unconfirmed_account_cannot_sign_in(client, home_page):
    client.post("/accounts/login/", _registration("hoa@example.vn"))
    response = sign_in(Client(), "shop", "hoa@example.vn", "mot-mat-khau-dai-2026")
    assert response.status_code == 200  # the same "wrong e-mail or password"


def _application(email: str, name: str, commune) -> dict:
    return {
        "name": name,
        "kind": "cooperative",
        "commune": commune.pk,
        "address": "Thôn 2",
        "phone": "0912 345 678",
        "email": email,
        "story": "Chị em làm miến.",
        "photo": SimpleUploadedFile("anh.png", png_bytes(), content_type="image/png"),
        "language": "vi",
        "contact_name": "Nguyễn Thị Lan",
        "password1": "mien-dong-gia-vien-2026",
        "password2": "mien-dong-gia-vien-2026",
    }


def test_applying_to_sell_answers_the_same_for_a_known_address(
    home_page, mailoutbox, django_capture_on_commit_callbacks
):
    commune = commune_create()
    person("lan@example.vn")
    known, new = Client(), Client()
    with django_capture_on_commit_callbacks(execute=True):
        known_response = known.post(
            "/sell/apply/", _application("lan@example.vn", "Hợp tác xã Miến", commune)
        )
        new_response = new.post(
            "/sell/apply/", _application("mai@example.vn", "Hợp tác xã Miến", commune)
        )
    assert known_response["Location"] == new_response["Location"]
    assert _page(known, known_response) == _page(new, new_response)
    assert not signed_in(known) and not signed_in(new)
    # The known address gained no application; its mailbox says to sign in first.
    assert [m.user.email for m in Vendor.objects.get().members.all()] == ["mai@example.vn"]
    to_lan = next(m for m in mailoutbox if m.to == ["lan@example.vn"])
    assert "Bạn đã có tài khoản rồi" in to_lan.body and "/sell/apply/" in to_lan.body
