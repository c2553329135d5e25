"""URL map: Wagtail home at /, Oscar's shop, the admins, Wagtail's catch-all last.

Where our views replace Oscar's, Oscar's forked apps serve them at Oscar's
URLs: no pattern here stands in front of one of Oscar's
(tests/unit/config/test_urls.py).
"""

from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from checkout import urls as checkout_urls
from cms.views import robots_txt, selling_guide, selling_guide_topic, sitemap
from core.csp import csp_report
from core.views import healthz
from customer import urls as customer_urls
from customer.views import (
    CmsLogoutView,
    CmsPasswordResetConfirmView,
    cms_password_reset_view,
)
from dashboard import urls as dashboard_urls
from marketplace import urls as marketplace_urls
from union import urls as union_urls

handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

urlpatterns = [
    # The home page is Wagtail's (Oscar's root app leaves "/" to it: customer/shop.py).
    path("", wagtail_views.serve, {"path": ""}, name="home"),
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    # The selling guide's fixed addresses, whatever the pages' slugs (cms/views.py).
    path("help/selling/", selling_guide, name="selling-guide"),
    path("help/selling/<slug:topic>/", selling_guide_topic, name="selling-guide-topic"),
    path("csp-report/", csp_report, name="csp-report"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    # Same paths as Wagtail's, first (Wagtail has no hook to swap its account
    # views): Wagtail's sign out on a GET, leave password reset unlimited and
    # keep the sign-in lock-out after a new password (customer/views.py).
    # tests/unit/config/test_urls.py fails if Wagtail renames or moves them.
    path("cms/logout/", CmsLogoutView.as_view()),
    path("cms/password_reset/", cms_password_reset_view),
    path(
        "cms/password_reset/confirm/<uidb64>/<token>/",
        CmsPasswordResetConfirmView.as_view(),
    ),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("catalog.urls")),
    # One URL namespace, "marketplace", for the pages of the apps Oscar has no
    # place for; each app keeps its own patterns.
    path(
        "",
        include(
            (
                customer_urls.urlpatterns
                + marketplace_urls.urlpatterns
                + checkout_urls.urlpatterns
                + [path("payments/", include("payments.urls"))]
                + dashboard_urls.urlpatterns
                + union_urls.urlpatterns,
                "marketplace",
            )
        ),
    ),
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
