"""The shop, checkout, account pages and e-mails read in one language, without known mistakes."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from oscar.core.loading import get_model

from marketplace.models import OrderGroup
from tests.functional.checkout.conftest import basket_add, checkout_as_guest
from tests.unit.test_locale_vi_quality import MISTRANSLATIONS

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

# The wrong texts as a page shows them (placeholders filled, stray spaces kept).
BAD_ON_PAGES = [wrong.strip() for _context, _msgid, wrong in MISTRANSLATIONS if len(wrong) > 4]
BAD_ON_PAGES += ["Trong kho (", "Oops", "Shipped", "Pending", "Số tài khoản"]


def pages(client, language, django_capture_on_commit_callbacks):
    """The shop's pages a shopper walks through, and the e-mails she gets, in ``language``."""
    client.cookies["django_language"] = language
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    seen = {}

    def get(name, url, **data):
        method = client.post if data else client.get
        response = method(url, data, follow=True, **headers)
        assert response.status_code == 200, url
        seen[name] = response.content.decode()

    return get, seen, headers


@pytest.mark.parametrize("language", ["vi", "en"])
def test_shop_checkout_account_pages_and_emails(
    client, three_products, language, django_capture_on_commit_callbacks
):
    get, seen, headers = pages(client, language, django_capture_on_commit_callbacks)
    get("product", three_products[0].get_absolute_url())
    for product in three_products:
        basket_add(client, product)
    get("basket", "/basket/")
    get("gateway", "/checkout/")
    with django_capture_on_commit_callbacks(execute=True):
        checkout_as_guest(client)
    get("thank you", "/checkout/thank-you/")
    get(
        "sign-in error",
        "/accounts/login/",
        **{"login-username": "a@b.vn", "login-password": "x", "login_submit": "1"},
    )
    shopper = get_user_model().objects.create_user("lan", "lan@example.vn", "x")
    Order.objects.update(user=shopper, status="Shipped")
    OrderGroup.objects.update(user=shopper)
    client.force_login(shopper)
    client.cookies["django_language"] = language
    get("order history", "/accounts/orders/")
    get("order", f"/accounts/orders/{Order.objects.first().number}/")
    get("new address", "/accounts/addresses/add/")
    seen["e-mails"] = "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)

    if language == "vi":
        found = {(name, bad) for name, html in seen.items() for bad in BAD_ON_PAGES if bad in html}
        assert found == set()
        assert "Còn hàng (còn 5)" in seen["product"]
        assert "trước khi thanh toán" in seen["gateway"]
        assert "Có thông tin cần sửa" in seen["sign-in error"]
        assert "Đang giao" in seen["order"]
    else:
        found = {
            (name, word)
            for name, html in seen.items()
            for word in (" cart", "Cart ", "coupon", "Coupon", "Shipping address")
            if word in html
        }
        assert found == set()
        assert "View basket" in seen["basket"] and "Delivery address" in seen["gateway"]
