"""Every dashboard URL, walked as a cooperative member: only the allow-list answers her.

The walk reads Django's URL resolver, so a view Oscar adds in an upgrade (or
we add) is walked too, and must refuse a member unless someone puts it on
``MEMBER_DASHBOARD_VIEWS`` on purpose.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import override_settings
from django.urls import (
    URLPattern,
    URLResolver,
    clear_url_caches,
    get_resolver,
    path,
    resolve,
    reverse,
)
from oscar.core.loading import get_model

from config.urls import urlpatterns as site_urlpatterns
from dashboard.access import (
    MEMBER_DASHBOARD_VIEWS,
    PUBLIC_DASHBOARD_VIEWS,
    is_dashboard_route,
)
from marketplace.models import Listing, ListingRevision
from marketplace.services.roles import roles_sync
from marketplace.services.vendors import vendor_member_add
from tests.factories import oscar_factories, product_create, vendor_create

pytestmark = pytest.mark.django_db

User = get_user_model()
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

# Staff-only views a member must never reach, named so the walk cannot pass by
# walking nothing: if one disappears from the resolver the test says so.
MUST_BE_WALKED = {
    "dashboard:catalogue-product-list",
    "dashboard:catalogue-product-bulk-action",
    "dashboard:catalogue-product-delete",
    "dashboard:catalogue-product-create-child",
    "dashboard:stock-alert-list",
    "dashboard:catalogue-category-list",
    "dashboard:order-list",
    "dashboard:partner-list",
    "dashboard:users-index",
    "dashboard:reports-index",
    "dashboard:catalogue-product-lookup",
    "marketplace:dashboard-listing-queue",
    "marketplace:dashboard-settlement-list",
}


def _join(prefix: str, route: str) -> str:
    return prefix + route.removeprefix("^") if prefix else route


def dashboard_patterns(patterns=None, prefix="", namespace=""):
    """(view name, route, path argument names) of every pattern under dashboard/."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = _join(prefix, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from dashboard_patterns(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern) and is_dashboard_route(route):
            names = pattern.pattern.converters if hasattr(pattern.pattern, "converters") else {}
            names = list(names) or list(pattern.pattern.regex.groupindex)
            view_name = f"{namespace}:{pattern.name}" if pattern.name else None
            yield view_name, route, names


def walked_urls(object_pk: int) -> dict[str, str]:
    """Each dashboard URL, its path arguments filled with ``object_pk``, and its view name.

    Two routes may share a name (Oscar's "choose a type" step and the product
    editor are both ``catalogue-product-create``): each is walked.
    """
    urls = {}
    for view_name, route, arg_names in dashboard_patterns():
        assert view_name, f"Name the dashboard route {route!r} so the allow-list can decide on it"
        url = reverse(view_name, kwargs={name: str(object_pk) for name in arg_names})
        urls[url] = resolve(url).view_name
    return urls


@pytest.fixture
def world(db):
    vendor_a, vendor_b = vendor_create("Hợp tác xã A"), vendor_create("Hợp tác xã B")
    member = User.objects.create_user("a@example.vn", "a@example.vn", "x")
    vendor_member_add(vendor=vendor_a, user=member, role="owner")
    member_b = User.objects.create_user("b@example.vn", "b@example.vn", "x")
    vendor_member_add(vendor=vendor_b, user=member_b, role="owner")
    staff = User.objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    return {
        "member": member,
        "staff": staff,
        "vendor A": vendor_a,
        "vendor B": vendor_b,
        "own product": product_create("Gạo nếp cái hoa vàng", price=60000, vendor=vendor_a),
        "other product": product_create(
            "Miến dong chờ duyệt", vendor=vendor_b, listing_status="pending"
        ),
    }


def refused(response) -> bool:
    if response.status_code == 403:
        return True
    return response.status_code == 302 and "/login/" in response["Location"]


def test_the_walk_covers_oscar_and_the_marketplace():
    view_names = set(walked_urls(1).values())
    assert view_names >= MUST_BE_WALKED
    assert len(view_names) > 60
    # The allow-list names only views that exist, all under dashboard/.
    assert set(MEMBER_DASHBOARD_VIEWS) <= view_names
    assert set(PUBLIC_DASHBOARD_VIEWS) <= view_names


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_member_is_refused_every_view_off_the_allow_list(client, world, method):
    client.force_login(world["member"])
    urls = walked_urls(world["other product"].pk)
    answers = {}
    for url, view_name in urls.items():
        if view_name in MEMBER_DASHBOARD_VIEWS | PUBLIC_DASHBOARD_VIEWS:
            continue
        response = getattr(client, method)(url)
        if not refused(response):
            answers[view_name] = response.status_code
    assert answers == {}, "members reach views off the allow-list"


@pytest.mark.parametrize("method", ["get", "post"])
def test_on_the_allow_list_other_vendors_objects_stay_out_of_reach(client, world, method):
    """With another cooperative's product (or a number that is nobody's) in the path."""
    client.force_login(world["member"])
    urls = walked_urls(world["other product"].pk)
    for url in [url for url, view_name in urls.items() if view_name in MEMBER_DASHBOARD_VIEWS]:
        response = getattr(client, method)(url)
        assert response.status_code < 500, url
        if resolve(url).kwargs:
            assert response.status_code in {403, 404, 405}, url
    assert "Miến dong chờ duyệt" not in client.get(reverse("dashboard:index"), follow=True).text


