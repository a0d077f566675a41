# SPDX-License-Identifier: GPL-3.0-or-later
"""The figures a station publishes and a region adds up (issue 15 §2): per station, deputy
and region (rolled up the regions tree), for a month, a quarter, a year or any range of days.

Counts only: no visitor's name, mobile or text ever leaves here, so viewers may see all of it.
What each figure means (docs/figures.md):

- appeals are counted by the day they were received (China time): received (by channel and
  category), and of those how many were accepted, solved (closed or rated), replied (first
  reply), replied on time (by the date the receipt promised: the one due-date rule,
  kiosk.domain.deadlines.reply_due), the working days they took, and their ratings;
- reception days held: days a deputy signed in at the station; deputies present: who signed
  in; hours on duty: sign-in to sign-out (central.services.duty_record.duty_sessions);
- visitors received and receptions: the duty deputies' reception records;
- appointments: requests received, and how many were held (done).

Every figure is a SQL aggregate grouped by station (and deputy within a station); a region's
figures are its stations' added up in Python, so a district's year reads a few thousand rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Integer, String, and_, case, func, literal_column, select, text
from sqlalchemy import column as sql_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

from central.core.config import CHINA_TIME
from central.models import (
    Appeal,
    Appointment,
    Attendance,
    Deputy,
    ReceptionRecord,
    Region,
    Station,
)
from central.services.appeals import holiday_table
from central.services.audit import Who
from central.services.duty_record import duty_sessions
from central.services.permissions import Action, Refused, Role, region_and_below, require, scope_of
from kiosk.domain.deadlines import reply_due
from kiosk.domain.workdays import is_working_day, working_days_between

PERIOD_KINDS = ("month", "quarter", "year", "range")
# The longest custom range: five years of days.
LONGEST_RANGE_DAYS = 5 * 366
TREND_MONTHS = 12
# How long after a period the reply clock's table reaches: replies later still are rare and
# judged one by one.
REPLY_DAYS_AHEAD = 120
UNASSIGNED = ""  # the deputy key of appeals nobody is assigned to


class FiguresError(ValueError):
    """A period or a scope that cannot be shown; `key` names the message in the user's words."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


# -- Periods ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    kind: str  # month | quarter | year | range
    first: date
    last: date  # inclusive

    @property
    def value(self) -> str:
        """The period as typed in a URL or on the command line."""
        if self.kind == "month":
            return f"{self.first:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.first.year}-Q{(self.first.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.first.year)
        return f"{self.first.isoformat()}..{self.last.isoformat()}"

    @property
    def label(self) -> str:
        """In Chinese, as a register's heading says it."""
        if self.kind == "month":
            return f"{self.first.year}年{self.first.month}月"
        if self.kind == "quarter":
            return f"{self.first.year}年第{(self.first.month - 1) // 3 + 1}季度"
        if self.kind == "year":
            return f"{self.first.year}年"
        return f"{self.first.isoformat()} 至 {self.last.isoformat()}"

    @property
    def utc_range(self) -> tuple[datetime, datetime]:
        """[start, end) in UTC: midnight China time of the first day and of the day after."""
        start = datetime.combine(self.first, time(), CHINA_TIME).astimezone(UTC)
        end = datetime.combine(self.last + timedelta(days=1), time(), CHINA_TIME)
        return start, end.astimezone(UTC)


def parse_period(kind: str, value: str) -> Period:
    """A period from what a person typed: month "2026-11", quarter "2026-Q4" (or "2026-4"),
    year "2026", range "2026-11-01..2026-11-30" (or with a space, "~" or "至")."""
    value = value.strip()
    try:
        if kind == "month":
            year, month = _numbers(r"(\d{4})-(\d{1,2})", value)
            first = date(year, month, 1)
            return Period(kind, first, _month_end(first))
        if kind == "quarter":
            year, quarter = _numbers(r"(\d{4})-?[Qq]?([1-4])", value)
            first = date(year, 3 * quarter - 2, 1)
            return Period(kind, first, _month_end(date(year, 3 * quarter, 1)))
        if kind == "year":
            (year,) = _numbers(r"(\d{4})", value)
            return Period(kind, date(year, 1, 1), date(year, 12, 31))
        if kind == "range":
            parts = re.split(r"\s*(?:\.\.|~|至|\s)\s*", value)
            if len(parts) != 2:
                raise ValueError(value)
            first, last = (date.fromisoformat(p) for p in parts)
            if last < first:
                raise FiguresError("range_backwards", "the range ends before it starts")
            if (last - first).days > LONGEST_RANGE_DAYS:
                raise FiguresError("range_too_long", "a range covers at most five years")
            return Period(kind, first, last)
    except FiguresError:
        raise
    except ValueError:
        message = f"{value!r} is not a {kind} such as {_EXAMPLES[kind]}"
        raise FiguresError(f"bad_{kind}", message) from None
    raise FiguresError("bad_kind", f"a period is one of {', '.join(PERIOD_KINDS)}")


