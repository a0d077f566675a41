# SPDX-License-Identifier: GPL-3.0-or-later
"""Reception days (接待日): recurring schedules and who is on duty when.

A schedule's rule is RFC 5545 text (DTSTART, RRULE, RDATE, EXDATE lines), e.g.
"the 15th of every month and every Monday"::

    DTSTART:20260105
    RRULE:FREQ=MONTHLY;BYMONTHDAY=15
    RRULE:FREQ=WEEKLY;BYDAY=MO
"""

from __future__ import annotations

import functools
import heapq
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

from dateutil.rrule import rruleset, rrulestr


class InvalidRule(ValueError):
    """A schedule's recurrence text cannot be understood."""


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

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise InvalidRule(f"schedule {self.id}: ends ({self.end}) before it starts")
        if self.per_occurrence is not None and self.per_occurrence < 1:
            raise InvalidRule(f"schedule {self.id}: per_occurrence must be at least 1")
        _parse_rule(self.rule)  # fail on creation, not when a screen asks

    def on_duty(self, occurrence_index: int) -> tuple[str, ...]:
        """The deputies of the n-th occurrence (0-based, counted from DTSTART)."""
        ids = self.deputy_ids
        if self.per_occurrence is None or self.per_occurrence >= len(ids) or not ids:
            return ids
        first = occurrence_index * self.per_occurrence
        return tuple(ids[(first + j) % len(ids)] for j in range(self.per_occurrence))


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

    @property
    def key(self) -> str:
        return f"{self.schedule_id}/{self.day.isoformat()}"


@functools.cache
def _parse_rule(text: str) -> rruleset:
    # DTSTART is read here, not by dateutil: its general date parser costs ~40 ms to import.
    lines = [line.strip() for line in text.strip().splitlines()]
    starts = [line for line in lines if line.upper().startswith("DTSTART")]
    if len(starts) != 1:
        raise InvalidRule("the rule needs exactly one DTSTART line")
    dtstart = _parse_dtstart(starts[0].partition(":")[2])
    rest = "\n".join(line for line in lines if line and line not in starts)
    try:
        return rrulestr(rest, dtstart=dtstart, forceset=True)
    except (ValueError, TypeError) as error:
        raise InvalidRule(f"cannot read the rule: {error}") from None


def _parse_dtstart(value: str) -> datetime:
    """20260105 or 20260105T090000 (a trailing Z is ignored: reception days are local)."""
    day, _, clock = value.strip().rstrip("Zz").partition("T")
    try:
        if len(day) != 8 or (clock and len(clock) != 6):
            raise ValueError
        return datetime(
            int(day[:4]),
            int(day[4:6]),
            int(day[6:]),
            *(int(clock[i : i + 2]) for i in (0, 2, 4)) if clock else (),
        )
    except ValueError:
        raise InvalidRule(f"DTSTART {value!r} is not a date like 20260105") from None


def upcoming_reception_days(
    schedules: Iterable[ReceptionSchedule], start: date, count: int
) -> list[ReceptionDay]:
    """The next `count` reception days on or after `start`, across all schedules, by time."""
    streams = [_from(schedule, start) for schedule in schedules]
    merged = heapq.merge(*streams, key=lambda day: (day.day, day.start, day.schedule_id))
    return list(itertools.islice(merged, count))


def reception_days_on(schedules: Iterable[ReceptionSchedule], day: date) -> list[ReceptionDay]:
    """The receptions held on `day` (today's duty roster), by start time."""
    found = []
    for schedule in schedules:
        for reception in _from(schedule, day):
            if reception.day == day:
                found.append(reception)
            break
    return sorted(found, key=lambda reception: (reception.start, reception.schedule_id))


def on_duty(schedules: Iterable[ReceptionSchedule], day: date) -> tuple[str, ...]:
    """Ids of the deputies on duty on `day`, each once, in roster order."""
    ids: dict[str, None] = {}
    for reception in reception_days_on(schedules, day):
        ids.update(dict.fromkeys(reception.deputy_ids))
    return tuple(ids)


def _from(schedule: ReceptionSchedule, start: date) -> Iterator[ReceptionDay]:
    midnight = datetime.combine(start, time())
    rules = _parse_rule(schedule.rule)
    # Count the occurrences before `start` so rotations stay aligned with DTSTART.
    skipped = len(rules.between(datetime.min, midnight, inc=False))
    for index, moment in enumerate(rules.xafter(midnight, inc=True), start=skipped):
        yield ReceptionDay(
            schedule_id=schedule.id,
            day=moment.date(),
            start=schedule.start,
            end=schedule.end,
            title=schedule.title,
            theme=schedule.theme,
            place=schedule.place,
            deputy_ids=schedule.on_duty(index),
        )
