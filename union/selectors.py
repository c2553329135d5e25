"""What Union staff read: requests to join, and reports grouped by the item they name."""

from __future__ import annotations

from django.db.models import Count, Max, Min, Q, QuerySet

from union.models import AbuseReport, MembershipRequest, UnionEvent


def membership_requests_for(user, *, status: str = "") -> QuerySet:
    """The requests a member of staff may see.

    Every Union staff member sees every request until staff are scoped to
    their area (issue #19); ``commune`` is the area a scope filters on.
    """
    queryset = MembershipRequest.objects.select_related("commune__parent")
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


def new_members_by_district(*, since=None, until=None) -> list[dict]:
    """Accepted requests to join per district (by the day staff accepted them), for the reports.

    Rows ``{"district": name or "", "members": n}``, most first; women living
    outside the province count under "" (no district).
    """
    queryset = MembershipRequest.objects.filter(status=MembershipRequest.Status.ACCEPTED)
    if since is not None:
        queryset = queryset.filter(decided_at__gte=since)
    if until is not None:
        queryset = queryset.filter(decided_at__lt=until)
    rows = queryset.values("commune__parent__name").annotate(members=Count("pk"))
    found = [
        {"district": row["commune__parent__name"] or "", "members": row["members"]} for row in rows
    ]
    return sorted(found, key=lambda row: (-row["members"], row["district"]))