_EXAMPLES = {
    "month": "2026-11",
    "quarter": "2026-Q4",
    "year": "2026",
    "range": "2026-11-01..2026-11-30",
}


def _numbers(pattern: str, value: str) -> tuple[int, ...]:
    match = re.fullmatch(pattern, value)
    if not match:
        raise ValueError(value)
    numbers = tuple(int(g) for g in match.groups())
    if not 2000 <= numbers[0] <= 2100:
        raise ValueError(value)
    return numbers


def _month_end(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - timedelta(days=1)


def this_month(now: datetime) -> Period:
    today = now.astimezone(CHINA_TIME).date()
    return parse_period("month", f"{today:%Y-%m}")


# -- The figures -----------------------------------------------------------------------------


@dataclass
class Figures:
    """Counts that add up: a region's are its stations' summed; rates are computed last."""

    received: int = 0
    kiosk: int = 0
    phone: int = 0
    callback: int = 0
    accepted: int = 0
    solved: int = 0
    replied: int = 0
    on_time: int = 0
    reply_working_days: int = 0  # summed over the replied
    satisfied: int = 0
    basically_satisfied: int = 0
    dissatisfied: int = 0
    # (station, day) and (station, deputy): distinct, so a deputy present twice counts once.
    days: set[tuple[str, date]] = field(default_factory=set)
    present: set[tuple[str, str]] = field(default_factory=set)
    minutes: int = 0
    receptions: int = 0
    visitors: int = 0
    appointments: int = 0
    appointments_done: int = 0

    COUNTS = (
        "received",
        "kiosk",
        "phone",
        "callback",
        "accepted",
        "solved",
        "replied",
        "on_time",
        "reply_working_days",
        "satisfied",
        "basically_satisfied",
        "dissatisfied",
        "minutes",
        "receptions",
        "visitors",
        "appointments",
        "appointments_done",
    )

    def add(self, other: Figures) -> None:
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.days |= other.days
        self.present |= other.present

    @property
    def reception_days(self) -> int:
        return len(self.days)

    @property
    def deputies_present(self) -> int:
        return len(self.present)

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    @property
    def rated(self) -> int:
        return self.satisfied + self.basically_satisfied + self.dissatisfied

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.replied if self.replied else None

    @property
    def average_reply_days(self) -> float | None:
        return round(self.reply_working_days / self.replied, 1) if self.replied else None

    @property
    def satisfaction_rate(self) -> float | None:
        """(满意 + 基本满意) / rated."""
        rated = self.rated
        return (self.satisfied + self.basically_satisfied) / rated if rated else None

    def as_row(self) -> dict[str, Any]:
        """Every figure by its name (the exports' and the JSON's columns)."""
        return {name: getattr(self, name) for name in FIGURE_NAMES}


# The figures in the order tables and exports show them.
FIGURE_NAMES = (
    "received",
    "kiosk",
    "phone",
    "callback",
    "accepted",
    "solved",
    "replied",
    "on_time_rate",
    "average_reply_days",
    "rated",
    "satisfied",
    "basically_satisfied",
    "dissatisfied",
    "satisfaction_rate",
    "reception_days",
    "deputies_present",
    "hours",
    "receptions",
    "visitors",
    "appointments",
    "appointments_done",
)
RATES = {"on_time_rate", "satisfaction_rate"}


@dataclass(frozen=True)
class Row:
    kind: str  # region | station | deputy
    key: str  # region id, station id, or deputy id ("" for the unassigned)
    name: str
    figures: Figures


@dataclass(frozen=True)
class Target:
    """What the figures are of: the whole tree, a region, a station, or a station's deputy."""

    kind: str  # all | region | station | deputy
    region_id: int | None = None
    station_id: str | None = None
    deputy_id: str | None = None


@dataclass(frozen=True)
class Report:
    target: Target
    name: str  # "城东区", "文昌街道联络站", "林嘉禾（文昌街道联络站）"
    station_name: str  # for registers' headings ("" above a station)
    period: Period
    total: Figures
    rows: list[Row]  # child regions and stations of a region; deputies of a station
    categories: list[tuple[str, int]]  # of the received, most first
    trend: list[tuple[str, int, int]]  # ("2026-11", received, solved), 12 months to the end


def figures(
    session: Session,
    who: Who,
    period: Period,
    *,
    region_id: int | None = None,
    station_id: str | None = None,
    deputy_id: str | None = None,
) -> Report:
    """The figures of what the account asks for, within its scope. Nothing named: the
    account's own scope (its station, its region, or the whole tree)."""
    account = who.account
    require(account, Action.FIGURES)
    target = _target(session, who, region_id=region_id, station_id=station_id, deputy_id=deputy_id)
    return report(session, target, period)


def _target(
    session: Session,
    who: Who,
    *,
    region_id: int | None,
    station_id: str | None,
    deputy_id: str | None,
) -> Target:
    account = who.account
    if account.role == Role.DEPUTY:
        # A deputy's figures are their own (the duty record); never another's.
        if station_id not in (None, account.station_id) or deputy_id not in (
            None,
            account.deputy_id,
        ):
            raise Refused("a deputy sees their own figures")
        return Target("deputy", station_id=account.station_id, deputy_id=account.deputy_id)
    if deputy_id is not None and station_id is None:
        raise FiguresError("deputy_needs_station", "a deputy's figures need their station")
    if station_id is not None:
        if session.get(Station, station_id) is None:
            raise FiguresError("figures_no_station", f"no station {station_id}")
        if not scope_of(session, account).covers(station_id):
            raise Refused(f"station {station_id} is outside the account's scope")
        if deputy_id is not None:
            return Target("deputy", station_id=station_id, deputy_id=deputy_id)
        return Target("station", station_id=station_id)
    if region_id is not None:
        if session.get(Region, region_id) is None:
            raise FiguresError("figures_no_region", f"no region {region_id}")
        if account.station_id is not None or (
            account.region_id is not None
            and region_id not in region_and_below(session, account.region_id)
        ):
            raise Refused(f"region {region_id} is outside the account's scope")
        return Target("region", region_id=region_id)
    if account.station_id is not None:
        return Target("station", station_id=account.station_id)
    if account.region_id is not None:
        return Target("region", region_id=account.region_id)
    return Target("all")


def report(session: Session, target: Target, period: Period) -> Report:
    """The figures of `target` for `period` (no permission check: the CLI's and services')."""
    regions = {r.id: r for r in session.scalars(select(Region))}
    children: dict[int | None, list[Region]] = {}
    for region in regions.values():
        children.setdefault(region.parent_id, []).append(region)
    station_names: dict[str, str] = {}
    station_region: dict[str, int | None] = {}
    for sid, name, rid in session.execute(select(Station.id, Station.name, Station.region_id)):
        station_names[sid] = name
        station_region[sid] = rid

    station_ids: list[str] | None
    if target.kind == "all":
        station_ids = None
        name = "全部"
    elif target.kind == "region":
        assert target.region_id is not None
        below = region_and_below(session, target.region_id)
        station_ids = [s for s, r in station_region.items() if r in below]
        if len(station_ids) == len(station_region):
            station_ids = None  # every station: no list to check each row against
        name = regions[target.region_id].name
    else:
        assert target.station_id is not None
        station_ids = [target.station_id]
        name = station_names.get(target.station_id, target.station_id)

    by_deputy = target.kind in ("station", "deputy")
    per_key = _aggregate(session, period, station_ids, target.deputy_id, by_deputy)
    total = Figures()
    for figures_ in per_key.values():
        total.add(figures_)

    rows: list[Row] = []
    deputy_names = (
        _deputy_names(session, target.station_id) if by_deputy and target.station_id else {}
    )
    if target.kind == "station":
        for (_, deputy), figures_ in sorted(per_key.items(), key=lambda kv: _deputy_order(kv)):
            label = deputy_names.get(deputy, deputy) if deputy else "未分配"
            rows.append(Row("deputy", deputy, label, figures_))
    elif target.kind in ("region", "all"):
        rows = _region_rows(
            per_key, target.region_id, children, regions, station_names, station_region
        )
    if target.kind == "deputy":
        deputy = deputy_names.get(target.deputy_id or "", target.deputy_id or "")
        name = f"{deputy}（{name}）"

    return Report(
        target=target,
        name=name,
        station_name=station_names.get(target.station_id or "", ""),
        period=period,
        total=total,
        rows=rows,
        categories=_categories(session, period, station_ids, target.deputy_id),
        trend=_trend(session, period, station_ids, target.deputy_id),
    )


def _deputy_order(item: tuple[tuple[str, str], Figures]) -> tuple[bool, str]:
    (_, deputy), _figures = item
    return (deputy == UNASSIGNED, deputy)


def _deputy_names(session: Session, station_id: str) -> dict[str, str]:
    return dict(
        session.execute(
            select(Deputy.deputy_id, Deputy.name).where(Deputy.station_id == station_id)
        ).all()
    )


def _region_rows(
    per_key: dict[tuple[str, str], Figures],
    region_id: int | None,
    children: dict[int | None, list[Region]],
    regions: dict[int, Region],
    station_names: dict[str, str],
    station_region: dict[str, int | None],
) -> list[Row]:
    """A row per region right under `region_id` (its stations rolled up) and a row per
    station hanging directly in it."""
    by_station: dict[str, Figures] = {}
    for (station, _), figures_ in per_key.items():
        by_station.setdefault(station, Figures()).add(figures_)
    # Each station's figures added to the child region above it.
    top_of: dict[int, int] = {}
    for child in children.get(region_id, []):
        stack = [child.id]
        while stack:
            rid = stack.pop()
            top_of[rid] = child.id
            stack.extend(r.id for r in children.get(rid, []))
    child_figures = {child.id: Figures() for child in children.get(region_id, [])}
    direct: list[Row] = []
    for station, figures_ in by_station.items():
        above = station_region.get(station)
        if above == region_id:
            direct.append(Row("station", station, station_names.get(station, station), figures_))
        elif above is not None and above in top_of:
            child_figures[top_of[above]].add(figures_)
    # Stations with no activity still get a row: a station that received nothing shows 0.
    for station, above in station_region.items():
        if above == region_id and station not in by_station:
            direct.append(Row("station", station, station_names[station], Figures()))
    rows = [
        Row("region", str(rid), regions[rid].name, figures_)
        for rid, figures_ in sorted(child_figures.items(), key=lambda kv: regions[kv[0]].name)
    ]
    return rows + sorted(direct, key=lambda row: row.name)


# -- The queries -----------------------------------------------------------------------------


class _ChinaText(FunctionElement[str]):
    """A UTC timestamp column as text in China time: "YYYY-MM-DD" (day) or "YYYY-MM"."""

    type = String()
    inherit_cache = True
    name = "china_text"


class china_day(_ChinaText):  # noqa: N801 - reads as a SQL function
    inherit_cache = True


class china_month(_ChinaText):  # noqa: N801
    inherit_cache = True


@compiles(china_day)
def _day_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return f"strftime('%Y-%m-%d', {compiler.process(element.clauses, **kw)}, '+8 hours')"


@compiles(china_month)
def _month_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)}, '+8 hours')"


