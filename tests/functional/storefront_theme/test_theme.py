"""The shared look: local assets only, a header that works without JavaScript, one product card."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from tests.factories import category_create, product_create

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[3] / "storefront_theme" / "templates"


@pytest.fixture
def product(home_page):
    return product_create("Cơm cháy chà bông", category=category_create("Đặc sản > Cơm cháy"))


def soup(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("url", ["/", "/catalogue/", "/basket/", "product"])
def test_every_asset_comes_from_this_site(client, product, url):
    page = soup(client, product.get_absolute_url() if url == "product" else url)
    sources = [tag.get("src") for tag in page.find_all(["script", "img"]) if tag.get("src")]
    sources += [tag.get("href") for tag in page.find_all("link") if tag.get("href")]
    assert sources, "the page loads no asset at all"
    outside = [s for s in sources if re.match(r"^(https?:)?//", s)]
    assert outside == []


def test_every_static_file_the_theme_names_exists():
    """A missing one would stop the page under the manifest storage of production."""
    names = set()
    for template in TEMPLATES.rglob("*.html"):
        names |= set(re.findall(r"{% static ['\"]([^'\"]+)['\"] %}", template.read_text()))
    assert names
    assert [name for name in sorted(names) if not finders.find(name)] == []


def test_the_header_has_search_basket_count_and_language_switch(client, product):
    client.post(f"/basket/add/{product.pk}/", {"quantity": 2})
    page = soup(client, product.get_absolute_url())
    header = page.select_one("header.site-header")
    search = header.select_one("form[role=search]")
    assert search["method"] == "get" and search.select_one("input[name=q]")
    assert header.select_one(".basket-count").text.strip() == "2"
    switch = header.select_one("form.language-switch")
    assert switch["method"] == "post"
    assert switch.select_one("input[name=next]")["value"] == product.get_absolute_url()
    assert {b["value"] for b in switch.select("button[name=language]")} == {"vi", "en"}
    assert page.html["lang"] == "vi"


def test_the_language_switch_keeps_the_page(client, product):
    url = product.get_absolute_url()
    response = client.post("/i18n/setlang/", {"language": "en", "next": url})
    assert response.status_code == 302 and response["Location"] == url
    page = soup(client, url)
    assert page.html["lang"] == "en"
    assert page.h1.text.strip() == "Cơm cháy chà bông"
