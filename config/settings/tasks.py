"""Background tasks: django-tasks (the backport of Django 6's ``django.tasks``).

``TASKS_BACKEND=immediate`` (the default: ``make run`` and the tests) runs a
task at once in the process that enqueued it, so behaviour stays synchronous.
``TASKS_BACKEND=database`` stores tasks in the database (django-tasks-db) for
the ``worker`` service of docker-compose, which runs ``manage.py db_worker``.
Search indexing after a save is such a task (search/tasks.py); Wagtail 8
enqueues its own tasks here too. https://docs.djangoproject.com/en/stable/topics/tasks/
"""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_str

TASK_APPS = ["django_tasks", "django_tasks_db"]

TASKS_BACKEND = env_str("TASKS_BACKEND", default="immediate")
_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in _BACKENDS:
    raise ImproperlyConfigured(
        f"Environment variable TASKS_BACKEND is malformed: expected immediate or database, "
        f"got {TASKS_BACKEND!r}."
    )
TASKS = {"default": {"BACKEND": _BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
