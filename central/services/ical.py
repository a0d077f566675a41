# SPDX-License-Identifier: GPL-3.0-or-later
"""A station's reception schedules as iCalendar (RFC 5545), out and back in.

Export: one VEVENT per schedule (its rule as RRULE/RDATE/EXDATE, times in Asia/Shanghai),
plus one VEVENT per changed occurrence (RECURRENCE-ID; STATUS:CANCELLED for a cancelled one),
so a calendar app subscribed to the feed shows what the kiosk shows. What calendars have no
words for (deputies, rotation, invited departments, holiday behaviour, reasons) travels in
X-KIOSK-* properties, which calendar apps ignore and our import reads back.

Import reads such a file (ours, or one made in a calendar app) and refuses it whole, with
one line per problem (line number, property, what is wrong), when anything is off: broken
lines, unknown components, impossible dates, rules that cannot be read, unknown deputies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from central.services.rosters import ID_PATTERN, ImportRefused, Problem
from kiosk.domain.reception import CHINA_TIME, InvalidRule, ReceptionSchedule, first_occurrence
from kiosk.domain.snapshot import InvalidSnapshot, schedule_from_document


class Problem(Problem):  # noqa: F811 (the same problem, counted in lines of the file)
    def __str__(self) -> str:
        where = f"line {self.row}" if self.row else "file"
        return (
            f"{where}, {self.column}: {self.problem}" if self.column else f"{where}: {self.problem}"
        )


TZID = "Asia/Shanghai"
# Zones that are UTC+8 all year today: a file from elsewhere in China may name any of them.
CHINA_ZONES = {"asia/shanghai", "asia/chongqing", "asia/harbin", "asia/urumqi", "prc", "etc/gmt-8"}
PRODID = "-//station-kiosk//reception days//ZH"
MAX_LINES = 100_000
# Components a reception calendar may hold; anything else is refused (say, a VTODO).
KNOWN_COMPONENTS = {"VCALENDAR", "VEVENT", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VALARM"}
# VEVENT properties read or harmlessly ignored; others are refused so nothing is lost silently.
IGNORED = {
    "DTSTAMP", "CREATED", "LAST-MODIFIED", "SEQUENCE", "TRANSP", "CLASS", "CATEGORIES",
    "ORGANIZER", "ATTENDEE", "PRIORITY", "URL", "COMMENT",
}  # fmt: skip


# --- writing ---------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545 3.1), whole characters."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74  # a continuation starts with one space
        if len((current + char).encode()) > limit:
            out.append(current)
            current = ""
        current += char
    out.append(current)
    return "\r\n ".join(out)


def _local(day: date, at: time) -> str:
    return f"{day:%Y%m%d}T{at:%H%M%S}"


def _rule_lines(schedule: ReceptionSchedule) -> list[str]:
    """The rule's RRULE/RDATE/EXDATE lines with times: RFC 5545 wants them typed as DTSTART."""
    lines = []
    for raw in schedule.rule.splitlines():
        line = raw.strip()
        name, _, value = line.partition(":")
        name = name.partition(";")[0].upper()
        if name == "RRULE":
            lines.append("RRULE:" + _until_utc(value))
        elif name in ("RDATE", "EXDATE"):
            days = [_value_day(v) for v in value.split(",") if v.strip()]
            lines.append(f"{name};TZID={TZID}:" + ",".join(_local(d, schedule.start) for d in days))
    return lines


def _value_day(value: str) -> date:
    value = value.strip()
    return date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def _until_utc(rrule: str) -> str:
    """UNTIL as the end of that day in China, in UTC: required with a zoned DTSTART."""
    parts = []
    for part in rrule.split(";"):
        key, _, value = part.partition("=")
        if key.upper() == "UNTIL" and not value.upper().endswith("Z"):
            end = datetime.combine(_value_day(value), time(23, 59, 59), CHINA_TIME)
            value = f"{end.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        parts.append(f"{key}={value}" if value else key)
    return ";".join(parts)


