# SPDX-License-Identifier: GPL-3.0-or-later
"""A station's reception schedules: imported from JSON (or .ics, services/ical.py), exported
as an iCalendar feed, and the feed's secret URL."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.security import new_device_token, token_hash
from central.models import Deputy, Schedule, Station
from central.services import audit
from central.services.audit import Who
from central.services.day_table import holiday_calendar
from central.services.ical import export_calendar
from central.services.rosters import ID_PATTERN, ImportRefused, Problem, Table, _Row
from central.services.snapshot import schedule_entity
from kiosk.domain.reception import (
    HORIZON_DAYS,
    MAX_REASON,
    InvalidRule,
    OccurrenceChange,
    ReceptionDay,
    ReceptionSchedule,
    Rotation,
    reception_days_between,
)
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


def import_schedules(
    session: Session,
    station_id: str,
    schedules: list[ReceptionSchedule],
    *,
    who: Who | None = None,
    now: datetime | None = None,
) -> None:
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
    detail = f"{len(schedules)} schedules"
    moment = now or datetime.now(UTC)
    audit.record(session, who, "schedules.import", station_id, detail, now=moment, login="cli")


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


# --- editing in the console (issue 15 §1) -----------------------------------------------------

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = dict(zip(WEEKDAYS, "一二三四五六日", strict=True))
NTH_NAMES = {1: "第一个", 2: "第二个", 3: "第三个", 4: "第四个", -1: "最后一个"}
REPEATS = ("weekly", "biweekly", "monthly", "custom")
PREVIEW_COUNT = 12
_SIMPLE = re.compile(
    r"DTSTART:(?P<first>\d{8})\nRRULE:FREQ=(?P<freq>WEEKLY|MONTHLY)(?:;INTERVAL=(?P<interval>2))?"
    r";BYDAY=(?P<nth>-1|[1-4])?(?P<weekday>MO|TU|WE|TH|FR|SA|SU)(?:;UNTIL=(?P<until>\d{8}))?"
)


class ScheduleError(ValueError):
    """A schedule change that cannot be made; `field` names the form field, the text says why
    in the staff's words. Nothing is saved."""

    def __init__(self, field: str, text: str) -> None:
        super().__init__(text)
        self.field = field


class ScheduleNotFound(LookupError):
    """No such schedule at this station."""


@dataclass(frozen=True)
class RuleForm:
    """A rule as the console's form shows it: the common shapes by fields, others as text."""

    repeat: str  # weekly | biweekly | monthly | custom
    first: str = ""  # YYYY-MM-DD
    weekday: str = "MO"
    nth: int = 1  # monthly: the nth weekday of the month (-1: the last)
    until: str = ""  # YYYY-MM-DD or ""
    text: str = ""  # the rule's own text (RFC 5545 lines)


def rule_form(rule: str) -> RuleForm:
    """The form for a stored rule (custom when it is not one of the common shapes)."""
    text = "\n".join(line.strip() for line in rule.strip().splitlines())
    match = _SIMPLE.fullmatch(text)
    if match is None or (match["freq"] == "MONTHLY") != bool(match["nth"]):
        return RuleForm("custom", text=text)
    if match["freq"] == "MONTHLY" and match["interval"]:
        return RuleForm("custom", text=text)

    def iso(value: str | None) -> str:
        return f"{value[:4]}-{value[4:6]}-{value[6:8]}" if value else ""

    repeat = (
        "monthly" if match["freq"] == "MONTHLY" else "biweekly" if match["interval"] else "weekly"
    )
    return RuleForm(
        repeat,
        iso(match["first"]),
        match["weekday"],
        int(match["nth"] or 1),
        iso(match["until"]),
        text,
    )


def rule_from_form(values: dict[str, str]) -> str:
    """The rule text the form's fields give; ScheduleError naming the field otherwise."""
    repeat = values.get("repeat", "custom")
    if repeat not in REPEATS:
        raise ScheduleError("repeat", "请选择重复方式")
    if repeat == "custom":
        text = values.get("rule", "").strip().replace("\r\n", "\n")
        if not text:
            raise ScheduleError("rule", "请填写规则")
        return text
    first = _day(values.get("first", ""), "first", "首次日期")
    if first is None:
        raise ScheduleError("first", "请填写首次日期")
    until = _day(values.get("until", ""), "until", "截止日期")
    if until is not None and until < first:
        raise ScheduleError("until", "截止日期早于首次日期")
    weekday = values.get("weekday", "")
    if weekday not in WEEKDAYS:
        raise ScheduleError("weekday", "请选择星期几")
    if repeat == "monthly":
        nth = values.get("nth", "1")
        if nth not in ("1", "2", "3", "4", "-1"):
            raise ScheduleError("nth", "请选择第几个")
        rrule = f"FREQ=MONTHLY;BYDAY={nth}{weekday}"
    else:
        rrule = (
            "FREQ=WEEKLY;" + ("INTERVAL=2;" if repeat == "biweekly" else "") + f"BYDAY={weekday}"
        )
    if until is not None:
        rrule += f";UNTIL={until:%Y%m%d}"
    return f"DTSTART:{first:%Y%m%d}\nRRULE:{rrule}"


