import pytest

from cms.models import NewsIndexPage, StoryIndexPage
from tests.factories import publish


@pytest.fixture
def story_index(home_page):
    return publish(home_page, StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))


@pytest.fixture
def news_index(home_page):
    return publish(home_page, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
