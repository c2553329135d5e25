"""English pages name categories and the home page's sections in English; Vietnamese pages don't.

Editors write a category's ``name_en`` and the home page's ``*_en`` twins;
a category without an English name shows its Vietnamese name in both.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from cms.models import StoryIndexPage
from tests.factories import (
    category_create,
    collection_create,
    home_page_create,
    product_create,
    publish,
)

pytestmark = pytest.mark.django_db

VI = ["Đặc sản", "Cơm cháy", "Trang chủ chợ phiên", "Sản phẩm phụ nữ làm", "Quà Tết", "Câu chuyện"]
EN = [
    "Food specialties",
    "Crispy rice",
    "The market home",
    "Made by women",
    "Tet gifts",
    "Our stories",
]


@pytest.fixture
def shop():
    crispy = category_create("Đặc sản > Cơm cháy")
    crispy.name_en = "Crispy rice"
    crispy.save()
    top = crispy.get_parent()
    top.name_en = "Food specialties"
    top.save()
    honey = category_create("Đặc sản > Mật ong")  # no English name
    rice = product_create("Chà bông giòn", category=crispy)
    product_create("Hũ hoa nhãn", category=honey)
    home = home_page_create(
        title="Trang chủ chợ phiên",
        title_en="The market home",
        hero_heading="Sản phẩm phụ nữ làm",
        hero_heading_en="Made by women",
    )
    collection = collection_create("Quà Tết", products=[rice])
    home.body = [
        ("hero", {"heading": "Sản phẩm phụ nữ làm", "heading_en": "Made by women"}),
        ("collection", {"collection": collection, "heading": "", "heading_en": "Tet gifts"}),
    ]
    home.save_revision().publish()
    publish(home, StoryIndexPage(title="Câu chuyện", title_en="Our stories", slug="cau-chuyen"))
    cache.clear()  # the footer's section links
    return {"category": crispy, "honey": honey}


def read(client, language: str, url: str) -> str:
    client.cookies["django_language"] = language
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "shown", "hidden"), [("en", EN, VI), ("vi", VI, EN)], ids=["en", "vi"]
)
def test_home_category_and_search_name_categories_and_sections_in_the_page_language(
    client, shop, language, shown, hidden
):
    home = read(client, language, "/")
    category = read(client, language, shop["category"].get_absolute_url())
    search = read(client, language, reverse("search:search") + "?q=")

    # Home: the title, hero heading, collection heading and the footer's section link.
    for text in shown[2:]:
        assert text in home
    for text in hidden[2:]:
        assert text not in home
    # Category page: its name (title, heading, breadcrumb) and its parent in the breadcrumb.
    assert f">{shown[1]}</li>" in category and f">{shown[0]}</a>" in category
    assert f"<title>{shown[1]} |" in category
    # Search: the category facet labels.
    assert f"{shown[1]}" in search, search
    for name, html in [("category", category), ("search", search)]:
        for text in hidden[:2]:
            assert text not in html, (name, text)
    # No English name: the Vietnamese name in both languages.
    assert "Mật ong" in search


def test_category_without_english_name_shows_its_vietnamese_name_in_english(client, shop):
    html = read(client, "en", shop["honey"].get_absolute_url())
    assert ">Mật ong</li>" in html
    assert "<title>Mật ong |" in html
    assert ">Food specialties</a>" in html  # its parent has one