def describe_rule(rule: str) -> str:
    """每周一, 每两周的周三, 每月第一个星期五 ... (自定义规则 for the others)."""
    form = rule_form(rule)
    day = WEEKDAY_NAMES.get(form.weekday, "")
    until = f"，至 {form.until}" if form.until else ""
    if form.repeat == "weekly":
        return f"每周{day}{until}"
    if form.repeat == "biweekly":
        return f"每两周的周{day}（{form.first} 起）{until}"
    if form.repeat == "monthly":
        return f"每月{NTH_NAMES[form.nth]}星期{day}{until}"
    return "自定义规则"


def _day(text: str, field: str, label: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ScheduleError(field, f"{label}“{text[:20]}”不是日期，应写成 2026-12-07") from None


def _time(text: str, field: str, label: str) -> time:
    text = text.strip()
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise ScheduleError(field, f"{label}“{text[:20]}”不是时间，应写成 09:00") from None


def find_schedule(session: Session, station_id: str, schedule_id: str) -> Schedule:
    row = session.scalars(
        select(Schedule).where(
            Schedule.station_id == station_id, Schedule.schedule_id == schedule_id
        )
    ).one_or_none()
    if row is None:
        raise ScheduleNotFound(schedule_id)
    return row


def station_schedules(session: Session, station_id: str) -> list[ReceptionSchedule]:
    rows = session.scalars(
        select(Schedule).where(Schedule.station_id == station_id).order_by(Schedule.position)
    )
    return [schedule_entity(row) for row in rows]


def next_dates(
    session: Session,
    station_id: str,
    schedule: ReceptionSchedule,
    today: date,
    count: int = PREVIEW_COUNT,
) -> list[ReceptionDay]:
    """The schedule's next `count` days from `today` as the kiosk's calendar shows them (the
    same domain code, the same holiday table): held, moved, cancelled, moved-away markers."""
    holidays = holiday_calendar(session, since=today.year - 1)
    station_deputies = [
        d
        for d in session.scalars(
            select(Deputy.deputy_id)
            .where(Deputy.station_id == station_id)
            .order_by(Deputy.position)
        )
    ]
    found: list[ReceptionDay] = []
    first = today
    while len(found) < count and (first - today).days <= HORIZON_DAYS:
        last = first + timedelta(days=91)
        found += reception_days_between(
            [schedule],
            first,
            last,
            holidays=holidays,
            station_deputies=station_deputies,
            held_only=False,
        )
        first = last + timedelta(days=1)
    return found[:count]


def _form_fields(values: dict[str, str]) -> dict[str, Any]:
    """Title, place, times and rule from the form (creating and editing alike)."""
    title = values.get("title", "").strip()
    if not title:
        raise ScheduleError("title", "请填写名称")
    if len(title) > 200:
        raise ScheduleError("title", "名称超过 200 个字")
    place = values.get("place", "").strip()
    if len(place) > 200:
        raise ScheduleError("place", "地点超过 200 个字")
    start = _time(values.get("start", ""), "start", "开始时间")
    end = _time(values.get("end", ""), "end", "结束时间")
    if end <= start:
        raise ScheduleError("end", "结束时间应晚于开始时间")
    rule = rule_from_form(values)
    return {"title": title, "place": place, "start": start, "end": end, "rule": rule}


def _checked(schedule: ReceptionSchedule, **changes: Any) -> ReceptionSchedule:
    try:
        return replace(schedule, **changes)
    except InvalidRule as error:
        raise ScheduleError("rule", f"规则读不懂：{error}") from None


def edited_schedule(
    schedule: ReceptionSchedule, values: dict[str, str]
) -> tuple[ReceptionSchedule, list[OccurrenceChange]]:
    """The schedule with the form's title, times, place and rule; the changes of days the new
    rule no longer has are dropped (and returned, so the page can say so)."""
    fields = _form_fields(values)
    title, place, start, end = fields["title"], fields["place"], fields["start"], fields["end"]
    bare = _checked(schedule, rule=fields["rule"], changes=())
    kept: list[OccurrenceChange] = []
    dropped: list[OccurrenceChange] = []
    for change in schedule.changes:
        try:
            _checked(bare, changes=(*kept, change))
            kept.append(change)
        except ScheduleError:
            dropped.append(change)
    return _checked(
        bare, title=title, place=place, start=start, end=end, changes=tuple(kept)
    ), dropped


def _save(row: Schedule, schedule: ReceptionSchedule) -> None:
    row.title, row.rule, row.place = schedule.title, schedule.rule, schedule.place
    row.start, row.end = schedule.start, schedule.end
    row.changes = [change_document(c) for c in schedule.changes]


def update_schedule(
    session: Session,
    who: Who | None,
    station_id: str,
    schedule_id: str,
    values: dict[str, str],
    *,
    now: datetime,
) -> list[OccurrenceChange]:
    """Save the form's rule, times, title and place; the dropped changes (see edited_schedule)."""
    row = find_schedule(session, station_id, schedule_id)
    schedule, dropped = edited_schedule(schedule_entity(row), values)
    _save(row, schedule)
    detail = describe_rule(schedule.rule) + f" {schedule.start:%H:%M}-{schedule.end:%H:%M}"
    target = f"{station_id}/{schedule_id}"
    audit.record(session, who, "schedule.update", target, detail, now=now, login="cli")
    return dropped


def change_occurrence(
    session: Session,
    who: Who | None,
    station_id: str,
    schedule_id: str,
    values: dict[str, str],
    *,
    now: datetime,
) -> OccurrenceChange | None:
    """Cancel, move or restore one day of a schedule (`action` cancel | move | restore), with a
    public reason visitors read on the kiosk; the change made (None when restored)."""
    row = find_schedule(session, station_id, schedule_id)
    schedule = schedule_entity(row)
    day = _day(values.get("day", ""), "day", "日期")
    if day is None:
        raise ScheduleError("day", "请选择哪一天")
    action = values.get("action", "")
    reason = values.get("reason", "").strip()
    others = tuple(c for c in schedule.changes if c.day != day)
    change: OccurrenceChange | None = None
    if action == "restore":
        if len(others) == len(schedule.changes):
            raise ScheduleError("day", f"{day} 没有取消或改期")
    elif action in ("cancel", "move"):
        if not reason:
            raise ScheduleError("reason", "请写明原因（群众会在一体机上看到）")
        if len(reason) > MAX_REASON:
            raise ScheduleError("reason", f"原因超过 {MAX_REASON} 个字")
        if action == "cancel":
            change = OccurrenceChange(day, cancelled=True, reason=reason)
        else:
            moved_to = _day(values.get("moved_to", ""), "moved_to", "新日期") or day
            start = _time(
                values.get("new_start") or f"{schedule.start:%H:%M}", "new_start", "开始时间"
            )
            end = _time(values.get("new_end") or f"{schedule.end:%H:%M}", "new_end", "结束时间")
            if end <= start:
                raise ScheduleError("new_end", "结束时间应晚于开始时间")
            same_hours = (start, end) == (schedule.start, schedule.end)
            if moved_to == day and same_hours:
                raise ScheduleError("moved_to", "改期请换一个日期或时间")
            change = OccurrenceChange(
                day,
                moved_to=moved_to if moved_to != day else None,
                start=None if same_hours else start,
                end=None if same_hours else end,
                reason=reason,
            )
    else:
        raise ScheduleError("action", "请选择取消、改期或恢复")
    changes = others + ((change,) if change else ())
    try:
        changed = replace(schedule, changes=changes)
    except InvalidRule as error:
        text = str(error)
        if "no reception on that date" in text:
            raise ScheduleError("day", f"{day} 按规则没有接待") from None
        raise ScheduleError("day", f"不能这样改：{text}") from None
    _save(row, changed)
    target = f"{station_id}/{schedule_id}"
    detail = f"{day} {reason}"[:200]
    audit.record(session, who, f"schedule.{action}", target, detail, now=now, login="cli")
    return change


# --- a new schedule made in the console or by `schedules create` ------------------------------


def station_deputy_ids(session: Session, station_id: str) -> list[str]:
    """The station's deputies' ids in roster order (the order rotations follow)."""
    return list(
        session.scalars(
            select(Deputy.deputy_id)
            .where(Deputy.station_id == station_id)
            .order_by(Deputy.position)
        )
    )


def new_schedule(
    values: dict[str, str],
    chosen: Sequence[str],
    station_deputies: Sequence[str],
    schedule_id: str = "new",
) -> ReceptionSchedule:
    """A schedule from the form: title, theme, place, times and rule as when editing, the
    deputies on it (at least one, from the station's roster, kept in roster order) and, when
    `per_occurrence` is given, how many of them take their turn each time (the model's LIST
    rotation). ScheduleError naming the field otherwise."""
    fields = _form_fields(values)
    deputies, per_occurrence, theme = _people(values, chosen, station_deputies)
    try:
        return ReceptionSchedule(
            id=schedule_id,
            deputy_ids=deputies,
            per_occurrence=per_occurrence,
            theme=theme,
            **fields,
        )
    except InvalidRule as error:
        raise ScheduleError("rule", f"规则读不懂：{error}") from None


def _people(
    values: dict[str, str], chosen: Sequence[str], station_deputies: Sequence[str]
) -> tuple[tuple[str, ...], int | None, str]:
    """The deputies (roster order), how many take their turn each time, and the theme."""
    theme = values.get("theme", "").strip()
    if len(theme) > 200:
        raise ScheduleError("theme", "主题超过 200 个字")
    unknown = [d for d in chosen if d not in station_deputies]
    if unknown:
        raise ScheduleError("deputies", f"本站代表名单里没有 {'、'.join(unknown)}")
    deputies = tuple(d for d in station_deputies if d in set(chosen))
    if not deputies:
        raise ScheduleError("deputies", "请至少选一位代表")
    per_text = values.get("per_occurrence", "").strip()
    per_occurrence: int | None = None
    if per_text:
        if not per_text.isdigit() or int(per_text) < 1:
            raise ScheduleError("per_occurrence", f"每次几位“{per_text[:10]}”应是 1 以上的整数")
        per_occurrence = int(per_text)
        if per_occurrence > len(deputies):
            raise ScheduleError(
                "per_occurrence", f"每次 {per_occurrence} 位，但只选了 {len(deputies)} 位代表"
            )
        if per_occurrence == len(deputies):
            per_occurrence = None  # every one of them every time: no rotation
    return deputies, per_occurrence, theme


def update_people(
    session: Session,
    who: Who | None,
    station_id: str,
    schedule_id: str,
    values: dict[str, str],
    chosen: Sequence[str],
    *,
    now: datetime,
) -> ReceptionSchedule:
    """Change who is on a schedule (and how they take turns) and its theme, with the same
    checks as a new schedule. A rotation over the whole station or named per date is kept as
    it is: those are made by JSON import."""
    row = find_schedule(session, station_id, schedule_id)
    schedule = schedule_entity(row)
    if schedule.rotation is not Rotation.LIST:
        raise ScheduleError(
            "deputies", "这个安排的轮换方式是按全站名单或按日期指定，请用 JSON 导入修改"
        )
    deputies, per_occurrence, theme = _people(
        values, chosen, station_deputy_ids(session, station_id)
    )
    changed = _checked(schedule, deputy_ids=deputies, per_occurrence=per_occurrence, theme=theme)
    row.deputy_ids, row.per_occurrence, row.theme = list(deputies), per_occurrence, theme
    turns = f"，每次 {per_occurrence} 位轮流" if per_occurrence else ""
    detail = f"{'、'.join(deputies)}{turns}"[:200]
    target = f"{station_id}/{schedule_id}"
    audit.record(session, who, "schedule.people", target, detail, now=now, login="cli")
    return changed


def create_schedule(
    session: Session,
    who: Who | None,
    station_id: str,
    values: dict[str, str],
    chosen: Sequence[str],
    *,
    now: datetime,
) -> ReceptionSchedule:
    """Add a schedule to the station (after its others); kiosks get it with their next pull."""
    rows = list(session.scalars(select(Schedule).where(Schedule.station_id == station_id)))
    taken = {row.schedule_id for row in rows}
    schedule_id = f"reception-{secrets.token_hex(3)}"
    while schedule_id in taken:
        schedule_id = f"reception-{secrets.token_hex(3)}"
    schedule = new_schedule(values, chosen, station_deputy_ids(session, station_id), schedule_id)
    session.add(
        Schedule(
            station_id=station_id,
            schedule_id=schedule.id,
            position=max((row.position for row in rows), default=-1) + 1,
            title=schedule.title,
            rule=schedule.rule,
            start=schedule.start,
            end=schedule.end,
            deputy_ids=list(schedule.deputy_ids),
            per_occurrence=schedule.per_occurrence,
            theme=schedule.theme,
            place=schedule.place,
        )
    )
    session.flush()
    detail = f"{schedule.title}：{describe_rule(schedule.rule)}"[:200]
    target = f"{station_id}/{schedule.id}"
    audit.record(session, who, "schedule.create", target, detail, now=now, login="cli")
    return schedule


def delete_schedule(
    session: Session, who: Who | None, station_id: str, schedule_id: str, *, now: datetime
) -> str:
    """Remove one schedule (its days leave the kiosks with their next pull); its title."""
    row = find_schedule(session, station_id, schedule_id)
    title = row.title
    session.delete(row)
    session.flush()
    target = f"{station_id}/{schedule_id}"
    audit.record(session, who, "schedule.delete", target, title[:200], now=now, login="cli")
    return title
