from django.apps import AppConfig
from django.db.models import SlugField
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Union pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Wagtail's admin forms import models: only once the registry is ready.
        from wagtail.admin.forms.models import register_form_field_override

        from cms.widgets import VietnameseSlugInput

        # Every slug field of Wagtail's admin (pages, snippets) transliterates Vietnamese.
        register_form_field_override(SlugField, override={"widget": VietnameseSlugInput})
