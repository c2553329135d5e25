from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from core.cache import cache_state
from core.health import health_check_add, task_queue_state


def _site_address_after_migrate(sender, **kwargs) -> None:
    """Links in e-mails and QR codes name SITE_URL, never example.com (core/site_address.py)."""
    # Imports django.contrib.sites' model: only once the app registry is ready.
    from core.site_address import site_address_sync

    site_address_sync()


class CoreConfig(AppConfig):
    """What every other app stands on: page cache, thumbnails, uploads, sanitiser,
    rate limits, content policy, class loader, health and e-mail. Imports no app
    of this project."""

    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Connects the page cache's receivers; they import no model.
        from core import page_cache_signals  # noqa: F401

        health_check_add("cache", cache_state)
        health_check_add("tasks", task_queue_state)

        # After the sites app's own post_migrate (which makes example.com): core has
        # no models, and Django sends post_migrate only to apps that have some.
        post_migrate.connect(_site_address_after_migrate, sender=apps.get_app_config("sites"))
