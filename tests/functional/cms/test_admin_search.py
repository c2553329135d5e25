"""Union staff search the CMS with whatever they type: never a 500 (SQLite FTS5 and PostgreSQL).

Wagtail's database search backend put each term between double quotes in an
FTS5 query without escaping the quotes inside it, so on SQLite a stray ``"``
was a syntax error and the page a 500 (cms/search_backend.py).
"""

import pytest
from django.contrib.auth import get_user_model

from cms.models import ProductCollection
from marketplace.services.roles import roles_sync
from tests.factories import image_create, story_create

pytestmark = pytest.mark.django_db

User = get_user_model()

SEARCHES = [
    "/cms/pages/search/?q={q}",
    "/cms/pages/{parent}/?q={q}",
    "/cms/choose-page/search/?q={q}",
    "/cms/images/?q={q}",
    "/cms/images/chooser/results/?q={q}",
    "/cms/documents/?q={q}",
    "/cms/documents/chooser/results/?q={q}",
    "/cms/snippets/cms/productcollection/?q={q}",
    "/cms/snippets/marketplace/administrativearea/?q={q}",
    "/search/?q={q}",
]
HOSTILE = ['"', '""', 'a"b', 'Zalo "', '"Zalo', "'", "(*) NOT x:y ^ \\ %"]


@pytest.fixture
def union_staff(client, db):
    user = User.objects.create_user("bientap", "bientap@example.vn", "pw", is_staff=True)
    user.groups.add(roles_sync())
    client.force_login(user)
    client.raise_request_exception = False
    return user


@pytest.fixture
def content(story_index):
    story = story_create(story_index, "Chị Lan bán hàng qua Zalo")
    image_create("Chân dung chị Lan")
    ProductCollection.objects.create(title="Quà Tết Zalo")
    return story


@pytest.mark.parametrize("query", HOSTILE)
def test_every_admin_search_answers_a_query_with_quotes(client, union_staff, content, query):
    refused = []
    for search in SEARCHES:
        url = search.format(q=query, parent=content.get_parent().pk)
        response = client.get(url)
        if response.status_code != 200:
            refused.append((url, response.status_code))
    assert refused == []


def test_a_stray_quote_still_finds_what_matches(client, union_staff, content):
    parent = content.get_parent().pk
    for url, title in [
        (f'/cms/pages/{parent}/?q="Zalo', "Chị Lan bán hàng qua Zalo"),
        ('/cms/choose-page/search/?q=Zalo"', "Chị Lan bán hàng qua Zalo"),
        ('/cms/choose-page/search/?q=Lan "" bán', "Chị Lan bán hàng qua Zalo"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert title in response.content.decode(), url


def test_a_quote_alone_finds_nothing(client, union_staff, content):
    response = client.get(f'/cms/pages/{content.get_parent().pk}/?q="')
    assert response.status_code == 200
    assert "Chị Lan bán hàng qua Zalo" not in response.content.decode()
