"""A shopper finds her order again: signed links from the thank-you page and the e-mail,
the footer's link to the status page, and each checkout of a signed-in shopper's history."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import unquote

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from checkout import status_links
from marketplace.models import OrderGroup
from tests.functional.checkout.conftest import basket_add, checkout_as_guest

pytestmark = pytest.mark.django_db

EMAIL = "lan.nguyen@example.vn"


@pytest.fixture
def placed(client, three_products, django_capture_on_commit_callbacks):
    """A guest's cash checkout with three parts; the second one is on its way."""
    for product in three_products:
        basket_add(client, product)
    with django_capture_on_commit_callbacks(execute=True):
        assert checkout_as_guest(client, email=EMAIL).status_code == 302
    group = OrderGroup.objects.get()
    shipped = group.parts.order_by("pk")[1]
    shipped.carrier, shipped.tracking_number = "Viettel Post", "VTP123456789"
    shipped.save()
    return group


def status_link(text: str) -> str:
    found = re.search(r"/orders/status/\?key=[^\"'\s<]+", text)
    assert found, "no link to the order's status page"
    return unescape(found.group(0))


def shows_the_order(html: str, group) -> None:
    assert group.number in html
    for part in group.parts.select_related("order"):
        assert part.order.number in html
    assert html.count('class="badge badge-dark order-status"') == 3
    assert "VTP123456789" in html and "Viettel Post" in html


def test_the_thank_you_page_links_to_the_order_without_the_email(client, placed):
    page = client.get("/checkout/thank-you/").content.decode()
    link = status_link(page)
    assert EMAIL not in unquote(link) and "lan.nguyen" not in unquote(link)
    # opened later on another phone: no session, no e-mail to type
    other_phone = type(client)()
    response = other_phone.get(link)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    shows_the_order(response.content.decode(), placed)


def test_the_confirmation_email_links_to_the_order(client, placed):
    (confirmation,) = [m for m in mail.outbox if m.to == [EMAIL]]
    link = status_link(confirmation.body)
    assert EMAIL not in unquote(link)
    shows_the_order(type(client)().get(link).content.decode(), placed)


def test_a_forged_or_expired_link_opens_nothing(client, placed, monkeypatch):
    link = status_link(client.get("/checkout/thank-you/").content.decode())
    forged = link.replace(placed.number, str(int(placed.number) + 1), 1)
    response = client.get(forged, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.context["group"] is None
    assert "This link is not valid" in page and placed.parts.first().order.number not in page
    assert 'name="number"' in page  # she can still look it up by number and e-mail

    monkeypatch.setattr(status_links, "MAX_AGE", -1)
    response = client.get(link, HTTP_ACCEPT_LANGUAGE="en")
    assert response.context["group"] is None
    assert "This link has expired" in response.content.decode()


def test_the_footer_links_to_the_order_status_page(client, home_page):
    page = client.get("/").content.decode()
    assert re.search(r'<footer.*href="/orders/status/".*</footer>', page, re.S)


def test_the_history_opens_each_order_with_its_parts_and_tracking(client, placed):
    shopper = get_user_model().objects.create_user("lan", EMAIL, "x")
    OrderGroup.objects.filter(pk=placed.pk).update(user=shopper)
    client.force_login(shopper)
    history = client.get("/accounts/orders/").content.decode()
    detail = f"/accounts/orders/{placed.number}/"
    assert f'href="{detail}"' in history
    shows_the_order(client.get(detail).content.decode(), placed)
    # a part's own number opens its checkout
    part_number = placed.parts.first().order.number
    assert client.get(f"/accounts/orders/{part_number}/").status_code == 200
    # nobody else opens it
    client.force_login(get_user_model().objects.create_user("mai", "mai@example.vn", "x"))
    assert client.get(detail).status_code == 404
