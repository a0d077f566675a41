# SPDX-License-Identifier: GPL-3.0-or-later
"""Reception days (接待日): recurring schedules, their changes, and who is on duty when.

A schedule's rule is RFC 5545 text (DTSTART, RRULE, RDATE, EXDATE lines), e.g.
"the 15th of every month and every Monday"::

    DTSTART:20260105
    RRULE:FREQ=MONTHLY;BYMONTHDAY=15
    RRULE:FREQ=WEEKLY;BYDAY=MO

Times are the station's wall clock, China Standard Time (Asia/Shanghai, no daylight saving).
An occurrence of the rule can be cancelled or moved to another date or time, with a reason the
public reads; an occurrence on a public holiday is either flagged or moved to the next working
day, as the schedule says. Everything that lists reception days goes through
`reception_days_between`, so the home screen, the calendar and the deputy page agree.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from enum import StrEnum
from typing import TypeVar

from dateutil.rrule import rruleset, rrulestr

from kiosk.domain.holidays import DayKind, Holiday, HolidayCalendar
from kiosk.domain.workdays import is_working_day

# China Standard Time: Asia/Shanghai has kept UTC+8 all year since 1991.
CHINA_TIME = timezone(timedelta(hours=8), "Asia/Shanghai")
# How far a holiday can push an occurrence (the Spring Festival break is 8-9 days).
HOLIDAY_SHIFT_DAYS = 31
# upcoming_reception_days looks this far ahead at most (a rule may have ended).
HORIZON_DAYS = 3 * 366
MAX_REASON = 200
# Every rule is bounded (issue 17 §3: a FREQ=SECONDLY rule never finished, a MINUTELY one kept
# 400 MB): reception days repeat at most daily, start in these years and end by the last one,
# so one expansion holds at most ~37,000 dates, and the caches below hold a few dozen.
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
FIRST_YEAR, LAST_YEAR = 2000, 2099
MAX_COUNT = 1000
MAX_RULE_LINES = 400
FIRST_DAY_WITHIN_YEARS = 10
_LAST_MOMENT = datetime(LAST_YEAR, 12, 31, 23, 59, 59)


class InvalidRule(ValueError):
    """A schedule's recurrence text, rotation or changes cannot be understood."""


class Rotation(StrEnum):
    LIST = "list"  # deputy_ids: all of them, or per_occurrence of them in turn
    STATION = "station"  # the station's whole roster in its order, per_occurrence in turn
    DATES = "dates"  # named per date in `roster`; deputy_ids on dates not named


class OnHoliday(StrEnum):
    FLAG = "flag"  # held as planned, marked as falling on a holiday
    MOVE = "move"  # moved to the next working day


class Status(StrEnum):
    HELD = "held"  # on the day and at the time the rule gives
    MOVED = "moved"  # held, on another date or at another time (see original_day, reason)
    CANCELLED = "cancelled"  # not held (see reason); shown on its day, never on duty
    MOVED_AWAY = "moved_away"  # a marker on the rule's day of an occurrence held elsewhere


@dataclass(frozen=True)
class OccurrenceChange:
    """A change to one occurrence, named by the date the rule gives it."""

    day: date
    cancelled: bool = False
    moved_to: date | None = None  # None: same day (only the time changes)
    start: time | None = None  # None: the schedule's own times
    end: time | None = None
    reason: str = ""  # public: visitors read it

    @property
    def moves(self) -> bool:
        return not self.cancelled and (
            self.moved_to not in (None, self.day) or self.start is not None
        )


