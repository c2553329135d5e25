"""django-oscar: apps, currency and shop metadata.

Forked apps replace their stock entries here; nothing else changes Oscar's
list. https://django-oscar.readthedocs.io/en/latest/ref/settings.html
"""

from urllib.parse import urlsplit

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from oscar import INSTALLED_APPS as _OSCAR_INSTALLED_APPS
from oscar.defaults import *  # noqa: F403

from config.env import env_url

_FORKS = {
    # Password reset's pages (customer/shop.py).
    "oscar.config.Shop": "customer.shop.Shop",
    "oscar.apps.catalogue.apps.CatalogueConfig": "catalog.apps.CatalogueConfig",
    "oscar.apps.search.apps.SearchConfig": "search.apps.SearchConfig",
    # One checkout, one Oscar order per cooperative (checkout/).
    "oscar.apps.checkout.apps.CheckoutConfig": "checkout.apps.CheckoutConfig",
    # Delivery is charged per cooperative (shipping/repository.py).
    "oscar.apps.shipping.apps.ShippingConfig": "shipping.apps.ShippingConfig",
    # Sign-in, registration, signing out, order history (customer/apps.py).
    "oscar.apps.customer.apps.CustomerConfig": "customer.apps.CustomerConfig",
    # Only products for sale go into a basket (basket/views.py).
    "oscar.apps.basket.apps.BasketConfig": "basket.apps.BasketConfig",
    # A member starts from her listings (dashboard/views.py).
    "oscar.apps.dashboard.apps.DashboardConfig": "dashboard.apps.DashboardConfig",
    # The product editor holds members' changes for review; the lookup pages safely.
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig": (
        "dashboard.catalogue.apps.CatalogueDashboardConfig"
    ),
    # The Union's figures by area in place of Oscar's reports (dashboard/reports/).
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig": (
        "dashboard.reports.apps.ReportsDashboardConfig"
    ),
    # Members kept out of Oscar's order pages (dashboard/orders/apps.py).
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig": (
        "dashboard.orders.apps.OrdersDashboardConfig"
    ),
}
_DJANGO_APPS_IN_OSCAR_LIST = {app for app in _OSCAR_INSTALLED_APPS if app.startswith("django.")}

OSCAR_APPS = [
    _FORKS.get(app, app)
    for app in _OSCAR_INSTALLED_APPS
    # django-haystack is not installed: search/ replaces Oscar's search app.
    if app != "haystack" and app not in _DJANGO_APPS_IN_OSCAR_LIST
] + ["sorl.thumbnail"]

# Forks that keep Oscar's models keep Oscar's migrations too: each Oscar
# upgrade brings its own. A fork that changes a model copies them instead
# (catalog/, shipping/).
MIGRATION_MODULES = {
    "customer": "oscar.apps.customer.migrations",
    "basket": "oscar.apps.basket.migrations",
}

# Oscar's default loader imports the stock module before the fork's, and the
# stock search modules import haystack; ours takes the fork first.
OSCAR_DYNAMIC_CLASS_LOADER = "core.loading.fork_first_class_loader"

OSCAR_SHOP_NAME = _("Women's Local Products Market")
OSCAR_SHOP_TAGLINE = _("Ninh Binh cooperatives and women-owned businesses")
OSCAR_HOMEPAGE = "/"
# Links in Oscar's e-mails: SITE_URL's scheme, and the Site's domain, which
# follows SITE_URL (core/site_address.py).
OSCAR_URL_SCHEMA = urlsplit(env_url("SITE_URL", default="http://127.0.0.1:8000")).scheme
OSCAR_DEFAULT_CURRENCY = "VND"
# Vietnamese grouping and no decimals in every language: 125.000 ₫
OSCAR_CURRENCY_FORMAT = {
    "VND": {"format": "#,##0\u00a0¤", "locale": "vi_VN", "currency_digits": False},
}
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_FROM_EMAIL = "cho@hoiphunu.example.vn"
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
OSCAR_THUMBNAILER = "oscar.core.thumbnails.SorlThumbnail"
THUMBNAIL_FORMAT = "WEBP"
# Rows written after the page's transaction: no deadlock between pages (see the module).
THUMBNAIL_KVSTORE = "core.thumbnails.KVStore"
THUMBNAIL_PRESERVE_FORMAT = False
# Product and category slugs transliterate Vietnamese like pages and vendors do
# ("Cơm cháy Đông Sơn" -> "com-chay-dong-son"; đ is a letter, not d with a mark).
OSCAR_SLUG_FUNCTION = "core.text.oscar_slugify"


