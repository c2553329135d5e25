"""The header counts the basket's items without loading the basket or applying offers."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import product_create

pytestmark = pytest.mark.django_db

COUNT = re.compile(r'<span class="basket-count" aria-label="[^"]*">(\d+)</span>')


def header_count(client, url="/catalogue/") -> int:
    """The count in the header; the page's queries must not load the basket's lines or offers."""
    with CaptureQueriesContext(connection) as captured:
        html = client.get(url).content.decode()
    queries = " ".join(query["sql"] for query in captured.captured_queries)
    assert 'SELECT "basket_line"."id"' not in queries  # a sum, not the lines
    assert 'FROM "offer_conditionaloffer"' not in queries  # no offers applied
    return int(COUNT.search(html).group(1))


def add(client, product, quantity=1):
    assert client.post(f"/basket/add/{product.pk}/", {"quantity": quantity}).status_code == 302


@pytest.fixture
def products(home_page):
    return [product_create(f"Cơm cháy loại {n}") for n in range(2)]


def test_a_guest_sees_every_item_she_put_in(client, products):
    assert header_count(client) == 0
    add(client, products[0], 2)
    add(client, products[1])
    assert header_count(client) == 3
    assert header_count(client, products[0].get_absolute_url()) == 3
    forged = Client()
    forged.cookies["oscar_open_basket"] = "12:forged"
    assert header_count(forged) == 0


def test_a_signed_in_shopper_sees_her_basket_and_the_one_she_filled_as_a_guest(client, products):
    user = get_user_model().objects.create_user("lan", "lan@example.vn", "matkhau-dai-123")
    client.force_login(user)
    add(client, products[0])
    assert header_count(client) == 1
    client.logout()
    add(client, products[1], 2)  # as a guest
    client.force_login(user)
    client.get("/basket/")  # Oscar merges the guest basket into hers when it loads it
    assert header_count(client) == 3
