"""Admin for Union staff: product and cooperative choosers, collections, contest entries."""

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.choosers import product_chooser_viewset, vendor_chooser_viewset
from cms.contest_admin import (
    ApproveEntriesBulkAction,
    EntryPhotoPanel,
    RejectEntriesBulkAction,
    contest_entry_decision_view,
    entry_columns,
)
from cms.models import ContestEntry, ProductCollection
from marketplace.permissions import area_scoped


@hooks.register("register_admin_viewset")
def register_choosers():
    return [product_chooser_viewset, vendor_chooser_viewset]


@hooks.register("insert_global_admin_css")
def admin_css():
    # safe: format_html escapes the static file's address; the tag around it is ours.
    return format_html('<link rel="stylesheet" href="{}">', static("cms/admin.css"))


class ProductCollectionViewSet(SnippetViewSet):
    model = ProductCollection
    icon = "list-ul"
    menu_label = _("Collections")
    add_to_admin_menu = True
    list_display = ["title", "starts_on", "ends_on", "curator"]
    search_fields = ["title"]


class ContestEntryViewSet(SnippetViewSet):
    """Staff approve or reject photo entries; entrants' photos are never edited here."""

    model = ContestEntry
    icon = "image"
    menu_label = _("Contest entries")
    add_to_admin_menu = True
    list_display = entry_columns()
    list_filter = ["status", "contest"]
    panels = [EntryPhotoPanel(), FieldPanel("status"), FieldPanel("caption")]
    inspect_view_enabled = True

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("decide/<str:pk>/", contest_entry_decision_view, name="decide")
        ]

    def get_queryset(self, request):
        # A district's Union sees the entries of its cooperatives' members.
        return area_scoped(
            ContestEntry.objects.all(),
            request.user,
            commune="user__vendor_memberships__vendor__commune",
        )


register_snippet(ProductCollectionViewSet)
register_snippet(ContestEntryViewSet)
hooks.register("register_bulk_action", ApproveEntriesBulkAction)
hooks.register("register_bulk_action", RejectEntriesBulkAction)
