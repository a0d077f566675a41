# SPDX-License-Identifier: GPL-3.0-or-later
"""A deputy's duty record (履职档案, issue 14 §1), per month and for the year: reception days
attended and hours (from the kiosks' sign-ins and sign-outs), reception records and visitors,
appeals replied and how many on time (the one due-date rule), and the satisfaction of the
rated appeals the deputy handled. Counts only: no visitor's name, mobile or text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME
from central.models import Appeal, Attendance, ReceptionRecord
from central.services.appeals import holiday_table
from central.services.audit import Who
from central.services.permissions import Refused, Role
from kiosk.domain.deadlines import Step, deadline_after_steps

SATISFIED = ("satisfied", "basically_satisfied")
# A sign-in without a sign-out counts until this hour that day (kiosks close the console
# at closing time; a missing sign-out is a lost event, not a night's work).
LONGEST_DAY_END = time(18, 0)


@dataclass
class MonthLine:
    month: int  # 1-12; 0 for the year
    days: set[date] = field(default_factory=set)
    minutes: int = 0
    receptions: int = 0
    visitors: int = 0
    replied: int = 0
    on_time: int = 0
    rated: int = 0
    satisfied: int = 0

    @property
    def days_attended(self) -> int:
        return len(self.days)

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.replied if self.replied else None

    @property
    def satisfaction(self) -> float | None:
        return self.satisfied / self.rated if self.rated else None

    def add(self, other: MonthLine) -> None:
        self.days |= other.days
        for name in ("minutes", "receptions", "visitors", "replied", "on_time", "rated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.satisfied += other.satisfied


@dataclass(frozen=True)
class DutyRecord:
    year: int
    months: list[MonthLine]  # January to December
    year_total: MonthLine


def _china(moment: datetime) -> datetime:
    return moment.astimezone(CHINA_TIME)


def duty_record(session: Session, who: Who, year: int) -> DutyRecord:
    """The signed-in deputy's record for `year` (China time)."""
    account = who.account
    if account.role != Role.DEPUTY or not account.deputy_id or not account.station_id:
        raise Refused("the duty record is a deputy's")
    return record_of(session, account.station_id, account.deputy_id, year)


def record_of(session: Session, station_id: str, deputy_id: str, year: int) -> DutyRecord:
    start = datetime(year, 1, 1, tzinfo=CHINA_TIME)
    end = datetime(year + 1, 1, 1, tzinfo=CHINA_TIME)
    months = {m: MonthLine(m) for m in range(1, 13)}

    # Attendance: each sign-in to the next sign-out the same day.
    rows = session.execute(
        select(Attendance.action, Attendance.at)
        .where(
            Attendance.station_id == station_id,
            Attendance.deputy_id == deputy_id,
            Attendance.at >= start,
            Attendance.at < end,
        )
        .order_by(Attendance.at, Attendance.id)
    )
    for day, minutes in duty_sessions(rows):
        months[day.month].days.add(day)
        months[day.month].minutes += minutes

    for at, visitors in session.execute(
        select(ReceptionRecord.at, ReceptionRecord.visitors).where(
            ReceptionRecord.station_id == station_id,
            ReceptionRecord.deputy_id == deputy_id,
            ReceptionRecord.at >= start,
            ReceptionRecord.at < end,
        )
    ):
        line = months[_china(at).month]
        line.receptions += 1
        line.visitors += visitors

    holidays = holiday_table(session)
    # The deputy's appeals (one indexed range: ix_appeal_assigned_due), steps loaded with them;
    # the year's replies and ratings are picked out below.
    appeals = session.scalars(
        select(Appeal).where(
            Appeal.assigned_deputy_id == deputy_id,
            Appeal.station_id == station_id,
            Appeal.created_at < end,
        )
    )
    for appeal in appeals:
        received_on = _china(appeal.created_at).date()
        before: list[tuple[str, date]] = []
        state = "received"
        rated_counted: dict[int, bool] = defaultdict(bool)
        for step in appeal.steps:
            local = _china(step.at)
            if start <= step.at < end:
                line = months[local.month]
                if step.state == "replied":
                    line.replied += 1
                    deadline = deadline_after_steps(state, received_on, before, holidays)
                    if deadline is None or deadline.step is not Step.REPLY:
                        line.on_time += 1  # a reply after a department's feedback: no clock
                    elif local.date() <= deadline.due_on:
                        line.on_time += 1
                elif step.state == "rated" and not rated_counted[appeal.id]:
                    rated_counted[appeal.id] = True
                    line.rated += 1
                    line.satisfied += appeal.rating in SATISFIED
            before.append((step.state, local.date()))
            state = step.state
    total = MonthLine(0)
    for line in months.values():
        total.add(line)
    return DutyRecord(year, list(months.values()), total)


def duty_sessions(events: Iterable[tuple[str, datetime]]) -> Iterator[tuple[date, int]]:
    """One deputy's sign-ins and sign-outs, in time order, as sessions on duty: each sign-in
    to the next sign-out the same day, (the day in China, minutes). A sign-in with no
    sign-out that day counts until LONGEST_DAY_END. Every day with a sign-in yields at least
    one session (minutes may be 0), so the days yielded are the days attended."""
    opened: datetime | None = None
    for action, at in events:
        local = _china(at)
        if action == "sign_in":
            if opened is not None and opened.date() != local.date():
                yield opened.date(), _minutes(opened, None)
                opened = None
            if opened is None:
                opened = local
        elif action == "sign_out" and opened is not None:
            yield opened.date(), _minutes(opened, local)
            opened = None
    if opened is not None:
        yield opened.date(), _minutes(opened, None)


def _minutes(opened: datetime, closed: datetime | None) -> int:
    if closed is None or closed.date() != opened.date():
        closed = datetime.combine(opened.date(), LONGEST_DAY_END, CHINA_TIME)
    return max(0, int((closed - opened).total_seconds() // 60))
