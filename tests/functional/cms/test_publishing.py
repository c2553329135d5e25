"""Union staff write and submit; a Union leader approves; the story reaches the shop's pages."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ProductCollection, StoryPage
from marketplace.services.roles import UNION_LEADER, roles_sync, union_leader_group
from tests.factories import product_create, vendor_create

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def editor(db):
    user = User.objects.create_user("bientap", "bientap@example.vn", "pw", is_staff=True)
    user.groups.add(roles_sync())
    return user


@pytest.fixture
def leader(db):
    user = User.objects.create_user("chutich", "chutich@example.vn", "pw", is_staff=True)
    user.groups.add(union_leader_group())
    return user


def story_form(vendor, products, action: str) -> dict:
    data = nested_form_data(
        {
            "title": "Chị Hoa thêu ren trên Zalo",
            "slug": "chi-hoa",
            "intro": "Chị Hoa đưa khăn thêu lên mạng.",
            "vendor": vendor.pk,
            "body": streamfield([("paragraph", rich_text("<p>Chuyện của chị Hoa</p>"))]),
            "product_links": inline_formset([{"product": product.pk} for product in products]),
            "gallery_images": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


def test_editor_submits_leader_approves_story_appears_everywhere(
    client, home_page, story_index, editor, leader
):
    vendor = vendor_create("Hợp tác xã Thêu ren Văn Lâm")
    products = [product_create(f"Khăn thêu {n}", vendor=vendor) for n in range(2)]

    client.force_login(editor)
    response = client.post(
        f"/cms/pages/add/cms/storypage/{story_index.pk}/",
        story_form(vendor, products, "action-submit"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    story = StoryPage.objects.get(slug="chi-hoa")
    assert not story.live
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # The editor cannot publish, nor approve her own submission.
    client.post(f"/cms/pages/{story.pk}/edit/", story_form(vendor, products, "action-publish"))
    assert not StoryPage.objects.get(pk=story.pk).live
    task_state = state.current_task_state
    denied = client.post(f"/cms/pages/workflow/action/{story.pk}/approve/{task_state.pk}/")
    assert denied.status_code in (302, 403)
    assert not StoryPage.objects.get(pk=story.pk).live

    client.force_login(leader)
    approved = client.post(f"/cms/pages/workflow/action/{story.pk}/approve/{task_state.pk}/")
    assert approved.status_code in (200, 302)
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live

    client.logout()
    home = client.get("/").content.decode()
    assert "Chị Hoa thêu ren trên Zalo" in home
    for url in [p.get_absolute_url() for p in products] + [vendor.get_absolute_url()]:
        assert f'href="{story.url}"' in client.get(url).content.decode(), url


def test_union_staff_curate_collections_but_not_users_or_settings(client, editor, home_page):
    client.force_login(editor)
    assert client.get("/cms/snippets/cms/productcollection/add/").status_code == 200
    assert client.get("/cms/snippets/cms/contestentry/").status_code == 200
    assert client.get("/cms/users/").status_code in (302, 403)
    assert client.get("/cms/sites/").status_code in (302, 403)
    assert client.get("/cms/snippets/cms/contestentry/add/").status_code in (302, 403)
    assert not editor.is_superuser


def test_staff_product_chooser_lists_only_products_for_sale(client, editor):
    shown = product_create("Chiếu cói bày bán")
    product_create("Chiếu cói chưa duyệt", listing_status="pending")
    client.force_login(editor)
    response = client.get("/cms/choose/product/")
    html = response.json()["html"]
    assert shown.title in html
    assert "chưa duyệt" not in html
    search = client.get("/cms/choose/product/results/?q=bày").content.decode()
    assert shown.title in search


def test_roles_sync_is_idempotent_and_only_leaders_publish(db, home_page):
    roles_sync()
    roles_sync()
    staff_codenames = set(
        Page.get_first_root_node()
        .group_permissions.filter(group__name="Union staff")
        .values_list("permission__codename", flat=True)
    )
    leader_codenames = set(
        Page.get_first_root_node()
        .group_permissions.filter(group__name=UNION_LEADER)
        .values_list("permission__codename", flat=True)
    )
    assert "publish_page" not in staff_codenames and "change_page" in staff_codenames
    assert "publish_page" in leader_codenames
    assert ProductCollection._meta.app_label == "cms"


def test_union_staff_approve_a_contest_entry_in_the_cms(client, editor, home_page):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from cms.models import ContestEntry
    from tests.factories import contest_create

    buffer = io.BytesIO()
    Image.new("RGB", (10, 10), "blue").save(buffer, "PNG")
    contest = contest_create(home_page)
    entrant = User.objects.create_user("thamgia", "thamgia@example.vn", "pw")
    entry = ContestEntry.objects.create(
        contest=contest,
        user=entrant,
        caption="Áo dài xanh",
        image=SimpleUploadedFile("a.png", buffer.getvalue(), content_type="image/png"),
    )
    client.force_login(editor)
    listing = client.get("/cms/snippets/cms/contestentry/").content.decode()
    assert 'class="contest-entry-thumb"' in listing and "Áo dài xanh" in listing
    response = client.post(
        f"/cms/snippets/cms/contestentry/edit/{entry.pk}/",
        {"status": "approved", "caption": "Áo dài xanh"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == ContestEntry.Status.APPROVED
    assert "Áo dài xanh" in client.get(contest.url).content.decode()


def test_the_story_editor_opens_with_the_product_chooser(client, editor, story_index):
    client.force_login(editor)
    response = client.get(f"/cms/pages/add/cms/storypage/{story_index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "product_links" in html and "/cms/choose/product/" in html
