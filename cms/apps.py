from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Union pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Receivers import models: only once the app registry is ready.
        from cms import signals  # noqa: F401