def test_a_refusal_says_so_in_her_language(client, world):
    client.force_login(world["member"])
    response = client.get("/dashboard/catalogue/")
    assert response.status_code == 403
    assert "Trang này không dành cho bạn" in response.text
    assert "Gạo nếp cái hoa vàng" not in response.text


def test_on_the_allow_list_her_own_pages_answer(client, world):
    own = world["own product"]
    client.force_login(world["member"])
    product_class = own.get_product_class()
    pages = [
        "/dashboard/my-listings/",
        f"/dashboard/my-listings/{own.pk}/edit/",
        "/dashboard/my-listings/new/",
        f"/dashboard/my-listings/{own.pk}/",
        f"/dashboard/my-listings/{own.pk}/qr.png",
        "/dashboard/profile/",
        "/dashboard/sales/",
        "/dashboard/team/",
        "/dashboard/my-settlement/",
        "/dashboard/my-orders/",
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert resolve(pages[1]).view_name in MEMBER_DASHBOARD_VIEWS
    # Oscar's editor and its "choose a type" step send her to her own form.
    assert client.get(f"/dashboard/catalogue/products/{own.pk}/")["Location"] == pages[1]
    oscars_new = f"/dashboard/catalogue/products/create/{product_class.slug}/"
    assert client.get(oscars_new)["Location"] == pages[2]
    chosen = client.get(
        "/dashboard/catalogue/products/create/", {"product_class": product_class.pk}
    )
    assert chosen["Location"] == pages[2]


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    urls = walked_urls(world["other product"].pk)
    for url, view_name in urls.items():
        if view_name not in PUBLIC_DASHBOARD_VIEWS:
            response = client.get(url)
            assert response.status_code == 302 and "/login/" in response["Location"], url


def test_union_staff_keep_oscars_dashboard(client, world):
    client.force_login(world["staff"])
    for url in [
        "/dashboard/catalogue/",
        "/dashboard/catalogue/categories/",
        "/dashboard/orders/",
        "/dashboard/catalogue/product-lookup/",
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["staff", "superuser"])
def test_no_dashboard_page_fails_on_a_page_that_is_not_a_number(client, world, who):
    """?page=abc is a 404 or the first page, for staff too, never a server error.

    The superuser passes every permission, so every view's own code runs.
    """
    user = world["staff"]
    if who == "superuser":
        user = User.objects.create_superuser("quantri", "quantri@example.vn", "x")
    client.force_login(user)
    failures = {}
    for url in walked_urls(world["other product"].pk):
        for query in ({"page": "abc"}, {"page": "0"}, {"page": "-1"}):
            status = client.get(url, query).status_code
            if status >= 500:
                failures[url] = (query, status)
    assert failures == {}


def test_the_product_lookup_lists_nothing_for_members_and_pages_safely_for_staff(client, world):
    url = "/dashboard/catalogue/product-lookup/"
    client.force_login(world["member"])
    response = client.get(url, {"q": "Miến"})
    assert response.status_code == 403 and "Miến dong" not in response.text

    client.force_login(world["staff"])
    for query in ({"page": "abc"}, {"page": "0"}, {"page_limit": "x"}, {"initial": "abc,1"}):
        assert client.get(url, query).status_code == 200, query
    found = client.get(url, {"q": "Miến", "page": "abc"}).json()
    assert [row["text"] for row in found["results"]] == ["Miến dong chờ duyệt"]


def _unprotected_view(request):
    return HttpResponse("every cooperative's secrets")


urlpatterns = [
    path("dashboard/reports/new-in-oscar/", _unprotected_view, name="new-dashboard-view"),
    *site_urlpatterns,
]


def test_a_new_dashboard_view_without_any_check_is_refused_to_members(client, world):
    """What an Oscar upgrade adding a view would meet: the gate, not the view's own check."""
    with override_settings(ROOT_URLCONF=__name__):
        clear_url_caches()
        try:
            assert "new-dashboard-view" in {
                name.split(":")[-1] for name, _, _ in dashboard_patterns() if name
            }
            client.force_login(world["member"])
            response = client.get("/dashboard/reports/new-in-oscar/")
            assert response.status_code == 403 and "secrets" not in response.text
            client.force_login(world["staff"])
            assert client.get("/dashboard/reports/new-in-oscar/").status_code == 200
        finally:
            clear_url_caches()


# --------------------------------------------------------------------------
# Prices of approved products change only through the Union's review
# --------------------------------------------------------------------------


def _price(product) -> Decimal:
    return StockRecord.objects.get(product=product).price


def test_a_member_cannot_change_an_approved_price_through_any_bulk_path(client, world):
    own = world["own product"]
    client.force_login(world["member"])
    partner_pk = world["vendor A"].partner.pk

    # The product list's bulk form, which stores the pending action in the session.
    response = client.post(
        "/dashboard/catalogue/",
        {"action": "set_product_price", "selected_product": [own.pk]},
    )
    assert refused(response)
    assert "bulk_intermediate" not in client.session

    # The confirmation step, with a pending action she planted in her own session.
    session = client.session
    session["bulk_intermediate"] = {
        "tok": {"action": "set_product_price", "created_at": 9e9, "object_ids": [own.pk]}
    }
    session.save()
    for method in ("get", "post"):
        response = getattr(client, method)(
            "/dashboard/catalogue/products/bulk-action/?key=tok",
            {"price": "1000", "partners": [partner_pk], "selected_products": [own.pk]},
        )
        assert refused(response), method
    for action in ("make_products_non_public", "make_products_public"):
        assert refused(
            client.post("/dashboard/catalogue/", {"action": action, "selected_product": [own.pk]})
        )

    own.refresh_from_db()
    assert _price(own) == Decimal("60000") and own.is_public
    assert not ListingRevision.objects.exists()


def _variant_product(vendor):
    parent = oscar_factories.create_product(title="Nón lá", structure="parent")
    child = oscar_factories.create_product(
        title="Nón lá cỡ lớn",
        parent=parent,
        price=Decimal("80000"),
        partner_name=vendor.partner.name,
    )
    Product.objects.filter(pk=child.pk).update(product_class=None)  # a variant has none
    Listing.objects.create(product=parent, status=Listing.Status.APPROVED)
    return parent, child


def _member_edits_variant(client, world):
    """The member renames and reprices her approved product's variant in the editor."""
    from tests.browserless import form_fields, oscar_editor_html

    parent, child = _variant_product(world["vendor A"])
    client.force_login(world["member"])
    edit = f"/dashboard/catalogue/products/{child.pk}/"
    data = form_fields(oscar_editor_html(client, edit), "form#create_update_product_form")
    data.update(
        {
            "title": "Nón lá cỡ đại",
            "stockrecords-0-price": "5000",
            "stockrecords-0-num_in_stock": "5",
        }
    )
    assert client.post(edit, data).status_code == 302
    return parent, child


def _staff_approves(client, world, revision) -> None:
    client.force_login(world["staff"])
    client.post(f"/dashboard/listings/changes/{revision.pk}/", {"decision": "approve"})


def test_a_variant_edit_in_the_editor_waits_for_the_union(client, world):
    parent, child = _member_edits_variant(client, world)

    child.refresh_from_db()
    assert child.title == "Nón lá cỡ lớn" and _price(child) == Decimal("80000")
    revision = ListingRevision.objects.get()
    assert revision.listing.product == parent
    assert revision.data["variants"][str(child.pk)]["title"] == "Nón lá cỡ đại"

    client.force_login(world["staff"])
    review = client.get(f"/dashboard/listings/changes/{revision.pk}/").text
    assert "Nón lá cỡ đại · 5.000\xa0₫" in review and "5000.00" not in review
    _staff_approves(client, world, revision)
    child.refresh_from_db()
    assert child.title == "Nón lá cỡ đại" and _price(child) == Decimal("5000")


def test_an_approved_variant_title_loses_markup_stored_before_cleaning(client, world):
    """Approval writes past Product.save(): a variant's title is cleaned there as well."""
    _parent, child = _member_edits_variant(client, world)
    revision = ListingRevision.objects.get()
    # A waiting change stored before titles were cleaned.
    revision.data["variants"][str(child.pk)]["title"] = "<img src=x onerror=alert(1)>Nón lá cỡ đại"
    revision.save(update_fields=["data"])

    _staff_approves(client, world, revision)
    child.refresh_from_db()
    assert child.title == "Nón lá cỡ đại"


def test_a_member_cannot_add_a_variant_to_an_approved_product(client, world):
    parent, _child = _variant_product(world["vendor A"])
    client.force_login(world["member"])
    url = f"/dashboard/catalogue/products/{parent.pk}/create-variant/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "Nón lá mới"}).status_code == 403
    assert parent.children.count() == 1


def test_a_member_cannot_link_other_cooperatives_products_as_upselling(client, world):
    """Oscar's "Upselling" picker lists every cooperative's products: not in her editor."""
    from oscar.core.loading import get_model

    from tests.browserless import form_fields, oscar_editor_html

    recommendation = get_model("catalogue", "ProductRecommendation")
    own, other = world["own product"], world["other product"]
    edit = f"/dashboard/catalogue/products/{own.pk}/"

    client.force_login(world["member"])
    data = form_fields(oscar_editor_html(client, edit), "form#create_update_product_form")
    data.update(
        {
            "recommended_products-TOTAL_FORMS": "1",
            "recommended_products-INITIAL_FORMS": "0",
            "recommended_products-0-recommendation": str(other.pk),
            "recommended_products-0-ranking": "1",
        }
    )
    client.post(edit, data)
    assert not recommendation.objects.filter(primary=own).exists()

    client.force_login(world["staff"])
    assert 'id="product_recommended"' in client.get(edit).text  # the Union keeps it
