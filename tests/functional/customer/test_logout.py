"""Signing out takes a POST everywhere: a link, an image or a prefetch signs nobody out."""

import re

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def lan(db):
    return User.objects.create_user(
        "lan@example.vn", "lan@example.vn", "mat-khau-2026", is_staff=True, is_superuser=True
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_shop_logout_by_get_asks_and_keeps_her_signed_in(client, home_page, lan):
    client.force_login(lan)
    page = client.get("/accounts/logout/")
    assert page.status_code == 200
    assert signed_in(client)
    html = page.content.decode()
    assert "Bạn muốn đăng xuất?" in html
    assert re.search(r'<form class="logout-form" method="post" action="/accounts/logout/">', html)


def test_shop_logout_by_post_signs_out(client, home_page, lan):
    client.force_login(lan)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert not signed_in(client)


@pytest.mark.parametrize("url", ["/cms/logout/", "/django-admin/logout/"])
def test_admin_logouts_refuse_get(client, home_page, lan, url):
    client.force_login(lan)
    assert client.get(url).status_code == 405
    assert signed_in(client)
    client.post(url)
    assert not signed_in(client)


def test_the_header_signs_out_with_a_form_not_a_link(client, home_page, lan):
    client.force_login(lan)
    html = client.get("/catalogue/").content.decode()
    assert 'href="/accounts/logout/"' not in html
    form = re.search(
        r'<form class="logout-form" method="post" action="/accounts/logout/">(.*?)</form>',
        html,
        re.S,
    )
    assert form and "csrfmiddlewaretoken" in form.group(1) and "Đăng xuất" in form.group(1)


def test_the_dashboard_signs_out_with_a_form(client, home_page, lan):
    client.force_login(lan)
    html = client.get("/dashboard/").content.decode()
    assert 'href="/accounts/logout/"' not in html and 'href="/dashboard/logout/"' not in html
    assert re.search(r'<form[^>]*method="post" action="/dashboard/logout/"', html)