@dataclass(frozen=True)
class ReceptionSchedule:
    id: str
    title: str
    rule: str
    start: time
    end: time
    deputy_ids: tuple[str, ...]
    # None: every listed deputy attends every occurrence. N: the list rotates, N per occurrence.
    per_occurrence: int | None = None
    theme: str = ""
    place: str = ""
    rotation: Rotation = Rotation.LIST
    roster: Mapping[date, tuple[str, ...]] = field(default_factory=dict)  # Rotation.DATES
    invited: tuple[str, ...] = ()  # departments invited to receive with the deputies
    changes: tuple[OccurrenceChange, ...] = ()
    on_holiday: OnHoliday = OnHoliday.FLAG

    def __post_init__(self) -> None:
        object.__setattr__(self, "rotation", _enum(Rotation, self.rotation, self.id))
        object.__setattr__(self, "on_holiday", _enum(OnHoliday, self.on_holiday, self.id))
        # A mapping is not hashable; schedules are compared and cached as values.
        object.__setattr__(self, "roster", _FrozenRoster(self.roster))
        if self.end <= self.start:
            raise InvalidRule(f"schedule {self.id}: ends ({self.end}) before it starts")
        if self.per_occurrence is not None and self.per_occurrence < 1:
            raise InvalidRule(f"schedule {self.id}: per_occurrence must be at least 1")
        if self.rotation is Rotation.STATION and self.per_occurrence is None:
            raise InvalidRule(
                f"schedule {self.id}: a rotation over the station's deputies needs "
                "per_occurrence (how many deputies each time)"
            )
        rules = _parse_rule(self.rule)  # fail on creation, not when a screen asks
        seen: set[date] = set()
        for change in self.changes:
            self._check(change, rules, seen)

    def _check(self, change: OccurrenceChange, rules: rruleset, seen: set[date]) -> None:
        where = f"schedule {self.id}, change of {change.day.isoformat()}"
        if change.day in seen:
            raise InvalidRule(f"{where}: the date is changed twice")
        seen.add(change.day)
        if not _occurs_on(rules, change.day):
            raise InvalidRule(f"{where}: the rule has no reception on that date")
        if change.cancelled and (change.moved_to or change.start or change.end):
            raise InvalidRule(f"{where}: either cancelled or moved, not both")
        if not change.cancelled and not change.moves:
            raise InvalidRule(f"{where}: neither cancelled nor moved")
        if (change.start is None) != (change.end is None):
            raise InvalidRule(f"{where}: give both the new start and the new end")
        if change.start is not None and change.end is not None and change.end <= change.start:
            raise InvalidRule(f"{where}: ends before it starts")
        if len(change.reason) > MAX_REASON:
            raise InvalidRule(f"{where}: the reason is longer than {MAX_REASON} characters")

    def on_duty(
        self, occurrence_index: int, day: date | None = None, station_deputies: Sequence[str] = ()
    ) -> tuple[str, ...]:
        """The deputies of the n-th occurrence (0-based, counted from DTSTART), on `day`."""
        if self.rotation is Rotation.DATES:
            named = self.roster.get(day) if day is not None else None
            return named if named is not None else self.deputy_ids
        ids = tuple(station_deputies) if self.rotation is Rotation.STATION else self.deputy_ids
        if self.per_occurrence is None or self.per_occurrence >= len(ids) or not ids:
            return ids
        first = occurrence_index * self.per_occurrence
        return tuple(ids[(first + j) % len(ids)] for j in range(self.per_occurrence))


class _FrozenRoster(dict[date, tuple[str, ...]]):
    """The per-date roster: a dict that can be hashed (schedules are values)."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))


_E = TypeVar("_E", bound=StrEnum)


def _enum(kind: type[_E], value: str | _E, schedule_id: str) -> _E:
    try:
        return kind(value)
    except ValueError:
        names = ", ".join(kind)
        raise InvalidRule(f"schedule {schedule_id}: '{value}' is not one of {names}") from None


@dataclass(frozen=True)
class ReceptionDay:
    """One concrete reception: a schedule's occurrence on a date, with who is on duty."""

    schedule_id: str
    day: date
    start: time
    end: time
    title: str
    theme: str
    place: str
    deputy_ids: tuple[str, ...]
    invited: tuple[str, ...] = ()
    status: Status = Status.HELD
    original_day: date | None = None  # the rule's date, when moved (or for a moved-away marker)
    moved_to: date | None = None  # on a moved-away marker: where it went
    reason: str = ""  # why it was cancelled or moved (public)
    holiday: Holiday | None = None  # the holiday it falls on (flagged) or was moved from
    moved_for_holiday: bool = False

    @property
    def key(self) -> str:
        return f"{self.schedule_id}/{(self.original_day or self.day).isoformat()}/{self.status}"

    @property
    def is_held(self) -> bool:
        return self.status in (Status.HELD, Status.MOVED)

    def starts_at(self) -> datetime:
        """When it starts, as an aware time in China Standard Time."""
        return datetime.combine(self.day, self.start, CHINA_TIME)

    def ends_at(self) -> datetime:
        return datetime.combine(self.day, self.end, CHINA_TIME)


