"""/dashboard/reports/: the Union's figures for an area and a period, and their exports.

``IndexView`` answers Oscar's ``dashboard:reports-index`` (this fork's app
config, dashboard/reports/apps.py), behind the ``marketplace.view_reports``
permission that ``sync_roles`` gives Union staff and leaders. Each one sees
the area she answers for (``marketplace.permissions.staff_area``; staff
attached to no area, and superusers, the province) and the areas under it.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views import View

from dashboard.reports import exports
from dashboard.reports.figures import Chart, Report, Tree, report_build
from dashboard.reports.forms import AreaReportForm
from marketplace.permissions import staff_area

QUERY_KEYS = ("period", "year", "quarter", "month", "start", "end")

# The chart's drawing, in SVG user units; the picture scales to the page's width.
CHART_WIDTH = 400
CHART_ROW = 46
CHART_BAR = 16


def chart_geometry(chart: Chart) -> dict:
    """Where each bar of a horizontal bar chart goes: a label above, the bar, its value."""
    top = max((bar.value for bar in chart.bars), default=0) or 1
    usable = CHART_WIDTH - 110
    bars = []
    for index, bar in enumerate(chart.bars):
        y = index * CHART_ROW
        width = round(usable * bar.value / top) if bar.value > 0 else 0
        bars.append(
            {
                "label": bar.label,
                "label_y": y + 16,
                "bar_y": y + 22,
                "width": max(width, 2) if bar.value else 0,
                "value_x": max(width, 2) + 6,
                "value_y": y + 22 + CHART_BAR - 3,
                "value": number_format(bar.value, force_grouping=True),
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": max(len(bars), 1) * CHART_ROW + 4,
        "bar_height": CHART_BAR,
        "bars": bars,
    }


class ReportMixin:
    """Reads the area and the period; a refusal is the page with its message, never a 500."""

    def report_or_refusal(self, request):
        tree = Tree.load()
        own = staff_area(request.user)
        top = tree.areas.get(own.pk) if own else None
        if top is None:
            top = next((a for a in tree.areas.values() if a.parent_id is None), None)
        if top is None:
            return None, self.refuse(request, None, _("No area has been set up yet."), 404)
        today = timezone.localdate()
        data = {
            "area": str(top.pk),
            "period": "year",
            "year": str(today.year),
            "quarter": str((today.month - 1) // 3 + 1),
            "month": str(today.month),
        }
        data.update({key: value for key, value in request.GET.items() if value})
        form = AreaReportForm(data, tree=tree, top=top)
        if not form.is_valid():
            status = 403 if form.out_of_scope else 400
            return None, self.refuse(request, form, "", status)
        area, period = form.cleaned_data["area"], form.cleaned_data["period_obj"]
        return (form, report_build(area=area, period=period, tree=tree)), None

    def refuse(self, request, form, message: str, status: int):
        return TemplateResponse(
            request,
            "dashboard/reports/index.html",
            {"form": form, "refusal": message, "report": None},
            status=status,
        )


def _query(report: Report, form: AreaReportForm, **extra) -> str:
    data = {key: form.data.get(key) for key in QUERY_KEYS if form.data.get(key)}
    data["area"] = report.area.pk
    data.update(extra)
    return urlencode(data)


class IndexView(ReportMixin, View):
    def get(self, request):
        built, refusal = self.report_or_refusal(request)
        if refusal is not None:
            return refusal
        form, report = built
        base = reverse("dashboard:reports-index")
        query = _query(report, form)
        for section in report.sections:
            section.geometry = chart_geometry(section.chart)
            for table in section.tables:
                table.csv_url = (
                    reverse("dashboard:reports-csv", kwargs={"table": table.key}) + "?" + query
                )
                for row in table.rows:
                    row.url = f"{base}?{_query(report, form, area=row.area.pk)}" if row.area else ""
                    row.cells = [
                        (_display(row.values.get(column.key)), column.text)
                        for column in table.columns
                    ]
        # Her own area and those between it and this one; never above her area.
        crumbs, node, top = [], report.area, form.top
        while node.pk != top.pk and node.parent is not None:
            node = node.parent
            url = f"{base}?{_query(report, form, area=node.pk)}"
            crumbs.insert(0, {"name": node.name, "url": url})
        return TemplateResponse(
            request,
            "dashboard/reports/index.html",
            {
                "form": form,
                "report": report,
                "crumbs": crumbs,
                "xlsx_url": reverse("dashboard:reports-xlsx") + "?" + query,
            },
        )


def _display(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    return str(value)


class ReportXlsxView(ReportMixin, View):
    def get(self, request):
        built, refusal = self.report_or_refusal(request)
        if refusal is not None:
            return refusal
        _form, report = built
        title = _("Report of %(area)s, %(period)s") % {
            "area": report.area.name,
            "period": report.period.label,
        }
        response = HttpResponse(exports.report_xlsx(report, title=title), content_type=exports.XLSX)
        response["Content-Disposition"] = (
            f'attachment; filename="{exports.filename(report, ext="xlsx")}"'
        )
        return response


class ReportCsvView(ReportMixin, View):
    def get(self, request, table: str):
        built, refusal = self.report_or_refusal(request)
        if refusal is not None:
            return refusal
        _form, report = built
        found = report.table(table)
        if found is None:
            raise Http404(_("This report has no such table."))
        response = HttpResponse(exports.table_csv(found), content_type="text/csv; charset=utf-8")
        name = exports.filename(report, table=table, ext="csv")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
