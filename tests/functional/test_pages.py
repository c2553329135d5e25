"""Each public URL answers in both languages, in one shared layout."""

import pytest
from django.urls import reverse

from tests.factories import category_create, product_create

pytestmark = pytest.mark.django_db

LANGUAGES = {"vi": "Tìm kiếm", "en": "Search"}


@pytest.fixture
def shop(home_page):
    category = category_create("Đặc sản thực phẩm > Cơm cháy")
    product = product_create("Cơm cháy chà bông", price=125000, category=category)
    return {"product": product, "category": category}


def get(client, url, language, **kwargs):
    client.cookies["django_language"] = language
    return client.get(url, **kwargs)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_is_the_wagtail_home_page(client, shop, language):
    response = get(client, "/", language)
    assert response.status_code == 200
    assert response.context["page"].specific.__class__.__name__ == "HomePage"
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert LANGUAGES[language] in html  # the shared header's search button
    assert "Cơm cháy chà bông" in html  # the newest products
    assert "125.000\u00a0₫" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_lists_products(client, shop, language):
    response = get(client, reverse("catalogue:index"), language)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cơm cháy chà bông" in html
    assert "125.000\u00a0₫" in html
    assert LANGUAGES[language] in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_category_page(client, shop, language):
    response = get(client, shop["category"].get_absolute_url(), language)
    assert response.status_code == 200
    assert "Cơm cháy chà bông" in response.content.decode()


def test_category_url_with_an_old_slug_redirects(client, shop):
    category = shop["category"]
    response = client.get(
        reverse("catalogue:category", kwargs={"category_slug": "old", "pk": category.pk})
    )
    assert response.status_code == 301
    assert response["Location"] == category.get_absolute_url()


@pytest.mark.parametrize("language", LANGUAGES)
def test_product_page(client, shop, language):
    response = get(client, shop["product"].get_absolute_url(), language)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cơm cháy chà bông" in html
    assert "125.000\u00a0₫" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_basket(client, shop, language):
    response = get(client, reverse("basket:summary"), language)
    assert response.status_code == 200
    assert {"vi": "Giỏ hàng", "en": "Basket"}[language] in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_without_diacritics_finds_com_chay(client, shop, language):
    response = get(client, "/search/?q=com+chay", language)
    assert response.status_code == 200
    assert [p.title for p in response.context["products"]] == ["Cơm cháy chà bông"]
    assert "Cơm cháy chà bông" in response.content.decode()


def test_search_with_nothing_found(client, shop):
    response = client.get("/search/?q=xyzxyz")
    assert response.status_code == 200
    assert list(response.context["products"]) == []


@pytest.mark.parametrize(
    "query", ["?page=999", "?page=abc", "?sort_by=drop+table", "?category=nope"]
)
def test_bad_listing_parameters_do_not_error(client, shop, query):
    response = client.get(f"/search/?q=com{query.replace('?', '&')}", follow=True)
    assert response.status_code == 200


def test_search_paginates(client, home_page):
    for n in range(30):
        product_create(f"Cơm cháy số {n}")
    first = client.get("/search/?q=com+chay")
    second = client.get("/search/?q=com+chay&page=2")
    assert first.context["paginator"].count == 30
    assert len(first.context["products"]) == 24
    assert len(second.context["products"]) == 6
    assert "page=2" in first.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("url", ["/cms/", "/dashboard/"])
def test_admin_areas_redirect_to_login(client, home_page, url, language):
    response = get(client, url, language)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize(
    ("language", "message"), [("vi", "Không tìm thấy trang"), ("en", "Page not found")]
)
def test_unknown_url_gives_the_themed_404_in_the_visitors_language(
    client, home_page, language, message
):
    response = get(client, "/khong-co-trang-nay/", language)
    assert response.status_code == 404
    html = response.content.decode()
    assert message in html
    assert 'class="site-footer"' in html  # the shared layout


def test_language_switcher_sets_english(client, home_page):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert '<html lang="en"' in client.get("/").content.decode()


def test_vietnamese_is_the_default(client, home_page):
    assert '<html lang="vi"' in client.get("/").content.decode()
