"""Who sees the marketplace entries in Oscar's dashboard menu.

Named in settings (config/settings/oscar.py) and imported when the menu is first drawn.
A cooperative member does not see Oscar's menu: ``member_nav_items`` gives hers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dashboard.access import is_dashboard_member


def can_view_vendors(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.has_perm("marketplace.view_vendor")


def can_view_listings(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.has_perm("marketplace.view_listing")


def is_vendor_member(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.is_authenticated and user.vendor_memberships.exists()


def can_view_settlements(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.has_perm("marketplace.view_payout")


# --------------------------------------------------------------------------
# A cooperative member's own menu (the dashboard layout draws it instead of Oscar's)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberNavEntry:
    key: str
    label: str
    url_name: str
    # Other pages that belong to this entry (a product's editor belongs to "products").
    also: tuple[str, ...] = ()


MEMBER_NAV = (
    MemberNavEntry("today", _("Today"), "marketplace:dashboard-member-today", ("dashboard:index",)),
    MemberNavEntry(
        "products",
        _("Products"),
        "marketplace:dashboard-member-listings",
        ("dashboard:catalogue-product", "dashboard:catalogue-product-create"),
    ),
    MemberNavEntry("orders", _("Orders"), "marketplace:dashboard-vendor-order-list"),
    MemberNavEntry("sales", _("Sales"), "marketplace:dashboard-sales"),
    MemberNavEntry("money", _("Money"), "marketplace:dashboard-my-settlement"),
    MemberNavEntry("team", _("Team"), "marketplace:dashboard-team"),
    MemberNavEntry("profile", _("Profile"), "marketplace:dashboard-profile"),
    MemberNavEntry("help", pgettext_lazy("member menu", "Help"), "selling-guide"),
)


def member_nav_items(request) -> list[dict]:
    """Her menu's entries with their addresses, the current one marked; [] for anyone else.

    A page belongs to the entry whose address starts its own (an order's page
    to "orders"), or which names its view in ``also``.
    """
    if not is_dashboard_member(request.user):
        return []
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    items = []
    for entry in MEMBER_NAV:
        url = reverse(entry.url_name)
        items.append({"key": entry.key, "label": entry.label, "url": url})
    # The longest address that starts the path wins: "/dashboard/" is no prefix rule here.
    current = next((e.key for e in MEMBER_NAV if view_name in e.also), "")
    if not current:
        starts = [item for item in items if request.path.startswith(item["url"])]
        current = max(starts, key=lambda item: len(item["url"]))["key"] if starts else ""
    for item in items:
        item["current"] = item["key"] == current
    return items


def can_view_reports(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.has_perm("marketplace.view_reports")
