"""Reporting abuse, and staff's pages for requests to join and reports.

Included by config/urls.py in the ``marketplace`` namespace. The form to
join the Union is a Wagtail page (``union.models.JoinPage``).
"""

from django.urls import path

from union import views

urlpatterns = [
    path("report/", views.abuse_report_view, name="report"),
    path(
        "dashboard/union/members/",
        views.MembershipRequestListView.as_view(),
        name="dashboard-membership-list",
    ),
    path(
        "dashboard/union/members/export.csv",
        views.MembershipRequestExportView.as_view(),
        name="dashboard-membership-export",
    ),
    path(
        "dashboard/union/members/<int:pk>/",
        views.MembershipRequestDetailView.as_view(),
        name="dashboard-membership-detail",
    ),
    path(
        "dashboard/union/reports/",
        views.AbuseReportQueueView.as_view(),
        name="dashboard-report-queue",
    ),
    path(
        "dashboard/union/reports/<str:kind>/<int:object_id>/",
        views.AbuseReportItemView.as_view(),
        name="dashboard-report-item",
    ),
]