@functools.lru_cache(maxsize=32)
def _parse_rule(text: str) -> rruleset:
    # DTSTART is read here, not by dateutil: its general date parser costs ~40 ms to import.
    lines = [line.strip() for line in text.strip().splitlines()]
    if len(lines) > MAX_RULE_LINES:
        raise InvalidRule(f"a rule has at most {MAX_RULE_LINES} lines")
    starts = [line for line in lines if line.upper().startswith("DTSTART")]
    if len(starts) != 1:
        raise InvalidRule("the rule needs exactly one DTSTART line")
    dtstart = _parse_dtstart(starts[0].partition(":")[2])
    if not FIRST_YEAR <= dtstart.year <= LAST_YEAR:
        raise InvalidRule(f"DTSTART must be in the years {FIRST_YEAR} to {LAST_YEAR}")
    rest = [line for line in lines if line and line not in starts]
    for line in rest:
        name = line.partition(":")[0].partition(";")[0].upper()
        if name not in ("RRULE", "RDATE", "EXDATE", "EXRULE"):
            raise InvalidRule(f"unknown line in the rule: {line[:60]!r}")
        _check_ranges(line)
    # A rule that gives no day in its first years (30 February) is a mistake, not an empty
    # calendar; looking only that far keeps the check short even for a daily rule.
    soon = datetime(dtstart.year + FIRST_DAY_WITHIN_YEARS, 12, 31, 23, 59, 59)
    try:
        probe = _rule_set([_bounded(line, dtstart, soon) for line in rest], dtstart)
        # dateutil reads RDATE/EXDATE values lazily with its general parser: check them now.
        first = list(itertools.islice(probe, 1))
        # cache=True: dateutil keeps the dates it has walked, so later queries do not repeat it.
        rules = _rule_set([_bounded(line, dtstart, _LAST_MOMENT) for line in rest], dtstart, True)
    except InvalidRule:
        raise
    except (ValueError, TypeError, OverflowError) as error:
        raise InvalidRule(f"cannot read the rule: {error}") from None
    if not first:
        raise InvalidRule(
            f"the rule gives no reception day in the {FIRST_DAY_WITHIN_YEARS} years after DTSTART"
        )
    return rules


# The most days each month can have (February: in leap years).
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _check_possible(parts: dict[str, str], frequency: str) -> None:
    """Refuse the rules that can never give a day, before dateutil looks for one: it walks
    to year 9999 before giving up (UNTIL does not stop it), ~4 s for a daily rule."""
    if "BYSETPOS" in parts and frequency not in ("MONTHLY", "YEARLY"):
        raise InvalidRule("BYSETPOS: only in a MONTHLY or YEARLY rule")
    if "BYMONTHDAY" not in parts:
        return
    months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else range(1, 13)
    days = [abs(int(d)) for d in parts["BYMONTHDAY"].split(",")]
    if all(day > _MONTH_DAYS[month - 1] for day in days for month in months):
        raise InvalidRule("BYMONTHDAY: no month of the rule has such a day")


_PLAIN_UNTIL = re.compile(r"\d{8}(T\d{6})?")


