"""Forgets the footer's "Join the Union" link when pages are published, moved or unpublished."""

from django.core.cache import cache
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from union.templatetags.union_tags import JOIN_URL_CACHE_KEY


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def forget_join_page_url(sender, **kwargs):
    cache.delete(JOIN_URL_CACHE_KEY)
