"""The traceability page a label's QR code opens, and the QR code vendors print."""

import datetime
import io

import pytest
import segno
from django.contrib.auth import get_user_model
from PIL import Image

from catalog.qr import PNG_SCALE, QUIET_ZONE
from marketplace.services.vendors import vendor_member_add
from tests.factories import commune_create, product_create, vendor_create

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def product(home_page):
    vendor = vendor_create("Hợp tác xã Cói Kim Sơn", commune=commune_create("Kim Tân", "Kim Sơn"))
    product = product_create("Làn cói", vendor=vendor)
    product.maker = "Chị Phạm Thị Lan"
    product.origin_commune = commune_create("Kim Hải", "Kim Sơn")
    product.ocop_stars = 4
    product.ocop_certificate_number = "OCOP-NB-2024-117"
    product.ocop_issued_on = datetime.date(2024, 3, 1)
    product.ocop_expires_on = datetime.date(2099, 3, 1)
    product.save()
    return product


def test_the_trace_page_names_producer_area_origin_and_certificate(client, product):
    response = client.get(f"/trace/{product.trace_code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hợp tác xã Cói Kim Sơn" in html
    assert "Kim Tân, Kim Sơn" in html  # the vendor's area
    assert "Kim Hải" in html  # where it was made
    assert "Chị Phạm Thị Lan" in html
    assert "OCOP-NB-2024-117" in html and "01/03/2099" in html
    assert product.get_absolute_url() in html


def test_an_expired_certificate_shows_no_stars(client, product):
    product.ocop_expires_on = datetime.date(2020, 1, 1)
    product.ocop_issued_on = datetime.date(2017, 1, 1)
    product.save()
    html = client.get(f"/trace/{product.trace_code}/").content.decode()
    assert "4 sao" not in html and "★" not in html
    assert "không còn hiệu lực" in html
    page = client.get(product.get_absolute_url()).content.decode()
    assert "★" not in page and "OCOP 4" not in page


def test_the_trace_page_links_her_story(client, product, home_page):
    from cms.models import StoryIndexPage, StoryPage

    index = home_page.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))
    vendor = product.stockrecords.get().partner.vendor
    story = index.add_child(
        instance=StoryPage(
            title="Chị Lan và nghề cói", slug="chi-lan", intro="...", body="<p>.</p>", vendor=vendor
        )
    )
    html = client.get(f"/trace/{product.trace_code}/").content.decode()
    assert story.url in html and "Chị Lan và nghề cói" in html


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_products_not_for_sale_have_no_trace_page(client, home_page, status):
    product = product_create("Làn cói chờ duyệt", listing_status=status)
    assert client.get(f"/trace/{product.trace_code}/").status_code == 404


def test_an_unknown_code_is_a_404(client, home_page):
    assert client.get("/trace/NOTACODE/").status_code == 404


def qr_matrix_of_png(png: bytes) -> list[list[int]]:
    """Read the modules back from the PNG: dark pixel at each module's centre."""
    image = Image.open(io.BytesIO(png)).convert("L")
    modules = image.width // PNG_SCALE - 2 * QUIET_ZONE
    return [
        [
            int(
                image.getpixel(((QUIET_ZONE + x) * PNG_SCALE + 5, (QUIET_ZONE + y) * PNG_SCALE + 5))
                < 128
            )
            for x in range(modules)
        ]
        for y in range(modules)
    ]


def expected_matrix(url: str) -> list[list[int]]:
    return [list(row) for row in segno.make_qr(url, error="m").matrix]


@pytest.fixture
def members(product):
    owner = User.objects.create_user("a@example.vn", "a@example.vn", "x")
    vendor_member_add(vendor=product.stockrecords.get().partner.vendor, user=owner, role="owner")
    other = User.objects.create_user("b@example.vn", "b@example.vn", "x")
    vendor_member_add(vendor=vendor_create("Hợp tác xã Khác"), user=other, role="owner")
    return {"owner": owner, "other": other}


def test_her_qr_png_encodes_the_absolute_trace_url(client, product, members, settings):
    settings.SITE_URL = "https://cho.hoiphunu.example.vn"
    client.force_login(members["owner"])
    response = client.get(f"/dashboard/my-listings/{product.pk}/qr.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert f"qr-{product.trace_code}.png" in response["Content-Disposition"]
    matrix = qr_matrix_of_png(response.content)
    url = f"https://cho.hoiphunu.example.vn/trace/{product.trace_code}/"
    assert matrix == expected_matrix(url)
    assert matrix != expected_matrix(f"http://127.0.0.1:8000/trace/{product.trace_code}/")


def test_the_product_page_shows_the_qr_and_the_trace_link(client, product, settings):
    settings.SITE_URL = "https://cho.hoiphunu.example.vn"
    html = client.get(product.get_absolute_url()).content.decode()
    assert f"https://cho.hoiphunu.example.vn/trace/{product.trace_code}/" in html
    assert "<svg" in html


def test_other_people_cannot_download_her_qr(client, product, members):
    url = f"/dashboard/my-listings/{product.pk}/qr.png"
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(members["other"])
    assert client.get(url).status_code == 404
    client.force_login(User.objects.create_user("khach", "khach@example.vn", "x"))
    assert client.get(url).status_code == 403
