"""A story shows the woman, her cooperative and products; her products and vendor page show her."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from cms.models import HomePage, StoryGalleryImage
from cms.selectors import stories_for_product, stories_for_vendor
from marketplace.models import Listing
from tests.factories import (
    collection_create,
    image_create,
    product_create,
    story_create,
    vendor_create,
)

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    client.get(url)  # warm per-process caches (site root paths, header links)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def vendor(db):
    return vendor_create("Hợp tác xã Thêu ren Văn Lâm")


def test_story_shows_portrait_products_video_link_and_gallery(client, story_index, vendor):
    products = [product_create(f"Khăn thêu {n}", vendor=vendor) for n in range(2)]
    hidden = product_create("Khăn chưa duyệt", vendor=vendor, listing_status="pending")
    story = story_create(
        story_index,
        "Mũi kim số",
        vendor=vendor,
        area=vendor.commune,
        portrait=image_create("Chân dung chị Hoa"),
        video_url="https://video.example.org/livestream/1",
        products=[*products, hidden],
    )
    StoryGalleryImage.objects.create(page=story, image=image_create("Xưởng thêu"), caption="Xưởng")
    html = client.get(story.url).content.decode()
    assert "Khăn thêu 0" in html and "Khăn thêu 1" in html
    assert "Khăn chưa duyệt" not in html  # hidden products drop out
    assert 'href="https://video.example.org/livestream/1"' in html  # not embeddable: a link
    assert "story-portrait" in html and "Xưởng" in html
    assert vendor.get_absolute_url() in html


def test_meet_the_maker_on_each_linked_product_and_on_the_vendor_page(client, story_index, vendor):
    products = [product_create(f"Khăn thêu {n}", vendor=vendor) for n in range(2)]
    story = story_create(story_index, "Mũi kim số", vendor=vendor, products=products)
    story_create(story_index, "Bản nháp", products=products).unpublish()
    for url in [product.get_absolute_url() for product in products] + [vendor.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert "Gặp người làm ra sản phẩm" in html, url
        assert f'href="{story.url}"' in html, url
        assert "Bản nháp" not in html, url


def test_stories_for_a_vendor_include_those_showing_her_products(story_index, vendor):
    product = product_create("Khăn thêu", vendor=vendor)
    by_name = story_create(story_index, "Có tên hợp tác xã", vendor=vendor)
    by_product = story_create(story_index, "Có sản phẩm", products=[product])
    story_create(story_index, "Chuyện khác")
    assert set(stories_for_vendor(vendor)) == {by_name, by_product}
    assert list(stories_for_product(product)) == [by_product]


def test_a_story_makes_the_same_queries_with_2_or_10_products(client, story_index, vendor):
    products = [product_create(f"Sản phẩm {n}", vendor=vendor) for n in range(10)]
    two = story_create(story_index, "Hai sản phẩm", vendor=vendor, products=products[:2])
    ten = story_create(story_index, "Mười sản phẩm", vendor=vendor, products=products)
    assert queries(client, two.url) == queries(client, ten.url)


def test_home_sections_make_the_same_queries_with_2_or_10_products(client, home_page, story_index):
    vendor = vendor_create()
    products = [product_create(f"Sản phẩm {n}", vendor=vendor) for n in range(10)]
    collection = collection_create(products=products[:2])
    story_create(story_index, products=products[:2], vendor=vendor)
    home = HomePage.objects.get(pk=home_page.pk)
    home.body = [
        ("hero", {"heading": "Chợ phiên", "text": "", "link_text": ""}),
        ("collection", {"collection": collection, "heading": ""}),
        ("cooperatives", {"heading": "", "cooperatives": [vendor]}),
        ("stories", {"heading": "", "count": 3}),
        ("news", {"heading": "", "count": 4}),
        ("contest", {"heading": "", "contest": None}),
        ("paragraph", RichText("<p>Chào mừng</p>")),
    ]
    home.save_revision().publish()
    few = queries(client, "/")
    collection.items.all().delete()
    collection_create("Nhiều", products=products)
    home.body[1].value["collection"] = type(collection).objects.get(title="Nhiều")
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert "Sản phẩm 9" in html and "Chào mừng" in html and vendor.name in html
    assert queries(client, "/") == few


def test_hidden_product_and_expired_collection_leave_the_home_page(client, home_page):
    import datetime

    products = [product_create(f"Sản phẩm {n}") for n in range(2)]
    collection = collection_create("Quà Tết", products=products)
    home = HomePage.objects.get(pk=home_page.pk)
    home.body = [("collection", {"collection": collection, "heading": ""})]
    home.save_revision().publish()
    assert "Quà Tết" in client.get("/").content.decode()
    Listing.objects.filter(product=products[0]).update(status=Listing.Status.PENDING)
    html = client.get("/").content.decode()
    assert "Sản phẩm 1" in html and "Sản phẩm 0" not in html
    collection.ends_on = datetime.date(2020, 1, 1)
    collection.save()
    assert "Quà Tết" not in client.get("/").content.decode()
