"""The product page: pictures in several sizes, price, stock, facts, vendor, OCOP badge, related."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model
from oscar.test import factories as oscar_factories

from tests.factories import (
    category_create,
    collection_create,
    commune_create,
    product_create,
    vendor_create,
)
from tests.images import product_image_add

pytestmark = pytest.mark.django_db

ProductReview = get_model("reviews", "ProductReview")


@pytest.fixture
def shop(home_page):
    kim_tan = commune_create("Kim Tân", "Kim Sơn")
    vendor = vendor_create("Hợp tác xã Cói Kim Sơn", commune=kim_tan)
    neighbour = vendor_create("Tổ hợp tác Cói Kim Tân", commune=kim_tan)
    far = vendor_create("Hợp tác xã Gia Viễn", commune=commune_create("Gia Sinh", "Gia Viễn"))
    category = category_create("Cói và mây tre đan > Túi và đồ dùng cói")
    product = product_create("Làn cói", vendor=vendor, category=category, price=180000, stock=3)
    product.maker = "Chị Phạm Thị Lan"
    product.materials = "Cói Kim Sơn"
    product.size = "30 × 20 cm"
    product.shelf_life = "Không hạn"
    product.origin_commune = commune_create("Kim Hải", "Kim Sơn")
    product.ocop_stars = 4
    product.ocop_certificate_number = "OCOP-NB-117"
    product.ocop_issued_on = datetime.date(2024, 3, 1)
    product.ocop_expires_on = datetime.date(2099, 3, 1)
    product.save()
    return {
        "product": product,
        "same vendor": product_create("Chiếu cói", vendor=vendor, category=category),
        "same area": product_create("Hộp cói", vendor=neighbour, category=category),
        "elsewhere": product_create("Rổ tre Gia Viễn", vendor=far, category=category),
        "waiting": product_create("Túi cói mới", vendor=vendor, listing_status="pending"),
    }


def page(client, product) -> BeautifulSoup:
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_price_stock_facts_vendor_and_badge(client, shop):
    html = page(client, shop["product"])
    main = html.select_one(".product_main")
    assert main.select_one(".price").text.strip() == "180.000\u00a0₫"
    assert "stock-in" in main.select_one(".stock")["class"]
    assert "OCOP 4 sao" in main.select_one(".badge-ocop").text
    card = main.select_one(".vendor-card").text
    assert "Hợp tác xã Cói Kim Sơn" in card and "Kim Tân, Kim Sơn" in card
    facts = html.select_one("dl.facts").text
    for fact in ("Chị Phạm Thị Lan", "Kim Hải, Kim Sơn", "Cói Kim Sơn", "30 × 20 cm", "Không hạn"):
        assert fact in facts
    assert "01/03/2099" in facts


def test_an_expired_certificate_shows_no_badge(client, shop):
    product = shop["product"]
    product.ocop_expires_on = datetime.date(2020, 1, 1)
    product.ocop_issued_on = datetime.date(2017, 1, 1)
    product.save()
    html = page(client, product)
    assert html.select(".badge-ocop") == []
    assert "OCOP-NB-117" not in html.text


def test_out_of_stock_is_said(client, shop):
    product = shop["product"]
    product.stockrecords.update(num_in_stock=0)
    html = page(client, product)
    assert "stock-out" in html.select_one(".product_main .stock")["class"]


def test_pictures_come_in_several_widths_and_load_lazily_after_the_first(client, shop):
    product = shop["product"]
    for i in range(3):
        product_image_add(product, name=f"lan-{i}.png", order=i)
    images = page(client, product).select(".product-gallery img")
    assert len(images) == 3
    assert all(len(img["srcset"].split(",")) == 3 for img in images)
    assert all(img.get("sizes") and img.get("width") for img in images)
    assert "loading" not in images[0].attrs
    assert [img.get("loading") for img in images[1:]] == ["lazy", "lazy"]


def test_related_products_come_from_the_same_vendor_then_the_same_area(client, shop):
    titles = [
        a.text.strip()
        for a in page(client, shop["product"]).select(".product-grid .product-title a")
    ]
    assert titles == ["Chiếu cói", "Hộp cói"]


def test_variants_are_listed_with_their_price(client, shop):
    parent = shop["product"]
    parent.structure = "parent"
    parent.save()
    parent.stockrecords.all().delete()
    for size, price in (("Cỡ nhỏ", 150000), ("Cỡ lớn", 210000)):
        oscar_factories.create_product(
            parent=parent,
            title=size,
            price=price,
            num_in_stock=2,
            partner_name="Hợp tác xã Cói Kim Sơn",
        )
    variants = page(client, parent).select(".variant-list li")
    texts = [" ".join(v.text.split()) for v in variants]
    assert any("Cỡ nhỏ" in t and "150.000" in t for t in texts)
    assert any("Cỡ lớn" in t and "210.000" in t for t in texts)


def test_only_approved_reviews_show(client, shop):
    product = shop["product"]
    user = get_user_model().objects.create_user("khach", "khach@example.vn", "x")
    ProductReview.objects.create(
        product=product, user=user, score=5, title="Làn đẹp", body="Đan chắc tay.", status=1
    )
    ProductReview.objects.create(
        product=product,
        title="Quảng cáo",
        body="Mua hàng rẻ",
        score=1,
        status=0,
        name="x",
        email="x@example.vn",
    )
    text = page(client, product).text
    assert "Làn đẹp" in text and "Quảng cáo" not in text


def test_a_product_the_union_chose_shows_the_badge_on_its_page(client, shop):
    product = shop["product"]
    assert page(client, product).select(".product_main .badge-curated") == []
    collection_create("Quà Tết từ Ninh Bình", products=[product])
    badges = page(client, product).select(".product_main .badge-curated")
    assert [badge.text for badge in badges] == ["Được Hội Phụ nữ chọn"]
    assert page(client, shop["same vendor"]).select(".product_main .badge-curated") == []


def test_a_wrong_slug_is_a_404_not_a_redirect(client, shop):
    product = shop["product"]
    assert client.get(f"/catalogue/lan-coi_{product.pk}/").status_code == 200
    for slug in ("khong-co-san-pham-nay", "", "chieu-coi"):
        assert client.get(f"/catalogue/{slug}_{product.pk}/").status_code == 404, slug
    assert client.get("/catalogue/lan-coi_999999/").status_code == 404


def test_a_hidden_product_is_a_404_whatever_the_slug_and_its_address_is_not_revealed(client, shop):
    waiting = shop["waiting"]
    assert client.get(waiting.get_absolute_url()).status_code == 404
    response = client.get(f"/catalogue/bat-ky_{waiting.pk}/")
    assert response.status_code == 404
    assert waiting.slug not in response.content.decode()


def test_staff_preview_a_hidden_product_at_its_own_address_only(client, shop, people):
    client.force_login(people["Union staff"])
    waiting = shop["waiting"]
    assert client.get(waiting.get_absolute_url()).status_code == 200
    assert client.get(f"/catalogue/bat-ky_{waiting.pk}/").status_code == 404
