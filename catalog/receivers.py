"""Shop analytics counted in batches, never written in the page's transaction.

Oscar's analytics app connects receivers that write counter rows inside the
page's transaction (catalog/analytics.py says why that fails); the ones here
take their place for product views, basket additions and purchases. A
signed-in shopper's order totals are still written with the order, with a
savepoint around making her row. Oscar's search receiver stays: our search
app does not send its signal.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from oscar.apps.analytics import receivers as oscar_analytics
from oscar.apps.basket.signals import basket_addition
from oscar.apps.catalogue.signals import product_viewed
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

from catalog.analytics import (
    basket_addition_remember,
    counters_add,
    product_view_remember,
    purchases_remember,
)
from catalog.picture_tasks import product_pictures_prepare


def _user_id(user) -> int | None:
    return user.pk if user is not None and user.is_authenticated else None


def product_view_counted(sender, product, user, **kwargs):
    if not kwargs.get("raw", False):
        product_view_remember(product_id=product.pk, user_id=_user_id(user))


def basket_addition_counted(sender, product, user, **kwargs):
    if not kwargs.get("raw", False):
        basket_addition_remember(product_id=product.pk, user_id=_user_id(user))


def order_counted(sender, order, user, **kwargs):
    if kwargs.get("raw", False):
        return
    purchases_remember(
        lines=[(line.product_id, line.quantity) for line in order.lines.all() if line.product_id]
    )
    if _user_id(user) is not None:
        counters_add(
            get_model("analytics", "UserRecord"),
            {"user_id": user.pk},
            {
                "num_orders": 1,
                "num_order_lines": order.num_lines,
                "num_order_items": order.num_items,
                "total_spent": order.total_incl_tax,
            },
            date_last_order=order.date_placed,
        )


def counted_in_batches() -> None:
    """Put these receivers in the place of Oscar's (called from the app's ``ready``)."""
    for signal, oscar_receiver, ours in (
        (product_viewed, oscar_analytics.receive_product_view, product_view_counted),
        (basket_addition, oscar_analytics.receive_basket_addition, basket_addition_counted),
        (order_placed, oscar_analytics.receive_order_placed, order_counted),
    ):
        signal.disconnect(oscar_receiver)
        signal.connect(ours, dispatch_uid=f"catalog.{ours.__name__}")


@receiver(post_save, sender="catalogue.ProductImage")
def product_picture_saved(sender, instance, raw=False, **kwargs):
    """A new or replaced picture gets its thumbnails in the background, not on first view."""
    if not raw and instance.original:
        image_id = instance.pk
        transaction.on_commit(lambda: product_pictures_prepare.enqueue(image_ids=[image_id]))
