"""Anonymous pages go stale when what they show changes (see page_cache.py).

A save or delete of a model the cached pages show (``WATCHED_APPS``: Oscar's
products, stock, prices, offers and reviews; ``WATCHED_MODELS``: areas,
vendors, listings, the Union's collections, Wagtail's sites and images), a
many-to-many change there, and Wagtail's publish, unpublish,
move and delete of a page bump the page-cache version once the transaction
commits. A page's draft is not shown, so saving one bumps nothing. A stock
record bumps only when what a card shows of it changes (its price, seller,
or whether it can be bought): a checkout reserving a few of many units does
not empty the cache, selling the last one does. Rows pages
do not show are not watched, so shopping and paying never empty the cache:
baskets, orders and their parts, refunds, payouts, Stripe events, the audit
log, changes waiting for review, votes, quiz attempts, analytics counters,
sessions, image renditions.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.page_cache import page_cache_bump

WATCHED_APPS = frozenset({"catalogue", "partner", "offer", "reviews"})
WATCHED_MODELS = frozenset(
    {
        "marketplace.administrativearea",
        "marketplace.vendor",
        "marketplace.listing",
        "cms.productcollection",
        "cms.productcollectionitem",
        "wagtailcore.site",
        "wagtailimages.image",
    }
)


def _bump_after_commit() -> None:
    transaction.on_commit(page_cache_bump)


def _watched(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    return meta is not None and (
        meta.app_label in WATCHED_APPS or meta.label_lower in WATCHED_MODELS
    )


STOCK_RECORD = "partner.stockrecord"


def _stock_shown(price, partner_id, num_in_stock, num_allocated) -> tuple:
    """What a product card shows of a stock record: price, seller, in stock or not."""
    return price, partner_id, (num_in_stock or 0) - (num_allocated or 0) > 0


@receiver(pre_save)
def stock_before(sender, instance, raw=False, **kwargs):
    """Remember what the cards showed, read from the row (Oscar's allocations save past it)."""
    if raw or instance.pk is None or sender._meta.label_lower != STOCK_RECORD:
        return
    row = (
        sender.objects.filter(pk=instance.pk)
        .values_list("price", "partner_id", "num_in_stock", "num_allocated")
        .first()
    )
    instance._page_cache_shown = _stock_shown(*row) if row else None


def _stock_changed_shown(instance) -> bool:
    before = getattr(instance, "_page_cache_shown", None)
    instance._page_cache_shown = None
    after = _stock_shown(
        instance.price, instance.partner_id, instance.num_in_stock, instance.num_allocated
    )
    return before is None or before != after


@receiver(post_save)
def model_saved(sender, instance, raw=False, **kwargs):
    if raw or not _watched(sender):
        return
    if sender._meta.label_lower == STOCK_RECORD and not _stock_changed_shown(instance):
        return
    _bump_after_commit()


@receiver(post_delete)
def model_deleted(sender, **kwargs):
    if _watched(sender):
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


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _bump_after_commit()
