from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StorefrontThemeConfig(AppConfig):
    name = "storefront_theme"
    verbose_name = _("Storefront theme")
