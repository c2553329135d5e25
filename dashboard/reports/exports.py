"""A report as a workbook (one sheet per section) or one of its tables as CSV.

Numbers stay numbers: a spreadsheet adds them up without retyping.
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.text import vn_slugify
from dashboard.reports.figures import Report, Table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def filename(report: Report, *, table: str = "", ext: str) -> str:
    """bao-cao-ninh-binh-2026.xlsx, bao-cao-hoa-lu-2026-q3-trade.csv"""
    parts = ["bao-cao", vn_slugify(report.area.name), report.period.slug]
    if table:
        parts.append(table)
    return "-".join(parts) + f".{ext}"


def _header(table: Table) -> list[str]:
    return ["", *(column.label for column in table.columns)]


def _cells(table: Table):
    for row in table.rows:
        yield [row.label, *(row.values.get(column.key) for column in table.columns)]


def table_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([table.title])
    writer.writerow(_header(table))
    for cells in _cells(table):
        writer.writerow(["" if cell is None else cell for cell in cells])
    # A BOM so that Excel opens Vietnamese text as UTF-8.
    return "\ufeff" + out.getvalue()


def report_xlsx(report: Report, *, title: str) -> bytes:
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for section in report.sections:
        sheet = book.create_sheet(section.title[:31])
        sheet.append([title])
        sheet["A1"].font = bold
        sheet.append([f"{report.area.name} · {report.period.label}"])
        for table in section.tables:
            sheet.append([])
            sheet.append([table.title])
            sheet.cell(sheet.max_row, 1).font = bold
            sheet.append(_header(table))
            for cell in sheet[sheet.max_row]:
                cell.font = bold
            for cells in _cells(table):
                sheet.append(cells)
                for column, cell in zip(table.columns, sheet[sheet.max_row][1:], strict=False):
                    if column.money:
                        cell.number_format = "#,##0"
            if table.note:
                sheet.append([table.note])
        sheet.column_dimensions["A"].width = 32
        for index in range(2, 12):
            sheet.column_dimensions[get_column_letter(index)].width = 18
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
