"""What Union staff read: requests to join, and reports grouped by the item they name."""

from __future__ import annotations

from django.db.models import Count, Max, Min, Q, QuerySet

from marketplace.permissions import area_scoped
from union.models import AbuseReport, MembershipRequest, UnionEvent


def membership_requests_for(user, *, status: str = "") -> QuerySet:
    """The requests a member of staff may see: those of her area and the areas under it.

    Staff of the whole province (no area, or superusers) also see the women
    living outside the province, who name no commune.
    """
    queryset = area_scoped(
        MembershipRequest.objects.select_related("commune__parent"), user, commune="commune"
    )
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def report_queue() -> QuerySet:
    """One row per reported item with open reports: harm to a child first, then the oldest."""
    return (
        AbuseReport.objects.filter(status=AbuseReport.Status.OPEN)
        .values("kind", "object_id")
        .annotate(
            reports=Count("pk"),
            urgent=Count("pk", filter=Q(reason=AbuseReport.Reason.CHILD_HARM)),
            first_at=Min("created_at"),
            last_at=Max("created_at"),
            title=Max("item_title"),
        )
        .order_by("-urgent", "first_at", "kind", "object_id")
    )


def reports_about(kind: str, object_id: int) -> QuerySet:
    """Every report about one item, open ones and decided ones, urgent first."""
    return (
        AbuseReport.objects.filter(kind=kind, object_id=object_id)
        .select_related("reporter")
        .order_by("status", "-created_at")
    )


def events_about(kind: str, object_id: int) -> QuerySet:
    return UnionEvent.objects.filter(kind=kind, object_id=object_id).select_related("actor")
