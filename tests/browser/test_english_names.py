"""On a phone, categories and home sections read in the page's language (English or Vietnamese)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot
from tests.browser.market import market_create


@pytest.fixture
def market(home_page):
    home_page.title_en = "Women's market"
    home_page.hero_heading_en = "Made by the women of Ninh Binh"
    home_page.hero_text = "Cơm cháy và chiếu cói của chị em."
    home_page.hero_text_en = "Crispy rice and sedge mats made by our women."
    home_page.save_revision().publish()
    market = market_create(home_page)
    crispy = market["products"]["hoa_lu"].categories.first()
    crispy.name_en = "Crispy rice"
    crispy.save()
    top = crispy.get_parent()
    top.name_en = "Food specialties"
    top.save()
    stories = home_page.get_children().get(slug="cau-chuyen").specific
    stories.title_en = "Our stories"
    stories.save_revision().publish()
    return {"category": crispy}


def test_home_catalogue_and_category_in_each_language(phone, market):
    url = market["category"].get_absolute_url()
    phone.goto("/")
    phone.get_by_role("button", name="English").click()
    phone.wait_for_load_state()
    assert phone.locator("h1").inner_text() == "Made by the women of Ninh Binh"
    assert phone.locator("footer").get_by_role("link", name="Our stories").count() == 1
    screenshot(phone, "english-names-en-home")
    phone.goto("/catalogue/")
    phone.locator("summary.filters-toggle").click()  # on a phone the filters are folded
    facets = phone.locator(".facet").first.inner_text()
    assert "Crispy rice" in facets and "Cơm cháy" not in facets
    screenshot(phone, "english-names-en-catalogue")
    phone.goto(url)
    assert phone.locator("h1").inner_text() == "Crispy rice"
    assert phone.locator(".breadcrumb").inner_text().count("Food specialties") == 1
    screenshot(phone, "english-names-en-category")

    phone.locator(".language-switch button[value=vi]").click()
    phone.wait_for_load_state()
    assert phone.locator("h1").inner_text() == "Cơm cháy"
    screenshot(phone, "english-names-vi-category")
    phone.goto("/catalogue/")
    phone.locator("summary.filters-toggle").click()
    assert "Cơm cháy" in phone.locator(".facet").first.inner_text()
    screenshot(phone, "english-names-vi-catalogue")
    phone.goto("/")
    assert phone.locator("h1").inner_text() == "Sản phẩm của phụ nữ Ninh Bình"
    screenshot(phone, "english-names-vi-home")
