"""Stories and articles are found by the same accent-free words as products."""

import datetime

import pytest
from wagtail.rich_text import RichText

from cms.models import ArticlePage, NewsIndexPage, StoryIndexPage, StoryPage
from search.pages import page_search
from tests.factories import vendor_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        stories = StoryIndexPage(title="Câu chuyện", slug="cau-chuyen")
        news = NewsIndexPage(title="Tin tức", slug="tin-tuc")
        for index in (stories, news):
            home_page.add_child(instance=index)
            index.save_revision().publish()
        story = StoryPage(
            title="Chị Mến livestream bán mật ong",
            slug="chi-men",
            intro="Từ bản Khanh, Cúc Phương.",
            body=[("paragraph", RichText("<p>Mỗi tối chị phát trực tiếp trên Zalo.</p>"))],
            vendor=vendor_create("Hợp tác xã Ong mật Cúc Phương"),
        )
        article = ArticlePage(
            title="Hội nghị kết nối tiêu thụ đặc sản",
            slug="hoi-nghi",
            intro="Cơm cháy và mật ong lên sàn thương mại điện tử.",
            body="<p>Nội dung.</p>",
            topic="events",
            date=datetime.date(2026, 11, 1),
        )
        for parent, page in ((stories, story), (news, article)):
            parent.add_child(instance=page)
            page.save_revision().publish()
    return {"story": story, "article": article}


def titles(query):
    return [page.title for page in page_search(query)]


def test_accent_free_words_find_stories_and_articles(pages):
    assert titles("mat ong") == [
        "Chị Mến livestream bán mật ong",
        "Hội nghị kết nối tiêu thụ đặc sản",
    ]
    assert titles("dac san") == ["Hội nghị kết nối tiêu thụ đặc sản"]
    assert titles("zalo") == ["Chị Mến livestream bán mật ong"]  # body text
    assert titles("cuc phuong ong") == ["Chị Mến livestream bán mật ong"]  # vendor name too
    assert titles("") == [] and titles("!!!") == []


def test_unpublished_pages_drop_out(pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pages["story"].unpublish()
    assert titles("mat ong") == ["Hội nghị kết nối tiêu thụ đặc sản"]


def test_results_page_shows_them_beside_products(client, pages):
    html = client.get("/search/?q=mat+ong").content.decode()
    assert "Chị Mến livestream bán mật ong" in html
    assert 'href="/cau-chuyen/chi-men/"' in html
