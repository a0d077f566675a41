# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's figures at /console/figures (issue 15 §2): a period picker, the tables, two
charts drawn on the server (central.web.console.charts), CSV and .xlsx exports of every table,
and the printable registers' download links. Viewers see it all: counts and rates only. The
rules, scope and sums are in central.services.figures; this only adapts."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME
from central.models import Deputy, Station
from central.services import figure_tables, registers
from central.services import figures as figures_service
from central.services.figures import FIGURE_NAMES, FiguresError, Period, Report, parse_period
from central.services.permissions import (
    Action,
    Refused,
    allowed,
    region_and_below,
    require,
    scope_of,
)
from central.services.regions import region_tree
from central.services.registers import RegisterError
from central.web.console.auth import ConsoleUser, CurrentUser, clock, database
from central.web.console.charts import bar_chart, trend_chart
from central.web.console.pages import language, render
from central.web.console.text import translator

router = APIRouter(prefix="/console", include_in_schema=False)
api_router = APIRouter(prefix="/console/api", tags=["console"])
# The bar chart shows the largest this many rows; the table below it has them all.
MOST_BARS = 30
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class Choice:
    """What the picker asked for, kept as typed so a bad value is shown back, not lost."""

    def __init__(self, request: Request, today: date) -> None:
        q = request.query_params
        self.kind = q.get("kind", "month")[:10]
        self.month = q.get("month", f"{today:%Y-%m}")[:20]
        self.quarter = q.get("quarter", f"{today.year}-Q{(today.month - 1) // 3 + 1}")[:20]
        self.year = q.get("year", str(today.year))[:10]
        self.first = q.get("from", "")[:20]
        self.last = q.get("to", "")[:20]
        self.region = q.get("region", "")[:20]
        self.station = q.get("station", "")[:64]
        self.deputy = q.get("deputy", "")[:64]

    def period(self) -> Period:
        if self.kind == "range":
            if not self.first or not self.last:
                raise FiguresError("bad_range", "both days of the range")
            return parse_period("range", f"{self.first}..{self.last}")
        value = {"month": self.month, "quarter": self.quarter, "year": self.year}.get(self.kind)
        if value is None:
            raise FiguresError("bad_kind", "a period kind")
        return parse_period(self.kind, value)

    def region_id(self) -> int | None:
        if not self.region:
            return None
        if not self.region.isdigit():
            raise FiguresError("figures_no_region", "no such region")
        return int(self.region)

    def query(self, **changes: str) -> str:
        """The picker's values as a query string, with `changes` (a row's link)."""
        values = {
            "kind": self.kind,
            "month": self.month,
            "quarter": self.quarter,
            "year": self.year,
            "from": self.first,
            "to": self.last,
            "region": self.region,
            "station": self.station,
            "deputy": self.deputy,
        } | changes
        return urlencode({k: v for k, v in values.items() if v})


def _quarters(today: date) -> list[str]:
    year, quarter = today.year, (today.month - 1) // 3 + 1
    out = []
    for _ in range(8):
        out.append(f"{year}-Q{quarter}")
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return out


def _choices(
    session: Session, user: ConsoleUser
) -> tuple[list[tuple[int, str, int]], list[tuple[str, str]]]:
    """The regions and stations this account may pick (its scope)."""
    account = user.account
    regions: list[tuple[int, str, int]] = []
    if account.station_id is None:
        allowed_regions = (
            region_and_below(session, account.region_id) if account.region_id else None
        )
        for node in region_tree(session):
            if allowed_regions is None or node.region.id in allowed_regions:
                regions.append((node.region.id, node.region.name, node.depth))
    scope = scope_of(session, account)
    query = select(Station.id, Station.name).order_by(Station.name)
    if scope.station_ids is not None:
        query = query.where(Station.id.in_(sorted(scope.station_ids)))
    return regions, [(station_id, name) for station_id, name in session.execute(query)]


def _report(request: Request, user: ConsoleUser, choice: Choice) -> Report:
    period = choice.period()
    with database(request).reader() as session:
        return figures_service.figures(
            session,
            user.who,
            period,
            region_id=choice.region_id(),
            station_id=choice.station or None,
            deputy_id=choice.deputy or None,
        )


def _row_link(choice: Choice, kind: str, key: str, station_id: str | None) -> str:
    if kind == "region":
        return "?" + choice.query(region=key, station="", deputy="")
    if kind == "station":
        return "?" + choice.query(station=key, region="", deputy="")
    if key and station_id:
        return "?" + choice.query(station=station_id, deputy=key, region="")
    return ""


