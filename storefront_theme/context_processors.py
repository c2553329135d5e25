from django.conf import settings

from cms.selectors import primary_page_links


def site_chrome(request):
    """What the shared header and footer need on every page, Oscar's or Wagtail's."""
    return {
        "union_site_name": settings.WAGTAIL_SITE_NAME,
        "primary_page_links": primary_page_links,
    }
