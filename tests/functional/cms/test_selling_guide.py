"""The selling guide: Union staff's Wagtail pages, fixed addresses per topic for members' pages."""

import pytest
from wagtail.models import Page

from cms.models import GuideIndexPage, GuidePage, HomePage
from demo import guides as demo_guides
from demo.loader import DemoSummary, _guides
from tests.factories import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide_index(home_page):
    return publish(
        home_page,
        GuideIndexPage(
            title="Hướng dẫn bán hàng",
            title_en="Selling guide",
            slug="huong-dan-ban-hang",
            intro="Chụp ảnh, đặt giá, gửi hàng.",
            intro_en="Photos, prices, parcels.",
        ),
    )


@pytest.fixture
def photos_guide(guide_index):
    return publish(
        guide_index,
        GuidePage(
            title="Chụp ảnh sản phẩm",
            title_en="Photographing a product",
            topic="photos",
            intro="Ảnh đẹp giúp người mua tin chị.",
            body="<p>Chụp ban ngày, gần cửa sổ.</p>",
            body_en="<p>Take photos in daylight, near a window.</p>",
        ),
    )


def test_each_topic_has_a_fixed_address_whatever_the_slug(client, photos_guide):
    response = client.get("/help/selling/photos/")
    assert response.status_code == 302
    assert response["Location"] == "/huong-dan-ban-hang/chup-anh-san-pham/"
    # a topic without a guide yet opens the section; an unknown one is not found
    assert client.get("/help/selling/ocop/")["Location"] == "/huong-dan-ban-hang/"
    assert client.get("/help/selling/").status_code == 302
    assert client.get("/help/selling/nonsense/").status_code == 404


def test_without_the_section_the_help_address_is_not_found(client, home_page):
    assert client.get("/help/selling/").status_code == 404
    assert client.get("/help/selling/photos/").status_code == 404


def test_a_guide_reads_in_vietnamese_and_in_english(client, photos_guide):
    html = client.get("/huong-dan-ban-hang/chup-anh-san-pham/").content.decode()
    assert "Chụp ban ngày, gần cửa sổ." in html and "Chụp ảnh sản phẩm" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/huong-dan-ban-hang/chup-anh-san-pham/").content.decode()
    assert "Take photos in daylight, near a window." in html
    assert "Photographing a product" in html and "Chụp ban ngày" not in html
    index = client.get("/huong-dan-ban-hang/").content.decode()
    assert "Selling guide" in index and "Photos, prices, parcels." in index


def test_a_member_reading_a_guide_has_her_way_back(client, people, photos_guide):
    client.force_login(people["member of vendor A"])
    page = client.get("/huong-dan-ban-hang/chup-anh-san-pham/").content.decode()
    assert 'href="/dashboard/"' in page and "Về trang hợp tác xã của tôi" in page


def test_guides_live_only_in_the_guide_section(home_page):
    assert GuideIndexPage in HomePage.allowed_subpage_models()
    assert GuidePage.allowed_parent_page_models() == [GuideIndexPage]
    assert GuidePage not in HomePage.allowed_subpage_models()


def test_the_demo_has_its_guides_in_vietnamese_and_english(client, home_page):
    _guides(home_page, DemoSummary())
    _guides(home_page, DemoSummary())  # loading twice adds nothing
    guides = GuidePage.objects.live()
    topics = sorted(guides.values_list("topic", flat=True))
    assert topics == ["ocop", "packing", "photos", "pricing"]
    assert all(guide.title_en and guide.body_en and guide.intro_en for guide in guides)
    assert len(demo_guides.GUIDES) == guides.count()
    for topic in ("photos", "pricing", "packing", "ocop"):
        response = client.get(f"/help/selling/{topic}/", follow=True)
        assert response.status_code == 200
        assert isinstance(response.context["page"], GuidePage)
    assert Page.objects.type(GuideIndexPage).count() == 1
