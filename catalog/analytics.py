"""Product views counted in batches, outside the page's transaction.

Oscar's analytics receiver writes a row (``ProductRecord.num_views``, and for
a signed-in shopper ``UserRecord.num_product_views`` and a
``UserProductView``) inside every product page's transaction. On SQLite only
one transaction writes at a time, so 20 shoppers opening one product page at
once gave 17 "database is locked" errors; on PostgreSQL every view still
queues on the product's counter row.

Here a view is only remembered in this process (a counter under a lock); once
``FLUSH_SECONDS`` have passed since the oldest remembered view, or
``FLUSH_VIEWS`` views are waiting, the page that notices hands the batch to
the ``product_views_record`` task once its own transaction has committed.
The task adds the batch to Oscar's same tables in one short transaction, so
the dashboard's reports show the same figures, up to ``FLUSH_SECONDS`` late.
A page whose transaction fails leaves the batch to the next page, and a
process that stops hands over what it still holds.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections import Counter

from django.db import IntegrityError, transaction
from django.db.models import F
from oscar.core.loading import get_model

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 10
FLUSH_VIEWS = 500


class _ViewBuffer:
    """The views this process has seen and not yet handed to the task."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._empty()

    def _empty(self) -> None:
        self.products: Counter[int] = Counter()
        self.users: Counter[int] = Counter()
        self.user_products: list[tuple[int, int]] = []
        self.size = 0
        self.since = 0.0

    def add(self, product_id: int, user_id: int | None) -> bool:
        """Remember one view; return whether the batch is due."""
        with self._lock:
            if not self.size:
                self.since = time.monotonic()
            self.size += 1
            self.products[product_id] += 1
            if user_id is not None:
                self.users[user_id] += 1
                self.user_products.append((user_id, product_id))
            return self.size >= FLUSH_VIEWS or time.monotonic() - self.since >= FLUSH_SECONDS

    def take(self) -> dict | None:
        """The batch as the task's JSON arguments, and an empty buffer; None when empty."""
        with self._lock:
            if not self.size:
                return None
            batch = {
                "products": sorted(self.products.items()),
                "users": sorted(self.users.items()),
                "user_products": self.user_products,
            }
            self._empty()
            return batch


_buffer = _ViewBuffer()


def product_view_remember(*, product_id: int, user_id: int | None) -> None:
    """Count a view of this product (by this signed-in user, if any) in the next batch."""
    if _buffer.add(product_id, user_id):
        transaction.on_commit(product_views_flush)


def product_views_flush() -> None:
    """Hand the waiting views to the ``product_views_record`` task (run it, with ``immediate``)."""
    from catalog.tasks import product_views_record

    batch = _buffer.take()
    if batch is not None:
        product_views_record.enqueue(**batch)


def product_views_discard() -> None:
    """Forget the waiting views (tests start from none)."""
    _buffer.take()


def _flush_at_exit() -> None:
    try:
        product_views_flush()
    except Exception:  # the database may be gone already; nothing else to do at exit
        logger.exception("Product views not recorded at exit.")


atexit.register(_flush_at_exit)


def _counter_add(model, field: str, key: dict, amount: int) -> None:
    """``field += amount`` on the row of ``key``, made if missing (Oscar's ``_update_counter``)."""
    rows = model.objects.filter(**key)
    if rows.update(**{field: F(field) + amount}):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, **{field: amount})
    except IntegrityError:  # another batch made the row first
        rows.update(**{field: F(field) + amount})


def product_views_save(
    *,
    products: list[tuple[int, int]],
    users: list[tuple[int, int]],
    user_products: list[tuple[int, int]],
) -> int:
    """Add a batch of views to Oscar's analytics tables; return how many views were saved.

    Products and users deleted since their views were seen are left out.
    """
    Product = get_model("catalogue", "Product")
    ProductRecord = get_model("analytics", "ProductRecord")
    UserRecord = get_model("analytics", "UserRecord")
    UserProductView = get_model("analytics", "UserProductView")
    from django.contrib.auth import get_user_model

    with transaction.atomic():
        product_ids = set(
            Product.objects.filter(pk__in=[pk for pk, _ in products]).values_list("pk", flat=True)
        )
        user_ids = set(
            get_user_model()
            .objects.filter(pk__in=[pk for pk, _ in users])
            .values_list("pk", flat=True)
        )
        saved = 0
        for product_id, views in products:
            if product_id in product_ids:
                _counter_add(ProductRecord, "num_views", {"product_id": product_id}, views)
                saved += views
        for user_id, views in users:
            if user_id in user_ids:
                _counter_add(UserRecord, "num_product_views", {"user_id": user_id}, views)
        UserProductView.objects.bulk_create(
            UserProductView(user_id=user_id, product_id=product_id)
            for user_id, product_id in user_products
            if user_id in user_ids and product_id in product_ids
        )
    return saved
