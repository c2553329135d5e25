import datetime

import pytest
from wagtail.rich_text import RichText

from cms.models import ArticlePage, NewsIndexPage, StoryIndexPage, StoryPage
from tests.factories import vendor_create

BODY = [("paragraph", RichText("<p>b</p>"))]

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(home_page):
    stories = StoryIndexPage(title="Câu chuyện", slug="cau-chuyen")
    news = NewsIndexPage(title="Tin tức", slug="tin-tuc")
    for page in (stories, news):
        home_page.add_child(instance=page)
        page.save_revision().publish()
    return stories, news


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_story_index_lists_live_stories_only(client, sections):
    stories, _ = sections
    publish(
        stories,
        StoryPage(
            title="Chị Lan bán hàng qua Zalo",
            slug="lan",
            intro="i",
            body=BODY,
        ),
    )
    draft = StoryPage(
        title="Bản nháp",
        slug="nhap",
        intro="i",
        body=BODY,
        live=False,
    )
    stories.add_child(instance=draft)
    html = client.get("/cau-chuyen/").content.decode()
    assert "Chị Lan bán hàng qua Zalo" in html
    assert "Bản nháp" not in html


def test_story_names_its_vendor_and_area(client, sections):
    stories, _ = sections
    vendor = vendor_create("Hợp tác xã Thêu ren Văn Lâm")
    publish(
        stories,
        StoryPage(
            title="Mũi kim số",
            slug="mui-kim",
            intro="Giới thiệu",
            body=[("paragraph", RichText("<p>Nội dung câu chuyện</p>"))],
            vendor=vendor,
        ),
    )
    html = client.get("/cau-chuyen/mui-kim/").content.decode()
    assert "Nội dung câu chuyện" in html
    assert "Hợp tác xã Thêu ren Văn Lâm" in html
    assert vendor.commune.name in html
    assert 'href="/cau-chuyen/"' in html  # breadcrumb to its index


@pytest.mark.parametrize(("language", "topic"), [("vi", "Sự kiện"), ("en", "Events")])
def test_news_index_newest_first_with_topic_and_local_date(client, sections, language, topic):
    _, news = sections
    for n, title in enumerate(["Tin cũ", "Tin mới"]):
        publish(
            news,
            ArticlePage(
                title=title,
                slug=f"tin-{n}",
                intro="i",
                body="<p>b</p>",
                topic="events",
                date=datetime.date(2026, 11, 1 + 10 * n),
            ),
        )
    client.cookies["django_language"] = language
    html = client.get("/tin-tuc/").content.decode()
    assert html.index("Tin mới") < html.index("Tin cũ")
    assert topic in html
    assert {"vi": "11/11/2026", "en": "11 Nov 2026"}[language] in html


def test_home_links_to_the_sections_in_the_header(client, sections):
    html = client.get("/").content.decode()
    assert 'href="/cau-chuyen/"' in html
    assert 'href="/tin-tuc/"' in html


def test_header_links_follow_a_renamed_section(
    client, sections, django_capture_on_commit_callbacks
):
    stories, _ = sections
    client.get("/")  # fills the cached links
    stories.title = "Hành trình chuyển đổi số"
    with django_capture_on_commit_callbacks(execute=True):  # the version moves on commit
        stories.save_revision().publish()
    assert "Hành trình chuyển đổi số" in client.get("/").content.decode()
