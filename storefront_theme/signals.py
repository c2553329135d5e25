"""Anonymous pages go stale when what they show changes (see page_cache.py).

Any save or delete of a model in ``WATCHED_APPS``, any many-to-many change
there, and Wagtail's publish, unpublish and move bump the page-cache version
once the transaction commits. Apps whose rows pages do not show (baskets,
orders, Oscar's analytics counters, written in batches by catalog/analytics.py,
sessions) are not watched, so browsing never empties the cache.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from storefront_theme.page_cache import page_cache_bump
from storefront_theme.tasks import product_pictures_prepare

WATCHED_APPS = frozenset(
    {
        "catalogue",
        "partner",
        "offer",
        "reviews",
        "marketplace",
        "cms",
        "wagtailcore",
        "wagtailimages",
    }
)


def _bump_after_commit() -> None:
    transaction.on_commit(page_cache_bump)


def _watched(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    return meta is not None and meta.app_label in WATCHED_APPS


@receiver(post_save)
@receiver(post_delete)
def model_changed(sender, raw=False, **kwargs):
    if not raw and _watched(sender):
        _bump_after_commit()


@receiver(m2m_changed)
def relation_changed(sender, action, instance, **kwargs):
    if action.startswith("post_") and _watched(type(instance)):
        _bump_after_commit()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    _bump_after_commit()


@receiver(post_save, sender="catalogue.ProductImage")
def product_picture_saved(sender, instance, raw=False, **kwargs):
    """A new or replaced picture gets its thumbnails in the background, not on first view."""
    if not raw and instance.original:
        image_id = instance.pk
        transaction.on_commit(lambda: product_pictures_prepare.enqueue(image_ids=[image_id]))
