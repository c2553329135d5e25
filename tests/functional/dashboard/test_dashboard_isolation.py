"""A cooperative member reaches only her own vendor's products in Oscar's dashboard,
and only the dashboard views members are allowed (dashboard/access.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from marketplace.models import Vendor
from marketplace.services.vendors import vendor_apply
from tests.factories import product_create

pytestmark = pytest.mark.django_db

User = get_user_model()
Product = get_model("catalogue", "Product")

EXPECTED = {
    "anonymous": "login",
    "shopper": 403,
    "member of vendor A": 200,
    "member of vendor B": 404,
    "Union staff": 200,
}


@pytest.fixture
def world(people):
    return {**people, "product": product_create("Gạo nếp cái hoa vàng", vendor=people["vendor A"])}


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("who", EXPECTED)
def test_product_edit_page(client, world, who):
    """Oscar's editor for staff; a member is sent to her own form (or gets its 404)."""
    response = login(client, world[who]).get(
        f"/dashboard/catalogue/products/{world['product'].pk}/", follow=world[who] is not None
    )
    if EXPECTED[who] == "login":
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code == EXPECTED[who]


@pytest.mark.parametrize("who", ["anonymous", "shopper", "member of vendor B"])
def test_others_cannot_change_the_product(client, world, who):
    product = world["product"]
    response = login(client, world[who]).post(
        f"/dashboard/catalogue/products/{product.pk}/", {"title": "Bị sửa trộm"}
    )
    assert response.status_code in {302, 403, 404}
    product.refresh_from_db()
    assert product.title == "Gạo nếp cái hoa vàng"


def test_a_member_lists_only_her_vendors_products(client, world):
    product_create(
        "Sản phẩm của B", vendor=world["member of vendor B"].vendor_memberships.get().vendor
    )
    client.force_login(world["member of vendor A"])
    html = client.get("/dashboard/my-listings/").content.decode()
    assert "Gạo nếp cái hoa vàng" in html
    assert "Sản phẩm của B" not in html


# Oscar's catalogue views that go round the Union's review (bulk prices and
# visibility, every vendor's products in the lookup, variants, deletion, every
# partner's stock alerts): Union staff's, behind Oscar's own permissions.
STAFF_ONLY = {
    "product list": ("/dashboard/catalogue/", 200),
    "bulk actions": ("/dashboard/catalogue/products/bulk-action/", 302),  # nothing pending
    "product lookup": ("/dashboard/catalogue/product-lookup/?q=G", 200),
    "add a variant": ("/dashboard/catalogue/products/{pk}/create-variant/", 302),  # sold alone
    # Oscar asks for their own permissions, which the Union staff group does not hold.
    "delete a product": ("/dashboard/catalogue/products/{pk}/delete/", 403),
    "stock alerts": ("/dashboard/catalogue/stock-alerts/", 403),
}


@pytest.mark.parametrize("view", STAFF_ONLY)
@pytest.mark.parametrize("who", EXPECTED)
def test_oscars_other_catalogue_views_are_union_staffs(client, world, who, view):
    url, staff_status = STAFF_ONLY[view]
    url = url.format(pk=world["product"].pk)
    for method in ("get", "post"):
        response = getattr(login(client, world[who]), method)(url)
        if who == "anonymous":
            assert response.status_code == 302 and "login" in response["Location"]
        elif who == "Union staff":
            if method == "get":
                assert response.status_code == staff_status
        else:
            assert response.status_code == 403, (method, url)
    assert Product.objects.filter(pk=world["product"].pk).exists()


def test_the_lookup_shows_members_no_product_of_any_vendor(client, world):
    product_create("Miến dong chờ duyệt", vendor=world["vendor B"], listing_status="pending")
    client.force_login(world["member of vendor A"])
    response = client.get("/dashboard/catalogue/product-lookup/", {"q": "Miến"})
    assert response.status_code == 403
    assert "Miến dong" not in response.content.decode()


