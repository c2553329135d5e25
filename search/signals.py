"""Queue product ids for re-indexing after the transaction commits.

Handlers stay thin: they skip raw (fixture) saves, collect ids, and enqueue
one background task per transaction (``search.tasks``), which runs at once
with the immediate backend and in the worker with the database one.
"""

from __future__ import annotations

import threading

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from oscar.core.loading import get_model
from wagtail.signals import page_published, page_unpublished

from marketplace.models import AdministrativeArea, Listing, Vendor
from search.tasks import page_documents_refresh, product_documents_refresh

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")
ProductImage = get_model("catalogue", "ProductImage")
OrderLine = get_model("order", "Line")

_pending = threading.local()


def _queue(product_ids) -> None:
    """Remember ids; the first commit callback rebuilds them all at once.

    Ids queued in a transaction that rolls back are rebuilt at the next
    commit instead, which is harmless: a rebuild is idempotent.
    """
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    _pending.ids.update(pid for pid in product_ids if pid is not None)
    transaction.on_commit(_flush)


def _flush() -> None:
    ids, _pending.ids = getattr(_pending, "ids", set()), set()
    if ids:
        product_documents_refresh.enqueue(product_ids=sorted(ids))


@receiver(post_save, sender=Product)
def product_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _queue([instance.pk])


@receiver(post_delete, sender=Product)
def product_deleted(sender, instance, **kwargs):
    """A deleted product leaves the engine at the commit, not at the nightly rebuild."""
    _queue([instance.pk])


@receiver(post_save, sender=Listing)
def listing_saved(sender, instance, raw=False, **kwargs):
    """A listing approved, refused or withdrawn puts its product on sale or takes it off."""
    if not raw:
        _queue([instance.product_id])


@receiver(post_save, sender=StockRecord)
@receiver(post_save, sender=ProductCategory)
@receiver(post_save, sender=ProductImage)
def product_link_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _queue([instance.product_id])


@receiver(post_save, sender=OrderLine)
def order_line_saved(sender, instance, raw=False, created=False, **kwargs):
    """Units ordered are the product's popularity (best-selling sort)."""
    if not raw and created:
        _queue([instance.product_id])


@receiver(m2m_changed, sender=ProductCategory)
def product_categories_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        _queue((pk_set or []) if reverse else [instance.pk])


@receiver(post_save, sender=Category)
def category_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        affected = Product.objects.filter(categories__path__startswith=instance.path)
        _queue(affected.values_list("pk", flat=True))


@receiver(post_save, sender=Partner)
def partner_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        _queue(instance.stockrecords.values_list("product_id", flat=True))


@receiver(post_save, sender=Vendor)
def vendor_saved(sender, instance, raw=False, created=False, **kwargs):
    """A vendor's kind or commune is part of its products' engine documents."""
    if not raw and not created:
        _queue(instance.partner.stockrecords.values_list("product_id", flat=True))


@receiver(post_save, sender=AdministrativeArea)
def area_saved(sender, instance, raw=False, created=False, **kwargs):
    """A renamed commune or district is searchable text of its vendors' products."""
    if not raw and not created:
        affected = StockRecord.objects.filter(
            Q(partner__vendor__commune=instance) | Q(partner__vendor__commune__parent=instance)
        )
        _queue(affected.values_list("product_id", flat=True))


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    """A story or article published or withdrawn: its document follows after commit."""
    page_id = instance.pk
    transaction.on_commit(lambda: page_documents_refresh.enqueue(page_ids=[page_id]))
