"""Background work of the catalogue (django-tasks; see config/settings/tasks.py)."""

from __future__ import annotations

from django_tasks import task

from catalog.analytics import analytics_counts_save


@task()
def analytics_counts_record(
    products: list[list], users: list[list], user_products: list[list[int]]
) -> int:
    """Add a batch of shop analytics counts to Oscar's tables; return how many product counts.

    ``products`` and ``users`` hold ``[id, counter field, amount]``,
    ``user_products`` ``[user id, product id]`` per view: plain JSON, so the
    database backend can store the task (catalog/analytics.py).
    """
    return analytics_counts_save(
        products=[(pk, field, amount) for pk, field, amount in products],
        users=[(pk, field, amount) for pk, field, amount in users],
        user_products=[(user_id, product_id) for user_id, product_id in user_products],
    )
