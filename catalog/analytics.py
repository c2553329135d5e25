"""Shop analytics counted in batches, outside the page's transaction.

Oscar's analytics receivers add to a counter row (``ProductRecord`` for a
product's views, basket additions and purchases; ``UserRecord`` for a
signed-in shopper's) inside the page's transaction, and make the row on the
first count. On SQLite only one transaction writes at a time, so 20 shoppers
opening one product page at once gave 17 "database is locked" errors; on
PostgreSQL every shopper of a product queued on its row, and two first basket
additions of a product at once both tried to make the row: the loser's
transaction was broken by the caught duplicate-key error, a server error.

Here a count is only remembered in this process (counters under a lock);
once ``FLUSH_SECONDS`` have passed since the oldest waiting count, or
``FLUSH_COUNTS`` counts are waiting, the page that notices hands the batch to
the ``analytics_counts_record`` task once its own transaction has committed.
The task adds the batch to Oscar's same tables in one short transaction (a
row made meanwhile by another batch is added to, not duplicated), so the
dashboard's reports show the same figures, up to ``FLUSH_SECONDS`` late. A
page whose transaction fails leaves the batch to the next page, and a
process that stops hands over what it still holds.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections import Counter
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django_tasks import task
from oscar.core.loading import get_model

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 10
FLUSH_COUNTS = 500


class _CountBuffer:
    """The counts this process has seen and not yet handed to the task."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._empty()

    def _empty(self) -> None:
        self.products: Counter[tuple[int, str]] = Counter()
        self.users: Counter[tuple[int, str]] = Counter()
        self.user_products: list[tuple[int, int]] = []
        self.size = 0
        self.since = 0.0

    def add(
        self,
        products: list[tuple[int, str, int]],
        users: list[tuple[int, str, int]] = (),
        user_product: tuple[int, int] | None = None,
    ) -> bool:
        """Remember these counts; return whether the batch is due."""
        with self._lock:
            if not self.size:
                self.since = time.monotonic()
            self.size += 1
            for product_id, field, amount in products:
                self.products[product_id, field] += amount
            for user_id, field, amount in users:
                self.users[user_id, field] += amount
            if user_product is not None:
                self.user_products.append(user_product)
            return self.size >= FLUSH_COUNTS or time.monotonic() - self.since >= FLUSH_SECONDS

    def take(self) -> dict | None:
        """The batch as the task's JSON arguments, and an empty buffer; None when empty."""
        with self._lock:
            if not self.size:
                return None
            batch = {
                "products": [[pk, field, n] for (pk, field), n in sorted(self.products.items())],
                "users": [[pk, field, n] for (pk, field), n in sorted(self.users.items())],
                "user_products": [list(pair) for pair in self.user_products],
            }
            self._empty()
            return batch


_buffer = _CountBuffer()


def _remember(*args, **kwargs) -> None:
    if _buffer.add(*args, **kwargs):
        transaction.on_commit(analytics_counts_flush)


def product_view_remember(*, product_id: int, user_id: int | None) -> None:
    """Count a view of this product (by this signed-in user, if any) in the next batch."""
    if user_id is None:
        _remember([(product_id, "num_views", 1)])
    else:
        _remember(
            [(product_id, "num_views", 1)],
            [(user_id, "num_product_views", 1)],
            (user_id, product_id),
        )


def basket_addition_remember(*, product_id: int, user_id: int | None) -> None:
    """Count this product put in a basket (by this signed-in user, if any) in the next batch."""
    users = [] if user_id is None else [(user_id, "num_basket_additions", 1)]
    _remember([(product_id, "num_basket_additions", 1)], users)


def purchases_remember(*, lines: list[tuple[int, int]]) -> None:
    """Count the purchased quantities of these ``(product id, quantity)`` in the next batch."""
    _remember([(product_id, "num_purchases", quantity) for product_id, quantity in lines])


