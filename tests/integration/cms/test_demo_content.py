"""The demo data carries the Union's content: a campaign, ten stories, twenty articles,
one contest of each form and two collections, shown on the home page."""

import pytest
from django.core.management import call_command

from cms.models import (
    ArticlePage,
    CampaignPage,
    ContestPage,
    HomePage,
    ProductCollection,
    StoryPage,
)

pytestmark = pytest.mark.django_db


def test_demo_union_content(client):
    call_command("load_demo_data", products=20, verbosity=0)
    assert CampaignPage.objects.live().count() == 1
    assert StoryPage.objects.live().count() == 10
    assert ArticlePage.objects.live().count() == 20
    assert set(ContestPage.objects.live().values_list("kind", flat=True)) == {"entries", "quiz"}
    assert ProductCollection.objects.count() == 2
    assert all(c.products_for_sale().exists() for c in ProductCollection.objects.all())
    campaign = CampaignPage.objects.get()
    assert campaign.stories.exists() and campaign.articles.exists() and campaign.collection
    home = HomePage.objects.get()
    assert [block.block_type for block in home.body][:2] == ["hero", "collection"]
    html = client.get("/").content.decode()
    assert "Quà Tết từ Ninh Bình" in html
    assert "Được Hội Phụ nữ chọn" in html
    assert client.get(campaign.url).status_code == 200
    quiz = ContestPage.objects.get(kind="quiz")
    assert len(quiz.questions) == 3
    assert "Đại hội" in client.get(quiz.url).content.decode()
