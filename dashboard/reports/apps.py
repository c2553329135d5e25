"""Oscar's reports dashboard, forked: the Union's figures by area in place of Oscar's reports.

Oscar's ``ready()`` loads ``IndexView`` with ``get_class``, which finds this
fork's ``dashboard/reports/views.py`` first. Its exports sit beside it. All
three ask for ``marketplace.view_reports`` (``sync_roles`` gives it to Union
staff and leaders); cooperative members are kept out by the dashboard's gate.
"""

from django.urls import path
from oscar.apps.dashboard.reports import apps
from oscar.core.loading import get_class


class ReportsDashboardConfig(apps.ReportsDashboardConfig):
    name = "dashboard.reports"

    def configure_permissions(self):
        reports = ["marketplace.view_reports"]
        self.permissions_map = {
            "reports-index": reports,
            "reports-xlsx": reports,
            "reports-csv": reports,
        }

    def ready(self):
        super().ready()
        self.xlsx_view = get_class("dashboard.reports.views", "ReportXlsxView")
        self.csv_view = get_class("dashboard.reports.views", "ReportCsvView")

    def get_urls(self):
        urls = [
            path("", self.index_view.as_view(), name="reports-index"),
            path("report.xlsx", self.xlsx_view.as_view(), name="reports-xlsx"),
            path("<slug:table>.csv", self.csv_view.as_view(), name="reports-csv"),
        ]
        return self.post_process_urls(urls)