@compiles(china_day, "postgresql")
def _day_postgresql(element: Any, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"to_char(({column} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')"


@compiles(china_month, "postgresql")
def _month_postgresql(element: Any, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"to_char(({column} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')"


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0))


def _unordered(column: Any) -> ColumnElement[str]:
    """A station id to group by that no index delivers in order: grouping by the bare column,
    SQLite walks the station index and fetches every row out of order, several times slower
    on a region's year than one pass over the table."""
    joined: ColumnElement[str] = column.concat(literal_column("''"))
    return joined  # a literal: the same text in GROUP BY


def _deputy_of_appeal() -> ColumnElement[str]:
    return func.coalesce(Appeal.assigned_deputy_id, Appeal.target_deputy_id, literal_column("''"))


def _aggregate(
    session: Session,
    period: Period,
    station_ids: list[str] | None,
    deputy_id: str | None,
    by_deputy: bool,
) -> dict[tuple[str, str], Figures]:
    """Figures per (station, deputy) — deputy "" unless `by_deputy` — for the period."""
    start, end = period.utc_range
    out: dict[tuple[str, str], Figures] = {}

    def at(station: str, deputy: str | None) -> Figures:
        key = (station, (deputy or UNASSIGNED) if by_deputy else UNASSIGNED)
        found = out.get(key)
        if found is None:
            found = out[key] = Figures()
        return found

    appeal_deputy = _deputy_of_appeal()
    appeal_where = [Appeal.created_at >= start, Appeal.created_at < end]
    if station_ids is not None:
        appeal_where.append(Appeal.station_id.in_(station_ids))
    if deputy_id is not None:
        appeal_where.append(appeal_deputy == deputy_id)
    group: list[ColumnElement[Any]] = [_unordered(Appeal.station_id)]
    if by_deputy:
        group.append(appeal_deputy)
    width = len(group)
    callback = Appeal.request == "callback"
    # The reply clock: a table of the days from the period's first to REPLY_DAYS_AHEAD after
    # its last, each with its working-day number and the reply due date of an appeal received
    # that day (the one rule), joined to the received day and the first reply's day.
    holidays = holiday_table(session)
    table_end = period.last + timedelta(days=REPLY_DAYS_AHEAD)
    days = _reply_days(period.first, table_end, holidays)
    received = days.alias("received_day")
    replied = days.alias("replied_day")
    in_table = replied.c.day.is_not(None)
    appeals = (
        select(
            *group,
            func.count(),
            _count_if(callback),
            _count_if(and_(~callback, Appeal.channel == "qr")),
            _count_if(Appeal.state.notin_(("received", "rejected"))),
            _count_if(Appeal.state.in_(("closed", "rated"))),
            _count_if(Appeal.rating == "satisfied"),
            _count_if(Appeal.rating == "basically_satisfied"),
            _count_if(Appeal.rating == "dissatisfied"),
            _count_if(in_table),
            _count_if(and_(in_table, replied.c.day <= received.c.due)),
            func.sum(case((in_table, replied.c.number - received.c.number), else_=0)),
        )
        .join(received, received.c.day == china_day(Appeal.created_at))
        .outerjoin(replied, replied.c.day == china_day(Appeal.first_replied_at))
        .where(*appeal_where)
        .group_by(*group)
    )
    for row in session.execute(appeals):
        n, calls, phone, accepted, solved, sat, basic, dis, answered, on_time, days_taken = row[
            width:
        ]
        f = at(*_key(row, width))
        f.received += n
        f.callback += calls or 0
        f.phone += phone or 0
        f.kiosk += n - (calls or 0) - (phone or 0)
        f.accepted += accepted or 0
        f.solved += solved or 0
        f.satisfied += sat or 0
        f.basically_satisfied += basic or 0
        f.dissatisfied += dis or 0
        f.replied += answered or 0
        f.on_time += on_time or 0
        f.reply_working_days += days_taken or 0

    # Replies later than the table reaches (rare): judged one (received, reply) day at a time.
    late_start = datetime.combine(table_end + timedelta(days=1), time(), CHINA_TIME)
    received_day, replied_day = china_day(Appeal.created_at), china_day(Appeal.first_replied_at)
    late = (
        select(*group, received_day, replied_day, func.count())
        .where(*appeal_where, Appeal.first_replied_at >= late_start.astimezone(UTC))
        .group_by(*group, received_day, replied_day)
    )
    for row in session.execute(late):
        received_on, replied_on, n = row[width:]
        first, last = date.fromisoformat(received_on), date.fromisoformat(replied_on)
        f = at(*_key(row, width))
        f.replied += n
        f.on_time += n if last <= reply_due(first, holidays) else 0
        f.reply_working_days += n * working_days_between(first, last, holidays)

    # Attendance: each deputy's sign-ins and sign-outs in order, paired as the duty record does.
    attendance_where = [Attendance.at >= start, Attendance.at < end]
    if station_ids is not None:
        attendance_where.append(Attendance.station_id.in_(station_ids))
    if deputy_id is not None:
        attendance_where.append(Attendance.deputy_id == deputy_id)
    rows = session.execute(
        select(Attendance.station_id, Attendance.deputy_id, Attendance.action, Attendance.at)
        .where(*attendance_where)
        .order_by(Attendance.station_id, Attendance.deputy_id, Attendance.at, Attendance.id)
    )
    for (station, deputy), events in _runs(rows):
        f = at(station, deputy)
        for day, minutes in duty_sessions(events):
            f.days.add((station, day))
            f.minutes += minutes
        f.present.add((station, deputy))

    records_where = [ReceptionRecord.at >= start, ReceptionRecord.at < end]
    if station_ids is not None:
        records_where.append(ReceptionRecord.station_id.in_(station_ids))
    if deputy_id is not None:
        records_where.append(ReceptionRecord.deputy_id == deputy_id)
    record_group = [_unordered(ReceptionRecord.station_id), ReceptionRecord.deputy_id][:width]
    for row in session.execute(
        select(*record_group, func.count(), func.sum(ReceptionRecord.visitors))
        .where(*records_where)
        .group_by(*record_group)
    ):
        n, visitors = row[width:]
        f = at(*_key(row, width))
        f.receptions += int(n)
        f.visitors += int(visitors or 0)

    booking_where = [Appointment.created_at >= start, Appointment.created_at < end]
    if station_ids is not None:
        booking_where.append(Appointment.station_id.in_(station_ids))
    if deputy_id is not None:
        booking_where.append(Appointment.deputy_id == deputy_id)
    booking_group = [_unordered(Appointment.station_id), Appointment.deputy_id][:width]
    for row in session.execute(
        select(*booking_group, func.count(), _count_if(Appointment.state == "done"))
        .where(*booking_where)
        .group_by(*booking_group)
    ):
        n, done = row[width:]
        f = at(*_key(row, width))
        f.appointments += int(n)
        f.appointments_done += int(done or 0)
    return out


