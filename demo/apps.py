from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo marketplace (`manage.py load_demo_data`): imports every app, imported by none."""

    name = "demo"
    verbose_name = _("Demo data")
