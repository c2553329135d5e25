"""An address someone else registered and never confirmed goes back to its owner.

A stranger may register (or apply to sell) with another woman's address:
the account waits, closed, for the link only the mailbox's owner reads.
When the owner then registers, applies or asks for a new password, she is
not locked out: she sets her own password and gets a link that works, and
the stranger's link and password stop working. The pages never differ.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from marketplace.models import Vendor
from tests.factories import commune_create
from tests.security.test_throttling import _application, _page, sign_in, signed_in

pytestmark = pytest.mark.django_db

User = get_user_model()
VICTIM = "lan@example.vn"
STRANGER_PASSWORD = "mat-khau-ke-gian-2026"
OWNER_PASSWORD = "mat-khau-cua-lan-2026"
IGNORE = "Nếu bạn không yêu cầu việc này, hãy bỏ qua thư này: không có gì được mở"


def register(client, email: str, password: str):
    return client.post(
        "/accounts/login/",
        {
            "registration-email": email,
            "registration-password1": password,
            "registration-password2": password,
            "registration_submit": "1",
        },
    )


def confirm_link(message) -> str:
    (link,) = re.findall(r"https?://\S+/accounts/confirm/\S+/", message.body)
    return urlsplit(link).path


def test_the_owner_registers_after_a_stranger_and_her_account_opens_with_her_password(
    home_page, mailoutbox, django_capture_on_commit_callbacks
):
    stranger, owner, newcomer = Client(), Client(), Client()
    with django_capture_on_commit_callbacks(execute=True):
        stranger_response = register(stranger, VICTIM, STRANGER_PASSWORD)
    stranger_link = confirm_link(mailoutbox[-1])

    with django_capture_on_commit_callbacks(execute=True):
        owner_response = register(owner, "LAN@example.vn", OWNER_PASSWORD)
        new_response = register(newcomer, "hoa@example.vn", OWNER_PASSWORD)
    # Her page is the page of any new registration.
    assert owner_response["Location"] == new_response["Location"]
    assert _page(owner, owner_response) == _page(newcomer, new_response)
    assert _page(stranger, stranger_response) == _page(owner, owner_response)

    to_lan = [m for m in mailoutbox if m.to == [VICTIM]]
    assert len(to_lan) == 2
    assert "/accounts/confirm/" in to_lan[1].body and IGNORE in to_lan[1].body
    assert "đã có tài khoản" not in to_lan[1].body
    owner_link = confirm_link(to_lan[1])
    assert owner_link != stranger_link
    assert User.objects.filter(email__iexact=VICTIM).count() == 1

    # The stranger's link is dead; the owner's opens the account.
    assert Client().get(stranger_link).status_code == 400
    assert Client().post(stranger_link).status_code == 400
    assert owner.post(owner_link).status_code == 302
    assert signed_in(owner)
    assert User.objects.get(email=VICTIM).is_active

    # Her password signs in; the stranger's does not.
    assert sign_in(Client(), "shop", VICTIM, OWNER_PASSWORD).status_code == 302
    refused = sign_in(Client(REMOTE_ADDR="10.1.1.1"), "shop", VICTIM, STRANGER_PASSWORD)
    assert refused.status_code == 200 and not signed_in(stranger)


def test_once_open_the_account_is_not_taken_again(
    home_page, mailoutbox, django_capture_on_commit_callbacks
):
    owner = Client()
    with django_capture_on_commit_callbacks(execute=True):
        register(owner, VICTIM, OWNER_PASSWORD)
    owner.post(confirm_link(mailoutbox[-1]))
    with django_capture_on_commit_callbacks(execute=True):
        register(Client(), VICTIM, STRANGER_PASSWORD)
    assert "đã có tài khoản" in mailoutbox[-1].body
    assert "/accounts/confirm/" not in mailoutbox[-1].body
    assert sign_in(Client(), "shop", VICTIM, OWNER_PASSWORD).status_code == 302
    assert sign_in(Client(), "shop", VICTIM, STRANGER_PASSWORD).status_code == 200


def test_the_owner_applies_to_sell_after_a_stranger_applied_with_her_address(
    home_page, mailoutbox, django_capture_on_commit_callbacks
):
    commune = commune_create()
    stranger, owner, newcomer = Client(), Client(), Client()
    with django_capture_on_commit_callbacks(execute=True):
        stranger.post("/sell/apply/", _application(VICTIM, "Cửa hàng giả", commune))
    stranger_link = confirm_link(next(m for m in mailoutbox if "/accounts/confirm/" in m.body))
    mine = {**_application(VICTIM, "Hợp tác xã Miến", commune), "contact_name": "Phạm Thị Lan"}
    mine.update(password1=OWNER_PASSWORD, password2=OWNER_PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        owner_response = owner.post("/sell/apply/", mine)
        new_response = newcomer.post(
            "/sell/apply/", _application("mai@example.vn", "Hợp tác xã Cói", commune)
        )
    assert owner_response["Location"] == new_response["Location"]
    assert _page(owner, owner_response) == _page(newcomer, new_response).replace("Cói", "Miến")

    # Her application is hers; the stranger's no longer has her as its owner.
    lan = User.objects.get(email=VICTIM)
    assert lan.first_name == "Phạm Thị Lan"
    assert [m.vendor.name for m in lan.vendor_memberships.all()] == ["Hợp tác xã Miến"]
    assert not Vendor.objects.get(partner__name="Cửa hàng giả").members.exists()

    assert Client().post(stranger_link).status_code == 400
    to_lan = [m for m in mailoutbox if m.to == [VICTIM] and "/accounts/confirm/" in m.body]
    assert IGNORE in to_lan[-1].body
    assert owner.post(confirm_link(to_lan[-1])).status_code == 302
    assert sign_in(Client(), "shop", VICTIM, OWNER_PASSWORD).status_code == 302


def test_a_password_reset_for_an_unopened_account_says_how_to_open_it(
    home_page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(Client(), VICTIM, STRANGER_PASSWORD)
    mailoutbox.clear()
    asked, unknown = Client(), Client()
    asked_response = asked.post("/password-reset/", {"email": VICTIM})
    unknown_response = unknown.post("/password-reset/", {"email": "ai-do@example.vn"})
    assert _page(asked, asked_response) == _page(unknown, unknown_response)

    (message,) = mailoutbox
    assert message.to == [VICTIM]
    assert "chưa ai mở nó" in message.body and "/accounts/register/" in message.body
    # No reset link: the password there may be a stranger's, and the way in is to register.
    assert "/password-reset/confirm/" not in message.body
    assert "/accounts/confirm/" not in message.body
