"""The checkout's first page does not tell who has an account.

Oscar's gateway answered "A user with that email address already exists"
to a guest or a new customer whose e-mail had an account.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import product_create

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def product(home_page):
    User.objects.create_user("lan@example.vn", "lan@example.vn", "mat-khau-dung-2026")
    return product_create("Cơm cháy chà bông")


def gateway(product, email: str, option: str) -> tuple[int, str, str]:
    client = Client()
    client.post(f"/basket/add/{product.pk}/", {"quantity": 1}, HTTP_REFERER="/")
    response = client.post("/checkout/", {"username": email, "options": option})
    location = response.get("Location", "")
    page = client.get(location).content.decode() if location else response.content.decode()
    page = re.sub(r"csrfmiddlewaretoken\" value=\"[^\"]+\"", "", page)
    page = re.sub(r'nonce="[^"]+"', "", page)
    page = re.sub(r"[\w.-]+(@|%40)example\.vn", "EMAIL", page)
    return response.status_code, re.sub(r"[\w.-]+%40example\.vn", "EMAIL", location), page


@pytest.mark.parametrize("option", ["anonymous", "new"])
def test_a_known_and_an_unknown_e_mail_get_the_same_answer(product, option):
    known = gateway(product, "Lan@example.vn", option)
    unknown = gateway(product, "hoa@example.vn", option)
    assert known == unknown
    status, location, page = known
    assert status == 302
    assert "already exists" not in page and "đã tồn tại" not in page
    if option == "anonymous":
        assert location == "/checkout/shipping-address/"
    else:
        assert location.startswith("/accounts/register/?next=/checkout/shipping-address/")


def test_a_guest_whose_e_mail_has_an_account_can_place_her_order(product):
    client = Client()
    client.post(f"/basket/add/{product.pk}/", {"quantity": 1}, HTTP_REFERER="/")
    response = client.post("/checkout/", {"username": "lan@example.vn", "options": "anonymous"})
    assert response["Location"] == "/checkout/shipping-address/"
    assert client.get("/checkout/shipping-address/").status_code == 200
    assert "_auth_user_id" not in client.session  # a guest, not signed in as anyone


def test_a_returning_customer_still_signs_in_with_her_password(product):
    client = Client()
    client.post(f"/basket/add/{product.pk}/", {"quantity": 1}, HTTP_REFERER="/")
    wrong = client.post(
        "/checkout/", {"username": "lan@example.vn", "options": "existing", "password": "sai"}
    )
    assert wrong.status_code == 200
    right = client.post(
        "/checkout/",
        {"username": "lan@example.vn", "options": "existing", "password": "mat-khau-dung-2026"},
    )
    assert right.status_code == 302 and "_auth_user_id" in client.session
