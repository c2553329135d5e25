"""The footer's "Join the Union" link, read once an hour or when pages are published."""

from django import template
from django.core.cache import cache

from union.models import JoinPage

register = template.Library()

JOIN_URL_CACHE_KEY = "union:join-page-url"


@register.simple_tag
def join_page_url() -> str:
    """The live "Tham gia Hội" page's address, or "" while there is none."""
    url = cache.get(JOIN_URL_CACHE_KEY)
    if url is None:
        page = JoinPage.objects.live().public().first()
        url = (page.url or "") if page else ""
        cache.set(JOIN_URL_CACHE_KEY, url, 60 * 60)
    return url
