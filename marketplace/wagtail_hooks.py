"""Union staff edit the area tree from the Wagtail admin (/cms/), and choose areas in it."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.text import folded_filter
from marketplace.models import AdministrativeArea


class AreaSearchForm(BaseFilterForm):
    """The area chooser's search: "kim son" finds "Kim Sơn", whatever marks are typed."""

    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = folded_filter(objects, query, "name")
            self.is_searching = True
            self.search_query = query
        return objects


class AreaChooserViewSet(SnippetChooserViewSet):
    """Story pages, vendors and the tree's own "part of" choose an area here (a search box)."""

    per_page = 30

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(filter_form_class=AreaSearchForm, **kwargs)

    def get_object_list(self):
        return AdministrativeArea.objects.filter(is_active=True).select_related("parent")


class AdministrativeAreaViewSet(SnippetViewSet):
    model = AdministrativeArea
    icon = "site"
    menu_label = _("Areas")
    add_to_admin_menu = True
    list_display = ["name", "level", "parent", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["name"]
    ordering = ["level", "name"]
    chooser_viewset_class = AreaChooserViewSet
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("level"),
        FieldPanel("parent"),
        FieldPanel("is_active"),
    ]


register_snippet(AdministrativeAreaViewSet)
