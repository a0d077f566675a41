# SPDX-License-Identifier: GPL-3.0-or-later
"""A station's reception schedules: imported from JSON (or .ics, services/ical.py), exported
as an iCalendar feed, and the feed's secret URL."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.security import new_device_token, token_hash
from central.models import Deputy, Schedule, Station
from central.services.ical import export_calendar
from central.services.rosters import ID_PATTERN, ImportRefused, Problem, Table, _Row
from central.services.snapshot import schedule_entity
from kiosk.domain.reception import InvalidRule, ReceptionSchedule
from kiosk.domain.snapshot import InvalidSnapshot, change_document, schedule_from_document


def parse_schedules(
    rows: Table | Iterable[tuple[int, Any]], deputy_ids: set[str]
) -> list[ReceptionSchedule]:
    """Schedules in the kiosk's snapshot-document form; ImportRefused listing every problem."""
    rows = rows.rows if isinstance(rows, Table) else rows
    problems: list[Problem] = []
    schedules: list[ReceptionSchedule] = []
    seen: dict[str, int] = {}
    for number, record in rows:
        row = _Row(number, record, problems, unit="条")
        before = len(problems)
        schedule_id = row.text("id", 64, required=True)
        if schedule_id and not ID_PATTERN.fullmatch(schedule_id):
            row.problem("id", "编号只能用字母、数字和 . _ -")
        elif schedule_id in seen:
            row.problem("id", f"编号与第{seen[schedule_id]}条重复")
        seen.setdefault(schedule_id, number)
        times = {}
        for column in ("start", "end"):
            text = row.text(column, 8, required=True)
            try:
                times[column] = time.fromisoformat(text)
            except ValueError:
                if text:
                    row.problem(column, f"“{text}”不是时间，应写成 09:00 这样")
        ids = row.record.get("deputy_ids", [])
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            row.problem("deputy_ids", "应为代表编号的列表")
            ids = []
        for unknown in [i for i in ids if i not in deputy_ids]:
            row.problem("deputy_ids", f"本站代表名单里没有 {unknown}")
        per_occurrence = row.record.get("per_occurrence")
        if per_occurrence is not None and (
            not isinstance(per_occurrence, int) or isinstance(per_occurrence, bool)
        ):
            row.problem("per_occurrence", "应为整数")
            per_occurrence = None
        for column, limit, required in (
            ("title", 200, True),
            ("rule", 4000, True),
            ("theme", 200, False),
            ("place", 200, False),
        ):
            row.text(column, limit, required)
        for column in row.record:
            if column not in SCHEDULE_COLUMNS:
                row.problem(column, "不认识的字段")
        roster = row.record.get("roster") or {}
        if isinstance(roster, dict):
            for day, named in roster.items():
                for unknown in (
                    [i for i in named if i not in deputy_ids] if isinstance(named, list) else []
                ):
                    row.problem("roster", f"{day}：本站代表名单里没有 {unknown}")
        if len(problems) > before:
            continue
        try:
            schedules.append(schedule_from_document(row.record, f"row {number}"))
        except InvalidSnapshot as error:
            # "row 3.changes[0].date: ..." or "row 3: schedule x: ..." from the domain's reader.
            message = str(error).removeprefix(f"row {number}").lstrip(".: ")
            row.problem("", message)
        except InvalidRule as error:
            row.problem("rule", str(error))
    if problems:
        raise ImportRefused(problems)
    return schedules


SCHEDULE_COLUMNS = {
    "id",
    "title",
    "rule",
    "start",
    "end",
    "deputy_ids",
    "per_occurrence",
    "theme",
    "place",
    "rotation",
    "roster",
    "invited",
    "changes",
    "on_holiday",
}


def import_schedules(session: Session, station_id: str, schedules: list[ReceptionSchedule]) -> None:
    """Make the station's reception schedules exactly `schedules`."""
    # Row by row, not a bulk DELETE: the flush then knows which station changed.
    for row in session.scalars(select(Schedule).where(Schedule.station_id == station_id)):
        session.delete(row)
    session.flush()  # the old rows go before new ones with the same ids arrive
    for position, s in enumerate(schedules):
        session.add(
            Schedule(
                station_id=station_id,
                schedule_id=s.id,
                position=position,
                title=s.title,
                rule=s.rule,
                start=s.start,
                end=s.end,
                deputy_ids=list(s.deputy_ids),
                per_occurrence=s.per_occurrence,
                theme=s.theme,
                place=s.place,
                rotation=s.rotation.value,
                roster={d.isoformat(): list(ids) for d, ids in sorted(s.roster.items())},
                invited=list(s.invited),
                changes=[change_document(c) for c in s.changes],
                on_holiday=s.on_holiday.value,
            )
        )


def station_calendar(session: Session, station: Station) -> str:
    """The station's schedules as .ics text (the feed and `schedules export`)."""
    schedules = session.scalars(
        select(Schedule).where(Schedule.station_id == station.id).order_by(Schedule.position)
    )
    rows = session.execute(
        select(Deputy.deputy_id, Deputy.name).where(Deputy.station_id == station.id)
    )
    names = {deputy_id: name for deputy_id, name in rows}
    return export_calendar(
        station.id,
        station.name,
        [schedule_entity(s) for s in schedules],
        names,
        datetime.now(UTC),
    )


def new_feed_token(station: Station) -> str:
    """A new secret for the station's calendar feed URL; the old one stops working."""
    token = new_device_token()
    station.calendar_token_hash = token_hash(token)
    return token


def deputy_ids(session: Session, station_id: str) -> set[str]:
    return set(session.scalars(select(Deputy.deputy_id).where(Deputy.station_id == station_id)))