def export_calendar(
    station_id: str,
    station_name: str,
    schedules: Sequence[ReceptionSchedule],
    deputy_names: dict[str, str],
    now: datetime,
) -> str:
    """The station's schedules as an .ics text (CRLF lines, folded)."""
    stamp = f"{now.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(station_name + ' 接待日')}",
        f"X-WR-TIMEZONE:{TZID}",
        "BEGIN:VTIMEZONE",
        f"TZID:{TZID}",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "TZNAME:CST",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
    for s in schedules:
        uid = f"{s.id}@{station_id}"
        # RFC 5545 counts DTSTART as the first occurrence: it must be a real reception day.
        first = first_occurrence(s.rule)
        if first is None:
            continue  # a rule without any day left (COUNT/UNTIL): nothing to show
        names = [deputy_names.get(i, i) for i in s.deputy_ids]
        description = [f"主题：{s.theme}" if s.theme else ""]
        description.append(f"代表：{'、'.join(names)}" if names else "")
        description.append(f"邀请部门：{'、'.join(s.invited)}" if s.invited else "")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;TZID={TZID}:{_local(first, s.start)}",
            f"DTEND;TZID={TZID}:{_local(first, s.end)}",
            *_rule_lines(s),
            f"SUMMARY:{_escape(s.title)}",
        ]
        if s.place:
            lines.append(f"LOCATION:{_escape(s.place)}")
        if any(description):
            lines.append(f"DESCRIPTION:{_escape(chr(10).join(d for d in description if d))}")
        lines += [
            f"X-KIOSK-THEME:{_escape(s.theme)}",
            f"X-KIOSK-DEPUTIES:{','.join(_escape(i) for i in s.deputy_ids)}",
            f"X-KIOSK-ROTATION:{s.rotation.value}",
            f"X-KIOSK-ON-HOLIDAY:{s.on_holiday.value}",
        ]
        if s.per_occurrence is not None:
            lines.append(f"X-KIOSK-PER-OCCURRENCE:{s.per_occurrence}")
        if s.invited:
            lines.append(f"X-KIOSK-INVITED:{','.join(_escape(d) for d in s.invited)}")
        for day, ids in sorted(s.roster.items()):
            lines.append(f"X-KIOSK-ROSTER;X-DATE={day:%Y%m%d}:{','.join(_escape(i) for i in ids)}")
        lines.append("END:VEVENT")
        for change in s.changes:
            target = change.moved_to or change.day
            lines += [
                "BEGIN:VEVENT",
                f"UID:{uid}",
                f"DTSTAMP:{stamp}",
                f"RECURRENCE-ID;TZID={TZID}:{_local(change.day, s.start)}",
                f"DTSTART;TZID={TZID}:{_local(target, change.start or s.start)}",
                f"DTEND;TZID={TZID}:{_local(target, change.end or s.end)}",
                f"SUMMARY:{_escape(s.title)}",
            ]
            if change.cancelled:
                lines.append("STATUS:CANCELLED")
            if change.reason:
                lines.append(f"DESCRIPTION:{_escape(change.reason)}")
                lines.append(f"X-KIOSK-REASON:{_escape(change.reason)}")
            lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


# --- reading ---------------------------------------------------------------------------------


@dataclass
class _Property:
    line: int
    name: str
    params: dict[str, str]
    value: str


@dataclass
class _Component:
    line: int
    name: str
    properties: list[_Property] = field(default_factory=list)
    children: list[_Component] = field(default_factory=list)

    def all(self, name: str) -> list[_Property]:
        return [p for p in self.properties if p.name == name]

    def one(self, name: str) -> _Property | None:
        found = self.all(name)
        return found[0] if found else None


_NAME = re.compile(r"[A-Za-z0-9-]+")