@router.get("/figures", response_class=HTMLResponse)
def figures_page(request: Request, user: CurrentUser) -> Response:
    require(user.account, Action.FIGURES)
    _ = translator(language(request))
    today = clock(request).astimezone(CHINA_TIME).date()
    choice = Choice(request, today)
    problem, status = "", 200
    try:
        report = _report(request, user, choice)
    except FiguresError as error:
        problem, status = _(error.key), 400
        # The page still shows: this month's figures of the account's own scope.
        period = parse_period("month", f"{today:%Y-%m}")
        with database(request).reader() as session:
            report = figures_service.figures(session, user.who, period)
    with database(request).reader() as session:
        regions, stations = _choices(session, user)
        deputies: list[tuple[str, str]] = []
        if report.target.station_id:
            deputies = [
                (deputy_id, name)
                for deputy_id, name in session.execute(
                    select(Deputy.deputy_id, Deputy.name)
                    .where(Deputy.station_id == report.target.station_id)
                    .order_by(Deputy.position)
                )
            ]
    rows_kind = report.rows[0].kind if report.rows else "station"
    bars = sorted(report.rows, key=lambda row: -row.figures.received)[:MOST_BARS]
    received, solved = _("fig_received"), _("fig_solved")
    context: dict[str, Any] = {
        "report": report,
        "choice": choice,
        "quarters": _quarters(today),
        "years": [str(y) for y in range(today.year, today.year - 6, -1)],
        "regions": regions,
        "stations": stations,
        "deputies": deputies,
        "names": FIGURE_NAMES,
        "cell": figure_tables.cell,
        "row_link": lambda row: _row_link(choice, row.kind, row.key, report.target.station_id),
        "trend_svg": trend_chart(
            report.trend, title=_("trend_title"), received=received, solved=solved
        ),
        "bars_svg": bar_chart(
            [(row.name, row.figures.received, row.figures.solved) for row in bars],
            title=_("bars_title", kind=_("row_kind_" + rows_kind)),
            received=received,
            solved=solved,
        )
        if report.rows
        else "",
        "rows_kind": rows_kind,
        "export_query": choice.query(),
        "can_registers": allowed(user.account.role, Action.REGISTERS),
        "can_see_personal": allowed(user.account.role, Action.SEE_PERSONAL),
        "problem": problem,
    }
    return render(request, "figures.html", context, user=user, status=status)


def _download(content: bytes, name: str, media: str) -> Response:
    return Response(
        content,
        media_type=media,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.get("/figures/export.{extension}")
def figures_export(extension: str, request: Request, user: CurrentUser) -> Response:
    """One table as CSV (?table=total|rows|categories|trend), or every table as .xlsx."""
    require(user.account, Action.FIGURES)
    if extension not in MEDIA:
        raise Refused("exports are .csv or .xlsx")
    _ = translator(language(request))
    choice = Choice(request, clock(request).astimezone(CHINA_TIME).date())
    try:
        report = _report(request, user, choice)
    except FiguresError as error:
        return Response(_(error.key), status_code=400, media_type="text/plain; charset=utf-8")
    if extension == "xlsx":
        return _download(
            figure_tables.as_xlsx(report), figure_tables.file_name(report, "xlsx"), MEDIA["xlsx"]
        )
    table = request.query_params.get("table", "rows")
    if table not in figure_tables.TABLE_NAMES:
        table = "rows"
    content = figure_tables.as_csv(figure_tables.table_named(report, table))
    return _download(content, figure_tables.file_name(report, "csv", table), MEDIA["csv"])


@api_router.get("/figures")
def figures_api(request: Request, user: CurrentUser) -> JSONResponse:
    """The figures as the page shows them, with the page's query (kind, month, quarter, year,
    from, to, region, station, deputy): counts and rates only."""
    require(user.account, Action.FIGURES)
    choice = Choice(request, clock(request).astimezone(CHINA_TIME).date())
    try:
        report = _report(request, user, choice)
    except FiguresError as error:
        return JSONResponse({"detail": str(error), "key": error.key}, 400)
    period = report.period
    return JSONResponse(
        {
            "name": report.name,
            "target": {
                "kind": report.target.kind,
                "region_id": report.target.region_id,
                "station_id": report.target.station_id,
                "deputy_id": report.target.deputy_id,
            },
            "period": {
                "kind": period.kind,
                "first": period.first.isoformat(),
                "last": period.last.isoformat(),
                "label": period.label,
            },
            "total": report.total.as_row(),
            "rows": [
                {"kind": row.kind, "key": row.key, "name": row.name} | row.figures.as_row()
                for row in report.rows
            ],
            "categories": [{"category": name, "received": n} for name, n in report.categories],
            "trend": [
                {"month": month, "received": n, "solved": solved}
                for month, n, solved in report.trend
            ],
        }
    )


REGISTERS = {
    "activity": "register_activity",
    "visitors": "register_visitors",
    "record": "register_record",
}


@router.get("/figures/register/{kind}.pdf")
def register_pdf(kind: str, request: Request, user: CurrentUser) -> Response:
    """活动记录簿, 接待人民群众登记簿 (personal: audited) or a deputy's 履职档案, for the
    station (and deputy) and period the figures page shows."""
    require(user.account, Action.REGISTERS)
    _ = translator(language(request))
    if kind not in REGISTERS:
        return _message(_("not_found_console"), 404)
    now = clock(request)
    choice = Choice(request, now.astimezone(CHINA_TIME).date())
    try:
        period = choice.period()
    except FiguresError as error:
        return _message(_(error.key), 400)
    station_id = choice.station or user.account.station_id
    if not station_id:
        return _message(_("register_needs_station"), 400)
    try:
        with database(request).writer.begin() as session:
            if kind == "activity":
                content = registers.activity_register(session, user.who, station_id, period)
            elif kind == "visitors":
                content = registers.visitors_register(
                    session, user.who, station_id, period, now=now
                )
            else:
                if not choice.deputy:
                    return _message(_("deputy_needs_station"), 400)
                content = registers.duty_record_register(
                    session, user.who, station_id, choice.deputy, period.last.year
                )
    except RegisterError as error:
        return _message(str(error), 400)
    who = f"{station_id}-{choice.deputy}" if kind == "record" else station_id
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in who)
    name = f"{kind}-{safe}-{period.value.replace('..', '_')}.pdf"
    return _download(content, name, "application/pdf")


def _message(text: str, status: int) -> Response:
    return Response(text, status_code=status, media_type="text/plain; charset=utf-8")
