"""Contest entries in /cms/: photo, caption, author and status, approved or rejected in a click.

Kept apart from the viewset (``cms.wagtail_hooks``) so a rule about which
entries a member of staff sees lives in one place: ``entries_for`` asks the
viewset's ``get_queryset``, and the per-row and bulk decisions act only on
what it returns.
"""

from __future__ import annotations

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from oscar.core.thumbnails import get_thumbnailer
from wagtail.admin import messages
from wagtail.admin.panels import Panel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from cms.models import ContestEntry
from cms.services import contest_entry_decide

CHANGE_PERMISSION = "cms.change_contestentry"
THUMBNAIL_SIZE = "160x160"


def entries_for(request):
    """The entries this member of staff may decide on: the listing's own queryset."""
    queryset = ContestEntry.snippet_viewset.get_queryset(request)
    return queryset if queryset is not None else ContestEntry.objects.all()


def entry_thumbnail_url(entry: ContestEntry) -> str:
    if not entry.image:
        return ""
    thumbnail = get_thumbnailer().generate_thumbnail(
        entry.image, size=THUMBNAIL_SIZE, crop="center", upscale=False
    )
    return thumbnail.url


def author_name(entry: ContestEntry) -> str:
    user = entry.user
    return user.get_full_name() or user.email or user.get_username()


class PhotoColumn(Column):
    cell_template_name = "cms/admin/entry_photo_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["thumbnail_url"] = entry_thumbnail_url(instance)
        return context


class DecisionColumn(Column):
    """Approve and reject buttons on each row (``ContestEntryDecisionView``)."""

    cell_template_name = "cms/admin/entry_decision_cell.html"

    def get_value(self, instance):
        return instance.status

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["decide_url"] = reverse(
            ContestEntry.snippet_viewset.get_url_name("decide"), args=(quote(instance.pk),)
        )
        context["next_url"] = request.get_full_path() if request else ""
        # The table renders its cells without the page's context processors.
        context["csrf_token"] = get_token(request) if request else ""
        return context


class EntryTitleColumn(TitleColumn):
    """The caption, linked to the edit view, with the entrant and the contest under it."""

    cell_template_name = "cms/admin/entry_title_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["author"] = author_name(instance)
        return context


def entry_columns() -> list:
    """Four columns, narrow enough for a phone: photo, caption and entrant, status, buttons."""
    return [
        PhotoColumn("image", label=_("Photo")),
        EntryTitleColumn(
            "caption",
            label=_("Caption and entrant"),
            get_url=lambda entry: reverse(
                ContestEntry.snippet_viewset.get_url_name("edit"), args=(quote(entry.pk),)
            ),
        ),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DecisionColumn("decision", label=_("Decision")),
    ]


class EntryPhotoPanel(Panel):
    """The entrant's photo at the top of the edit view: staff judge what they approve."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/admin/entry_photo_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            entry = self.instance
            context["image_url"] = entry.image.url if entry and entry.image else ""
            context["caption"] = entry.caption if entry else ""
            context["author"] = author_name(entry) if entry and entry.user_id else ""
            return context


@require_POST
def contest_entry_decision_view(request, pk):
    """One row's approve or reject button; back to the listing, its filters kept."""
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise PermissionDenied
    entry = entries_for(request).filter(pk=pk).first()
    if entry is None:
        raise Http404
    decision = request.POST.get("decision")
    if decision not in ("approve", "reject"):
        messages.error(request, _("Choose approve or reject."))
    else:
        contest_entry_decide(entry=entry, approve=decision == "approve")
        if decision == "approve":
            messages.success(request, _("“%(caption)s” approved.") % {"caption": entry.caption})
        else:
            messages.success(request, _("“%(caption)s” rejected.") % {"caption": entry.caption})
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or ContestEntry.snippet_viewset.get_url_name("list"))


class EntryDecisionBulkAction(SnippetBulkAction):
    """Approve or reject the ticked entries at once, after a confirmation page."""

    approve = True
    template_name = "cms/admin/confirm_bulk_entry_decision.html"

    @classproperty
    def models(cls):
        return [ContestEntry]

    def check_perm(self, snippet):
        return self.request.user.has_perm(CHANGE_PERMISSION)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        allowed = set(
            entries_for(self.request)
            .filter(pk__in=[entry.pk for entry in objects])
            .values_list("pk", flat=True)
        )
        extra["items_with_no_access"] += [e for e in objects if e.pk not in allowed]
        return [e for e in objects if e.pk in allowed], extra

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "approve": self.approve}

    @classmethod
    def execute_action(cls, objects, **kwargs):
        for entry in objects:
            contest_entry_decide(entry=entry, approve=cls.approve)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if self.approve:
            return ngettext(
                "%(count)d entry approved.", "%(count)d entries approved.", num_parent_objects
            ) % {"count": num_parent_objects}
        return ngettext(
            "%(count)d entry rejected.", "%(count)d entries rejected.", num_parent_objects
        ) % {"count": num_parent_objects}


class ApproveEntriesBulkAction(EntryDecisionBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected entries")
    action_priority = 10


class RejectEntriesBulkAction(EntryDecisionBulkAction):
    approve = False
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected entries")
    action_priority = 20