def _rule_set(lines: list[str], dtstart: datetime, cache: bool = False) -> rruleset:
    """The set `rrulestr(..., forceset=True)` makes of `lines`, without dateutil's general
    date parser (~28 ms to import, on the GUI thread before home's first frame) for the plain
    UNTIL values `_bounded` writes: those rules are read without UNTIL and given it as a date.
    Other lines (RDATE, EXDATE, an UNTIL with a zone) are still read by rrulestr."""
    rules, others = [], []
    for line in lines:
        name, _, value = line.partition(":")
        kind = name.upper()
        parts = _rule_parts(value) if kind in ("RRULE", "EXRULE") else {}
        until = parts.get("UNTIL", "")
        if not _PLAIN_UNTIL.fullmatch(until):
            others.append(line)
            continue
        kept = ";".join(f"{k}={v}" for k, v in parts.items() if k != "UNTIL")
        last = datetime.fromisoformat(until)  # ISO 8601 basic: no strptime machinery to load
        rules.append((kind, rrulestr(kept, dtstart=dtstart).replace(until=last)))
    if others:
        found = rrulestr("\n".join(others), dtstart=dtstart, forceset=True, cache=cache)
    else:
        found = rruleset(cache=cache)
    for kind, rule in rules:
        (found.rrule if kind == "RRULE" else found.exrule)(rule)
    return found


def _rule_parts(value: str) -> dict[str, str]:
    return {key.upper(): part for key, _, part in (p.partition("=") for p in value.split(";") if p)}


def _bounded(line: str, dtstart: datetime, last: datetime) -> str:
    """An RRULE/EXRULE line as it is kept: at most daily, no times within a day, and ending by
    `last` (a COUNT becomes the UNTIL it amounts to), so no walk of it, even of a rule that
    never gives a day, goes past `last`. Other lines as they are."""
    name, _, value = line.partition(":")
    if name.partition(";")[0].upper() not in ("RRULE", "EXRULE"):
        return line
    parts = _rule_parts(value)
    frequency = parts.get("FREQ", "").upper()
    if frequency not in FREQUENCIES:
        raise InvalidRule(
            f"FREQ={frequency or '?'}: reception days repeat at most daily "
            f"({', '.join(FREQUENCIES)})"
        )
    for key in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        if key in parts:
            raise InvalidRule(f"{key}: a reception's time is the schedule's, not the rule's")
    _check_possible(parts, frequency)
    until = parts.get("UNTIL", "")
    if until[:8].isdigit() and until[:8] <= f"{last:%Y%m%d}" and "COUNT" not in parts:
        return line
    kept = ";".join(f"{k}={v}" for k, v in parts.items() if k not in ("UNTIL", "COUNT"))
    if "COUNT" in parts:
        try:
            count = int(parts["COUNT"])
        except ValueError:
            raise InvalidRule(f"COUNT={parts['COUNT']} is not a number") from None
        if not 1 <= count <= MAX_COUNT:
            raise InvalidRule(f"COUNT must be 1 to {MAX_COUNT}")
        try:
            walk = rrulestr(f"{kept};UNTIL={last:%Y%m%dT%H%M%S}", dtstart=dtstart)
            dates = list(itertools.islice(walk, count))
        except (ValueError, TypeError, OverflowError) as error:
            raise InvalidRule(f"cannot read the rule: {error}") from None
        last = dates[-1] if dates else last
    return f"{name}:{kept};UNTIL={last:%Y%m%dT%H%M%S}"


# dateutil accepts out-of-range values and then searches for years before giving up.
_RANGES = {"BYMONTHDAY": 31, "BYMONTH": 12, "BYYEARDAY": 366, "BYWEEKNO": 53, "BYSETPOS": 366}


def _check_ranges(line: str) -> None:
    name, _, value = line.partition(":")
    if name.partition(";")[0].upper() not in ("RRULE", "EXRULE"):
        return
    for part in value.split(";"):
        key, _, numbers = part.partition("=")
        limit = _RANGES.get(key.upper())
        if limit is None:
            continue
        for number in numbers.split(","):
            try:
                ok = 1 <= abs(int(number)) <= limit and not (
                    key.upper() == "BYMONTH" and int(number) < 0
                )
            except ValueError:
                ok = False
            if not ok:
                raise InvalidRule(f"{key}={number} is not a possible value (1 to {limit})")


