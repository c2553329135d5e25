"""Listing pages make the same number of queries whatever the number of products shown.

Each product has a picture (sorl thumbnails in three widths) and two categories.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import category_create, commune_create, product_create, vendor_create
from tests.images import product_image_add

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    client.get(url)  # warm caches (site root, header links)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def shop(n: int):
    category = category_create("Đặc sản thực phẩm > Cơm cháy")
    vendors = [
        vendor_create(f"Hợp tác xã {i}", commune=commune_create(f"Xã {i}")) for i in range(3)
    ]
    for i in range(n):
        product_add(f"Cơm cháy loại {i}", vendor=vendors[i % 3], category=category)
    return category, vendors[0]


def product_add(title, *, vendor, category):
    product = product_create(title, vendor=vendor, category=category)
    product.categories.add(category_create("Quà tặng > Quà quê"))
    product_image_add(product, name=f"{product.pk}.png")
    return product


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/catalogue/",
        "/search/?q=com+chay",
        "category",
        "/cooperatives/",
        "vendor",
        "/areas/",
        "/areas/hoa-lu/",
    ],
)
def test_constant_queries(client, home_page, url):
    category, vendor = shop(4)
    resolve = {"category": category.get_absolute_url(), "vendor": vendor.get_absolute_url()}
    target = resolve.get(url, url)
    few = queries(client, target)
    for i in range(4, 48):
        product_add(f"Cơm cháy thêm {i}", vendor=vendor, category=category)
    many = queries(client, target)
    assert many == few, f"{target}: {few} queries with 4 products, {many} with 48"
