"""A guest pays cash on delivery with JavaScript off: each form is sent as the browser would."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from marketplace.models import OrderGroup
from tests.browserless import form_fields
from tests.functional.checkout.conftest import basket_add

pytestmark = pytest.mark.django_db


def browser_sends(html: str, selector: str, typed: dict, button: str | None = None) -> dict:
    """What a browser without JavaScript sends after the shopper typed ``typed``.

    The browser refuses to send a form while a ``required`` field it shows is
    empty; that refusal fails the test, naming the field. Pressing ``button``
    (a selector inside the form) sends its name and value, and skips that
    check when the button says ``formnovalidate``.
    """
    data = {**form_fields(html, selector), **typed}
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    if button is not None:
        pressed = form.select_one(button)
        assert pressed is not None, f"no {button} in the form"
        data[pressed["name"]] = pressed["value"]
        if pressed.has_attr("formnovalidate"):
            return data
    for field in form.find_all(["input", "select", "textarea"], required=True):
        if field.has_attr("disabled") or field.get("type") == "hidden":
            continue
        assert data.get(field["name"]), f"the browser refuses the form: {field['name']} is required"
    return data


def test_the_gateway_sends_a_guests_form_without_javascript(client, three_products):
    basket_add(client, three_products[0])
    page = client.get("/checkout/").content.decode()
    data = browser_sends(page, "main form", {"username": "lan@example.vn"})
    assert data["options"] == "anonymous"  # the guest's choice is the one already ticked
    response = client.post("/checkout/", data)
    assert response.status_code == 302 and response["Location"] == "/checkout/shipping-address/"
    # a returning customer is still asked for her password
    response = client.post("/checkout/", {**data, "options": "existing", "password": ""})
    assert response.status_code == 200 and response.context["form"].errors["password"]


def test_a_cash_checkout_goes_through_every_step_without_javascript(client, three_products):
    for product in three_products[:2]:
        basket_add(client, product)
    page = client.get("/checkout/").content.decode()
    client.post("/checkout/", browser_sends(page, "main form", {"username": "lan@example.vn"}))
    # The address: the province first; its button lists that province's wards.
    page = client.get("/checkout/shipping-address/").content.decode()
    typed = {
        "first_name": "Nguyễn Thị Lan",
        "phone_number": "0912 345 678",
        "line1": "Số 5, thôn Văn Lâm",
        "province": "1",
    }
    data = browser_sends(
        page, "main form", {**typed, "ward": ""}, button="button[value=choose_province]"
    )
    page = client.post("/checkout/shipping-address/", data).content.decode()
    assert "Phường Ba Đình" in page
    response = client.post(
        "/checkout/shipping-address/", browser_sends(page, "main form", {**typed, "ward": "4"})
    )
    assert response.status_code == 302
    response = client.get("/checkout/shipping-method/", follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == "/checkout/payment-method/"
    response = client.post("/checkout/payment-method/", browser_sends(page, "main form", {}))
    assert response["Location"] == "/checkout/preview/"
    page = client.get("/checkout/preview/").content.decode()
    data = browser_sends(page, "main form:has(input[name=action])", {})
    response = client.post("/checkout/preview/", data)
    assert response.status_code == 302 and response["Location"] == "/checkout/thank-you/"
    assert OrderGroup.objects.get().payment_method == "cod"
