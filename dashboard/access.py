"""One gate in front of every dashboard view: members reach an allow-list, the rest is staff's.

Oscar lets a partner's users (``partner.dashboard_access``) into many of its
dashboard views, and several go round the Union's review: the product list's
bulk "update product prices" and "make public" actions, the product lookup
(every cooperative's products, pending ones too), stock alerts of every
partner. Oscar decides per app config (``permissions_map``), so forking the
configs would leave out any view a later Oscar adds in a new app.

So this middleware looks at the resolved view of every request whose route
starts with ``dashboard/`` (Oscar's dashboard and the marketplace's pages
there). A cooperative member (a ``VendorMember`` row, or Oscar's partner
permission) who is not staff reaches only the views named in
``MEMBER_DASHBOARD_VIEWS``, and each of those views still checks the object is
her vendor's. Every other dashboard view, today's and tomorrow's, answers
her 403. Anonymous visitors go to the login page. Staff, and people holding
a view's own permission (the Union staff group), pass on to the view's own
check, Oscar's or ours.

A member who is also given Union permissions is still a member here: she
cannot review her own cooperative's products.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import resolve, reverse
from oscar.apps.dashboard.nav import default_access_fn

DASHBOARD_ROUTE_PREFIX = "dashboard/"

# URL names (namespaced) a cooperative member may open. Adding one is a
# decision about moderation: the view must limit itself to her vendor's
# objects and send public changes through marketplace.services.listings.
MEMBER_DASHBOARD_VIEWS = frozenset(
    {
        # /dashboard/ sends her to "Today" (Oscar's index sums other vendors' orders).
        "dashboard:index",
        "marketplace:dashboard-member-today",
        "marketplace:dashboard-member-listings",
        # Her own product form and each product's status page (dashboard/member_products.py).
        "marketplace:dashboard-member-product-create",
        "marketplace:dashboard-member-product-detail",
        "marketplace:dashboard-member-product-update",
        # Oscar's product editor: opening it sends her to her own form; what it still
        # takes (her products only, changes to approved ones held for review) is in
        # dashboard/catalogue/views.py. The name is also Oscar's "choose a type" step
        # before the editor: a redirect, nothing else.
        "dashboard:catalogue-product",
        "dashboard:catalogue-product-create",
        "marketplace:dashboard-product-qr",
        "marketplace:dashboard-profile",
        "marketplace:dashboard-sales",
        "marketplace:dashboard-sales-export",
        "marketplace:dashboard-team",
        "marketplace:dashboard-my-settlement",
        "marketplace:dashboard-vendor-order-list",
        "marketplace:dashboard-vendor-order-detail",
    }
)
# Open to everyone, signed in or not.
PUBLIC_DASHBOARD_VIEWS = frozenset({"dashboard:login", "dashboard:logout"})


def is_dashboard_route(route: str) -> bool:
    """Whether a resolved route (``ResolverMatch.route``) is a dashboard page."""
    return route.removeprefix("^").startswith(DASHBOARD_ROUTE_PREFIX)


def is_dashboard_member(user) -> bool:
    """A cooperative member as the dashboard sees her: not staff, works for a vendor.

    Remembered on the user object for the request (the menu asks once per entry).
    """
    if not user.is_authenticated or user.is_staff or user.is_superuser:
        return False
    cached = getattr(user, "_is_dashboard_member", None)
    if cached is None:
        cached = user.vendor_memberships.exists() or user.has_perm("partner.dashboard_access")
        user._is_dashboard_member = cached
    return cached


def member_may_open(user, view_name: str) -> bool:
    return not is_dashboard_member(user) or view_name in MEMBER_DASHBOARD_VIEWS


class DashboardAllowListMiddleware:
    """Refuses members every dashboard view off the allow-list, before the view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not is_dashboard_route(match.route):
            return None
        if match.view_name in PUBLIC_DASHBOARD_VIEWS:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not member_may_open(request.user, match.view_name):
            raise PermissionDenied
        return None


def dashboard_access_fn(user, url_name, url_args=None, url_kwargs=None) -> bool:
    """Oscar's menu check (``OSCAR_DASHBOARD_DEFAULT_ACCESS_FUNCTION``) behind the same gate.

    A member's menu shows no entry the middleware would refuse her.
    """
    if url_name is not None and is_dashboard_member(user):
        view_name = resolve(reverse(url_name, args=url_args, kwargs=url_kwargs)).view_name
        if view_name not in MEMBER_DASHBOARD_VIEWS:
            return False
    return default_access_fn(user, url_name, url_args, url_kwargs)
