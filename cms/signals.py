"""Clears cached page links when the Union's section pages change."""

from django.core.cache import cache
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.selectors import PRIMARY_LINKS_CACHE_KEY


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def forget_primary_links(sender, **kwargs):
    cache.delete(PRIMARY_LINKS_CACHE_KEY)
