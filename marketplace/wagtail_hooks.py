"""Union staff edit the area tree from the Wagtail admin (/cms/)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from marketplace.models import AdministrativeArea


class AdministrativeAreaViewSet(SnippetViewSet):
    model = AdministrativeArea
    icon = "site"
    menu_label = _("Areas")
    add_to_admin_menu = True
    list_display = ["name", "level", "parent", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["name"]
    ordering = ["level", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("level"),
        FieldPanel("parent"),
        FieldPanel("is_active"),
    ]


register_snippet(AdministrativeAreaViewSet)
