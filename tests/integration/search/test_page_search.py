"""Stories and articles are found by the same accent-free words as products.

On the database and on a real OpenSearch node (the pages' own index).
"""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.rich_text import RichText

from cms.models import ArticlePage, NewsIndexPage, StoryIndexPage, StoryPage
from search.engine import index_alias
from search.pages import PAGES, page_search
from tests.factories import commune_create, vendor_create

pytestmark = pytest.mark.django_db

OPENSEARCH = pytest.param("opensearch", marks=pytest.mark.service("search"))


@pytest.fixture(params=["database", OPENSEARCH])
def backend(request):
    if request.param == "opensearch":
        engine = request.getfixturevalue("engine")

        def refresh():
            engine.refresh(index=index_alias(name=PAGES))

        refresh.engine = engine
        return refresh
    return lambda: None


@pytest.fixture
def pages(home_page, backend, django_capture_on_commit_callbacks):
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
            vendor=vendor_create(
                "Hợp tác xã Ong mật Cúc Phương",
                commune=commune_create("Cúc Phương", district="Nho Quan"),
            ),
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
    backend()
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
    assert titles("nho quan") == ["Chị Mến livestream bán mật ong"]  # the vendor's area
    assert titles("") == [] and titles("!!!") == []


def test_unpublished_pages_drop_out(pages, backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pages["story"].unpublish()
    backend()
    assert titles("mat ong") == ["Hội nghị kết nối tiêu thụ đặc sản"]


def test_suggestions_include_stories(client, pages):
    body = client.get("/search/suggest/", {"q": "chi men"}).json()
    assert body["stories"] == [
        {"title": "Chị Mến livestream bán mật ong", "url": "/cau-chuyen/chi-men/"}
    ]
    assert client.get("/search/suggest/", {"q": "zalo"}).json()["stories"] == []  # titles only


@pytest.mark.parametrize("backend", [OPENSEARCH], indirect=True)
def test_pages_are_answered_by_their_own_engine_index(pages, backend, caplog, settings):
    engine = backend.engine
    assert titles("mat ong")  # no fallback warning: the engine answered
    assert "database finds the pages" not in caplog.text
    assert engine.alias_indices(alias=index_alias(name=PAGES))
    assert index_alias(name=PAGES).startswith(settings.SEARCH_INDEX_PREFIX + "-")
    out = StringIO()
    call_command("search_index", "rebuild", stdout=out)
    assert "2 stories and articles" in out.getvalue()
    engine.refresh(index=index_alias(name=PAGES))
    assert titles("dac san") == ["Hội nghị kết nối tiêu thụ đặc sản"]


def test_wagtail_admin_search_keeps_its_own_backend(settings):
    """Wagtail's admin searches the database (cms/search_backend.py wraps it), never our engine."""
    from modelsearch.backends import get_search_backend

    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "cms.search_backend"
    bases = type(get_search_backend("default")).__mro__
    assert any(base.__module__.startswith("modelsearch.backends.database") for base in bases)


def test_results_page_shows_them_beside_products(client, pages):
    html = client.get("/search/?q=mat+ong").content.decode()
    assert "Chị Mến livestream bán mật ong" in html
    assert 'href="/cau-chuyen/chi-men/"' in html


@pytest.mark.parametrize("backend", [OPENSEARCH], indirect=True)
def test_results_page_asks_the_engine_once_for_products_and_pages(client, pages, backend):
    calls = []
    engine = backend.engine
    call_command("search_index", "rebuild", stdout=StringIO())  # the products' index too
    call = engine._call
    engine._call = lambda method, **kwargs: calls.append(method) or call(method, **kwargs)
    try:
        first = client.get("/search/?q=mat+ong")
        second_page = client.get("/search/?q=mat+ong&page=2")
    finally:
        del engine._call
    assert "Chị Mến livestream bán mật ong" in first.content.decode()
    assert first["Server-Timing"].startswith("search-engine;dur=")
    # Products and pages together, one round trip; a later page asks for products alone.
    assert calls == ["msearch", "search"]
    assert second_page.status_code == 302  # past the results: back to the first page


@pytest.mark.parametrize("backend", [OPENSEARCH], indirect=True)
def test_pages_the_engine_fails_on_are_asked_again_beside_its_products(
    client, pages, backend, monkeypatch, caplog
):
    """One search of the two failing (a broken pages index) leaves the products' answer."""
    from search.engine import EngineError

    engine = backend.engine
    call_command("search_index", "rebuild", stdout=StringIO())  # the products' index too
    search_many = engine.search_many

    def pages_fail(searches):
        products, _ = search_many(searches)
        return [products, EngineError("opensearch msearch: index_closed_exception")]

    monkeypatch.setattr(engine, "search_many", pages_fail)
    html = client.get("/search/?q=mat+ong").content.decode()
    assert "Chị Mến livestream bán mật ong" in html  # asked again on their own
    assert "failed on pages" in caplog.text
    assert "the database answers" not in caplog.text  # the products stayed with the engine