def analytics_counts_flush() -> None:
    """Hand the waiting counts to the ``analytics_counts_record`` task (``immediate``: run now)."""
    batch = _buffer.take()
    if batch is not None:
        analytics_counts_record.enqueue(**batch)


def analytics_counts_discard() -> None:
    """Forget the waiting counts (tests start from none)."""
    _buffer.take()


def _flush_at_exit() -> None:
    try:
        analytics_counts_flush()
    except Exception:  # the database may be gone already; nothing else to do at exit
        logger.exception("Shop analytics not recorded at exit.")


atexit.register(_flush_at_exit)


def counters_add(model, key: dict, amounts: dict, **values) -> None:
    """Add ``amounts`` to the counters of ``key``'s row (and set ``values``), made if missing.

    Oscar's ``_update_counter`` makes a missing row in the caller's
    transaction and catches the duplicate-key error of a row made meanwhile,
    which breaks a PostgreSQL transaction; here the attempt has a savepoint.
    """
    rows = model.objects.filter(**key)
    changes = {field: F(field) + amount for field, amount in amounts.items()} | values
    if rows.update(**changes):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, **amounts, **values)
    except IntegrityError:  # another batch or order made the row first
        rows.update(**changes)


def _grouped(counts: Iterable[tuple[int, str, int]]) -> dict[int, Counter[str]]:
    grouped: dict[int, Counter[str]] = {}
    for pk, field, amount in counts:
        grouped.setdefault(pk, Counter())[field] += amount
    return grouped


PRODUCT_FIELDS = frozenset({"num_views", "num_basket_additions", "num_purchases"})
USER_FIELDS = frozenset({"num_product_views", "num_basket_additions"})


def analytics_counts_save(
    *,
    products: list[tuple[int, str, int]],
    users: list[tuple[int, str, int]],
    user_products: list[tuple[int, int]],
) -> int:
    """Add a batch of counts to Oscar's analytics tables; return how many product counts were saved.

    Products and users deleted since their counts were seen are left out.
    """
    Product = get_model("catalogue", "Product")
    ProductRecord = get_model("analytics", "ProductRecord")
    UserRecord = get_model("analytics", "UserRecord")
    UserProductView = get_model("analytics", "UserProductView")
    by_product = _grouped(c for c in products if c[1] in PRODUCT_FIELDS)
    by_user = _grouped(c for c in users if c[1] in USER_FIELDS)

    with transaction.atomic():
        product_ids = set(
            Product.objects.filter(
                pk__in=set(by_product) | {pk for _, pk in user_products}
            ).values_list("pk", flat=True)
        )
        user_ids = set(
            get_user_model()
            .objects.filter(pk__in=set(by_user) | {pk for pk, _ in user_products})
            .values_list("pk", flat=True)
        )
        saved = 0
        for product_id, amounts in sorted(by_product.items()):
            if product_id in product_ids:
                counters_add(ProductRecord, {"product_id": product_id}, dict(amounts))
                saved += sum(amounts.values())
        for user_id, amounts in sorted(by_user.items()):
            if user_id in user_ids:
                counters_add(UserRecord, {"user_id": user_id}, dict(amounts))
        UserProductView.objects.bulk_create(
            UserProductView(user_id=user_id, product_id=product_id)
            for user_id, product_id in user_products
            if user_id in user_ids and product_id in product_ids
        )
    return saved


# The background half (django-tasks; see config/settings/tasks.py).
@task()
def analytics_counts_record(
    products: list[list], users: list[list], user_products: list[list[int]]
) -> int:
    """Add a batch of shop analytics counts to Oscar's tables; return how many product counts.

    ``products`` and ``users`` hold ``[id, counter field, amount]``,
    ``user_products`` ``[user id, product id]`` per view: plain JSON, so the
    database backend can store the task.
    """
    return analytics_counts_save(
        products=[(pk, field, amount) for pk, field, amount in products],
        users=[(pk, field, amount) for pk, field, amount in users],
        user_products=[(user_id, product_id) for user_id, product_id in user_products],
    )