def _content_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded lines with the number of their first physical line."""
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + raw[1:])
        elif raw.strip():
            lines.append((number, raw))
    return lines


def _parse_line(number: int, line: str, problems: list[Problem]) -> _Property | None:
    # name *(";" param) ":" value; a colon inside a quoted parameter value does not count.
    head, quoted, split = "", False, None
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            split = i
            break
    if split is None:
        problems.append(Problem(number, "", f"not a property line (no ':'): {line[:40]!r}"))
        return None
    head, value = line[:split], line[split + 1 :]
    name, *raw_params = head.split(";")
    if not _NAME.fullmatch(name):
        problems.append(Problem(number, "", f"not a property name: {name[:40]!r}"))
        return None
    params = {}
    for raw in raw_params:
        key, equals, param = raw.partition("=")
        if not equals:
            problems.append(Problem(number, name.upper(), f"broken parameter {raw[:40]!r}"))
            return None
        params[key.upper()] = param.strip('"')
    return _Property(number, name.upper(), params, value)


def _parse_components(text: str, problems: list[Problem]) -> _Component | None:
    lines = _content_lines(text)
    if len(lines) > MAX_LINES:
        problems.append(Problem(0, "", f"more than {MAX_LINES} lines"))
        return None
    stack: list[_Component] = []
    root: _Component | None = None
    for number, line in lines:
        prop = _parse_line(number, line, problems)
        if prop is None:
            continue
        if prop.name == "BEGIN":
            component = _Component(number, prop.value.strip().upper())
            if component.name not in KNOWN_COMPONENTS:
                problems.append(Problem(number, "BEGIN", f"unknown component {component.name}"))
            if stack:
                stack[-1].children.append(component)
            elif root is None:
                root = component
            else:
                problems.append(Problem(number, "BEGIN", "a second calendar in the same file"))
            stack.append(component)
        elif prop.name == "END":
            name = prop.value.strip().upper()
            if not stack or stack[-1].name != name:
                open_one = f" while {stack[-1].name} (line {stack[-1].line}) is never ended"
                problems.append(
                    Problem(
                        number,
                        "END",
                        f"END:{name} without its BEGIN" if not stack else f"END:{name}{open_one}",
                    )
                )
                return None
            stack.pop()
        elif not stack:
            problems.append(Problem(number, prop.name, "outside BEGIN:VCALENDAR ... END"))
        else:
            stack[-1].properties.append(prop)
    if stack:
        problems.append(Problem(stack[-1].line, "BEGIN", f"{stack[-1].name} is never ended"))
    if root is None or root.name != "VCALENDAR":
        problems.append(Problem(0, "", "not an iCalendar file (no BEGIN:VCALENDAR)"))
        return None
    return root


def _unescape(text: str) -> str:
    return re.sub(
        r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text, flags=re.DOTALL
    )


def _split_list(text: str) -> list[str]:
    """A comma-separated TEXT list (escaped commas stay in their item)."""
    return [_unescape(item) for item in re.split(r"(?<!\\),", text) if item]


class _EventReader:
    def __init__(self, event: _Component, problems: list[Problem]) -> None:
        self.event, self.problems = event, problems

    def problem(self, prop: _Property | None, text: str) -> None:
        line = prop.line if prop else self.event.line
        self.problems.append(Problem(line, prop.name if prop else "VEVENT", text))

    def moment(self, prop: _Property, value: str | None = None) -> datetime | date | None:
        """A DATE or DATE-TIME value, as China time (or a date)."""
        value = (prop.value if value is None else value).strip()
        try:
            if prop.params.get("VALUE", "").upper() == "DATE" or len(value) == 8:
                return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
            if not re.fullmatch(r"\d{8}T\d{6}Z?", value):
                raise ValueError
            moment = datetime(
                int(value[:4]),
                int(value[4:6]),
                int(value[6:8]),
                int(value[9:11]),
                int(value[11:13]),
                int(value[13:15]),
            )
        except ValueError:
            self.problem(prop, f"{value!r} is not a real date or time")
            return None
        if value.endswith("Z"):
            return moment.replace(tzinfo=UTC).astimezone(CHINA_TIME).replace(tzinfo=None)
        zone = prop.params.get("TZID")
        if zone is None or zone.lower() in CHINA_ZONES:
            return moment  # floating time: the station's own clock
        try:
            from zoneinfo import ZoneInfo

            there = moment.replace(tzinfo=ZoneInfo(zone))
        except (ValueError, KeyError, OSError):
            self.problem(prop, f"unknown time zone {zone!r}")
            return None
        return there.astimezone(CHINA_TIME).replace(tzinfo=None)

    def text(self, name: str) -> str:
        prop = self.event.one(name)
        return _unescape(prop.value) if prop else ""


def import_calendar(text: str, deputy_ids: set[str]) -> list[ReceptionSchedule]:
    """The schedules an .ics text describes; ImportRefused listing every problem otherwise."""
    problems: list[Problem] = []
    root = _parse_components(text, problems)
    if root is None or problems:
        raise ImportRefused(problems)
    masters: dict[str, dict[str, Any]] = {}
    overrides: list[tuple[str, _EventReader, dict[str, Any]]] = []
    order: list[str] = []
    for event in root.children:
        if event.name != "VEVENT":
            continue
        reader = _EventReader(event, problems)
        uid_prop = event.one("UID")
        if uid_prop is None:
            reader.problem(None, "no UID")
            continue
        schedule_id = _unescape(uid_prop.value).partition("@")[0]
        if not ID_PATTERN.fullmatch(schedule_id):
            reader.problem(uid_prop, "the UID must start with a schedule id (letters, digits)")
            continue
        recurrence = event.one("RECURRENCE-ID")
        if recurrence is not None:
            change = _change(reader, recurrence)
            if change is not None:
                overrides.append((schedule_id, reader, change))
            continue
        if schedule_id in masters:
            reader.problem(uid_prop, f"a second event for schedule {schedule_id}")
            continue
        document = _schedule(reader, schedule_id, deputy_ids)
        if document is not None:
            masters[schedule_id] = document
            order.append(schedule_id)
    for schedule_id, reader, change in overrides:
        if schedule_id in masters:
            master = masters[schedule_id]
            # The schedule's own hours on another day: a move of the date only.
            if "moved_to" in change and (change["start"], change["end"]) == (
                master["start"],
                master["end"],
            ):
                del change["start"], change["end"]
            master["changes"].append(change)
        elif not any(p.row == reader.event.line for p in problems):
            reader.problem(None, f"changes an occurrence of {schedule_id}, which is not here")
    schedules = []
    if not problems:
        for schedule_id in order:
            document = masters[schedule_id]
            try:
                schedules.append(schedule_from_document(document, f"schedule {schedule_id}"))
            except (InvalidSnapshot, InvalidRule) as error:
                line = document["_line"]
                problems.append(Problem(line, "VEVENT", str(error)))
    if problems:
        raise ImportRefused(problems)
    return schedules


def _schedule(
    reader: _EventReader, schedule_id: str, deputy_ids: set[str]
) -> dict[str, Any] | None:
    event, before = reader.event, len(reader.problems)
    for prop in event.properties:
        known = prop.name in IGNORED or prop.name.startswith("X-") or prop.name in {
            "UID", "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "SUMMARY",
            "LOCATION", "DESCRIPTION", "STATUS",
        }  # fmt: skip
        if not known:
            reader.problem(prop, "not understood here (a reception schedule cannot hold it)")
    start_prop = event.one("DTSTART")
    if start_prop is None:
        reader.problem(None, "no DTSTART")
        return None
    start = reader.moment(start_prop)
    if isinstance(start, date) and not isinstance(start, datetime):
        reader.problem(start_prop, "an all-day event: a reception needs its hours")
        return None
    end: datetime | date | None = None
    end_prop, duration = event.one("DTEND"), event.one("DURATION")
    if end_prop is not None:
        end = reader.moment(end_prop)
    elif duration is not None and start is not None:
        match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?", duration.value.strip())
        if match and any(match.groups()):
            end = start + timedelta(hours=int(match[1] or 0), minutes=int(match[2] or 0))
        else:
            reader.problem(duration, "only durations of hours and minutes (PT2H30M)")
    else:
        reader.problem(None, "no DTEND or DURATION")
    if start is None or not isinstance(end, datetime):
        return None
    if end.date() != start.date():
        reader.problem(end_prop or duration, "a reception ends on the day it starts")
    if len(reader.problems) > before:
        return None
    rule = [f"DTSTART:{start:%Y%m%d}"]
    for prop in event.all("RRULE"):
        rule.append("RRULE:" + _until_local(reader, prop))
    for name in ("RDATE", "EXDATE"):
        for prop in event.all(name):
            days = [reader.moment(prop, v) for v in prop.value.split(",") if v.strip()]
            if all(d is not None for d in days):
                rule.append(f"{name}:" + ",".join(f"{d:%Y%m%d}" for d in days))  # type: ignore[str-format]
    ids = _split_list(event.one("X-KIOSK-DEPUTIES").value) if event.one("X-KIOSK-DEPUTIES") else []
    for unknown in [i for i in ids if i not in deputy_ids]:
        reader.problem(
            event.one("X-KIOSK-DEPUTIES"), f"no deputy {unknown} in this station's roster"
        )
    roster = {}
    for prop in event.all("X-KIOSK-ROSTER"):
        day = reader.moment(prop, prop.params.get("X-DATE", ""))
        named = _split_list(prop.value)
        for unknown in [i for i in named if i not in deputy_ids]:
            reader.problem(prop, f"no deputy {unknown} in this station's roster")
        if isinstance(day, date):
            roster[day.isoformat()] = named
    per = event.one("X-KIOSK-PER-OCCURRENCE")
    per_occurrence = None
    if per is not None:
        if re.fullmatch(r"[0-9]{1,4}", per.value.strip()):
            per_occurrence = int(per.value)
        else:
            reader.problem(per, "not a whole number")
    invited = event.one("X-KIOSK-INVITED")
    return {
        "_line": event.line,
        "id": schedule_id,
        "title": reader.text("SUMMARY") or schedule_id,
        "rule": "\n".join(rule),
        "start": start.time().isoformat("minutes"),
        "end": end.time().isoformat("minutes"),
        "deputy_ids": ids,
        "per_occurrence": per_occurrence,
        "theme": reader.text("X-KIOSK-THEME"),
        "place": reader.text("LOCATION"),
        "rotation": reader.text("X-KIOSK-ROTATION") or "list",
        "roster": roster,
        "invited": _split_list(invited.value) if invited else [],
        "on_holiday": reader.text("X-KIOSK-ON-HOLIDAY") or "flag",
        "changes": [],
    }


def _until_local(reader: _EventReader, prop: _Property) -> str:
    """UNTIL in China's local time, as the kiosk's rules keep it (floating)."""
    parts = []
    for part in prop.value.split(";"):
        key, _, value = part.partition("=")
        if key.upper() == "UNTIL":
            moment = reader.moment(prop, value)
            if isinstance(moment, datetime):
                value = f"{moment:%Y%m%dT%H%M%S}"
            elif isinstance(moment, date):
                value = f"{moment:%Y%m%d}"
        parts.append(f"{key}={value}")
    return ";".join(parts)


def _change(reader: _EventReader, recurrence: _Property) -> dict[str, Any] | None:
    original = reader.moment(recurrence)
    start_prop, end_prop = reader.event.one("DTSTART"), reader.event.one("DTEND")
    start = reader.moment(start_prop) if start_prop else None
    end = reader.moment(end_prop) if end_prop else None
    if original is None:
        return None
    original_day = original.date() if isinstance(original, datetime) else original
    reason = reader.text("X-KIOSK-REASON") or reader.text("DESCRIPTION")
    status = reader.event.one("STATUS")
    if status is not None and status.value.strip().upper() == "CANCELLED":
        return {"date": original_day.isoformat(), "cancelled": True, "reason": reason}
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        reader.problem(start_prop or recurrence, "a moved occurrence needs DTSTART and DTEND")
        return None
    change: dict[str, Any] = {"date": original_day.isoformat(), "reason": reason}
    if start.date() != original_day:
        change["moved_to"] = start.date().isoformat()
    change["start"] = start.time().isoformat("minutes")
    change["end"] = end.time().isoformat("minutes")
    return change
