import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.rich_text import RichText

from cms.models import StoryIndexPage, StoryPage
from marketplace.models import Vendor
from tests.factories import commune_create, product_create, vendor_create

BODY = [("paragraph", RichText("<p>b</p>"))]

pytestmark = pytest.mark.django_db


@pytest.fixture
def vendors(home_page):
    ninh_hai = commune_create("Ninh Hải", "Hoa Lư")
    kim_chinh = commune_create("Kim Chính", "Kim Sơn")
    embroidery = vendor_create("Hợp tác xã Thêu ren Văn Lâm", commune=ninh_hai)
    sedge = vendor_create(
        "Tổ hợp tác Cói Kim Chính", commune=kim_chinh, kind=Vendor.Kind.COOPERATIVE_GROUP
    )
    applied = vendor_create("Hộ kinh doanh Mới", commune=ninh_hai, status=Vendor.Status.APPLIED)
    product_create("Khăn thêu hoa sen", vendor=embroidery)
    product_create("Chiếu cói đôi", vendor=sedge)
    product_create("Sản phẩm chưa duyệt", vendor=applied)
    return {"embroidery": embroidery, "sedge": sedge, "applied": applied}


def names(response):
    return [v.name for v in response.context["vendors"]]


def test_cooperatives_lists_approved_vendors_only(client, vendors):
    response = client.get("/cooperatives/")
    assert sorted(names(response)) == ["Hợp tác xã Thêu ren Văn Lâm", "Tổ hợp tác Cói Kim Chính"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?district=hoa-lu", ["Hợp tác xã Thêu ren Văn Lâm"]),
        ("?district=hoa-lu&commune=ninh-hai", ["Hợp tác xã Thêu ren Văn Lâm"]),
        ("?district=kim-son&commune=ninh-hai", ["Tổ hợp tác Cói Kim Chính"]),  # commune elsewhere
        ("?kind=cooperative_group", ["Tổ hợp tác Cói Kim Chính"]),
        (
            "?district=khong-co&kind=khong-co",
            ["Hợp tác xã Thêu ren Văn Lâm", "Tổ hợp tác Cói Kim Chính"],
        ),
    ],
)
def test_cooperatives_filters(client, vendors, query, expected):
    response = client.get(f"/cooperatives/{query}")
    assert response.status_code == 200
    assert sorted(names(response)) == expected


def test_vendor_page_shows_story_area_products_and_stories(client, vendors, home_page):
    vendor = vendors["embroidery"]
    vendor.story = "Các chị thêu từ năm 1990."
    vendor.women_members = 42
    vendor.phone = "0912345678"
    vendor.save()
    index = StoryIndexPage(title="Câu chuyện", slug="cau-chuyen")
    home_page.add_child(instance=index)
    story = StoryPage(
        title="Mũi kim và livestream",
        slug="mui-kim",
        intro="i",
        body=BODY,
        vendor=vendor,
    )
    index.add_child(instance=story)
    story.save_revision().publish()

    html = client.get(vendor.get_absolute_url()).content.decode()
    assert "Các chị thêu từ năm 1990." in html
    assert "Ninh Hải" in html and "Hoa Lư" in html
    assert "42" in html
    assert "0912 345 678" in html
    assert "Khăn thêu hoa sen" in html
    assert "Mũi kim và livestream" in html


def test_unapproved_vendor_has_no_public_page_but_staff_may_preview(client, vendors):
    url = vendors["applied"].get_absolute_url()
    assert client.get(url).status_code == 404
    staff = get_user_model().objects.create_superuser("admin", "a@example.vn", "x")
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 200
    assert "Sản phẩm chưa duyệt" not in response.content.decode()


def test_area_pages(client, vendors):
    district = client.get("/areas/hoa-lu/")
    assert district.status_code == 200
    assert names(district) == ["Hợp tác xã Thêu ren Văn Lâm"]
    assert [p.title for p in district.context["products"]] == ["Khăn thêu hoa sen"]
    commune = client.get("/areas/kim-son/kim-chinh/")
    assert names(commune) == ["Tổ hợp tác Cói Kim Chính"]
    assert client.get("/areas/kim-son/ninh-hai/").status_code == 404  # not in that district
    assert client.get("/areas/khong-co/").status_code == 404


