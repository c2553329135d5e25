"""A member's own product form: add, change, photos, kinds, send for review, held changes."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image

from marketplace.models import Listing, ListingRevision
from marketplace.services.listings import listing_decide, listing_revision_decide
from marketplace.services.roles import roles_sync
from marketplace.services.vendors import vendor_member_add
from tests.browserless import form_fields
from tests.factories import category_create, commune_create, product_create, vendor_create
from tests.images import png_bytes

pytestmark = pytest.mark.django_db

User = get_user_model()
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

NEW = "/dashboard/my-listings/new/"
FORM = "form.member-product-form"


def edit_url(product) -> str:
    return f"/dashboard/my-listings/{product.pk}/edit/"


def status_url(product) -> str:
    return f"/dashboard/my-listings/{product.pk}/"


@pytest.fixture
def shop(home_page):
    commune = commune_create("Kim Tân", "Kim Sơn")
    vendor = vendor_create("Hợp tác xã Cói Kim Sơn", commune=commune)
    member = User.objects.create_user(
        "lan@example.vn", "lan@example.vn", "x", first_name="Phạm Thị", last_name="Lan"
    )
    vendor_member_add(vendor=vendor, user=member, role="owner")
    staff = User.objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    category = category_create("Cói và mây tre đan > Túi và đồ dùng cói")
    return {
        "vendor": vendor,
        "member": member,
        "staff": staff,
        "category": category,
        "commune": commune,
    }


def photo(name: str, color=(200, 120, 80)) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(color=color), content_type="image/png")


def fields(client, url) -> dict:
    page = client.get(url)
    assert page.status_code == 200
    return form_fields(page.content.decode(), FORM)


def add(client, shop, **changes):
    client.force_login(shop["member"])
    data = fields(client, NEW)
    data.update(
        {
            "title": "Làn cói Kim Sơn",
            "price": "180.000",
            "num_in_stock": "12",
            "category": str(shop["category"].pk),
            "maker": "Chị Phạm Thị Lan",
            "description": "Làn cói đan tay.\n\nBền và nhẹ.",
        }
    )
    data.update(changes)
    return client.post(NEW, data)


def the_product():
    return Product.objects.get(title="Làn cói Kim Sơn")


def test_a_member_adds_a_product_in_her_words_and_sees_where_it_stands(client, shop):
    response = add(client, shop, photos=[photo("a.png"), photo("b.png", (10, 90, 200))])
    product = the_product()
    assert response.status_code == 302
    assert response["Location"] == status_url(product)
    record = product.stockrecords.get()
    assert record.partner == shop["vendor"].partner
    assert (record.price, record.num_in_stock, record.price_currency) == (
        Decimal(180000),
        12,
        "VND",
    )
    assert list(product.categories.all()) == [shop["category"]]
    assert product.origin_commune == shop["commune"]  # her cooperative's commune by default
    assert product.description == "<p>Làn cói đan tay.</p>\n<p>Bền và nhẹ.</p>"
    assert product.images.count() == 2
    assert not Listing.objects.filter(product=product).exists()

    page = client.get(response["Location"]).content.decode()
    assert "Chưa gửi Hội duyệt" in page
    soup = BeautifulSoup(page, "html.parser")
    button = soup.select_one(".mp-next button")
    assert button.text.strip() == "Gửi Hội duyệt"
    assert "Cán bộ Hội" in soup.select_one(".mp-next .mp-help").text


def test_the_form_speaks_her_words_and_no_oscar_jargon(client, shop):
    client.force_login(shop["member"])
    html = client.get(NEW).content.decode()
    form = BeautifulSoup(html, "html.parser").select_one(FORM)
    text = form.get_text(" ").lower()
    for word in ("upc", "partner", "sku", "allocation", "currency", "công khai", "seo"):
        assert word not in text, word
    for label in ("Tên sản phẩm", "Ảnh sản phẩm", "Giá bán (đồng)", "Số lượng trong kho"):
        assert label in form.get_text(" "), label
    photos = form.select_one("input[type=file][name=photos]")
    assert photos.has_attr("multiple") and photos["accept"] == "image/*"
    maker_names = [o["value"] for o in form.select("datalist#maker-names option")]
    assert "Phạm Thị Lan" in maker_names


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("120.000", 120000), ("120000", 120000), ("1.200.000 đ", 1200000), ("95 000", 95000)],
)
def test_prices_are_whole_dong_as_she_writes_them(client, shop, typed, stored):
    assert add(client, shop, price=typed).status_code == 302
    assert the_product().stockrecords.get().price == Decimal(stored)


@pytest.mark.parametrize("typed", ["120,5", "12.5", "abc", "-5", "0"])
def test_a_price_that_is_not_whole_dong_is_refused_and_nothing_is_saved(client, shop, typed):
    response = add(client, shop, price=typed)
    assert response.status_code == 400
    assert "mp-error" in response.content.decode()
    assert not Product.objects.exists()


def test_bad_input_changes_nothing_on_an_existing_product(client, shop):
    product = product_create(
        "Làn cói", vendor=shop["vendor"], category=shop["category"], listing_status="pending"
    )
    client.force_login(shop["member"])
    data = fields(client, edit_url(product))
    data.update(title="", price="abc")
    response = client.post(edit_url(product), {**data, "photos": [photo("x.png")]})
    assert response.status_code == 400
    product.refresh_from_db()
    assert product.title == "Làn cói"
    assert product.images.count() == 0
    assert product.stockrecords.get().price == Decimal(45000)


def test_photos_keep_her_order_and_the_first_is_the_cover(client, shop):
    add(client, shop, photos=[photo("a.png"), photo("b.png", (10, 90, 200))])
    product = the_product()
    first, second = product.images.order_by("display_order")
    data = fields(client, edit_url(product))
    assert data[f"photo-{first.pk}-order"] == "1"
    data[f"photo-{first.pk}-order"] = "2"
    data[f"photo-{second.pk}-order"] = "1"
    response = client.post(edit_url(product), {**data, "photos": [photo("c.png")]})
    assert response.status_code == 302
    ordered = list(product.images.order_by("display_order").values_list("pk", flat=True))
    assert ordered[:2] == [second.pk, first.pk] and len(ordered) == 3
    assert product.primary_image().pk == second.pk

    data = fields(client, edit_url(product))
    data[f"photo-{second.pk}-remove"] = "1"
    client.post(edit_url(product), data)
    assert product.images.count() == 2
    assert product.primary_image().pk == first.pk


def test_more_than_eight_photos_are_refused(client, shop):
    response = add(client, shop, photos=[photo(f"{n}.png") for n in range(9)])
    assert response.status_code == 400
    assert not Product.objects.exists()


def test_photos_are_cleaned_like_every_upload(client, shop):
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (20.0, 15.0, 0.0)}  # GPS position of her home
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (90, 90, 90)).save(buffer, "JPEG", exif=exif.tobytes())
    upload = SimpleUploadedFile("nha-chi-lan.jpg", buffer.getvalue(), content_type="image/jpeg")
    assert add(client, shop, photos=[upload]).status_code == 302
    image = the_product().images.get()
    assert "nha-chi-lan" not in image.original.name
    with image.original.open() as stored:
        assert dict(Image.open(stored).getexif()) == {}


def test_a_file_that_is_not_a_picture_is_refused_by_name(client, shop):
    fake = SimpleUploadedFile("hoa-don.png", b"<html><script>x</script>", "image/png")
    response = add(client, shop, photos=[fake])
    assert response.status_code == 400
    assert "hoa-don.png" in response.content.decode()
    assert not Product.objects.exists()


def test_a_phones_48_megapixel_photo_is_accepted_and_made_smaller(client, shop):
    buffer = io.BytesIO()
    Image.new("RGB", (8000, 6000), (120, 160, 90)).save(buffer, "JPEG", quality=85)
    upload = SimpleUploadedFile("IMG_0001.jpg", buffer.getvalue(), content_type="image/jpeg")
    assert add(client, shop, photos=[upload]).status_code == 302
    with the_product().images.get().original.open() as stored:
        assert max(Image.open(stored).size) == 3200


def test_the_description_is_kept_to_what_the_sanitiser_allows(client, shop):
    description = (
        "<b>Dệt tay</b> <script>alert(1)</script>\n\n<ul>\n<li>Nhẹ</li>\n<li>Bền</li>\n</ul>"
        '\n\n<a href="https://ocop.gov.vn/" onclick="x()">OCOP</a>'
        '\n\n<a href="javascript:alert(1)">bấm</a>'
    )
    assert add(client, shop, description=description).status_code == 302
    stored = the_product().description
    assert "<b>Dệt tay</b>" in stored
    assert "<li>Nhẹ</li>" in stored
    assert 'href="https://ocop.gov.vn/"' in stored
    for hostile in ("<script", "onclick", "javascript:"):
        assert hostile not in stored


def test_an_ocop_rating_needs_its_certificate_and_keeps_its_photo(client, shop):
    response = add(client, shop, ocop_stars="4")
    assert response.status_code == 400
    assert "cần có số giấy chứng nhận" in response.content.decode()
    assert not Product.objects.exists()

    response = add(
        client,
        shop,
        ocop_stars="4",
        ocop_certificate_number="OCOP-NB-2024-117",
        ocop_issued_on="2024-03-01",
        ocop_expires_on="2027-03-01",
        ocop_certificate_image=photo("giay-chung-nhan.png"),
    )
    assert response.status_code == 302
    product = the_product()
    assert product.ocop_stars == 4
    assert product.ocop_certificate_image.name.startswith("ocop/")
    assert "giay-chung-nhan" not in product.ocop_certificate_image.name


def test_kinds_each_have_a_price_and_stock(client, shop):
    response = add(
        client,
        shop,
        price="",
        num_in_stock="",
        **{
            "variants-0-name": "Cỡ nhỏ",
            "variants-0-price": "120.000",
            "variants-0-stock": "5",
            "variants-1-name": "Cỡ lớn",
            "variants-1-price": "200.000",
            "variants-1-stock": "3",
        },
    )
    assert response.status_code == 302
    product = the_product()
    assert product.is_parent and not product.stockrecords.exists()
    kinds = {
        child.title: (child.stockrecords.get().price, child.stockrecords.get().num_in_stock)
        for child in product.children.all()
    }
    assert kinds == {"Cỡ nhỏ": (Decimal(120000), 5), "Cỡ lớn": (Decimal(200000), 3)}
    assert all(
        r.partner == shop["vendor"].partner
        for r in StockRecord.objects.filter(product__parent=product)
    )

    # She sees it in her list and can change a kind's price.
    listing = client.get("/dashboard/my-listings/").content.decode()
    assert "Làn cói Kim Sơn" in listing
    data = fields(client, edit_url(product))
    small = next(k for k in ("variants-0", "variants-1") if data[f"{k}-name"] == "Cỡ nhỏ")
    data[f"{small}-price"] = "125.000"
    assert client.post(edit_url(product), data).status_code == 302
    assert product.children.get(title="Cỡ nhỏ").stockrecords.get().price == Decimal(125000)

    # And send it for review, like any product.
    client.post(status_url(product))
    assert Listing.objects.get(product=product).status == Listing.Status.PENDING


def test_a_kind_without_a_price_is_refused(client, shop):
    response = add(client, shop, **{"variants-0-name": "Cỡ nhỏ", "variants-0-stock": "5"})
    assert response.status_code == 400
    assert not Product.objects.exists()


def test_a_product_without_price_or_kinds_is_refused(client, shop):
    assert add(client, shop, price="").status_code == 400
    assert not Product.objects.exists()


def test_send_for_review_then_fix_and_resend_after_a_refusal(client, shop):
    add(client, shop)
    product = the_product()
    response = client.post(status_url(product))
    assert response.status_code == 302
    listing = Listing.objects.get(product=product)
    assert listing.status == Listing.Status.PENDING
    page = client.get(status_url(product)).content.decode()
    assert "Đang chờ Hội duyệt" in page
    assert "Gửi Hội duyệt" not in page

    listing_decide(listing=listing, actor=shop["staff"], approve=False, reason="Ảnh bị mờ.")
    page = client.get(status_url(product)).content.decode()
    assert "Ảnh bị mờ." in page
    assert "Gửi lại Hội duyệt" in page

    data = fields(client, edit_url(product))
    client.post(edit_url(product), {**data, "photos": [photo("ro.png")]})
    client.post(status_url(product))
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING and listing.reason == ""


def test_changes_to_an_approved_product_wait_for_the_union(client, shop):
    product = product_create(
        "Làn cói", vendor=shop["vendor"], category=shop["category"], price=180000
    )
    client.force_login(shop["member"])
    data = fields(client, edit_url(product))
    data.update(title="Làn cói mới", price="200.000", num_in_stock="7")
    response = client.post(edit_url(product), data)
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.title == "Làn cói"  # shoppers still see the approved version
    record = product.stockrecords.get()
    assert record.price == Decimal(180000)
    assert record.num_in_stock == 7  # stock is not reviewed
    revision = ListingRevision.objects.get(status="pending")
    assert revision.data["title"] == "Làn cói mới"
    page = client.get(status_url(product)).content.decode()
    assert "chờ Hội duyệt" in page

    listing_revision_decide(revision=revision, actor=shop["staff"], approve=True)
    product.refresh_from_db()
    assert product.title == "Làn cói mới"
    assert product.stockrecords.get().price == Decimal(200000)


def test_kinds_of_an_approved_product_are_not_added_behind_the_unions_back(client, shop):
    product = product_create("Làn cói", vendor=shop["vendor"], category=shop["category"])
    client.force_login(shop["member"])
    data = fields(client, edit_url(product))
    data.update({"variants-0-name": "Cỡ lớn", "variants-0-price": "1", "variants-0-stock": "1"})
    assert client.post(edit_url(product), data).status_code == 400
    assert not product.children.exists()
    assert not ListingRevision.objects.exists()


def test_oscars_editor_sends_a_member_to_her_form(client, shop):
    product = product_create("Làn cói", vendor=shop["vendor"], category=shop["category"])
    client.force_login(shop["member"])
    response = client.get(f"/dashboard/catalogue/products/{product.pk}/")
    assert response.status_code == 302
    assert response["Location"] == edit_url(product)
    response = client.get("/dashboard/catalogue/products/create/", follow=True)
    assert response.redirect_chain[-1][0] == NEW

    client.force_login(shop["staff"])
    assert client.get(f"/dashboard/catalogue/products/{product.pk}/").status_code == 200


def test_her_list_links_to_her_form(client, shop):
    product = product_create("Làn cói", vendor=shop["vendor"], category=shop["category"])
    client.force_login(shop["member"])
    soup = BeautifulSoup(client.get("/dashboard/my-listings/").content.decode(), "html.parser")
    assert soup.select_one("a#add_product")["href"] == NEW
    assert soup.find("a", string="Làn cói")["href"] == status_url(product)


# --------------------------------------------------------------------------
# The preview a member sees of a product not approved yet
# --------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["pending", "rejected", None])
def test_a_product_not_approved_opens_for_her_as_a_preview_without_a_basket(client, shop, status):
    product = product_create(
        "Làn cói", vendor=shop["vendor"], category=shop["category"], listing_status="approved"
    )
    if status is None:
        Listing.objects.filter(product=product).delete()
    else:
        Listing.objects.filter(product=product).update(status=status)
    client.force_login(shop["member"])
    page = client.get(product.get_absolute_url())
    assert page.status_code == 200
    soup = BeautifulSoup(page.content.decode(), "html.parser")
    assert "Chưa được duyệt: người mua chưa thấy sản phẩm này" in soup.select_one(
        ".preview-banner"
    ).get_text(" ")
    assert soup.select_one("#add_to_basket_form") is None
    assert soup.select("form[action*='/basket/add/']") == []

    client.logout()
    assert client.get(product.get_absolute_url()).status_code == 404


def test_an_approved_product_has_no_banner_and_its_basket_form(client, shop):
    product = product_create("Làn cói", vendor=shop["vendor"], category=shop["category"])
    client.force_login(shop["member"])
    soup = BeautifulSoup(client.get(product.get_absolute_url()).content.decode(), "html.parser")
    assert soup.select_one(".preview-banner") is None
    assert soup.select("form[action*='/basket/add/']")


def test_a_preview_offers_no_review_to_write(client, shop):
    product = product_create(
        "Làn cói", vendor=shop["vendor"], category=shop["category"], listing_status="pending"
    )
    client.force_login(shop["member"])
    html = client.get(product.get_absolute_url()).content.decode()
    assert "/reviews/add/" not in html


def test_a_kind_of_another_product_cannot_be_taken_over(client, shop):
    other = product_create("Nón lá", vendor=vendor_create("Hợp tác xã B"), price=80000)
    child = Product.objects.create(parent=other, structure=Product.CHILD, title="Cỡ lớn")
    response = add(
        client,
        shop,
        **{
            "variants-0-id": str(child.pk),
            "variants-0-name": "Của tôi",
            "variants-0-price": "1",
            "variants-0-stock": "1",
        },
    )
    assert response.status_code == 404
    child.refresh_from_db()
    assert child.title == "Cỡ lớn" and child.parent == other
    assert not Product.objects.filter(title="Làn cói Kim Sơn").exists()


def test_each_field_is_described_by_its_help_text(client, shop):
    client.force_login(shop["member"])
    soup = BeautifulSoup(client.get(NEW).content.decode(), "html.parser")
    described = soup.select("form.member-product-form [aria-describedby]")
    assert len(described) >= 8
    for field in described:
        assert soup.find(id=field["aria-describedby"]) is not None, field["name"]
