"""Our views answer Oscar's own URLs, and no URL of ours answers in Oscar's place.

Each view that replaces one of Oscar's is served by Oscar's app config (a fork
at the top level named like Oscar's app). If an Oscar upgrade renames or moves
one of those URLs, or stops loading the view through the fork, the first test
fails. The second walks the site's URL map: a pattern of ours at one of
Oscar's paths would answer first and silently replace Oscar's page.
"""

from __future__ import annotations

import re

import pytest
import wagtail.admin.urls
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import NoReverseMatch, Resolver404
from oscar.apps.dashboard.catalogue.views import (
    ProductCreateUpdateView as OscarProductCreateUpdateView,
)

from basket.views import BasketAddView
from customer.views import (
    AccountAuthView,
    AccountRegistrationView,
    CmsLogoutView,
    CmsPasswordResetConfirmView,
    LogoutView,
    OrderDetailView,
    OrderHistoryView,
    PasswordResetConfirmView,
    PasswordResetView,
    cms_password_reset_view,
)
from dashboard.catalogue.views import ProductCreateUpdateView, ProductLookupView
from dashboard.reports.views import IndexView as ReportsIndexView
from dashboard.views import IndexView

RESET = {"uidb64": "MQ", "token": "cg2-0123abcd"}

# Oscar's URL name and arguments, the path it has today, the view of ours that answers it.
OSCAR_URLS_WE_ANSWER = [
    ("customer:login", {}, "/accounts/login/", AccountAuthView),
    ("customer:register", {}, "/accounts/register/", AccountRegistrationView),
    ("customer:logout", {}, "/accounts/logout/", LogoutView),
    ("customer:order-list", {}, "/accounts/orders/", OrderHistoryView),
    ("customer:order", {"order_number": "100001"}, "/accounts/orders/100001/", OrderDetailView),
    ("password-reset", {}, "/password-reset/", PasswordResetView),
    (
        "password-reset-confirm",
        RESET,
        "/password-reset/confirm/MQ/cg2-0123abcd/",
        PasswordResetConfirmView,
    ),
    ("basket:add", {"pk": 7}, "/basket/add/7/", BasketAddView),
    ("dashboard:index", {}, "/dashboard/", IndexView),
    ("dashboard:reports-index", {}, "/dashboard/reports/", ReportsIndexView),
    (
        "dashboard:catalogue-product",
        {"pk": 7},
        "/dashboard/catalogue/products/7/",
        ProductCreateUpdateView,
    ),
    (
        "dashboard:catalogue-product-create",
        {"product_class_slug": "gao"},
        "/dashboard/catalogue/products/create/gao/",
        ProductCreateUpdateView,
    ),
    (
        "dashboard:catalogue-product-lookup",
        {},
        "/dashboard/catalogue/product-lookup/",
        ProductLookupView,
    ),
    # Creating a variant stays Oscar's (dashboard/catalogue/apps.py).
    (
        "dashboard:catalogue-product-create-child",
        {"parent_pk": 7},
        "/dashboard/catalogue/products/7/create-variant/",
        OscarProductCreateUpdateView,
    ),
]

# Wagtail has no hook for its account views: config/urls.py puts ours at its
# paths, first. If Wagtail renames or moves one, ours would answer nothing.
WAGTAIL_URLS_WE_ANSWER = [
    ("wagtailadmin_logout", {}, "/cms/logout/", CmsLogoutView),
    ("wagtailadmin_password_reset", {}, "/cms/password_reset/", cms_password_reset_view),
    (
        "wagtailadmin_password_reset_confirm",
        RESET,
        "/cms/password_reset/confirm/MQ/cg2-0123abcd/",
        CmsPasswordResetConfirmView,
    ),
]


def _answers(url: str, view) -> bool:
    func = resolve(url).func
    return func is view or getattr(func, "view_class", None) is view


@pytest.mark.parametrize(
    ("name", "kwargs", "url", "view"),
    OSCAR_URLS_WE_ANSWER + WAGTAIL_URLS_WE_ANSWER,
    ids=[row[0] for row in OSCAR_URLS_WE_ANSWER + WAGTAIL_URLS_WE_ANSWER],
)
def test_our_views_answer_oscars_and_wagtails_urls_at_todays_paths(name, kwargs, url, view):
    assert reverse(name, kwargs=kwargs) == url
    assert _answers(url, view)


def _leaves(patterns, route="", namespace=""):
    """(pattern, full route, namespaced name) of every pattern under ``patterns``."""
    for pattern in patterns:
        full = route + str(pattern.pattern).removeprefix("^")
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _leaves(pattern.url_patterns, full, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield pattern, full, name


def _example_url(pattern: URLPattern, route: str, name: str | None) -> str | None:
    """A URL the pattern answers, its arguments all "1" (which every converter takes)."""
    arguments = list(getattr(pattern.pattern, "converters", {})) or list(
        pattern.pattern.regex.groupindex
    )
    if name:
        try:
            return reverse(name, kwargs=dict.fromkeys(arguments, "1"))
        except NoReverseMatch:  # a regex refusing "1": Django admin's list of its apps
            pass
    if "(" in route or "\\" in route:
        return None
    return "/" + re.sub(r"<[^>]+>", "1", route).removesuffix("$")


def _site_entries():
    """The site's top-level patterns: Oscar's include, Wagtail's admin, and the others."""
    oscar_routes = [str(p.pattern) for p in apps.get_app_config("oscar").get_urls()]
    oscar = wagtail_admin = None
    others = []
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            if [str(p.pattern) for p in entry.url_patterns] == oscar_routes:
                oscar = entry
                continue
            if entry.urlconf_name is wagtail.admin.urls:
                wagtail_admin = entry
                continue
            if str(getattr(entry.urlconf_name, "__name__", "")).startswith("wagtail."):
                continue  # Wagtail's documents and its page catch-all, last
        others.append(entry)
    assert oscar is not None and wagtail_admin is not None
    return oscar, wagtail_admin, others


def _answered_by(entry: URLResolver, url: str):
    """``entry``'s match for ``url``, unless only a nameless catch-all (Wagtail's 404) takes it."""
    try:
        match = entry.resolve(url.removeprefix("/"))
    except Resolver404:
        return None
    return match if match.url_name else None


def _our_routes_answered_by(entry: URLResolver, others) -> dict[str, str]:
    """Each route of ours whose URL ``entry`` answers too, and the name it answers with."""
    found, walked = {}, 0
    for other in others:
        for pattern, route, name in _leaves([other]):
            url = _example_url(pattern, route, name)
            if url is None:
                continue
            walked += 1
            match = _answered_by(entry, url)
            if match is not None:
                found[route] = match.view_name
    assert walked > 50, "the walk found too few of our URLs to mean anything"
    return found


def test_no_url_of_ours_stands_in_front_of_one_of_oscars():
    oscar, _wagtail_admin, others = _site_entries()
    assert _our_routes_answered_by(oscar, others) == {}


def test_only_the_cms_account_pages_stand_in_front_of_wagtails():
    _oscar, wagtail_admin, others = _site_entries()
    assert _our_routes_answered_by(wagtail_admin, others) == {
        "cms/logout/": "wagtailadmin_logout",
        "cms/password_reset/": "wagtailadmin_password_reset",
        "cms/password_reset/confirm/<uidb64>/<token>/": "wagtailadmin_password_reset_confirm",
    }
