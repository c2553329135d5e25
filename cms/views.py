from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from cms.sitemaps import sitemaps_for

ROBOTS_DISALLOW = (
    "/cms/",
    "/django-admin/",
    "/dashboard/",
    "/basket/",
    "/checkout/",
    "/accounts/",
    "/search/",
    "/i18n/",
)


@require_GET
@cache_page(60 * 60)
def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps_for(request))


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
