"""Reports of abuse: anyone reports an item, staff dismiss, hide it or suspend its cooperative."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from cms.models import ContestEntry, StoryIndexPage, StoryPage
from marketplace.models import Listing, ModerationEvent, Vendor
from marketplace.selectors import products_for_sale
from tests.factories import contest_create, product_create, publish, story_create
from tests.functional.cms.test_contests import photo
from union.models import AbuseReport, UnionEvent

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def product(db):
    return product_create("Hộp cói đựng trà")


@pytest.fixture
def entry(home_page):
    contest = contest_create(home_page, "Áo dài đẹp")
    author = User.objects.create_user("tac-gia", "tacgia@example.vn", "x")
    return ContestEntry.objects.create(
        contest=contest, user=author, image=photo(), caption="Áo dài đỏ", status="approved"
    )


@pytest.fixture
def story(home_page):
    index = publish(home_page, StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))
    return story_create(index, "Chị Lan bán hàng qua Zalo")


def report(client, kind, pk, reason="scam", **fields):
    return client.post("/report/", {"kind": kind, "id": pk, "reason": reason, **fields})


def test_every_reportable_page_links_to_the_report_form(client, product, entry, story):
    vendor = Vendor.objects.get()
    for url, query in (
        (product.get_absolute_url(), f"kind=product&amp;id={product.pk}"),
        (vendor.get_absolute_url(), f"kind=vendor&amp;id={vendor.pk}"),
        (story.url, f"kind=story&amp;id={story.pk}"),
        (entry.contest.url, f"kind=contest_entry&amp;id={entry.pk}"),
    ):
        assert f"/report/?{query}" in client.get(url).content.decode(), url


def test_an_anonymous_shopper_reports_a_product(client, product):
    page = client.get(f"/report/?kind=product&id={product.pk}")
    assert "Hộp cói đựng trà" in page.content.decode()
    response = report(client, "product", product.pk, details="Hàng giả", contact="0912345678")
    assert response.status_code == 302 and response["Location"] == product.get_absolute_url()
    saved = AbuseReport.objects.get()
    assert (saved.kind, saved.object_id, saved.reason) == ("product", product.pk, "scam")
    assert saved.reporter is None and saved.contact == "0912345678"


def test_a_report_without_a_reason_is_refused_and_nothing_saved(client, product):
    response = report(client, "product", product.pk, reason="")
    assert response.status_code == 200
    assert not AbuseReport.objects.exists()


def test_an_item_the_public_cannot_see_cannot_be_reported(client, product):
    Listing.objects.filter(product=product).update(status="pending")
    assert client.get(f"/report/?kind=product&id={product.pk}").status_code == 404
    assert report(client, "product", product.pk).status_code == 404
    assert client.get("/report/?kind=order&id=1").status_code == 404
    assert client.get("/report/?kind=product&id=abc").status_code == 404
    assert not AbuseReport.objects.exists()


@override_settings(RATE_LIMITS={"abuse-report": (3, 3600)})
def test_anonymous_reports_cannot_flood_the_queue(client, product):
    for _ in range(3):
        assert report(client, "product", product.pk).status_code == 302
    flood = report(client, "product", product.pk)
    assert flood.status_code == 429
    assert AbuseReport.objects.count() == 3


def test_a_shopper_cannot_see_the_queue(client, people, product):
    report(client, "product", product.pk)
    client.force_login(people["shopper"])
    assert client.get("/dashboard/union/reports/").status_code == 403
    assert client.get(f"/dashboard/union/reports/product/{product.pk}/").status_code == 403
    assert (
        client.post(
            f"/dashboard/union/reports/product/{product.pk}/", {"action": "hide"}
        ).status_code
        == 403
    )
    client.force_login(people["member of vendor A"])
    assert client.get("/dashboard/union/reports/").status_code == 403
    assert product in products_for_sale()


def test_harm_to_a_child_comes_first_and_is_marked_urgent(client, people, product, entry):
    report(client, "product", product.pk, reason="wrong_information")
    report(client, "contest_entry", entry.pk, reason="child_harm")
    client.force_login(people["Union staff"])
    html = client.get("/dashboard/union/reports/").content.decode()
    assert html.index("Áo dài đỏ") < html.index("Hộp cói đựng trà")
    assert "badge-danger" in html.split("Hộp cói đựng trà")[0]


def test_staff_see_every_report_about_the_item_and_dismiss_them(client, people, product):
    report(client, "product", product.pk, reason="scam", details="Giá quá rẻ")
    report(client, "product", product.pk, reason="offensive", details="Ảnh phản cảm")
    client.force_login(people["Union staff"])
    url = f"/dashboard/union/reports/product/{product.pk}/"
    html = client.get(url).content.decode()
    assert "Giá quá rẻ" in html and "Ảnh phản cảm" in html
    client.post(url, {"action": "dismiss", "reason": "Đã kiểm tra"})
    assert set(AbuseReport.objects.values_list("status", flat=True)) == {"dismissed"}
    event = UnionEvent.objects.get()
    assert (event.action, event.reports, event.actor) == (
        "report_dismissed",
        2,
        people["Union staff"],
    )
    assert product in products_for_sale()


def test_hiding_a_product_takes_it_off_the_shop_at_once(client, people, product):
    report(client, "product", product.pk)
    assert client.get(product.get_absolute_url()).status_code == 200
    client.force_login(people["Union staff"])
    client.post(f"/dashboard/union/reports/product/{product.pk}/", {"action": "hide"})
    assert product not in products_for_sale()
    assert Listing.objects.get(product=product).status == "pending"  # back in review
    client.logout()
    assert client.get(product.get_absolute_url()).status_code == 404
    assert UnionEvent.objects.filter(action="item_hidden", object_id=product.pk).exists()


def test_hiding_a_contest_entry_and_a_story(client, people, entry, story):
    report(client, "contest_entry", entry.pk, reason="child_harm")
    report(client, "story", story.pk, reason="offensive")
    client.force_login(people["Union staff"])
    client.post(f"/dashboard/union/reports/contest_entry/{entry.pk}/", {"action": "hide"})
    client.post(f"/dashboard/union/reports/story/{story.pk}/", {"action": "hide"})
    entry.refresh_from_db()
    assert entry.status == ContestEntry.Status.PENDING
    assert not StoryPage.objects.get(pk=story.pk).live
    client.logout()
    assert "Áo dài đỏ" not in client.get(entry.contest.url).content.decode()
    assert client.get(story.url).status_code == 404


def test_suspending_the_cooperative_needs_a_reason_and_is_audited(client, people, product):
    report(client, "product", product.pk)
    client.force_login(people["Union staff"])
    url = f"/dashboard/union/reports/product/{product.pk}/"
    vendor = Vendor.objects.get(partner__stockrecords__product=product)
    client.post(url, {"action": "suspend", "reason": ""})
    vendor.refresh_from_db()
    assert vendor.status == "approved"
    client.post(url, {"action": "suspend", "reason": "Bán hàng giả"})
    vendor.refresh_from_db()
    assert vendor.status == "suspended"
    assert ModerationEvent.objects.filter(action="vendor_suspended").exists()
    assert UnionEvent.objects.filter(action="vendor_suspended", reason="Bán hàng giả").exists()
    assert product not in products_for_sale()


def test_a_hidden_product_leaves_the_cached_catalogue_at_once(
    client, people, product, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")
    report(client, "product", product.pk)
    client.cookies.clear()  # the report's message cookie: the anonymous catalogue is cached
    assert "Hộp cói đựng trà" in client.get("/catalogue/").content.decode()
    staff = client.__class__()
    staff.force_login(people["Union staff"])
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/dashboard/union/reports/product/{product.pk}/", {"action": "hide"})
    assert "Hộp cói đựng trà" not in client.get("/catalogue/").content.decode()


def test_union_staff_find_both_queues_in_the_dashboard_menu(client, people):
    client.force_login(people["Union staff"])
    html = client.get("/dashboard/", follow=True).content.decode()
    assert 'href="/dashboard/union/reports/"' in html
    assert 'href="/dashboard/union/members/"' in html
    client.force_login(people["member of vendor A"])
    html = client.get("/dashboard/", follow=True).content.decode()
    assert "/dashboard/union/" not in html
