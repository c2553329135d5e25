"""The basket page and an add to basket cost the same queries for one line or many,
and read the shop's offers once while still showing their discounts and nudges."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from oscar.test.factories import create_offer

from tests.factories import commune_create, product_create, vendor_create

Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
Range = get_model("offer", "Range")

pytestmark = pytest.mark.django_db


def add(client, product, quantity=1):
    response = client.post(f"/basket/add/{product.pk}/", {"quantity": quantity})
    assert response.status_code == 302


def reads(queries, table: str) -> int:
    """How many of these queries read rows of ``table`` (not a join or subquery onto it)."""
    return sum(sql.startswith(f'SELECT "{table}".') for sql in queries)


def captured(client, method, url, data=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data or {}) if method == "POST" else client.get(url)
    assert response.status_code in {200, 302}
    return [query["sql"] for query in queries.captured_queries], response


@pytest.fixture
def products(home_page):
    vendors = [
        vendor_create(f"Hợp tác xã {n}", commune=commune_create(f"Xã {n}")) for n in range(3)
    ]
    return [product_create(f"Sản phẩm {n}", vendor=vendors[n % 3]) for n in range(7)]


def test_the_basket_page_reads_the_same_queries_for_one_line_or_six(client, products):
    add(client, products[0])
    client.get("/basket/")
    one, _ = captured(client, "GET", "/basket/")
    for product in products[1:6]:
        add(client, product)
    six, response = captured(client, "GET", "/basket/")
    assert len(response.context["basket"].all_lines()) == 6
    assert len(six) == len(one), "\n".join(six)
    # Each product's stock record and class come with the lines, not one query per line.
    assert reads(six, "partner_stockrecord") == 1
    assert reads(six, "catalogue_productclass") == 0
    assert reads(six, "offer_conditionaloffer") == 1


def test_an_add_reads_the_same_queries_for_a_basket_of_one_line_or_five(client, products):
    add(client, products[0])
    one, _ = captured(client, "POST", f"/basket/add/{products[5].pk}/", {"quantity": 1})
    client.cookies.clear()
    for product in products[:5]:
        add(client, product)
    five, _ = captured(client, "POST", f"/basket/add/{products[6].pk}/", {"quantity": 1})
    assert len(five) == len(one), "\n".join(five)
    # The product's stock record is read once for the form and the basket, the lines' with them.
    assert reads(five, "partner_stockrecord") == 3
    assert not any("COUNT(*)" in sql and "basket_line" in sql for sql in five)


def test_a_site_offer_read_once_still_discounts_and_nudges(client, products):
    everything, _ = Range.objects.get_or_create(name="Mọi sản phẩm", includes_all_products=True)
    create_offer(
        name="Mua 3 giảm 10%",
        product_range=everything,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=3),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=10),
    )
    add(client, products[0])
    queries, response = captured(client, "GET", "/basket/")
    assert reads(queries, "offer_conditionaloffer") == 1
    nudges = response.context["upsell_messages"]
    assert [nudge["offer"].name for nudge in nudges] == ["Mua 3 giảm 10%"]
    assert "2" in str(nudges[0]["message"])  # two more items to go
    for product in products[1:3]:
        add(client, product)
    response = client.get("/basket/")
    basket = response.context["basket"]
    assert response.context["upsell_messages"] == []
    assert basket.total_discount > 0
    assert basket.total_incl_tax == basket.total_incl_tax_excl_discounts - basket.total_discount