def test_areas_lists_the_districts_with_their_cooperatives(client, vendors):
    commune_create("Gia Sinh", "Gia Viễn")
    retired = commune_create("Xã cũ", "Huyện cũ").parent
    retired.is_active = False
    retired.save()
    response = client.get("/areas/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    rows = [" ".join(a.text.split()) for a in html.select(".area-list a")]
    assert rows == [
        "Huyện Gia Viễn 0 hợp tác xã · 1 xã",
        "Huyện Hoa Lư 1 hợp tác xã · 1 xã",  # the applicant is not counted
        "Huyện Kim Sơn 1 hợp tác xã · 1 xã",
    ]
    assert [a["href"] for a in html.select(".area-list a")] == [
        "/areas/gia-vien/",
        "/areas/hoa-lu/",
        "/areas/kim-son/",
    ]
    crumbs = BeautifulSoup(client.get("/areas/hoa-lu/").content, "html.parser")
    assert crumbs.select_one(".breadcrumb a[href='/areas/']") is not None


def test_a_vendor_with_nothing_for_sale_says_so_and_shows_where_to_go(client, vendors):
    ninh_hai = vendors["embroidery"].commune
    empty = vendor_create("Hợp tác xã Dệt Ninh Hải", commune=ninh_hai)
    product_create("Khăn dệt chờ duyệt", vendor=empty, listing_status="pending")
    vendor_create("Hợp tác xã Chưa bán", commune=ninh_hai)  # nothing for sale either
    neighbour = vendor_create("Hợp tác xã Gốm Hoa Lư", commune=commune_create("Ninh Vân"))
    product_create("Bình gốm", vendor=neighbour)

    html = BeautifulSoup(client.get(empty.get_absolute_url()).content, "html.parser")
    box = html.select_one(".vendor-empty")
    assert "Hợp tác xã Dệt Ninh Hải hiện chưa có sản phẩm nào đang bán." in box.text
    assert "Khăn dệt chờ duyệt" not in html.text
    nearby = [a.text for a in box.select(".vendor-card .card-title a")]
    assert nearby == ["Hợp tác xã Thêu ren Văn Lâm", "Hợp tác xã Gốm Hoa Lư"]  # her commune first
    links = {a.text.strip(): a["href"] for a in box.select("a.btn")}
    assert links == {"Tất cả sản phẩm": "/catalogue/", "Hợp tác xã ở Hoa Lư": "/areas/hoa-lu/"}

    selling = client.get(vendors["embroidery"].get_absolute_url())
    assert BeautifulSoup(selling.content, "html.parser").select(".vendor-empty") == []


def png(name="anh.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (10, 120, 60)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def gif() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40)).save(buffer, "GIF")
    return SimpleUploadedFile("anh.gif", buffer.getvalue(), content_type="image/gif")


def application(**overrides):
    commune = commune_create("Gia Sinh", "Gia Viễn")
    data = {
        "name": "Hợp tác xã Miến Gia Viễn",
        "kind": "cooperative",
        "commune": commune.pk,
        "address": "Thôn 2, xã Gia Sinh",
        "phone": "0912 345 678",
        "email": "mien@example.vn",
        "story": "Mười hai chị em làm miến dong.",
        "photo": png(),
        "language": "vi",
        "contact_name": "Nguyễn Thị Lan",
        "password1": "mien-dong-gia-vien-2026",
        "password2": "mien-dong-gia-vien-2026",
    }
    data.update(overrides)
    return data


def test_apply_as_a_newcomer(client, home_page, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/sell/apply/", application())
    assert response.status_code == 302
    assert response["Location"] == "/sell/apply/received/"
    vendor = Vendor.objects.get(partner__name="Hợp tác xã Miến Gia Viễn")
    assert vendor.status == Vendor.Status.APPLIED
    assert vendor.phone == "0912345678"
    assert vendor.cover_image.name.endswith(".png")
    owner = vendor.members.get(role="owner").user
    assert owner.username == "mien@example.vn" and owner.first_name == "Nguyễn Thị Lan"
    assert not owner.is_active  # opened from the e-mail (tests/security/test_throttling.py)
    received = client.get("/sell/apply/received/")
    assert "Hợp tác xã Miến Gia Viễn" in received.content.decode()
    assert not received.context["user"].is_authenticated
    subjects = sorted(message.subject for message in mailoutbox)
    assert len(subjects) == 2 and any("Đã nhận hồ sơ" in subject for subject in subjects)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"phone": "12345"}, "phone", "số điện thoại Việt Nam"),
        ({"photo": SimpleUploadedFile("anh.jpg", b"not a picture")}, "photo", "không phải ảnh"),
        ({"photo": gif()}, "photo", "JPEG, PNG hoặc WebP"),
        ({"password2": "khac"}, "password2", "không khớp"),
        ({"commune": 999999}, "commune", ""),
    ],
)
def test_bad_applications_say_why_and_save_nothing(client, home_page, overrides, field, message):
    response = client.post("/sell/apply/", application(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    assert not Vendor.objects.exists()
    assert not get_user_model().objects.filter(username="mien@example.vn").exists()


def test_a_signed_in_shopper_applies_with_her_account(client, home_page):
    shopper = get_user_model().objects.create_user("hoa@example.vn", "hoa@example.vn", "x")
    client.force_login(shopper)
    data = application()
    for key in ("contact_name", "password1", "password2"):
        data.pop(key)
    response = client.post("/sell/apply/", data)
    assert response.status_code == 302
    assert Vendor.objects.get().members.get().user == shopper


def test_apply_page_in_english(client, home_page):
    client.cookies["django_language"] = "en"
    html = client.get("/sell/apply/").content.decode()
    assert "Sell on the marketplace" in html
    client.cookies["django_language"] = "vi"
    assert "Bán hàng trên chợ" in client.get("/sell/apply/").content.decode()
