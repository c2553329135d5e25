"""The facts both search indexes are built from, read in flat queries."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.test.factories import create_product

from marketplace.models import Listing
from search.facts import lookups_load, product_facts
from tests.factories import category_create, commune_create, product_create, vendor_create

pytestmark = pytest.mark.django_db


def _parent_with_variants(vendor, title="Túi cói thêu hoa"):
    parent = create_product(title=title, structure="parent")
    Listing.objects.create(product=parent, status="approved")
    for size, price, stock in (("cỡ nhỏ", 45000, 0), ("cỡ lớn", 90000, 5)):
        create_product(
            title=f"{title}, {size}",
            parent=parent,
            price=Decimal(price),
            num_in_stock=stock,
            partner_name=vendor.partner.name,
        )
    return parent


def test_a_parent_sells_through_its_variants_offers():
    vendor = vendor_create("Tổ hợp tác Cói Kim Sơn")
    parent = _parent_with_variants(vendor)
    (facts,) = product_facts([parent.pk])
    assert sorted(offer.price for offer in facts.offers) == [Decimal(45000), Decimal(90000)]
    assert [offer.in_stock for offer in facts.offers] == [False, True]
    assert {offer.partner_id for offer in facts.offers} == {vendor.partner_id}


def test_facts_carry_categories_certificate_and_the_first_picture():
    category = category_create("Thực phẩm > Cơm cháy")
    product = product_create("Cơm cháy chà bông", category=category)
    product.ocop_stars = 4
    product.ocop_expires_on = datetime.date(2027, 1, 31)
    product.save()
    for order, name in ((2, "b.jpg"), (1, "a.jpg")):
        product.images.create(original=f"images/products/{name}", display_order=order)
    (facts,) = product_facts([product.pk])
    assert facts.title == "Cơm cháy chà bông"
    assert facts.category_ids == [category.pk]
    assert facts.image == "images/products/a.jpg"
    assert facts.ocop_stars_on(datetime.date(2027, 1, 31)) == 4
    assert facts.ocop_stars_on(datetime.date(2027, 2, 1)) is None


def test_lookups_name_the_sellers_commune_and_district():
    vendor = vendor_create(
        "Hợp tác xã Đông Sơn", commune=commune_create("Ninh Hải", district="Hoa Lư")
    )
    product = product_create(vendor=vendor)
    (facts,) = product_facts([product.pk])
    lookups = lookups_load(product_ids=[product.pk])
    assert lookups.vendor(facts.offers).slug == vendor.slug
    assert lookups.places(lookups.vendor(facts.offers)) == ["Ninh Hải", "Hoa Lư"]


def test_missing_products_are_left_out():
    product = product_create()
    assert [facts.pk for facts in product_facts([product.pk, product.pk + 1000])] == [product.pk]
    assert product_facts([]) == []


def _queries(ids) -> int:
    with CaptureQueriesContext(connection) as captured:
        product_facts(ids)
    return len(captured.captured_queries)


def test_the_queries_do_not_grow_with_the_products_read():
    vendor = vendor_create()
    few = [product_create(f"Sản phẩm {n}", vendor=vendor).pk for n in range(2)]
    few.append(_parent_with_variants(vendor).pk)
    many = few + [product_create(f"Sản phẩm thêm {n}", vendor=vendor).pk for n in range(10)]
    many += [_parent_with_variants(vendor, title=f"Túi {n}").pk for n in range(3)]
    assert (
        _queries(few) == _queries(many) == 5
    )  # products, categories, images, own and variants' offers
