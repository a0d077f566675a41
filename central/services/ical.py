# SPDX-License-Identifier: GPL-3.0-or-later
"""A station's reception schedules as iCalendar (RFC 5545), out and back in, through the
`icalendar` package's public API; what is ours is the mapping to reception schedules.

Export: one VEVENT per schedule (its rule as RRULE/RDATE/EXDATE, times in Asia/Shanghai),
plus one VEVENT per changed occurrence (RECURRENCE-ID; STATUS:CANCELLED for a cancelled one),
so a calendar app subscribed to the feed shows what the kiosk shows. What calendars have no
words for (deputies, rotation, invited departments, holiday behaviour, reasons) travels in
X-KIOSK-* properties, which calendar apps ignore and our import reads back.

Import reads such a file, or one from Outlook (TZID "China Standard Time" with its
VTIMEZONE), WPS or a phone's calendar (Asia/Shanghai, or UTC times), and refuses it whole, with
one line per problem (which event, which property, what is wrong), when anything is off:
broken lines, unknown components, impossible dates, rules that cannot be read, unknown
deputies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component, Event, Timezone, TimezoneStandard, vRecur, vUnknown

from central.services.rosters import ID_PATTERN, ImportRefused
from central.services.rosters import Problem as _Problem
from kiosk.domain.reception import CHINA_TIME, InvalidRule, ReceptionSchedule, first_occurrence
from kiosk.domain.snapshot import InvalidSnapshot, schedule_from_document


@dataclass(frozen=True)
class Problem(_Problem):
    """A problem of one event (named by its title and the line it starts on) or of the file."""

    event: str = ""

    def __str__(self) -> str:
        if not self.event:
            where = f"第{self.row}行" if self.row else "文件"
            return f"{where}：{self.problem}"
        prop = f"，{self.column}" if self.column else ""
        return f"{self.event}{prop}：{self.problem}"


TZID = "Asia/Shanghai"
SHANGHAI = ZoneInfo(TZID)
PRODID = "-//station-kiosk//reception days//ZH"
MAX_BYTES = 5 * 1024 * 1024
# Components a reception calendar may hold; anything else is refused (say, a VTODO).
KNOWN_COMPONENTS = {"VCALENDAR", "VEVENT", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VALARM"}
# VEVENT properties read, or harmlessly ignored; others are refused so nothing is lost silently.
READ = {
    "UID", "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "SUMMARY", "LOCATION",
    "DESCRIPTION", "STATUS", "RECURRENCE-ID",
}  # fmt: skip
IGNORED = {
    "DTSTAMP", "CREATED", "LAST-MODIFIED", "SEQUENCE", "TRANSP", "CLASS", "CATEGORIES",
    "ORGANIZER", "ATTENDEE", "PRIORITY", "URL", "COMMENT",
}  # fmt: skip


# --- writing ---------------------------------------------------------------------------------


def _escape(text: str) -> str:
    """TEXT escaping for the X-KIOSK-* values we write ourselves (lists are comma-joined)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _x(items: Sequence[str]) -> vUnknown:
    return vUnknown(",".join(_escape(i) for i in items))


def _at(day: date, at: time) -> datetime:
    return datetime.combine(day, at, SHANGHAI)


def _add_rule(event: Event, schedule: ReceptionSchedule) -> None:
    """The rule's RRULE/RDATE/EXDATE, typed as DTSTART (RFC 5545 wants them so)."""
    for raw in schedule.rule.splitlines():
        name, _, value = raw.strip().partition(":")
        name = name.partition(";")[0].upper()
        if name == "RRULE":
            event.add("RRULE", vRecur.from_ical(_until_utc(value)))
        elif name in ("RDATE", "EXDATE"):
            days = [_value_day(v) for v in value.split(",") if v.strip()]
            event.add(name, [_at(d, schedule.start) for d in days])


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


def _china_zone() -> Timezone:
    zone = Timezone()
    zone.add("TZID", TZID)
    standard = TimezoneStandard()
    standard.add("DTSTART", datetime(1970, 1, 1))
    standard.add("TZOFFSETFROM", timedelta(hours=8))
    standard.add("TZOFFSETTO", timedelta(hours=8))
    standard.add("TZNAME", "CST")
    zone.add_component(standard)
    return zone


