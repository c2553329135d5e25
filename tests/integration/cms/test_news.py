"""The news index: topic filter and pagination; bad parameters never fail."""

import datetime

import pytest

from cms.models import ArticlePage
from tests.factories import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(news_index):
    topics = ["events", "policy", "online_safety"]
    return [
        publish(
            news_index,
            ArticlePage(
                title=f"Bài {n:02d}",
                slug=f"bai-{n}",
                intro="i",
                body="<p>b</p>",
                topic=topics[n % 3],
                date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            ),
        )
        for n in range(15)
    ]


def test_topic_filter_shows_only_that_topic(client, articles):
    html = client.get("/tin-tuc/?topic=policy").content.decode()
    shown = {a.title for a in articles if a.title in html}
    assert shown == {a.title for a in articles if a.topic == "policy"}
    assert 'aria-current="true"' in html


def test_pagination_twelve_a_page_newest_first(client, articles):
    first = client.get("/tin-tuc/").content.decode()
    second = client.get("/tin-tuc/?page=2").content.decode()
    assert "Bài 14" in first and "Bài 03" in first and "Bài 02" not in first
    assert "Bài 02" in second and "Bài 00" in second and "Bài 14" not in second


@pytest.mark.parametrize("query", ["?page=abc", "?page=999", "?topic=bogus", "?page=-1"])
def test_bad_parameters_answer_a_page(client, articles, query):
    response = client.get(f"/tin-tuc/{query}")
    assert response.status_code == 200