def test_a_members_menu_offers_only_her_pages(client, world):
    client.force_login(world["member of vendor A"])
    html = client.get("/dashboard/my-listings/").content.decode()
    assert "/dashboard/my-orders/" in html
    for staffs in (
        "/dashboard/catalogue/",
        "/dashboard/catalogue/stock-alerts/",
        "/dashboard/reports/",
    ):
        assert f'href="{staffs}"' not in html, staffs
    client.force_login(world["Union staff"])
    assert 'href="/dashboard/catalogue/"' in client.get("/dashboard/").content.decode()


# --------------------------------------------------------------------------
# One person, one vendor
# --------------------------------------------------------------------------


def _application() -> dict:
    """A complete application as a signed-in person sends it (no account fields)."""
    from tests.functional.marketplace.test_vendor_pages import application

    data = application(name="Hợp tác xã thứ hai")
    for key in ("contact_name", "password1", "password2"):
        data.pop(key)
    return data


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_member_of_a_vendor_cannot_apply_for_another(client, world, method):
    client.force_login(world["member of vendor A"])
    response = getattr(client, method)("/sell/apply/", _application() if method == "post" else {})
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/my-listings/"
    page = client.get(response["Location"]).content.decode()
    assert "Tài khoản này đã làm cho Hợp tác xã A" in page
    assert Vendor.objects.count() == 2
    assert world["member of vendor A"].vendor_memberships.count() == 1


def test_the_service_refuses_a_second_vendor_too(world):
    from tests.factories import commune_create

    with pytest.raises(ValidationError) as refused:
        vendor_apply(
            user=world["member of vendor A"],
            name="Hợp tác xã thứ hai",
            kind="cooperative",
            commune=commune_create(),
            address="Thôn Đông",
            phone="0912345678",
            email="a@example.vn",
        )
    assert refused.value.code == "other_vendor"
    assert Vendor.objects.count() == 2


# --------------------------------------------------------------------------
# Her own product form and status page (dashboard/member_products.py)
# --------------------------------------------------------------------------

MEMBER_PRODUCT_PAGES = {
    "new product form": "/dashboard/my-listings/new/",
    "product status": "/dashboard/my-listings/{pk}/",
    "product form": "/dashboard/my-listings/{pk}/edit/",
}
# Union staff review products; they edit them in Oscar's editor, not in a member's form.
MEMBER_PAGE_EXPECTED = {**EXPECTED, "member of vendor A": 200, "Union staff": 403}


@pytest.mark.parametrize("page", MEMBER_PRODUCT_PAGES)
@pytest.mark.parametrize("who", MEMBER_PAGE_EXPECTED)
def test_member_product_pages(client, world, who, page):
    url = MEMBER_PRODUCT_PAGES[page].format(pk=world["product"].pk)
    response = login(client, world[who]).get(url)
    expected = MEMBER_PAGE_EXPECTED[who]
    if page == "new product form" and who == "member of vendor B":
        expected = 200  # her own new product
    if expected == "login":
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("page", ["product status", "product form"])
@pytest.mark.parametrize("who", ["anonymous", "shopper", "member of vendor B", "Union staff"])
def test_others_cannot_change_or_send_her_product(client, world, who, page):
    product = world["product"]
    Listing = product.listing.__class__
    Listing.objects.filter(product=product).delete()
    url = MEMBER_PRODUCT_PAGES[page].format(pk=product.pk)
    response = login(client, world[who]).post(
        url, {"title": "Bị sửa trộm", "price": "1", "num_in_stock": "1"}
    )
    assert response.status_code in {302, 403, 404}
    if response.status_code == 302:
        assert "login" in response["Location"]
    product.refresh_from_db()
    assert product.title == "Gạo nếp cái hoa vàng"
    assert product.stockrecords.get().price != 1
    assert not Listing.objects.filter(product=product).exists()
