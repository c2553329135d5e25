from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnionConfig(AppConfig):
    """The Union's own work with women online: joining the Union, reports of abuse."""

    name = "union"
    verbose_name = _("The Union's members and reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Receivers import models: only once the registry is ready.
        from union import signals  # noqa: F401
