"""A member's text is never active: stored XSS through the real editors (issue 13).

A cooperative member writes hostile HTML in a product description (Oscar's
product editor) or her vendor's story (the profile form). What is stored
keeps none of it; Union staff's review pages and, once approved, the public
pages show no executable markup; the formatting the editor makes survives.
"""

import pytest
from django.contrib.auth import get_user_model

from marketplace.models import ListingRevision
from marketplace.services.roles import roles_sync
from marketplace.services.vendors import vendor_member_add
from tests.browserless import form_fields, oscar_editor_html
from tests.factories import category_create, product_create, vendor_create
from tests.html_safety import (
    HARMLESS,
    HOSTILE,
    active_markup,
    assert_harmless_formatting,
    assert_stored_clean,
)

pytestmark = pytest.mark.django_db

User = get_user_model()
EDIT = "/dashboard/catalogue/products/{pk}/"
EDITOR_FORM = "form#create_update_product_form"
PROFILE = "/dashboard/profile/"


@pytest.fixture
def shop(home_page):
    vendor = vendor_create("Hợp tác xã Cói Kim Sơn")
    member = User.objects.create_user("a@example.vn", "a@example.vn", "x")
    vendor_member_add(vendor=vendor, user=member, role="owner")
    staff = User.objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    category = category_create("Cói và mây tre đan > Túi và đồ dùng cói")
    return {"vendor": vendor, "member": member, "staff": staff, "category": category}


def edit_description(client, user, product, description: str, **changes):
    client.force_login(user)
    data = form_fields(oscar_editor_html(client, EDIT.format(pk=product.pk)), EDITOR_FORM)
    data.update(description=description, **changes)
    return client.post(EDIT.format(pk=product.pk), data)


def test_a_new_products_hostile_description_is_inert_for_staff_and_shoppers(client, shop):
    product = product_create(
        "Làn cói", vendor=shop["vendor"], category=shop["category"], listing_status="pending"
    )
    title = "Làn cói <a href='https://evil.example/'>bấm vào đây</a> & quai da"
    response = edit_description(client, shop["member"], product, HARMLESS + HOSTILE, title=title)
    assert response.status_code == 302

    product.refresh_from_db()
    assert_stored_clean(product.description)
    assert "<strong>Dệt tay</strong>" in product.description
    # Plain text: Oscar's HTML stock-alert e-mail shows the title unescaped.
    assert product.title == "Làn cói bấm vào đây & quai da"

    client.force_login(shop["staff"])
    review = client.get(f"/dashboard/listings/{product.listing.pk}/")
    assert review.status_code == 200
    assert active_markup(review.content.decode()) == []
    assert_harmless_formatting(review.content.decode(), ".product-description")
    approved = client.post(f"/dashboard/listings/{product.listing.pk}/", {"decision": "approve"})
    assert approved.status_code == 302

    client.logout()
    public = client.get(product.get_absolute_url())
    assert public.status_code == 200
    assert active_markup(public.content.decode()) == []
    assert_harmless_formatting(public.content.decode(), ".product-description")


def test_a_hostile_change_to_an_approved_product_is_held_clean_and_published_clean(client, shop):
    product = product_create(
        "Làn cói",
        vendor=shop["vendor"],
        category=shop["category"],
        description="<p>Làn cói bền đẹp.</p>",
    )
    response = edit_description(client, shop["member"], product, HARMLESS + HOSTILE)
    assert response.status_code == 302

    revision = ListingRevision.objects.get()
    assert_stored_clean(revision.data["description"])
    product.refresh_from_db()
    assert product.description == "<p>Làn cói bền đẹp.</p>"  # shoppers still see this

    client.force_login(shop["staff"])
    review = client.get(f"/dashboard/listings/changes/{revision.pk}/")
    assert review.status_code == 200
    assert active_markup(review.content.decode()) == []
    assert_harmless_formatting(review.content.decode(), "tr.change-description td:nth-of-type(2)")
    client.post(f"/dashboard/listings/changes/{revision.pk}/", {"decision": "approve"})

    product.refresh_from_db()
    assert_stored_clean(product.description)
    client.logout()
    public = client.get(product.get_absolute_url()).content.decode()
    assert active_markup(public) == []
    assert_harmless_formatting(public, ".product-description")


def test_union_staff_writing_in_the_editor_get_the_same_cleaning(client, shop):
    product = product_create("Làn cói", vendor=shop["vendor"], category=shop["category"])
    assert edit_description(client, shop["staff"], product, HARMLESS + HOSTILE).status_code == 302
    product.refresh_from_db()
    assert_stored_clean(product.description)
    assert "<strong>Dệt tay</strong>" in product.description


def test_a_hostile_vendor_story_is_stored_as_plain_words(client, shop):
    client.force_login(shop["member"])
    data = form_fields(client.get(PROFILE).content.decode(), "form[enctype]")
    data["story"] = "Hai mươi chị em dệt chiếu & làn < 5 kg.\n" + HOSTILE
    assert client.post(PROFILE, data).status_code == 302

    vendor = shop["vendor"]
    vendor.refresh_from_db()
    assert_stored_clean(vendor.story)
    assert "<" not in vendor.story.replace("< 5 kg", "")
    assert vendor.story.startswith("Hai mươi chị em dệt chiếu & làn < 5 kg.\n")
    assert "Xem thêm" in vendor.story  # the words of a link stay, the link goes

    public = client.get(vendor.get_absolute_url()).content.decode()
    assert active_markup(public) == []
    assert "dệt chiếu &amp; làn &lt; 5 kg." in public
    client.force_login(shop["staff"])
    review = client.get(f"/dashboard/vendors/{vendor.pk}/").content.decode()
    assert active_markup(review) == []