def _parse_dtstart(value: str) -> datetime:
    """20260105 or 20260105T090000 (a trailing Z is ignored: reception days are local)."""
    day, _, clock = value.strip().rstrip("Zz").partition("T")
    try:
        if not re.fullmatch(r"[0-9]{8}", day) or (clock and not re.fullmatch(r"[0-9]{6}", clock)):
            raise ValueError
        return datetime(
            int(day[:4]),
            int(day[4:6]),
            int(day[6:]),
            *(int(clock[i : i + 2]) for i in (0, 2, 4)) if clock else (),
        )
    except ValueError:
        raise InvalidRule(f"DTSTART {value!r} is not a date like 20260105") from None


def first_occurrence(rule: str) -> date | None:
    """The rule's first reception day (DTSTART itself need not be one), or None."""
    first = _parse_rule(rule).after(datetime.min, inc=True)
    return first.date() if first else None


def _occurs_on(rules: rruleset, day: date) -> bool:
    return bool(rules.between(datetime.combine(day, time()), datetime.combine(day, time.max), True))


@functools.lru_cache(maxsize=32)
def _dates_through(rule: str, year: int) -> tuple[date, ...]:
    """Every date the rule gives from DTSTART to the end of `year`, in order.

    dateutil walks from DTSTART on every query; listing the dates once per rule and year and
    bisecting makes a month, the home screen and a deputy's page cheap (bench/schedule.py).
    """
    end = datetime.combine(date(min(year, LAST_YEAR), 12, 31), time.max)
    return tuple(moment.date() for moment in _parse_rule(rule).between(datetime.min, end, True))


def _occurrences(
    schedule: ReceptionSchedule,
    first: date,
    last: date,
    holidays: HolidayCalendar,
    station_deputies: Sequence[str],
) -> Iterator[ReceptionDay]:
    """Every entry of `schedule` whose date is within [first, last], unordered."""
    changes = {c.day: c for c in schedule.changes}
    lookback = first - timedelta(days=HOLIDAY_SHIFT_DAYS)
    dates = _dates_through(schedule.rule, last.year)
    # The index of an occurrence (counted from DTSTART) keeps rotations aligned.
    low, high = bisect.bisect_left(dates, lookback), bisect.bisect_right(dates, last)
    originals = {dates[i]: i for i in range(low, high)}
    # Occurrences moved into the window from far away.
    for change in schedule.changes:
        if change.moved_to and first <= change.moved_to <= last and change.day not in originals:
            around = _dates_through(schedule.rule, change.day.year)
            originals[change.day] = bisect.bisect_left(around, change.day)
    table = holidays.table()
    for day, number in originals.items():
        yield from (
            entry
            for entry in _entries(
                schedule, day, number, changes.get(day), holidays, table, station_deputies
            )
            if first <= entry.day <= last
        )


def _entries(
    schedule: ReceptionSchedule,
    day: date,
    index: int,
    change: OccurrenceChange | None,
    holidays: HolidayCalendar,
    table: dict[date, bool],
    station_deputies: Sequence[str],
) -> Iterator[ReceptionDay]:
    holiday = holidays.get(day)
    off = holiday if holiday is not None and holiday.kind is DayKind.HOLIDAY else None

    def entry(on: date, **values) -> ReceptionDay:  # type: ignore[no-untyped-def]
        values.setdefault("deputy_ids", schedule.on_duty(index, on, station_deputies))
        values.setdefault("start", schedule.start)
        values.setdefault("end", schedule.end)
        return ReceptionDay(
            schedule_id=schedule.id,
            day=on,
            title=schedule.title,
            theme=schedule.theme,
            place=schedule.place,
            invited=schedule.invited,
            **values,
        )

    if change is not None and change.cancelled:
        yield entry(day, status=Status.CANCELLED, reason=change.reason, holiday=off)
        return
    if change is not None:
        target = change.moved_to or day
        target_holiday = holidays.get(target)
        yield entry(
            target,
            status=Status.MOVED,
            original_day=day,
            reason=change.reason,
            start=change.start or schedule.start,
            end=change.end or schedule.end,
            holiday=target_holiday if target_holiday and target_holiday.kind == "holiday" else None,
        )
        if target != day:
            yield entry(
                day, status=Status.MOVED_AWAY, moved_to=target, reason=change.reason, holiday=off
            )
        return
    if off is not None and schedule.on_holiday is OnHoliday.MOVE:
        target = day + timedelta(days=1)
        while not is_working_day(target, table):
            target += timedelta(days=1)
        yield entry(
            target, status=Status.MOVED, original_day=day, holiday=off, moved_for_holiday=True
        )
        yield entry(
            day, status=Status.MOVED_AWAY, moved_to=target, holiday=off, moved_for_holiday=True
        )
        return
    yield entry(day, holiday=off)


