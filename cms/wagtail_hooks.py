"""Admin for Union staff: product and cooperative choosers, collections, contest entries."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.choosers import product_chooser_viewset, vendor_chooser_viewset
from cms.models import ContestEntry, ProductCollection
from marketplace.permissions import area_scoped


@hooks.register("register_admin_viewset")
def register_choosers():
    return [product_chooser_viewset, vendor_chooser_viewset]


class ProductCollectionViewSet(SnippetViewSet):
    model = ProductCollection
    icon = "list-ul"
    menu_label = _("Collections")
    add_to_admin_menu = True
    list_display = ["title", "starts_on", "ends_on", "curator"]
    search_fields = ["title"]


class PhotoColumn(Column):
    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # safe: format_html escapes the file's URL; the markup around it is ours.
        context["value"] = format_html(
            '<img src="{}" alt="" style="max-height:80px">', instance.image.url
        )
        return context


class ContestEntryViewSet(SnippetViewSet):
    """Staff approve or reject photo entries; entrants' photos are never edited here."""

    model = ContestEntry
    icon = "image"
    menu_label = _("Contest entries")
    add_to_admin_menu = True
    list_display = [PhotoColumn("image", label=_("photo")), "caption", "contest", "user", "status"]
    list_filter = ["status", "contest"]
    panels = [FieldPanel("status"), FieldPanel("caption")]
    inspect_view_enabled = True

    def get_queryset(self, request):
        # A district's Union sees the entries of its cooperatives' members.
        return area_scoped(
            ContestEntry.objects.all(),
            request.user,
            commune="user__vendor_memberships__vendor__commune",
        )


register_snippet(ProductCollectionViewSet)
register_snippet(ContestEntryViewSet)