# The Union's vendor review queue and audit log join Oscar's dashboard menu.
# Settings import no app of this project: each entry names its check, imported
# when the menu is first drawn (dashboard/nav.py).
def _menu_check(name: str):
    def access_fn(user, url_name, url_args=None, url_kwargs=None) -> bool:
        return import_string(f"dashboard.nav.{name}")(user, url_name, url_args, url_kwargs)

    return access_fn


def _has_perm(permission: str):
    def access_fn(user, url_name, url_args=None, url_kwargs=None) -> bool:
        return user.has_perm(permission)

    return access_fn


# Oscar's menu hides from members what the dashboard gate refuses them.
OSCAR_DASHBOARD_DEFAULT_ACCESS_FUNCTION = "dashboard.access.dashboard_access_fn"

OSCAR_DASHBOARD_NAVIGATION = [
    # Oscar's "Reports" entry opens the Union's figures by area (dashboard/reports/).
    {**entry, "access_fn": _menu_check("can_view_reports")}
    if entry.get("url_name") == "dashboard:reports-index"
    else entry
    for entry in OSCAR_DASHBOARD_NAVIGATION
] + [
    {
        "label": _("Vendors"),
        "icon": "fas fa-store",
        "children": [
            {
                "label": _("Applications and vendors"),
                "url_name": "marketplace:dashboard-vendor-list",
                "access_fn": _menu_check("can_view_vendors"),
            },
            {
                "label": _("Listings to review"),
                "url_name": "marketplace:dashboard-listing-queue",
                "access_fn": _menu_check("can_view_listings"),
            },
            {
                "label": _("My listings"),
                "url_name": "marketplace:dashboard-member-listings",
                "access_fn": _menu_check("is_vendor_member"),
            },
            {
                "label": _("My shop profile"),
                "url_name": "marketplace:dashboard-profile",
                "access_fn": _menu_check("is_vendor_member"),
            },
            {
                "label": _("My orders"),
                "url_name": "marketplace:dashboard-vendor-order-list",
                "access_fn": _menu_check("is_vendor_member"),
            },
            {
                "label": _("My sales"),
                "url_name": "marketplace:dashboard-sales",
                "access_fn": _menu_check("is_vendor_member"),
            },
            {
                "label": _("My team"),
                "url_name": "marketplace:dashboard-team",
                "access_fn": _menu_check("is_vendor_member"),
            },
            {
                "label": _("Checkouts and payments"),
                "url_name": "marketplace:dashboard-order-group-list",
                "access_fn": _menu_check("can_view_settlements"),
            },
            {
                "label": _("Settlements"),
                "url_name": "marketplace:dashboard-settlement-list",
                "access_fn": _menu_check("can_view_settlements"),
            },
            {
                "label": _("My settlement"),
                "url_name": "marketplace:dashboard-my-settlement",
                "access_fn": _menu_check("is_vendor_member"),
            },
            {
                "label": _("Moderation log"),
                "url_name": "marketplace:dashboard-moderation-event-list",
                "access_fn": _menu_check("can_view_vendors"),
            },
        ],
    },
    {
        "label": _("Union"),
        "icon": "fas fa-hands-helping",
        "children": [
            {
                "label": _("Requests to join"),
                "url_name": "marketplace:dashboard-membership-list",
                "access_fn": _has_perm("union.view_membershiprequest"),
            },
            {
                "label": _("Reports of abuse"),
                "url_name": "marketplace:dashboard-report-queue",
                "access_fn": _has_perm("union.view_abusereport"),
            },
        ],
    },
]

# Each cooperative's part of a checkout moves along this pipeline (labels
# translated in checkout/status.py). Card and bank-transfer parts
# wait for the payment before the cooperative may confirm them.
OSCAR_INITIAL_ORDER_STATUS = "Pending"
OSCAR_INITIAL_LINE_STATUS = "Pending"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Awaiting payment": ("Pending", "Cancelled"),
    "Pending": ("Confirmed", "Cancelled"),
    "Confirmed": ("Shipped", "Cancelled"),
    "Shipped": ("Delivered",),
    "Delivered": (),
    "Cancelled": (),
}
OSCAR_LINE_STATUS_PIPELINE = OSCAR_ORDER_STATUS_PIPELINE
OSCAR_ORDER_STATUS_CASCADE = {status: status for status in OSCAR_ORDER_STATUS_PIPELINE}

# Vietnamese shoppers give a ward or commune and a province, not a postcode:
# their names fill line3 and state in checkout/forms.py (shipping/destinations.py).
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "line1", "country")
# The cooperatives' province (GSO code; 37 is Ninh Bình): an address in it is
# charged each cooperative's "inside the province" delivery, any other one its
# "elsewhere in Vietnam" delivery.
DELIVERY_HOME_PROVINCE_CODE = 37