def _order(entry: ReceptionDay) -> tuple[date, time, str, Status]:
    return (entry.day, entry.start, entry.schedule_id, entry.status)


def reception_days_between(
    schedules: Iterable[ReceptionSchedule],
    first: date,
    last: date,
    *,
    holidays: HolidayCalendar | None = None,
    station_deputies: Sequence[str] = (),
    held_only: bool = True,
) -> list[ReceptionDay]:
    """Every reception from `first` to `last` (inclusive), by date and time.

    `held_only=False` adds the cancelled ones and the markers of moved ones (the calendar
    shows them; the duty roster and "next reception days" never do).
    """
    calendar = holidays or HolidayCalendar()
    found = [
        entry
        for schedule in schedules
        for entry in _occurrences(schedule, first, last, calendar, station_deputies)
        if entry.is_held or not held_only
    ]
    return sorted(found, key=_order)


def upcoming_reception_days(
    schedules: Iterable[ReceptionSchedule],
    start: date,
    count: int,
    *,
    holidays: HolidayCalendar | None = None,
    station_deputies: Sequence[str] = (),
) -> list[ReceptionDay]:
    """The next `count` receptions held on or after `start`, across all schedules, by time."""
    schedules = list(schedules)
    found: list[ReceptionDay] = []
    first = start
    span = 62
    while len(found) < count and (first - start).days <= HORIZON_DAYS:
        last = first + timedelta(days=span - 1)
        found += reception_days_between(
            schedules, first, last, holidays=holidays, station_deputies=station_deputies
        )
        if not _more_after(schedules, last):
            break
        first = last + timedelta(days=1)
        span = min(span * 2, 366)
    return found[:count]


def _more_after(schedules: list[ReceptionSchedule], day: date) -> bool:
    def more(s: ReceptionSchedule) -> bool:
        soon = _dates_through(s.rule, day.year + 1)
        if soon and soon[-1] > day:
            return True
        if any(c.moved_to and c.moved_to > day for c in s.changes):
            return True
        return _parse_rule(s.rule).after(datetime.combine(day, time.max)) is not None

    return any(more(s) for s in schedules)


def reception_days_on(
    schedules: Iterable[ReceptionSchedule],
    day: date,
    *,
    holidays: HolidayCalendar | None = None,
    station_deputies: Sequence[str] = (),
) -> list[ReceptionDay]:
    """The receptions held on `day` (today's duty roster), by start time."""
    return reception_days_between(
        schedules, day, day, holidays=holidays, station_deputies=station_deputies
    )


def on_duty(
    schedules: Iterable[ReceptionSchedule],
    day: date,
    *,
    holidays: HolidayCalendar | None = None,
    station_deputies: Sequence[str] = (),
) -> tuple[str, ...]:
    """Ids of the deputies on duty on `day`, each once, in roster order."""
    ids: dict[str, None] = {}
    for reception in reception_days_on(
        schedules, day, holidays=holidays, station_deputies=station_deputies
    ):
        ids.update(dict.fromkeys(reception.deputy_ids))
    return tuple(ids)
