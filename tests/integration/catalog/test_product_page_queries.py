"""The product page makes as many queries with 48 variants, images or related products as with 4."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.test import factories as oscar_factories

from catalog.views import GALLERY_SIZE
from tests.factories import category_create, commune_create, product_create, vendor_create
from tests.images import product_image_add

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    client.get(url)  # warm caches (site root, header links, thumbnails)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def shop(home_page):
    vendor = vendor_create("Hợp tác xã Thêu Văn Lâm", commune=commune_create("Ninh Hải"))
    neighbour = vendor_create("Tổ hợp tác Ninh Hải", commune=commune_create("Ninh Hải"))
    category = category_create("Thêu ren và dệt may > Tranh thêu")
    product = product_create("Tranh thêu Tam Cốc", vendor=vendor, category=category)
    return {"vendor": vendor, "neighbour": neighbour, "category": category, "product": product}


def grow(shop, start: int, stop: int) -> None:
    product = shop["product"]
    for i in range(start, stop):
        product_image_add(product, name=f"anh-{i}.png", order=i)
        product.categories.add(category_create(f"Thêu ren và dệt may > Loại {i}"))
        seller = shop["vendor"] if i % 2 else shop["neighbour"]
        related = product_create(f"Khăn thêu {i}", vendor=seller, category=shop["category"])
        product_image_add(related, name=f"khan-{i}.png")


def test_a_product_page_does_not_grow_with_images_categories_and_related(client, shop):
    url = shop["product"].get_absolute_url()
    grow(shop, 0, 4)
    few = queries(client, url)
    grow(shop, 4, 48)
    many = queries(client, url)
    assert many == few, f"{few} queries with 4 of each, {many} with 48"
    html = client.get(url).content.decode()
    assert html.count('class="gallery-more"') == GALLERY_SIZE - 1


def test_a_product_with_variants_does_not_grow_with_them(client, shop):
    parent = product_create("Áo thêu tay", vendor=shop["vendor"])
    parent.structure = "parent"
    parent.save()
    parent.stockrecords.all().delete()

    def variants(start, stop):
        for i in range(start, stop):
            oscar_factories.create_product(
                parent=parent,
                title=f"Cỡ {i}",
                price=250000 + i,
                num_in_stock=3,
                partner_name=shop["vendor"].partner.name,
            )

    variants(0, 4)
    few = queries(client, parent.get_absolute_url())
    html = client.get(parent.get_absolute_url()).content.decode()
    assert "Cỡ 3" in html and "250.003" in html
    variants(4, 48)
    many = queries(client, parent.get_absolute_url())
    assert many == few, f"{few} queries with 4 variants, {many} with 48"