def export_calendar(
    station_id: str,
    station_name: str,
    schedules: Sequence[ReceptionSchedule],
    deputy_names: dict[str, str],
    now: datetime,
) -> str:
    """The station's schedules as an .ics text (CRLF lines, folded)."""
    calendar = Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("X-WR-CALNAME", station_name + " 接待日")
    calendar.add("X-WR-TIMEZONE", TZID)
    calendar.add_component(_china_zone())
    stamp = now.astimezone(UTC)
    for s in schedules:
        uid = f"{s.id}@{station_id}"
        # RFC 5545 counts DTSTART as the first occurrence: it must be a real reception day.
        first = first_occurrence(s.rule)
        if first is None:
            continue  # a rule without any day left (COUNT/UNTIL): nothing to show
        names = [deputy_names.get(i, i) for i in s.deputy_ids]
        description = [
            f"主题：{s.theme}" if s.theme else "",
            f"代表：{'、'.join(names)}" if names else "",
            f"邀请部门：{'、'.join(s.invited)}" if s.invited else "",
        ]
        event = Event()
        event.add("UID", uid)
        event.add("DTSTAMP", stamp)
        event.add("DTSTART", _at(first, s.start))
        event.add("DTEND", _at(first, s.end))
        _add_rule(event, s)
        event.add("SUMMARY", s.title)
        if s.place:
            event.add("LOCATION", s.place)
        if any(description):
            event.add("DESCRIPTION", "\n".join(d for d in description if d))
        event.add("X-KIOSK-THEME", vUnknown(_escape(s.theme)))
        event.add("X-KIOSK-DEPUTIES", _x(s.deputy_ids))
        event.add("X-KIOSK-ROTATION", vUnknown(s.rotation.value))
        event.add("X-KIOSK-ON-HOLIDAY", vUnknown(s.on_holiday.value))
        if s.per_occurrence is not None:
            event.add("X-KIOSK-PER-OCCURRENCE", vUnknown(str(s.per_occurrence)))
        if s.invited:
            event.add("X-KIOSK-INVITED", _x(s.invited))
        for day, ids in sorted(s.roster.items()):
            event.add("X-KIOSK-ROSTER", _x(ids), parameters={"X-DATE": f"{day:%Y%m%d}"})
        calendar.add_component(event)
        for change in s.changes:
            target = change.moved_to or change.day
            moved = Event()
            moved.add("UID", uid)
            moved.add("DTSTAMP", stamp)
            moved.add("RECURRENCE-ID", _at(change.day, s.start))
            moved.add("DTSTART", _at(target, change.start or s.start))
            moved.add("DTEND", _at(target, change.end or s.end))
            moved.add("SUMMARY", s.title)
            if change.cancelled:
                moved.add("STATUS", "CANCELLED")
            if change.reason:
                moved.add("DESCRIPTION", change.reason)
                moved.add("X-KIOSK-REASON", vUnknown(_escape(change.reason)))
            calendar.add_component(moved)
    text: str = calendar.to_ical().decode()
    return text


# --- reading ---------------------------------------------------------------------------------


def _unescape(text: str) -> str:
    return re.sub(
        r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text, flags=re.DOTALL
    )


def _split_list(text: str) -> list[str]:
    """A comma-separated TEXT list (escaped commas stay in their item)."""
    return [_unescape(item) for item in re.split(r"(?<!\\),", text) if item]


def _raw(value: Any) -> str:
    """An X- property's value as the file writes it (icalendar keeps unknown ones as they are)."""
    if isinstance(value, list):
        value = value[0]
    raw = value.to_ical() if hasattr(value, "to_ical") else value
    return raw.decode() if isinstance(raw, bytes) else str(raw)


