"""Union staff read the Wagtail admin in Vietnamese, even the strings Wagtail left untranslated."""

import html
import json

import pytest
from django.contrib.auth import get_user_model

from tests.factories import home_page_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(db):
    return home_page_create()


@pytest.fixture
def superuser(client, db):
    user = get_user_model().objects.create_superuser("quantri", "quantri@example.vn", "x")
    client.force_login(user)
    return user


def page(client, url, language):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


# (English, Vietnamese): every English string here is empty or absent in Wagtail 8.0.1's
# own vi catalogues, so before the supplement the Vietnamese page showed the English.
DASHBOARD = [
    ("Site summary", "Tổng quan trang web"),
    ("Skip to main content", "Chuyển tới nội dung chính"),
    ("Keyboard shortcuts", "Phím tắt"),
]
EXPLORER = [
    ("Bulk actions", "Thao tác hàng loạt"),
    ("Filter by", "Lọc theo"),
    ("Not visible to the public", "Không hiển thị công khai"),
    ("No publishing schedule set", "Chưa đặt lịch xuất bản"),
]
EDITOR = [
    ("Save draft", "Lưu bản nháp"),
    ("Set publishing schedule", "Đặt lịch xuất bản"),
    ("Choose when this page should go live and/or expire", "Chọn thời điểm trang này"),
]


def test_these_strings_come_from_the_supplement():
    from tests.unit.test_locale_wagtail import gaps

    ours = gaps.messages(gaps.load(gaps.SUPPLEMENT_PO))
    for english, translated in DASHBOARD + EXPLORER + EDITOR:
        assert ours[(None, english)].string.startswith(translated)


def test_the_dashboard_reads_in_vietnamese(client, superuser, home):
    vietnamese = page(client, "/cms/", "vi")
    for english, translated in DASHBOARD:
        assert translated in vietnamese
        assert f">{english}<" not in vietnamese


def test_the_page_explorer_reads_in_vietnamese(client, superuser, home):
    vietnamese = page(client, f"/cms/pages/{home.pk}/", "vi")
    for english, translated in EXPLORER:
        assert translated in vietnamese
        assert english not in vietnamese


def test_the_page_editor_reads_in_vietnamese(client, superuser, home):
    vietnamese = page(client, f"/cms/pages/{home.pk}/edit/", "vi")
    for english, translated in EDITOR:
        assert translated in vietnamese
        assert english not in vietnamese


def test_the_same_pages_stay_english_in_english(client, superuser, home):
    dashboard = page(client, "/cms/", "en")
    explorer = page(client, f"/cms/pages/{home.pk}/", "en")
    for english, translated in DASHBOARD:
        assert english in dashboard
        assert translated not in dashboard
    for english, translated in EXPLORER:
        assert english in explorer
        assert translated not in explorer


def test_the_admin_javascript_catalogue_reads_in_vietnamese(client, superuser):
    """Menus, the page explorer panel and the block editor are drawn by JavaScript."""
    vietnamese = page(client, "/cms/jsi18n/", "vi")
    # Both are empty in Wagtail 8.0.1's vi djangojs catalogue; the catalogue is JSON.
    assert f'"Page explorer": {json.dumps("Trình duyệt trang")}' in vietnamese
    assert f'"Main menu": {json.dumps("Menu chính")}' in vietnamese
    english = page(client, "/cms/jsi18n/", "en")
    assert json.dumps("Trình duyệt trang") not in english
