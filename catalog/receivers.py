"""A product page view is remembered for the next batch, never written in the page's transaction.

Oscar's analytics app connects ``receive_product_view``, which writes its rows
inside the page's transaction; ``product_view_counted`` takes its place
(catalog/analytics.py says why). Oscar's other analytics receivers (basket
additions, orders) write during requests that write anyway, and stay.
"""

from __future__ import annotations

from oscar.apps.analytics import receivers as oscar_analytics
from oscar.apps.catalogue.signals import product_viewed

from catalog.analytics import product_view_remember


def product_view_counted(sender, product, user, **kwargs):
    if kwargs.get("raw", False):
        return
    product_view_remember(
        product_id=product.pk,
        user_id=user.pk if user is not None and user.is_authenticated else None,
    )


def views_counted_in_batches() -> None:
    product_viewed.disconnect(oscar_analytics.receive_product_view)
    product_viewed.connect(product_view_counted, dispatch_uid="catalog.product_view_counted")
