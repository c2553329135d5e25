"""A campaign gathers its stories, articles and a collection; content pages carry blocks."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from wagtail.rich_text import RichText

from cms.models import ArticlePage, CampaignPage, ContentPage, ContestEntry, ContestVote
from tests.factories import (
    collection_create,
    contest_create,
    product_create,
    publish,
    story_create,
)

pytestmark = pytest.mark.django_db


def test_campaign_shows_its_live_stories_articles_and_collection(
    client, home_page, story_index, news_index
):
    story = story_create(story_index, "Chị Ngọc livestream")
    draft = story_create(story_index, "Bản nháp")
    draft.unpublish()
    article = publish(
        news_index,
        ArticlePage(
            title="Tập huấn chuyển đổi số",
            slug="tap-huan",
            intro="i",
            body="<p>b</p>",
            topic="events",
            date=datetime.date(2026, 3, 8),
        ),
    )
    collection = collection_create("Quà 8/3", products=[product_create("Khăn thêu")])
    campaign = CampaignPage(
        title="Hành trình chuyển đổi số",
        slug="chuyen-doi-so",
        intro="<p>Chương trình của Hội</p>",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        collection=collection,
    )
    campaign.stories = [story, draft]
    campaign.articles = [article]
    publish(home_page, campaign)
    html = client.get("/chuyen-doi-so/").content.decode()
    assert "Chị Ngọc livestream" in html and "Bản nháp" not in html
    assert "Tập huấn chuyển đổi số" in html
    assert "Quà 8/3" in html and "Khăn thêu" in html
    assert "01/01/2026" in html and "31/12/2026" in html


def test_campaign_hides_an_expired_collection(client, home_page):
    collection = collection_create(
        "Quà Tết cũ", products=[product_create("Bánh chưng")], ends_on=datetime.date(2020, 2, 1)
    )
    publish(
        home_page,
        CampaignPage(title="Tết", slug="tet", intro="<p>i</p>", collection=collection),
    )
    html = client.get("/tet/").content.decode()
    assert "Quà Tết cũ" not in html and "Bánh chưng" not in html


def test_content_page_renders_its_blocks_and_nests(client, home_page):
    about = publish(
        home_page,
        ContentPage(
            title="Giới thiệu",
            slug="gioi-thieu",
            body=[("paragraph", RichText("<p>Hội Liên hiệp Phụ nữ tỉnh</p>"))],
        ),
    )
    publish(
        about,
        ContentPage(
            title="Chính sách bảo mật",
            slug="bao-mat",
            body=[("quote", "Chúng tôi không bán dữ liệu của bạn.")],
        ),
    )
    assert "Hội Liên hiệp Phụ nữ tỉnh" in client.get("/gioi-thieu/").content.decode()
    html = client.get("/gioi-thieu/bao-mat/").content.decode()
    assert "Chúng tôi không bán dữ liệu của bạn." in html
    assert 'href="/gioi-thieu/"' in html  # breadcrumb to its parent


def test_the_database_refuses_a_second_vote_even_past_the_service(home_page, django_user_model):
    contest = contest_create(home_page)
    voter = django_user_model.objects.create_user("mai", "mai@example.vn", "pw")
    entry = ContestEntry.objects.create(
        contest=contest, user=voter, caption="c", image="contests/a.png", status="approved"
    )
    ContestVote.objects.create(contest=contest, entry=entry, user=voter)
    with pytest.raises(IntegrityError), transaction.atomic():
        ContestVote.objects.create(contest=contest, entry=entry, user=voter)
