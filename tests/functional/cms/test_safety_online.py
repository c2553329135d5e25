"""News about safety online shows the hotline 111 and the Union's own contacts."""

import datetime

import pytest

from cms.models import ArticlePage, NewsIndexPage
from tests.factories import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page):
    return publish(
        home_page,
        NewsIndexPage(
            title="Tin tức",
            slug="tin-tuc",
            safety_contacts=[
                (
                    "contacts",
                    {
                        "contacts": [
                            {
                                "name": "Hội LHPN tỉnh",
                                "phone": "0229 3871 234",
                                "note": "Giờ hành chính",
                            }
                        ]
                    },
                )
            ],
        ),
    )


def article(news, title, topic):
    return publish(
        news,
        ArticlePage(
            title=title,
            date=datetime.date(2026, 11, 1),
            topic=topic,
            intro="Giới thiệu",
            body="<p>Nội dung</p>",
        ),
    )


def test_an_article_about_safety_online_shows_111_and_the_unions_contacts(client, news):
    safety = article(news, "Nhận biết lừa đảo", "online_safety")
    html = client.get(safety.url).content.decode()
    assert 'href="tel:111"' in html
    assert 'href="tel:02293871234"' in html and "Hội LHPN tỉnh" in html


def test_the_topic_page_shows_the_help_and_other_articles_do_not(client, news):
    other = article(news, "Mô hình 5 không 3 sạch", "household_model")
    assert 'href="tel:111"' not in client.get(other.url).content.decode()
    assert 'href="tel:111"' not in client.get(news.url).content.decode()
    topic = client.get(f"{news.url}?topic=online_safety").content.decode()
    assert 'href="tel:111"' in topic and "Hội LHPN tỉnh" in topic


def test_without_contacts_the_hotline_still_shows(client, home_page):
    bare = publish(home_page, NewsIndexPage(title="Tin", slug="tin"))
    html = client.get(article(bare, "An toàn cho con", "online_safety").url).content.decode()
    assert 'href="tel:111"' in html
