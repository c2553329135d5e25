"""Every way a catalogue text is written cleans it: model saves, Oscar's bulk attribute save,
and the data migration for rows stored before cleaning existed."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from marketplace.models import ListingRevision, Vendor
from marketplace.services.listings import listing_public_snapshot
from tests.factories import category_create, product_create, vendor_create
from tests.html_safety import HARMLESS, HOSTILE, assert_stored_clean

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")

catalogue_migration = importlib.import_module("catalog.migrations.0034_clean_user_rich_text")
marketplace_migration = importlib.import_module("marketplace.migrations.0010_clean_user_text")


def test_a_category_description_is_cleaned_on_save():
    category = category_create("Cói và mây tre đan")
    category.description = HARMLESS + HOSTILE
    category.long_description = HOSTILE
    category.save()
    category.refresh_from_db()
    assert_stored_clean(category.description)
    assert_stored_clean(category.long_description)
    assert "<strong>Dệt tay</strong>" in category.description


def test_a_rich_text_attribute_is_cleaned_through_oscars_bulk_save():
    product = product_create("Làn cói")
    ProductAttribute.objects.create(
        product_class=product.product_class, name="Cách dùng", code="huong_dan", type="richtext"
    )
    product = Product.objects.get(pk=product.pk)
    product.attr.huong_dan = HARMLESS + HOSTILE
    product.save()  # Oscar writes attribute values with bulk_create/bulk_update

    value = ProductAttributeValue.objects.get(product=product, attribute__code="huong_dan")
    assert_stored_clean(value.value_richtext)
    assert "<strong>Dệt tay</strong>" in value.value_richtext
    assert_stored_clean(str(value.value_as_html))  # Oscar marks it safe as stored


def test_the_migration_cleans_old_rows_and_writes_only_the_changed_ones():
    vendor = vendor_create("Hợp tác xã Cói Kim Sơn", story="Hai mươi chị em.")
    clean = product_create("Chiếu cói", vendor=vendor, description="<p>Sạch</p>")
    dirty = product_create("Làn cói", vendor=vendor, description="<p>Sạch</p>")
    category = category_create("Cói và mây tre đan")
    # Rows as they were stored before cleaning existed (written past save()).
    Product.objects.filter(pk=dirty.pk).update(description=HARMLESS + HOSTILE)
    Category.objects.filter(pk=category.pk).update(description=HOSTILE)
    Vendor.objects.filter(pk=vendor.pk).update(story="Chị em <script>alert(1)</script>dệt")
    data = {**listing_public_snapshot(product=clean), "description": HOSTILE, "title": "<b>x</b>"}
    revision = ListingRevision.objects.create(listing=clean.listing, data=data)

    with CaptureQueriesContext(connection) as queries:
        catalogue_migration.clean_rich_text(apps, None)
        marketplace_migration.clean_texts(apps, None)
    updates = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert len(updates) == 4  # the dirty product, category, story and revision; nothing else

    dirty.refresh_from_db()
    assert_stored_clean(dirty.description)
    assert "<strong>Dệt tay</strong>" in dirty.description
    assert Product.objects.get(pk=clean.pk).description == "<p>Sạch</p>"
    assert_stored_clean(Category.objects.get(pk=category.pk).description)
    assert Vendor.objects.get(pk=vendor.pk).story == "Chị em dệt"
    revision.refresh_from_db()
    assert_stored_clean(revision.data["description"])
    assert revision.data["title"] == "x"


def test_the_demo_loader_which_writes_in_bulk_stores_clean_descriptions():
    from demo import loader

    vendor = vendor_create("Hợp tác xã Cói Kim Sơn")
    category = category_create("Cói và mây tre đan")
    spec = loader.ProductSpec(
        number=1,
        title="Làn cói",
        description=HARMLESS + HOSTILE,
        category_slug=category.slug,
        vendor_slug=vendor.slug,
        price=180000,
        stock=3,
    )
    product_class = ProductClass.objects.create(name="Đặc sản", slug="dac-san")
    (pk,) = loader._create_products(
        [spec], {category.slug: category}, {vendor.slug: vendor}, product_class
    )
    description = Product.objects.get(pk=pk).description
    assert_stored_clean(description)
    assert "<strong>Dệt tay</strong>" in description
