"""A guest pays cash on delivery with JavaScript off: each form is sent as the browser would."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from marketplace.models import OrderGroup
from tests.browserless import form_fields
from tests.functional.checkout.conftest import basket_add

pytestmark = pytest.mark.django_db


def browser_sends(html: str, selector: str, typed: dict) -> dict:
    """What a browser without JavaScript sends after the shopper typed ``typed``.

    The browser refuses to send a form while a ``required`` field it shows is
    empty; that refusal fails the test, naming the field.
    """
    data = {**form_fields(html, selector), **typed}
    form = BeautifulSoup(html, "html.parser").select_one(selector)
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
    from tests.factories import commune_create

    for product in three_products[:2]:
        basket_add(client, product)
    page = client.get("/checkout/").content.decode()
    client.post("/checkout/", browser_sends(page, "main form", {"username": "lan@example.vn"}))
    commune = commune_create("Ninh Hải", "Hoa Lư")
    # the address step belongs to the delivery form; its fields are typed as conftest does
    response = client.post(
        "/checkout/shipping-address/",
        {
            "first_name": "Nguyễn Thị Lan",
            "phone_number": "0912 345 678",
            "commune": commune.pk,
            "line1": "Số 5, thôn Văn Lâm",
            "notes": "",
        },
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