def _key(row: Any, width: int) -> tuple[str, str | None]:
    return row[0], row[1] if width > 1 else None


def _reply_days(first: date, last: date, holidays: dict[date, bool]) -> Any:
    """The days from `first` to `last` as a table (day, number, due): `number` counts the
    working days after `first` up to the day (so two days' difference is the working days
    between them), `due` is the reply due date of an appeal received that day. The values
    are ours (dates and numbers), written into the statement as literals."""
    lines = []
    number = 0
    day = first
    while day <= last:
        if day > first and is_working_day(day, holidays):
            number += 1
        due = reply_due(day, holidays)
        lines.append(f"('{day.isoformat()}', {number}, '{due.isoformat()}')")
        day += timedelta(days=1)
    body = "SELECT column1 AS day, column2 AS number, column3 AS due FROM (VALUES "
    body += ", ".join(lines) + ") AS reply_days"
    return (
        text(body)
        .columns(
            sql_column("day", String), sql_column("number", Integer), sql_column("due", String)
        )
        .cte("reply_days")
    )


def _runs(
    rows: Iterable[Any],
) -> Iterable[tuple[tuple[str, str], list[tuple[str, datetime]]]]:
    """Rows ordered by (station, deputy) as one list of (action, at) per deputy."""
    key: tuple[str, str] | None = None
    events: list[tuple[str, datetime]] = []
    for station, deputy, action, moment in rows:
        if (station, deputy) != key:
            if key is not None:
                yield key, events
            key, events = (station, deputy), []
        events.append((action, moment))
    if key is not None:
        yield key, events


