"""The demo data carries the Union's content: a campaign, ten stories, twenty articles,
one contest of each form and two collections, shown on the home page; two more
articles under the safety-online topic."""

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
    assert ArticlePage.objects.live().count() == 20 + 2  # and two on safety online
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


def test_demo_union_staff_submit_and_the_demo_leader_publishes():
    from django.contrib.auth import get_user_model

    from demo.loader import DEMO_LOGINS

    call_command("load_demo_data", products=0, verbosity=0)
    logins = {login.role: login for login in DEMO_LOGINS}
    users = get_user_model().objects
    staff = users.get(username=logins["Union staff"].username)
    leader = users.get(username=logins["Union leader"].username)
    story = StoryPage.objects.live().first()
    assert story.permissions_for_user(staff).can_edit()
    assert not story.permissions_for_user(staff).can_publish()
    assert story.permissions_for_user(leader).can_publish()
    assert not staff.is_superuser and not leader.is_superuser
