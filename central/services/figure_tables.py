# SPDX-License-Identifier: GPL-3.0-or-later
"""The figures as tables (issue 15 §2): the same tables the console page shows, written as
CSV (UTF-8 with a BOM, so Chinese Excel and WPS open it right) or as one .xlsx workbook with a
sheet per table. The console's export links and `python -m central figures` both call these.
Counts and rates only: nothing here names a visitor."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from central.services.figures import FIGURE_NAMES, RATES, Figures, Report

# Column headings, in Chinese as a station's forms say them.
FIGURE_LABELS = {
    "received": "收到意见（件）",
    "kiosk": "一体机",
    "phone": "手机扫码",
    "callback": "回电请求",
    "accepted": "受理",
    "solved": "办结",
    "replied": "已答复",
    "on_time_rate": "按时答复率",
    "average_reply_days": "平均答复用时（工作日）",
    "rated": "已评价",
    "satisfied": "满意",
    "basically_satisfied": "基本满意",
    "dissatisfied": "不满意",
    "satisfaction_rate": "满意率",
    "reception_days": "接待日（天）",
    "deputies_present": "到岗代表（人）",
    "hours": "值班时长（小时）",
    "receptions": "接待登记（次）",
    "visitors": "接待群众（人次）",
    "appointments": "约见（件）",
    "appointments_done": "约见已办",
}
ROW_KINDS = {"region": "区域", "station": "联络站", "deputy": "代表"}
TABLE_NAMES = ("total", "rows", "categories", "trend")
TABLE_TITLES = {
    "total": "总计",
    "rows": "分项",
    "categories": "按类别",
    "trend": "月度趋势",
}


@dataclass(frozen=True)
class Table:
    name: str  # total | rows | categories | trend
    title: str
    headers: list[str]
    rows: list[list[object]]


def cell(name: str, value: object) -> object:
    """A figure as a table shows it: rates as "87.5%", missing as "—"."""
    if value is None:
        return "—"
    if name in RATES and isinstance(value, float):
        return f"{value * 100:.1f}%"
    return value


def _figure_cells(figures: Figures) -> list[object]:
    return [cell(name, getattr(figures, name)) for name in FIGURE_NAMES]


def tables(report: Report) -> list[Table]:
    figure_headers = [FIGURE_LABELS[name] for name in FIGURE_NAMES]
    rows_kind = report.rows[0].kind if report.rows else "station"
    return [
        Table(
            "total",
            TABLE_TITLES["total"],
            ["范围", "期间", *figure_headers],
            [[report.name, report.period.label, *_figure_cells(report.total)]],
        ),
        Table(
            "rows",
            TABLE_TITLES["rows"],
            ["类型", ROW_KINDS.get(rows_kind, "名称"), *figure_headers],
            [[ROW_KINDS[row.kind], row.name, *_figure_cells(row.figures)] for row in report.rows],
        ),
        Table(
            "categories",
            TABLE_TITLES["categories"],
            ["类别", "收到意见（件）", "占比"],
            [[name, n, f"{n * 100 / report.total.received:.1f}%"] for name, n in report.categories],
        ),
        Table(
            "trend",
            TABLE_TITLES["trend"],
            ["月份", "收到意见（件）", "办结（件）"],
            [[month, received, solved] for month, received, solved in report.trend],
        ),
    ]


def table_named(report: Report, name: str) -> Table:
    for table in tables(report):
        if table.name == name:
            return table
    raise KeyError(name)


def as_csv(table: Table) -> bytes:
    """UTF-8 with a byte-order mark: Excel and WPS in China then read the Chinese right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow(["" if value is None else value for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(report: Report) -> bytes:
    """Every table on its own sheet, with a heading line naming the scope and the period."""
    from openpyxl import Workbook  # 0.13 s to import: only when a workbook is asked for
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for table in tables(report):
        sheet = book.create_sheet(table.title)
        sheet.append([f"{report.name} · {report.period.label} · {table.title}"])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append(table.headers)
        for column in range(1, len(table.headers) + 1):
            heading = sheet.cell(row=2, column=column)
            heading.font = Font(bold=True)
            heading.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.column_dimensions[get_column_letter(column)].width = 14
        for row in table.rows:
            sheet.append(row)
        sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_name(report: Report, extension: str, table: str = "") -> str:
    """ASCII, for the download's name: figures-<scope>-<period>[-<table>].<ext>."""
    target = report.target
    scope = {
        "all": "all",
        "region": f"region{target.region_id}",
        "station": f"station-{target.station_id}",
        "deputy": f"deputy-{target.station_id}-{target.deputy_id}",
    }[target.kind]
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in scope)
    period = report.period.value.replace("..", "_")
    suffix = f"-{table}" if table else ""
    return f"figures-{safe}-{period}{suffix}.{extension}"
