"""On a phone: a shopper reports a contest entry, staff hide it, it leaves the contest page;
a woman asks to join the Union. Axe finds nothing serious on any of these pages."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.admin.models import EditingSession

from cms.models import ContestEntry
from tests.browser.conftest import PHONE, axe_violations, csp_watch, log_in, screenshot
from tests.factories import commune_create, contest_create, publish
from tests.functional.cms.test_contests import photo
from union.models import AbuseReport, JoinPage, MembershipRequest

pytestmark = pytest.mark.django_db(transaction=True)

User = get_user_model()
PASSWORD = "mat-khau-thu-nghiem"


def staff_create():
    from marketplace.services.roles import roles_sync

    staff = User.objects.create_user(
        "canbo@example.vn", "canbo@example.vn", PASSWORD, is_staff=True, first_name="Mai"
    )
    staff.groups.add(roles_sync())
    return staff


def test_a_reported_contest_entry_is_hidden_by_staff_and_leaves_the_contest_page(
    phone, chromium, live_server, home_page
):
    contest = contest_create(home_page, "Ảnh đẹp áo dài")
    author = User.objects.create_user("tacgia@example.vn", "tacgia@example.vn", PASSWORD)
    ContestEntry.objects.create(
        contest=contest, user=author, image=photo(), caption="Áo dài đỏ", status="approved"
    )
    User.objects.create_user("khach@example.vn", "khach@example.vn", PASSWORD)
    staff_create()

    # The shopper reports the entry.
    log_in(phone, "khach@example.vn", PASSWORD)
    phone.goto(contest.url)
    entry = phone.locator(".contest-entry", has_text="Áo dài đỏ")
    entry.get_by_role("link", name="Báo cáo vi phạm").click()
    phone.wait_for_url("**/report/**")
    assert phone.get_by_role("heading", name="Báo cáo vi phạm").is_visible()
    assert axe_violations(phone, "union-report-form") == []
    phone.get_by_label("Gây hại cho trẻ em").check()
    phone.get_by_label("Chi tiết (không bắt buộc)").fill("Ảnh có trẻ em bị lộ thông tin.")
    screenshot(phone, "union-report-form")
    phone.get_by_role("button", name="Gửi báo cáo").click()
    phone.wait_for_url(f"**{contest.url}")
    assert phone.get_by_text("Cán bộ Hội sẽ sớm xem xét báo cáo").is_visible()
    assert AbuseReport.objects.get().reason == "child_harm"

    # Staff see it first, marked urgent, and hide the entry.
    staff_context = chromium.new_context(
        viewport=PHONE, base_url=live_server.url, locale="vi-VN", is_mobile=True, has_touch=True
    )
    csp_watch(staff_context)
    desk = staff_context.new_page()
    log_in(desk, "canbo@example.vn", PASSWORD)
    desk.goto("/dashboard/union/reports/")
    assert desk.get_by_text("Khẩn cấp: gây hại cho trẻ em").is_visible()
    screenshot(desk, "union-report-queue")
    assert axe_violations(desk, "union-report-queue") == []
    desk.get_by_role("link", name="Áo dài đỏ (Ảnh đẹp áo dài)").click()
    assert desk.get_by_text("Ảnh có trẻ em bị lộ thông tin.").is_visible()
    screenshot(desk, "union-report-item")
    assert axe_violations(desk, "union-report-item") == []
    desk.get_by_role("button", name="Ẩn ngay, chờ xem xét lại").click()
    desk.wait_for_url("**/dashboard/union/reports/")
    assert desk.get_by_text("đã được ẩn").is_visible()
    staff_context.close()

    # The entry has left the contest page.
    phone.goto(contest.url)
    assert phone.locator(".contest-entry", has_text="Áo dài đỏ").count() == 0
    screenshot(phone, "union-contest-after-hiding")


def test_a_woman_asks_to_join_the_union_from_her_phone(phone, home_page):
    commune_create("Ninh Hải", "Hoa Lư")
    page = publish(
        home_page,
        JoinPage(title="Tham gia Hội", slug="tham-gia-hoi", intro="<p>Chào chị em!</p>"),
    )
    phone.goto(page.url)
    assert axe_violations(phone, "union-join") == []
    phone.get_by_label("Họ và tên").fill("Phạm Thị Hoa")
    phone.get_by_label("Năm sinh").fill("1988")
    phone.get_by_label("Số điện thoại di động").fill("0912 345 678")
    phone.get_by_label("Xã, phường nơi chị sống").select_option(label="Ninh Hải")
    phone.get_by_label("Nghề nghiệp").select_option(label="Tiểu thương")
    phone.get_by_label("Tôi đồng ý", exact=False).check()
    screenshot(phone, "union-join-filled")
    phone.get_by_role("button", name="Gửi đơn").click()
    phone.wait_for_load_state()
    assert phone.get_by_text("Hội đã nhận được đơn").is_visible()
    screenshot(phone, "union-join-sent")
    request = MembershipRequest.objects.get()
    assert (request.phone, request.commune.name) == ("0912345678", "Ninh Hải")
    assert request.consent_at is not None


def test_staff_moderate_contest_entries_in_the_cms_on_a_phone(phone, home_page):
    contest = contest_create(home_page, "Ảnh đẹp áo dài")
    entries = [
        ContestEntry.objects.create(
            contest=contest,
            user=User.objects.create_user(f"tg{n}@example.vn", f"tg{n}@example.vn", PASSWORD),
            image=photo(),
            caption=caption,
        )
        for n, caption in enumerate(["Áo dài đỏ", "Áo dài xanh"])
    ]
    staff_create()
    phone.goto("/cms/login/")
    phone.fill("#id_username", "canbo@example.vn")
    phone.fill("#id_password", PASSWORD)
    phone.locator("form button[type=submit]").click()
    phone.wait_for_url("**/cms/")
    phone.goto("/cms/snippets/cms/contestentry/")
    assert phone.locator("input[name=sort_by]").count() == 0  # no storefront search here
    assert phone.locator(".contest-entry-thumb").count() == 2
    screenshot(phone, "union-cms-entries")
    assert axe_violations(phone, "union-cms-entries") == []
    row = phone.locator("tr", has_text="Áo dài đỏ")
    row.get_by_role("button", name="Duyệt").click()
    phone.wait_for_load_state()
    assert phone.get_by_text("Đã duyệt “Áo dài đỏ”").is_visible()
    phone.get_by_role("link", name="Áo dài xanh").click()
    phone.wait_for_load_state()
    assert phone.locator(".contest-entry-photo-image").is_visible()
    screenshot(phone, "union-cms-entry-edit")
    assert axe_violations(phone, "union-cms-entry-edit") == []
    assert [ContestEntry.objects.get(pk=e.pk).status for e in entries] == ["approved", "pending"]
    # Leave the edit view while the site is up: its editing session is released now,
    # not by a beacon racing the database's flush after the test.
    phone.goto("/cms/snippets/cms/contestentry/")
    for _ in range(50):
        if not EditingSession.objects.exists():
            break
        phone.wait_for_timeout(100)
    assert not EditingSession.objects.exists()
