# SPDX-License-Identifier: GPL-3.0-or-later
"""The holiday table (节假日安排) every kiosk receives: seeded from `chinesecalendar` for the
years it knows, corrected or extended by staff (`holidays set`), never guessed for a year
that has no data (the kiosks say "not yet published").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Holiday, HolidayYear
from central.services import audit
from central.services.audit import Who
from central.services.casework import refresh_due_dates
from central.services.day_table import holiday_calendar
from central.services.permissions import Action, require
from central.services.publishing import PublishRefused

# chinesecalendar's English names, in the words the kiosks show.
CHINESE_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


@dataclass(frozen=True)
class SeedResult:
    years: list[int]
    days: int
    kept_manual: int


def known_years() -> list[int]:
    """The years the installed chinesecalendar knows."""
    import chinese_calendar

    return sorted(
        {d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays}
    )


def seed(session: Session, years: list[int] | None = None) -> SeedResult:
    """Fill the table from chinesecalendar (all the years it knows, or `years`).

    Days set by hand stay as they are. Raises ValueError for a year it does not know.
    """
    import chinese_calendar

    available = known_years()
    wanted = available if years is None else years
    unknown = [y for y in wanted if y not in available]
    if unknown:
        raise ValueError(
            f"chinesecalendar has no data for {', '.join(map(str, unknown))} "
            f"(it knows {available[0]}-{available[-1]}); enter those days with: holidays set"
        )
    manual = {h.day for h in session.scalars(select(Holiday).where(Holiday.manual))}
    count = kept = 0
    for kind, table in (
        ("holiday", chinese_calendar.holidays),
        ("workday", chinese_calendar.workdays),
    ):
        for day, name in table.items():
            if day.year not in wanted:
                continue
            # chinesecalendar lists the weekend days of a break as holidays too: they are days
            # off either way, and naming them keeps the calendar's "国庆节" across the break.
            if day in manual:
                kept += 1
                continue
            session.merge(
                Holiday(
                    day=day, kind=kind, name=CHINESE_NAMES.get(str(name), str(name)), manual=False
                )
            )
            count += 1
    for year in wanted:
        session.merge(HolidayYear(year=year, source="chinesecalendar"))
    _refresh_due_dates(session)
    return SeedResult(sorted(wanted), count, kept)


def set_day(session: Session, day: date, kind: str, name: str) -> None:
    """Make `day` a holiday, a make-up workday, or ("normal") an ordinary day, by hand."""
    if kind not in ("holiday", "workday", "normal"):
        raise ValueError("the kind is holiday, workday or normal")
    if kind != "normal" and not name.strip():
        raise ValueError("give the holiday's name (e.g. 国庆节)")
    if len(name) > 100:
        raise ValueError("the name is longer than 100 characters")
    if kind == "workday" and day.weekday() < 5:
        raise ValueError(
            f"{day.isoformat()} is a weekday: only a weekend day can be a make-up workday"
        )
    # "normal" is kept as a row too, so that seeding does not bring the day back.
    session.merge(Holiday(day=day, kind=kind, name=name.strip(), manual=True))
    _refresh_due_dates(session)


def cover_year(session: Session, year: int) -> None:
    """Declare a year's arrangement complete (entered by hand): kiosks stop warning."""
    if session.get(HolidayYear, year) is None:
        session.add(HolidayYear(year=year, source="manual"))
        _refresh_due_dates(session)


def _refresh_due_dates(session: Session) -> None:
    """Open appeals' stored due dates follow the table, in the same transaction."""
    session.flush()
    refresh_due_dates(session)


def covered_years(session: Session) -> dict[int, str]:
    """The years the table holds in full, and where each came from."""
    return {y.year: y.source for y in session.scalars(select(HolidayYear))}


def days_of_year(session: Session, year: int) -> list[Holiday]:
    """The table's rows for `year`, by date (ordinary days set by hand included)."""
    return list(
        session.scalars(
            select(Holiday)
            .where(Holiday.day.between(date(year, 1, 1), date(year, 12, 31)))
            .order_by(Holiday.day)
        )
    )


def uncovered_years(session: Session, due: date | None, today: date) -> list[int]:
    """Years from `today` to `due` the table does not cover: a due date counted across them
    skipped weekends only."""
    if due is None:
        return []
    return holiday_calendar(session, since=due.year - 1).missing_years(today, due)


# -- The console's holidays page (issue 15 §1): the same table, audited, refusals in words ---

CONSOLE_KINDS = ("holiday", "workday")


def _console_check(who: Who | None) -> None:
    if who is not None:
        require(who.account, Action.HOLIDAYS)


def console_set_day(
    session: Session, who: Who | None, day_text: str, kind: str, name: str, *, now: datetime
) -> date:
    """Add a day off (放假) or a make-up workday (调休上班) from the console, audited; open
    appeals' due dates follow in the same transaction."""
    _console_check(who)
    try:
        day = date.fromisoformat(day_text.strip())
    except ValueError:
        raise PublishRefused("date_unreadable", "date") from None
    if kind not in CONSOLE_KINDS:
        raise PublishRefused("day_kind_unknown", "day_kind")
    name = name.strip()
    if not name:
        raise PublishRefused("field_needed", "holiday_name")
    if len(name) > 100:
        raise PublishRefused("field_too_long", "holiday_name", limit=100, length=len(name))
    if kind == "workday" and day.weekday() < 5:
        raise PublishRefused("workday_on_weekday", "date", day=day.isoformat())
    set_day(session, day, kind, name)
    audit.record(session, who, f"holiday.{kind}", day.isoformat(), name, now=now, login="cli")
    return day


def console_clear_day(session: Session, who: Who | None, day: date, *, now: datetime) -> None:
    """Make `day` an ordinary day again (a seeded entry stays hidden: "normal" by hand)."""
    _console_check(who)
    set_day(session, day, "normal", "")
    audit.record(session, who, "holiday.clear", day.isoformat(), "", now=now, login="cli")


def console_seed_year(session: Session, who: Who | None, year: int, *, now: datetime) -> int:
    """Fill `year` from chinesecalendar (days set by hand stay); the number of days."""
    _console_check(who)
    if year not in known_years():
        raise PublishRefused("year_unknown_to_seed", year=year)
    result = seed(session, [year])
    audit.record(session, who, "holiday.seed", str(year), f"{result.days} days", now=now,
                 login="cli")  # fmt: skip
    return result.days


def console_cover_year(session: Session, who: Who | None, year: int, *, now: datetime) -> None:
    _console_check(who)
    cover_year(session, year)
    audit.record(session, who, "holiday.cover", str(year), "", now=now, login="cli")