def _categories(
    session: Session, period: Period, station_ids: list[str] | None, deputy_id: str | None
) -> list[tuple[str, int]]:
    start, end = period.utc_range
    query = select(Appeal.category, func.count()).where(
        Appeal.created_at >= start, Appeal.created_at < end
    )
    if station_ids is not None:
        query = query.where(Appeal.station_id.in_(station_ids))
    if deputy_id is not None:
        query = query.where(_deputy_of_appeal() == deputy_id)
    counts = [
        (category or "其他", n) for category, n in session.execute(query.group_by(Appeal.category))
    ]
    return sorted(counts, key=lambda item: (-item[1], item[0]))


def trend_months(period: Period) -> list[str]:
    """The 12 months ending with the period's last month, "YYYY-MM", oldest first."""
    year, month = period.last.year, period.last.month
    months = []
    for _ in range(TREND_MONTHS):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def _trend(
    session: Session, period: Period, station_ids: list[str] | None, deputy_id: str | None
) -> list[tuple[str, int, int]]:
    months = trend_months(period)
    first = parse_period("month", months[0])
    start, _ = first.utc_range
    _, end = Period("range", first.first, period.last).utc_range
    month = china_month(Appeal.created_at)
    query = select(month, func.count(), _count_if(Appeal.state.in_(("closed", "rated")))).where(
        Appeal.created_at >= start, Appeal.created_at < end
    )
    if station_ids is not None:
        query = query.where(Appeal.station_id.in_(station_ids))
    if deputy_id is not None:
        query = query.where(_deputy_of_appeal() == deputy_id)
    found = {m: (n, solved or 0) for m, n, solved in session.execute(query.group_by(month))}
    return [(m, *found.get(m, (0, 0))) for m in months]
