from django.conf import settings
from django.core.cache import cache

PRIMARY_LINKS_CACHE_KEY = "storefront_theme:primary_page_links"


def primary_page_links() -> list[dict]:
    """Links to the Union's section pages (stories, news) for the header and footer.

    Cached because every page shows them; ``cms.signals`` clears the cache
    when a page is published, moved or unpublished.
    """
    links = cache.get(PRIMARY_LINKS_CACHE_KEY)
    if links is None:
        from cms.models import NewsIndexPage, StoryIndexPage

        links = [
            {"title": page.title, "url": page.url}
            for model in (StoryIndexPage, NewsIndexPage)
            for page in model.objects.live().public().order_by("path")[:1]
        ]
        cache.set(PRIMARY_LINKS_CACHE_KEY, links, 60 * 60)
    return links


def site_chrome(request):
    """What the shared header and footer need on every page, Oscar's or Wagtail's."""
    return {
        "union_site_name": settings.WAGTAIL_SITE_NAME,
        "primary_page_links": primary_page_links,
    }
