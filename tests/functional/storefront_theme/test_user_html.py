"""Pages show user-written HTML through the ``rich_text`` filter, never ``|safe``.

Rows written without ``save()`` (fixtures, raw SQL, ``QuerySet.update``, a
revision stored before cleaning existed) are shown inert all the same.
"""

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from marketplace.models import ListingRevision
from marketplace.services.listings import listing_public_snapshot
from marketplace.services.roles import roles_sync
from tests.factories import category_create, product_create
from tests.html_safety import HARMLESS, HOSTILE, active_markup, assert_harmless_formatting

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


@pytest.fixture
def staff(db):
    user = get_user_model().objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)
    user.groups.add(roles_sync())
    return user


def test_product_page_and_review_page_show_an_unclean_row_inert(client, home_page, staff):
    category = category_create("Cói và mây tre đan")
    product = product_create("Làn cói", category=category, listing_status="pending")
    Product.objects.filter(pk=product.pk).update(description=HARMLESS + HOSTILE)

    client.force_login(staff)
    review = client.get(f"/dashboard/listings/{product.listing.pk}/").content.decode()
    assert active_markup(review) == []
    assert_harmless_formatting(review, ".product-description")
    preview = client.get(product.get_absolute_url()).content.decode()
    assert active_markup(preview) == []
    assert_harmless_formatting(preview, ".product-description")


def test_a_revision_stored_unclean_is_shown_inert_and_published_clean(client, home_page, staff):
    product = product_create("Làn cói", description="<p>Cũ</p>")
    data = {
        **listing_public_snapshot(product=product),
        "title": "Làn cói <a href='https://evil.example/'>mới</a>",
        "description": HARMLESS + HOSTILE,
    }
    revision = ListingRevision.objects.create(listing=product.listing, data=data)

    client.force_login(staff)
    review = client.get(f"/dashboard/listings/changes/{revision.pk}/").content.decode()
    assert active_markup(review) == []
    assert_harmless_formatting(review, "tr.change-description td:nth-of-type(2)")

    client.post(f"/dashboard/listings/changes/{revision.pk}/", {"decision": "approve"})
    product.refresh_from_db()
    assert "<script" not in product.description and "onerror" not in product.description
    assert "<strong>Dệt tay</strong>" in product.description
    assert product.title == "Làn cói mới"


def test_category_page_shows_its_description_inert(client, home_page):
    category = category_create("Cói và mây tre đan")
    Category.objects.filter(pk=category.pk).update(description=HARMLESS + HOSTILE)
    response = client.get(category.get_absolute_url())
    assert response.status_code == 200
    assert active_markup(response.content.decode()) == []
    assert_harmless_formatting(response.content.decode(), ".category-description")
