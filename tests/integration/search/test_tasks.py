"""Index updates run as django-tasks: at once in tests, or later in the worker."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from search.database import product_search
from search.models import ProductSearchDocument
from tests.factories import product_create

pytestmark = pytest.mark.django_db


def titles(query):
    return [p.title for p in product_search(query=query).products]


def test_the_immediate_backend_keeps_saves_synchronous(
    settings, django_capture_on_commit_callbacks
):
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
    product = product_create("Chiếu cói Kim Sơn")
    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Thảm cói in hoa"
        product.save()
    assert titles("tham coi") == ["Thảm cói in hoa"]
    assert not DBTaskResult.objects.filter(task_path__startswith="search.").exists()


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


# The worker closes its database connection when it finishes, as a separate
# process would: the test runs outside a wrapping transaction.
@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_the_worker_updates_the_index(
    database_tasks, django_capture_on_commit_callbacks
):
    product = product_create("Chiếu cói Kim Sơn")
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    DBTaskResult.objects.all().delete()  # the creation's own tasks, already run
    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Thảm cói in hoa"
        product.save()
    # Nothing happened in the request: one task waits with the product's id.
    (waiting,) = DBTaskResult.objects.filter(task_path="search.tasks.product_documents_refresh")
    assert waiting.args_kwargs["kwargs"] == {"product_ids": [product.pk]}
    assert ProductSearchDocument.objects.get(product=product).title == " chieu coi kim son "
    assert titles("tham coi") == []

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    waiting.refresh_from_db()
    assert waiting.status == "SUCCESSFUL"
    assert titles("tham coi") == ["Thảm cói in hoa"]


def test_raw_fixture_saves_enqueue_nothing(database_tasks, django_capture_on_commit_callbacks):
    from django.db.models.signals import post_save
    from oscar.core.loading import get_model

    product = product_create("Chiếu cói Kim Sơn")
    DBTaskResult.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        post_save.send(get_model("catalogue", "Product"), instance=product, raw=True, created=False)
    assert not DBTaskResult.objects.filter(task_path__startswith="search.").exists()
