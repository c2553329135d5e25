"""Index updates as background tasks (django-tasks).

Signal handlers enqueue ids after the transaction commits; the configured
backend decides where the work runs: at once in the same process
(``immediate``, tests and ``make run``) or in the ``worker`` service
(``database``, docker-compose). Arguments are plain id lists so a task can be
stored as JSON; a rebuild is idempotent, so a task run twice does no harm.
"""

from __future__ import annotations

from django_tasks import task

from search.indexing import product_documents_rebuild
from search.pages import page_documents_rebuild


@task()
def product_documents_refresh(product_ids: list[int]) -> int:
    """Rewrite these products' documents (database and engine); return how many."""
    return product_documents_rebuild(product_ids=product_ids)


@task()
def page_documents_refresh(page_ids: list[int]) -> int:
    """Rewrite these stories' and articles' documents (database and engine)."""
    return page_documents_rebuild(page_ids=page_ids)
