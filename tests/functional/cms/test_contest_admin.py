"""Contest moderation in /cms/: the entries list, approve and reject per row and in bulk,
the photo in the edit view, no storefront search box, and choosers that fold accents."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client

from cms.models import ContestEntry
from marketplace.services.roles import roles_sync
from tests.factories import commune_create, contest_create, product_create, vendor_create
from tests.functional.cms.test_contests import photo

pytestmark = pytest.mark.django_db

User = get_user_model()
LIST = "/cms/snippets/cms/contestentry/"


@pytest.fixture
def editor(client, db):
    user = User.objects.create_user("bientap", "bientap@example.vn", "pw", is_staff=True)
    user.groups.add(roles_sync())
    client.force_login(user)
    return user


@pytest.fixture
def entries(home_page):
    contest = contest_create(home_page, "Áo dài đẹp")
    made = []
    for n, caption in enumerate(["Áo dài đỏ", "Áo dài xanh", "Áo dài tím"]):
        author = User.objects.create_user(
            f"tg{n}", f"tg{n}@example.vn", "pw", first_name="Lan", last_name=f"Nguyễn {n}"
        )
        made.append(
            ContestEntry.objects.create(
                contest=contest, user=author, image=photo(), caption=caption
            )
        )
    return made


def statuses(entries) -> list[str]:
    return [ContestEntry.objects.get(pk=entry.pk).status for entry in entries]


def test_the_list_shows_thumbnail_caption_author_status_and_buttons(client, editor, entries):
    html = client.get(LIST).content.decode()
    entry = entries[0]
    assert "Áo dài đỏ" in html and "Nguyễn 0" in html and "Chờ duyệt" in html
    assert 'class="contest-entry-thumb"' in html
    assert entry.image.url not in html  # a thumbnail, not the full photo
    assert f'href="/cms/snippets/cms/contestentry/edit/{entry.pk}/"' in html
    assert f'action="/cms/snippets/cms/contestentry/decide/{entry.pk}/"' in html


def test_the_storefront_search_box_and_filters_stay_out_of_the_cms(client, editor, entries):
    html = client.get(LIST).content.decode()
    assert 'name="sort_by"' not in html
    assert "Tìm sản phẩm" not in html
    assert 'name="sort_by"' in client.get("/catalogue/").content.decode()  # still on the shop


def test_staff_approve_and_reject_one_row(client, editor, entries):
    first, second, _third = entries
    response = client.post(
        f"{LIST}decide/{first.pk}/", {"decision": "approve", "next": f"{LIST}?status=pending"}
    )
    assert response.status_code == 302 and response["Location"] == f"{LIST}?status=pending"
    client.post(f"{LIST}decide/{second.pk}/", {"decision": "reject"})
    assert statuses(entries) == ["approved", "rejected", "pending"]
    public = Client().get(first.contest.url).content.decode()
    assert "Áo dài đỏ" in public and "Áo dài xanh" not in public


def test_staff_approve_and_reject_in_bulk(client, editor, entries):
    ids = "&".join(f"id={entry.pk}" for entry in entries[:2])
    base = "/cms/bulk/cms/contestentry"
    confirm = client.get(f"{base}/approve/?{ids}&next={LIST}")
    assert confirm.status_code == 200 and "Áo dài xanh" in confirm.content.decode()
    client.post(f"{base}/approve/?{ids}&next={LIST}")
    assert statuses(entries) == ["approved", "approved", "pending"]
    client.post(f"{base}/reject/?id={entries[0].pk}&id={entries[2].pk}&next={LIST}")
    assert statuses(entries) == ["rejected", "approved", "rejected"]


def test_the_edit_view_shows_the_photo(client, editor, entries):
    entry = entries[0]
    html = client.get(f"{LIST}edit/{entry.pk}/").content.decode()
    assert f'src="{entry.image.url}"' in html
    assert "Nguyễn 0" in html


def test_people_without_the_permission_cannot_decide(client, entries):
    shopper = User.objects.create_user("khach", "khach@example.vn", "pw")
    client.force_login(shopper)
    one = client.post(f"{LIST}decide/{entries[0].pk}/", {"decision": "approve"})
    bulk = client.post(f"/cms/bulk/cms/contestentry/approve/?id={entries[1].pk}")
    assert statuses(entries) == ["pending", "pending", "pending"]
    assert (one.status_code, one["Location"]) == (
        302,
        "/cms/login/?next=" + one.request["PATH_INFO"],
    )
    assert bulk.status_code == 302 and bulk["Location"].startswith("/cms/login/")
    # Wagtail's admin is open to her, the entries are not: the admin's refusal (back home).
    viewer = User.objects.create_user("xem", "xem@example.vn", "pw", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(viewer)
    refused = client.post(f"{LIST}decide/{entries[0].pk}/", {"decision": "approve"})
    assert (refused.status_code, refused["Location"]) == (302, "/cms/")
    assert statuses(entries) == ["pending", "pending", "pending"]


def test_the_product_and_vendor_choosers_fold_accents(client, editor):
    vendor = vendor_create("Hợp tác xã Cói Kim Sơn")
    product_create("Hộp cói đựng trà", vendor=vendor)
    product_create("Chiếu cói", vendor=vendor)
    products = client.get("/cms/choose/product/results/?q=hop+coi+dung+tra").content.decode()
    assert "Hộp cói đựng trà" in products and "Chiếu cói" not in products
    vendors = client.get("/cms/choose/vendor/results/?q=coi+kim+son").content.decode()
    assert "Cói Kim Sơn" in vendors


def test_the_area_chooser_has_a_search_that_folds_accents(client, editor):
    commune_create("Kim Sơn", "Kim Sơn")
    commune_create("Ninh Hải", "Hoa Lư")
    choose = client.get("/cms/snippets/choose/marketplace/administrativearea/")
    assert 'name="q"' in choose.json()["html"]
    results = client.get(
        "/cms/snippets/choose/marketplace/administrativearea/results/?q=kim+son"
    ).content.decode()
    assert "Kim Sơn" in results and "Ninh Hải" not in results


def test_wagtail_admin_words_read_in_vietnamese(client):
    """Three English leftovers staff met: "0 minutes trước", "Duyệtvà Xuất bản", "Password*"."""
    import datetime

    from django.utils import timezone, translation
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_last_update

    with translation.override("vi"):
        two_days = timesince_last_update(timezone.now() - datetime.timedelta(days=2, hours=3))
        assert two_days == "2\xa0ngày trước"
        assert translation.gettext("%(label)s and Publish") % {"label": "Duyệt"} == (
            "Duyệt và xuất bản"
        )
    login = client.get("/cms/login/").content.decode()
    assert "Mật khẩu" in login and "Password" not in login
    assert "Nhập Tên đăng nhập của bạn" in login


def test_the_row_buttons_carry_a_working_csrf_token(editor, entries):
    import re

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    html = browser.get(LIST).content.decode()
    form = html.split(f'action="{LIST}decide/{entries[0].pk}/"')[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = browser.post(
        f"{LIST}decide/{entries[0].pk}/", {"decision": "approve", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert statuses(entries)[0] == "approved"
