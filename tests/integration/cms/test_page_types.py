"""Where each page type may live: explicit on every type, enforced by Wagtail."""

import pytest
from wagtail.models import Page

from cms import models
from union.models import JoinPage

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    models.HomePage,
    models.StoryIndexPage,
    models.StoryPage,
    models.NewsIndexPage,
    models.ArticlePage,
    models.CampaignPage,
    models.ContestPage,
    models.ContentPage,
]


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.__name__)
def test_every_page_type_states_its_parents_and_children(page_type):
    for attribute in ("parent_page_types", "subpage_types"):
        declared = [klass for klass in page_type.__mro__ if attribute in vars(klass)]
        assert declared and declared[0] is not Page, f"{page_type.__name__}.{attribute}"


@pytest.mark.parametrize(
    ("parent", "children"),
    [
        (
            models.HomePage,
            {
                models.StoryIndexPage,
                models.NewsIndexPage,
                models.CampaignPage,
                models.ContestPage,
                models.ContentPage,
                models.GuideIndexPage,
                JoinPage,
            },
        ),
        (models.StoryIndexPage, {models.StoryPage}),
        (models.NewsIndexPage, {models.ArticlePage}),
        (models.CampaignPage, {models.ContestPage}),
        (models.ContentPage, {models.ContentPage}),
        (models.StoryPage, set()),
        (models.ArticlePage, set()),
        (models.ContestPage, set()),
    ],
    ids=lambda value: getattr(value, "__name__", "children"),
)
def test_allowed_children(parent, children):
    assert set(parent.allowed_subpage_models()) == children


def test_a_story_cannot_be_created_outside_a_story_index(home_page, story_index, news_index):
    assert not models.StoryPage.can_create_at(home_page)
    assert not models.StoryPage.can_create_at(news_index)
    assert models.StoryPage.can_create_at(story_index)
    assert not models.ArticlePage.can_create_at(story_index)
    assert not models.HomePage.can_create_at(home_page)  # one home page, at the root


def test_the_admin_refuses_a_story_under_the_home_page(admin_client, home_page):
    response = admin_client.get(f"/cms/pages/add/cms/storypage/{home_page.pk}/")
    assert response.status_code in (302, 403)  # Wagtail sends her back with a message
    assert not models.StoryPage.objects.exists()
