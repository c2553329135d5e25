"""Page addresses are readable Vietnamese transliterations, and old broken ones redirect.

"Tổ cói Kim Chính nhận đơn qua Zalo" lives at ``to-coi-kim-chinh-nhan-don-qua-zalo``:
pages made in code, the admin's slug field (checked in the browser, see
tests/browser/test_admin_slugs.py) and Oscar's products and categories alike.
"""

import importlib
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.contrib.redirects.models import Redirect
from wagtail.rich_text import RichText

from cms.models import ContentPage, StoryPage
from tests.factories import category_create, product_create, publish, story_create

pytestmark = pytest.mark.django_db

TITLE = "Tổ cói Kim Chính nhận đơn qua Zalo"
READABLE = "to-coi-kim-chinh-nhan-don-qua-zalo"
BODY = [("paragraph", RichText("<p>Nội dung</p>"))]

migration = importlib.import_module("cms.migrations.0005_readable_page_slugs")


def historical_apps():
    """The models as the migration sees them (no methods of ours, no Wagtail signals)."""
    loader = MigrationExecutor(connection).loader
    return loader.project_state(("cms", "0005_readable_page_slugs")).apps


def test_a_page_made_in_code_without_a_slug_gets_the_readable_one(story_index):
    story = StoryPage(
        title=TITLE, intro="Chị kể.", body=[("paragraph", RichText("<p>Nội dung</p>"))]
    )
    publish(story_index, story)
    assert story.slug == READABLE
    twin = StoryPage(title=TITLE, intro="Lần hai.", body=[("paragraph", RichText("<p>x</p>"))])
    publish(story_index, twin)
    assert twin.slug == f"{READABLE}-2"


def test_products_and_categories_get_the_readable_slug(db):
    product = product_create("Đơn hàng cói Kim Chính")
    category = category_create("Đặc sản địa phương > Cơm cháy Đông Sơn")
    assert product.slug == "don-hang-coi-kim-chinh"
    assert category.slug == "com-chay-dong-son"
    assert category.get_parent().slug == "dac-san-dia-phuong"


def test_the_admin_slug_field_transliterates_vietnamese(client, home_page, story_index):
    staff = get_user_model().objects.create_superuser("qt@example.vn", "qt@example.vn", "x")
    client.force_login(staff)
    response = client.get(f"/cms/pages/add/cms/storypage/{story_index.pk}/")
    assert response.status_code == 200
    slug_input = BeautifulSoup(response.content, "html.parser").select_one("input[name=slug]")
    # Wagtail's slug controller applies these (regex, replacement) pairs before its own slugify.
    text = TITLE.upper() + " " + TITLE
    for (pattern, _flags), replacement in json.loads(slug_input["data-w-slug-formatters-value"]):
        text = re.sub(pattern, replacement, text)
    assert text == "TO COI KIM CHINH NHAN DON QUA ZALO To coi Kim Chinh nhan don qua Zalo"


def test_the_migration_gives_broken_slugs_readable_ones_and_redirects_the_old_addresses(
    client, home_page, story_index
):
    admin_made = story_create(story_index, TITLE, slug="t-coi-kim-chinh-nhn-djn-qua-zalo")
    code_made = story_create(story_index, "Đơn hàng đầu tiên", slug="on-hang-au-tien")
    chosen = story_create(story_index, "Chị Lan bán hàng", slug="chi-lan-zalo")
    section = publish(
        home_page,
        ContentPage(title="Giới thiệu Hội", slug="gii-thiu-hi", body=BODY),
    )
    below = publish(section, ContentPage(title="Liên hệ", slug="lien-he", body=BODY))
    old_paths = {page.pk: page.url for page in (admin_made, code_made, section, below)}

    migration.reslug(historical_apps(), None)

    for page, slug in (
        (admin_made, READABLE),
        (code_made, "don-hang-dau-tien"),
        (section, "gioi-thieu-hoi"),
        (below, "lien-he"),
    ):
        page.refresh_from_db()
        assert page.slug == slug
        assert page.get_latest_revision().content["slug"] == slug
        assert client.get(page.url).status_code == 200
        response = client.get(old_paths[page.pk])
        assert response.status_code == 301, old_paths[page.pk]
        assert response["Location"] == page.url
    assert below.url == "/gioi-thieu-hoi/lien-he/"
    chosen.refresh_from_db()
    assert chosen.slug == "chi-lan-zalo"
    assert Redirect.objects.count() == 4

    migration.reslug(historical_apps(), None)  # running it again changes nothing
    assert Redirect.objects.count() == 4


def test_the_migration_keeps_a_readable_slug_unique_among_siblings(client, story_index):
    story_create(story_index, TITLE, slug=READABLE)
    broken = story_create(story_index, TITLE, slug="t-coi-kim-chinh-nhn-djn-qua-zalo")
    migration.reslug(historical_apps(), None)
    broken.refresh_from_db()
    assert broken.slug == f"{READABLE}-2"
    assert client.get("/cau-chuyen/t-coi-kim-chinh-nhn-djn-qua-zalo/").status_code == 301
