"""Background work of the catalogue (django-tasks; see config/settings/tasks.py)."""

from __future__ import annotations

from django_tasks import task

from catalog.analytics import product_views_save


@task()
def product_views_record(
    products: list[list[int]], users: list[list[int]], user_products: list[list[int]]
) -> int:
    """Add a batch of product page views to Oscar's analytics; return how many were saved.

    Each list holds ``[id, views]`` pairs (``[user id, product id]`` for
    ``user_products``): plain JSON, so the database backend can store the task.
    """
    return product_views_save(
        products=[(pk, views) for pk, views in products],
        users=[(pk, views) for pk, views in users],
        user_products=[(user_id, product_id) for user_id, product_id in user_products],
    )