def _many(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _first_lines(text: str) -> dict[str, int]:
    """UID -> the line its first event starts on, to point staff at it."""
    lines: dict[str, int] = {}
    begin = 0
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().upper() == "BEGIN:VEVENT":
            begin = number
        elif line.upper().startswith("UID") and ":" in line and begin:
            lines.setdefault(line.partition(":")[2].strip(), begin)
    return lines


def _read_calendar(text: str) -> Calendar:
    if len(text.encode()) > MAX_BYTES:
        raise ImportRefused([Problem(0, "", f"文件超过 {MAX_BYTES // 1024 // 1024} MB")])
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        message = str(error)
        broken = re.search(r"Content line could not be parsed into parts: '(.*?)'", message)
        if broken:
            line = broken.group(1)
            numbers = [n for n, raw in enumerate(text.splitlines(), 1) if raw.strip() == line]
            where = numbers[0] if numbers else 0
            raise ImportRefused(
                [Problem(where, "", f"不是日历的内容行（缺少“:”）：{line[:40]!r}")]
            ) from None
        if "exactly one is required" in message or "components" in message:
            raise ImportRefused(
                [
                    Problem(
                        0,
                        "",
                        "日历不完整：每个 BEGIN 都要有对应的 END，且文件里只能有一个"
                        " BEGIN:VCALENDAR（文件可能被截断了）",
                    )
                ]
            ) from None
        raise ImportRefused([Problem(0, "", f"不是能读的日历文件：{message[:200]}")]) from None
    if calendar.name != "VCALENDAR":
        raise ImportRefused([Problem(0, "", "不是日历文件（没有 BEGIN:VCALENDAR）")])
    return calendar


class _EventReader:
    def __init__(self, event: Component, label: str, problems: list[Problem]) -> None:
        self.event, self.label, self.problems = event, label, problems
        self.broken = dict(event.errors)

    def problem(self, prop: str, text: str) -> None:
        self.problems.append(Problem(0, prop, text, event=self.label))

    def report_broken(self) -> None:
        """Values icalendar could not read (it keeps them aside): what staff must fix."""
        for prop, message in self.broken.items():
            if prop not in READ:
                continue
            value = message.rpartition(": ")[2][:60]
            if prop in ("RRULE", "EXRULE"):
                self.problem(prop, f"重复规则读不懂：{message[:120]}")
            else:
                self.problem(prop, f"“{value}”不是真实的日期或时间")

    def moment(self, prop: str, value: Any = None) -> datetime | date | None:
        """A DATE or DATE-TIME value as China time (naive), or a date."""
        if prop in self.broken and value is None:
            return None  # said by report_broken
        if value is None:
            value = self.event.get(prop)
        if isinstance(value, list):
            value = value[0]
        moment = getattr(value, "dt", None)
        if isinstance(moment, datetime):
            zone = value.params.get("TZID") if hasattr(value, "params") else None
            if moment.tzinfo is None:
                if zone and zone.lower() not in ("", "floating"):
                    self.problem(prop, f"不认识的时区“{zone}”（文件里也没有它的 VTIMEZONE）")
                    return None
                return moment  # floating time: the station's own clock
            return moment.astimezone(CHINA_TIME).replace(tzinfo=None)
        if isinstance(moment, date):
            return moment
        self.problem(prop, "不是日期或时间")
        return None

    def text(self, prop: str) -> str:
        value = self.event.get(prop)
        if value is None:
            return ""
        if isinstance(value, list):
            value = value[0]
        if prop.startswith("X-"):
            return _unescape(_raw(value))
        return str(value)


def import_calendar(text: str, deputy_ids: set[str]) -> list[ReceptionSchedule]:
    """The schedules an .ics text describes; ImportRefused listing every problem otherwise."""
    calendar = _read_calendar(text)
    problems: list[Problem] = []
    lines = _first_lines(text)
    for component in calendar.walk():
        if component.name not in KNOWN_COMPONENTS:
            problems.append(
                Problem(
                    0,
                    "",
                    f"日历里有 {component.name}（unknown component {component.name}）："
                    "接待安排只能从事件（VEVENT）导入",
                )
            )
    masters: dict[str, dict[str, Any]] = {}
    overrides: list[tuple[str, _EventReader, dict[str, Any]]] = []
    order: list[str] = []
    ids_by_uid: dict[str, str] = {}
    for number, event in enumerate(calendar.walk("VEVENT"), 1):
        uid = str(event.get("UID", "")).strip()
        summary = str(event.get("SUMMARY", "")).strip()
        line = lines.get(uid)
        label = f"第{line}行起的事件" if line else f"第{number}个事件"
        label += f"“{summary[:30]}”" if summary else ""
        reader = _EventReader(event, label, problems)
        reader.report_broken()
        if not uid:
            reader.problem("UID", "缺少 UID")
            continue
        schedule_id = ids_by_uid.get(uid) or uid.partition("@")[0]
        if not ID_PATTERN.fullmatch(schedule_id):
            # Outlook's and phones' UIDs are long or carry other characters: an id made of it.
            schedule_id = _id_for(uid, set(ids_by_uid.values()))
        ids_by_uid[uid] = schedule_id
        try:
            if event.get("RECURRENCE-ID") is not None:
                change = _change(reader)
                if change is not None:
                    overrides.append((schedule_id, reader, change))
                continue
            if schedule_id in masters:
                reader.problem("UID", f"与前面的事件 UID 相同（{uid[:40]}）")
                continue
            document = _schedule(reader, schedule_id, deputy_ids)
        except (ValueError, TypeError, AttributeError) as error:
            # A value icalendar keeps but cannot give as its type: said, never a 500.
            reader.problem("", f"有读不懂的内容（{str(error)[:120]}）")
            continue
        if document is not None:
            document["_label"] = label
            masters[schedule_id] = document
            order.append(schedule_id)
    _apply_overrides(masters, overrides)
    schedules = []
    if not problems:
        for schedule_id in order:
            document = masters[schedule_id]
            try:
                schedules.append(schedule_from_document(document, f"schedule {schedule_id}"))
            except (InvalidSnapshot, InvalidRule) as error:
                message = str(error).removeprefix(f"schedule {schedule_id}").lstrip(".: ")
                problems.append(Problem(0, "RRULE", _rule_words(message), event=document["_label"]))
    if problems:
        raise ImportRefused(problems)
    return schedules


def _rule_words(message: str) -> str:
    """The domain's reason (English) with the staff's words in front."""
    if "not a possible value" in message or "cannot read the rule" in message:
        return f"重复规则读不懂（{message}）"
    return f"不能作为接待安排（{message}）"


def _id_for(uid: str, taken: set[str]) -> str:
    """A schedule id for a UID that is not one (Outlook's hex, a phone's with '/' or '+')."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", uid.partition("@")[0]).strip("-._")
    base = (cleaned or "event")[:48]
    chosen, n = base, 1
    while chosen in taken:
        n += 1
        chosen = f"{base}-{n}"
    return chosen


def _apply_overrides(
    masters: dict[str, dict[str, Any]], overrides: list[tuple[str, _EventReader, dict[str, Any]]]
) -> None:
    for schedule_id, reader, change in overrides:
        master = masters.get(schedule_id)
        if master is None:
            if not any(p.event == reader.label for p in reader.problems):
                reader.problem("RECURRENCE-ID", "改的是另一个事件的某一次，但文件里没有那个事件")
            continue
        # The schedule's own hours on another day: a move of the date only.
        if "moved_to" in change and (change["start"], change["end"]) == (
            master["start"],
            master["end"],
        ):
            del change["start"], change["end"]
        master["changes"].append(change)


def _schedule(
    reader: _EventReader, schedule_id: str, deputy_ids: set[str]
) -> dict[str, Any] | None:
    event, before = reader.event, len(reader.problems)
    for name, _value in event.property_items(recursive=False):
        if name in ("BEGIN", "END"):
            continue
        if not (name in READ or name in IGNORED or name.startswith("X-")):
            reader.problem(name, "接待安排用不上这一项，为免丢失信息，整个文件没有导入")
    if event.get("DTSTART") is None:
        reader.problem("DTSTART", "缺少开始时间（DTSTART）")
        return None
    start = reader.moment("DTSTART")
    if isinstance(start, date) and not isinstance(start, datetime):
        reader.problem("DTSTART", "这是全天事件：接待需要开始和结束的时间")
        return None
    end: datetime | date | None = None
    if event.get("DTEND") is not None:
        end = reader.moment("DTEND")
    elif event.get("DURATION") is not None and isinstance(start, datetime):
        duration = event.decoded("DURATION")
        if isinstance(duration, timedelta) and timedelta(0) < duration < timedelta(days=1):
            end = start + duration
        else:
            reader.problem("DURATION", "时长应在一天之内，如 PT2H30M")
    else:
        reader.problem("DTEND", "缺少结束时间（DTEND 或 DURATION）")
    if start is None or not isinstance(end, datetime):
        return None
    if end.date() != start.date():
        reader.problem("DTEND", "接待应在开始的同一天结束")
    if len(reader.problems) > before:
        return None
    if "RRULE" in reader.broken:
        return None
    rule = [f"DTSTART:{start:%Y%m%d}"]
    for value in _many(event.get("RRULE")):
        rule.append("RRULE:" + _until_local(reader, value))
    for name in ("RDATE", "EXDATE"):
        for value in _many(event.get(name)):
            days = [reader.moment(name, d) for d in getattr(value, "dts", [])]
            if days and all(d is not None for d in days):
                listed = ",".join(f"{d:%Y%m%d}" for d in days)
                rule.append(f"{name}:{listed}")
    ids = _split_list(_raw(event["X-KIOSK-DEPUTIES"])) if "X-KIOSK-DEPUTIES" in event else []
    for unknown in [i for i in ids if i not in deputy_ids]:
        reader.problem("X-KIOSK-DEPUTIES", f"本站代表名单里没有 {unknown}（no deputy {unknown}）")
    roster = {}
    for value in _many(event.get("X-KIOSK-ROSTER")):
        day_text = value.params.get("X-DATE", "") if hasattr(value, "params") else ""
        named = _split_list(_raw(value))
        for unknown in [i for i in named if i not in deputy_ids]:
            reader.problem("X-KIOSK-ROSTER", f"本站代表名单里没有 {unknown}")
        if re.fullmatch(r"\d{8}", day_text):
            roster[f"{day_text[:4]}-{day_text[4:6]}-{day_text[6:]}"] = named
        else:
            reader.problem("X-KIOSK-ROSTER", f"X-DATE“{day_text[:20]}”不是日期")
    per_text = reader.text("X-KIOSK-PER-OCCURRENCE")
    per_occurrence = None
    if per_text:
        if re.fullmatch(r"[0-9]{1,4}", per_text.strip()):
            per_occurrence = int(per_text)
        else:
            reader.problem("X-KIOSK-PER-OCCURRENCE", "应为整数")
    invited = _split_list(_raw(event["X-KIOSK-INVITED"])) if "X-KIOSK-INVITED" in event else []
    return {
        "id": schedule_id,
        "title": (reader.text("SUMMARY") or schedule_id)[:200],
        "rule": "\n".join(rule),
        "start": start.time().isoformat("minutes"),
        "end": end.time().isoformat("minutes"),
        "deputy_ids": ids,
        "per_occurrence": per_occurrence,
        "theme": reader.text("X-KIOSK-THEME"),
        "place": reader.text("LOCATION")[:200],
        "rotation": reader.text("X-KIOSK-ROTATION") or "list",
        "roster": roster,
        "invited": invited,
        "on_holiday": reader.text("X-KIOSK-ON-HOLIDAY") or "flag",
        "changes": [],
    }


def _until_local(reader: _EventReader, value: vRecur) -> str:
    """The RRULE as text, UNTIL in China's local time, as the kiosk's rules keep it."""
    recur: Any = vRecur(dict(value))  # (icalendar's vRecur.to_ical is not typed)
    untils = recur.get("UNTIL")
    if untils:
        until = untils[0] if isinstance(untils, list) else untils
        if isinstance(until, datetime):
            local = until.astimezone(CHINA_TIME).replace(tzinfo=None) if until.tzinfo else until
            recur["UNTIL"] = [local]
    # A UNTIL in local time has no Z (icalendar writes naive times as they are).
    text: str = recur.to_ical().decode()
    return text


def _change(reader: _EventReader) -> dict[str, Any] | None:
    original = reader.moment("RECURRENCE-ID")
    if original is None:
        return None
    original_day = original.date() if isinstance(original, datetime) else original
    reason = reader.text("X-KIOSK-REASON") or reader.text("DESCRIPTION")
    if reader.text("STATUS").strip().upper() == "CANCELLED":
        return {"date": original_day.isoformat(), "cancelled": True, "reason": reason}
    start = reader.moment("DTSTART") if reader.event.get("DTSTART") is not None else None
    end = reader.moment("DTEND") if reader.event.get("DTEND") is not None else None
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        reader.problem("DTSTART", "改期的这一次需要开始和结束时间（DTSTART、DTEND）")
        return None
    change: dict[str, Any] = {"date": original_day.isoformat(), "reason": reason}
    if start.date() != original_day:
        change["moved_to"] = start.date().isoformat()
    change["start"] = start.time().isoformat("minutes")
    change["end"] = end.time().isoformat("minutes")
    return change
