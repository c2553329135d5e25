"""Anonymous page cache: served without queries, fresh after changes, never shared with a user."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.page_cache import page_cache_version
from tests.factories import category_create, product_create

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")


@pytest.fixture
def shop(home_page):
    category = category_create("Đặc sản thực phẩm > Cơm cháy")
    product = product_create("Cơm cháy chà bông", price=125000, stock=8, category=category)
    return {"category": category, "product": product}


def served_from_cache(response) -> bool:
    """The test client records rendered templates; a page from the cache renders none."""
    return not response.templates


def test_home_second_anonymous_visit_makes_no_queries(client, shop):
    first = client.get("/")
    assert first.status_code == 200 and not served_from_cache(first)
    visitor = Client()
    with CaptureQueriesContext(connection) as captured:
        second = visitor.get("/")
    assert second.status_code == 200
    assert served_from_cache(second)
    assert len(captured) == 0
    assert "Cơm cháy chà bông" in second.content.decode()


@pytest.mark.parametrize("url", ["/", "/catalogue/", "category", "/search/?q=com+chay"])
def test_price_change_shows_at_once(client, shop, url, django_capture_on_commit_callbacks):
    target = shop["category"].get_absolute_url() if url == "category" else url
    assert "125.000\u00a0₫" in client.get(target).content.decode()
    assert served_from_cache(client.get(target))
    with django_capture_on_commit_callbacks(execute=True):
        stockrecord = shop["product"].stockrecords.get()
        stockrecord.price = Decimal(99000)
        stockrecord.save()
    html = Client().get(target).content.decode()
    assert "99.000\u00a0₫" in html
    assert "125.000\u00a0₫" not in html


def test_out_of_stock_shows_at_once(client, shop, django_capture_on_commit_callbacks):
    url = shop["product"].get_absolute_url()
    listing = shop["category"].get_absolute_url()
    client.get(listing)
    before = client.get(listing)
    assert served_from_cache(before)
    with django_capture_on_commit_callbacks(execute=True):
        stockrecord = shop["product"].stockrecords.get()
        stockrecord.num_in_stock = 0
        stockrecord.save()
    after = Client().get(listing)
    assert not served_from_cache(after)
    assert after.content != before.content
    assert url in after.content.decode()


def test_page_publish_shows_at_once(client, shop, home_page, django_capture_on_commit_callbacks):
    assert "Sản phẩm của phụ nữ Ninh Bình" in client.get("/").content.decode()
    assert served_from_cache(client.get("/"))
    with django_capture_on_commit_callbacks(execute=True):
        home_page.hero_heading = "Phiên chợ Tết của Hội"
        home_page.save_revision().publish()
    html = Client().get("/").content.decode()
    assert "Phiên chợ Tết của Hội" in html


def test_signed_in_user_is_never_served_nor_stored(client, shop):
    user = get_user_model().objects.create_user(
        username="lan", email="lan@example.vn", password="mat-khau-dai-2026"
    )
    Client().get("/")  # an anonymous copy is in the cache
    client.force_login(user)
    mine = client.get("/")
    assert not served_from_cache(mine)
    account_link = 'href="{}"'.format(reverse("customer:summary"))  # only for the signed-in
    assert account_link in mine.content.decode()
    for _ in range(2):
        anonymous = Client().get("/")
        assert account_link not in anonymous.content.decode()


def test_shopper_with_a_basket_gets_her_own_page(client, shop):
    Client().get("/")
    response = client.post(f"/basket/add/{shop['product'].pk}/", {"quantity": 1})
    assert response.status_code == 302
    assert "oscar_open_basket" in client.cookies
    mine = client.get("/")
    assert not served_from_cache(mine)
    assert mine.context["request"].basket.num_items == 1
    anonymous = Client().get("/")
    assert served_from_cache(anonymous)


def test_each_visitor_gets_a_csrf_token_of_her_own(shop):
    Client().get("/")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    one, two = first.get("/"), second.get("/")
    assert served_from_cache(one) and served_from_cache(two)
    secret_one, secret_two = first.cookies["csrftoken"].value, second.cookies["csrftoken"].value
    assert secret_one != secret_two
    token = TOKEN.search(one.content.decode()).group(1)
    assert "__page_cache" not in one.content.decode()
    added = first.post(
        f"/basket/add/{shop['product'].pk}/", {"quantity": 1, "csrfmiddlewaretoken": token}
    )
    assert added.status_code == 302
    stolen = TOKEN.search(two.content.decode()).group(1)
    third = Client(enforce_csrf_checks=True)
    third.cookies["csrftoken"] = secret_one
    refused = third.post(
        f"/basket/add/{shop['product'].pk}/", {"quantity": 1, "csrfmiddlewaretoken": stolen}
    )
    assert refused.status_code == 403


def test_languages_are_cached_apart(client, shop):
    client.cookies["django_language"] = "en"
    client.get("/")
    english = client.get("/")
    assert served_from_cache(english)
    assert '<html lang="en"' in english.content.decode()
    vietnamese = Client().get("/")
    assert '<html lang="vi"' in vietnamese.content.decode()


def test_product_views_and_baskets_leave_the_cache_alone(
    client, shop, django_capture_on_commit_callbacks
):
    client.get("/")
    version = page_cache_version()
    with django_capture_on_commit_callbacks(execute=True):
        Client().get(shop["product"].get_absolute_url())  # Oscar counts the view
        Client().post(f"/basket/add/{shop['product'].pk}/", {"quantity": 1})
    assert page_cache_version() == version
    assert served_from_cache(Client().get("/"))


def test_pages_outside_the_list_are_not_cached(client, shop):
    url = shop["product"].get_absolute_url()
    client.get(url)
    assert not served_from_cache(Client().get(url))
    client.get("/basket/")
    assert not served_from_cache(Client().get("/basket/"))


def test_a_repeated_search_is_answered_from_the_cache(client, shop):
    first = client.get("/search/?q=com+chay")
    assert not served_from_cache(first)
    assert first["Server-Timing"].startswith("search-engine;")
    with CaptureQueriesContext(connection) as captured:
        again = Client().get("/search/?q=com+chay")
    assert served_from_cache(again) and len(captured) == 0
    assert again["Server-Timing"] == 'page-cache;desc="hit"'  # not the first request's timing
    assert "Cơm cháy chà bông" in again.content.decode()


def test_each_search_is_cached_apart(client, shop):
    product_create("Mật ong bạc hà", vendor=shop["product"].stockrecords.get().partner.vendor)
    client.get("/search/?q=com+chay")
    client.get("/search/?q=mat+ong")
    honey = Client().get("/search/?q=mat+ong")
    assert served_from_cache(honey)
    assert "Mật ong bạc hà" in honey.content.decode()
    assert "Cơm cháy chà bông" not in honey.content.decode()


def test_a_deployment_starts_a_new_cache_version(settings, tmp_path):
    from core import page_cache

    settings.STATIC_ROOT = str(tmp_path)
    page_cache._release.cache_clear()
    before = page_cache_version()
    (tmp_path / "staticfiles.json").write_text("{}")  # collectstatic of the new release
    page_cache._release.cache_clear()  # a new process starts with the new code
    try:
        assert page_cache_version() != before
    finally:
        page_cache._release.cache_clear()
