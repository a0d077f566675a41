# SPDX-License-Identifier: GPL-3.0-or-later
"""A station snapshot as a JSON document, and back, refusing anything malformed.

The document is the kiosk's one stored copy of its station (kiosk.store.station: one row,
read at start with a plain query) and the station part of what the server sends
(docs/sync-api.md). It is read as untrusted input: wrong types, missing fields and oversized
text are refused with a reason; keys it does not know (a deputy's `photo_url`, `pin_hash`) are
kept in the stored document and ignored here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from enum import StrEnum
from typing import Any, TypeVar

from kiosk.domain.deputies import Deputy, parse_levels
from kiosk.domain.holidays import DayKind, Holiday, HolidayCalendar
from kiosk.domain.reception import (
    InvalidRule,
    OccurrenceChange,
    OnHoliday,
    ReceptionSchedule,
    Rotation,
)
from kiosk.domain.station import (
    Notice,
    Station,
    StationFigures,
    StationKind,
    StationRule,
    StationSnapshot,
)

FORMAT = 1
MAX_TEXT = 4000  # characters in one field: a rule's body is the longest real text
# Deputies, schedules, notices, rules, blocks: a district's 代表之家 hosts several hundred
# deputies of every level; 5,000 leaves room (tests load 2,000; issue 12 §4).
MAX_ITEMS = 5_000
MAX_HOLIDAYS = 20_000  # holidays and make-up workdays: about 40 a year


# The top-level parts of a pulled document that make the station snapshot. The others
# (appeals' progress, appointments, categories, links, figures, the cursor) are what a pull
# brings besides the station (kiosk.store.sync_state).
STATION_PARTS = ("format", "station", "deputies", "schedules", "holidays", "holiday_years")


def split_document(document: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the station's parts, everything else) of a pulled document, each as the server sent
    it: together they are the document again, and the base of the next delta."""
    station = {key: value for key, value in document.items() if key in STATION_PARTS}
    rest = {key: value for key, value in document.items() if key not in STATION_PARTS}
    return station, rest


class InvalidSnapshot(ValueError):
    """The document is not a station snapshot; the message says where and why."""


def snapshot_to_document(snapshot: StationSnapshot) -> dict[str, Any]:
    station = snapshot.station
    return {
        "format": FORMAT,
        "station": {
            "id": station.id,
            "kind": station.kind.value,
            "name": station.name,
            "address": station.address,
            "hours": station.hours,
            "phone": station.phone,
            "intro": station.intro,
            "rules": [{"title": r.title, "body": r.body} for r in station.rules],
            "notices": [
                {
                    "id": n.id,
                    "title": n.title,
                    "body": n.body,
                    "published_on": n.published_on.isoformat(),
                }
                for n in station.notices
            ],
            "figures": {
                "opinions_collected": station.figures.opinions_collected,
                "problems_solved": station.figures.problems_solved,
                "satisfaction": station.figures.satisfaction,
            },
        },
        "deputies": [
            {
                "id": d.id,
                "name": d.name,
                "levels": [level.value for level in d.levels],
                "constituency": d.constituency,
                "blocks": list(d.blocks),
                "phone": d.phone,
                "occupation": d.occupation,
                "bio": d.bio,
                "photo": d.photo,
                "qr_url": d.qr_url,
                "pinyin": list(d.pinyin),
            }
            for d in snapshot.deputies
        ],
        "schedules": [
            {
                "id": s.id,
                "title": s.title,
                "rule": s.rule,
                "start": s.start.isoformat("minutes"),
                "end": s.end.isoformat("minutes"),
                "deputy_ids": list(s.deputy_ids),
                "per_occurrence": s.per_occurrence,
                "theme": s.theme,
                "place": s.place,
                # Added after format 1's first release; older readers ignore them.
                "rotation": s.rotation.value,
                "roster": {day.isoformat(): list(ids) for day, ids in sorted(s.roster.items())},
                "invited": list(s.invited),
                "on_holiday": s.on_holiday.value,
                "changes": [change_document(c) for c in s.changes],
            }
            for s in snapshot.schedules
        ],
        "holidays": [
            {"date": h.day.isoformat(), "kind": h.kind.value, "name": h.name}
            for h in snapshot.holidays.days
        ],
        "holiday_years": sorted(snapshot.holidays.years),
    }


def change_document(change: OccurrenceChange) -> dict[str, Any]:
    document: dict[str, Any] = {"date": change.day.isoformat(), "reason": change.reason}
    if change.cancelled:
        document["cancelled"] = True
    if change.moved_to is not None:
        document["moved_to"] = change.moved_to.isoformat()
    if change.start is not None and change.end is not None:
        document["start"] = change.start.isoformat("minutes")
        document["end"] = change.end.isoformat("minutes")
    return document


_Choice = TypeVar("_Choice", bound=StrEnum)


class _Reader:
    """Typed access to one JSON object, naming the path of anything wrong."""

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise InvalidSnapshot(f"{where}: expected an object")
        self.value, self.where = value, where

    def _get(self, key: str, kinds: type | tuple[type, ...], optional: bool = False) -> Any:
        if key not in self.value:
            if optional:
                return None
            raise InvalidSnapshot(f"{self.where}.{key}: missing")
        value = self.value[key]
        if value is None and optional:
            return None
        # bool is an int in Python; a yes/no is never a count.
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in _tuple(kinds)):
            raise InvalidSnapshot(f"{self.where}.{key}: wrong type {type(value).__name__}")
        return value

    def text(self, key: str, default: str | None = None) -> str:
        found: str | None = self._get(key, str, optional=default is not None)
        value = found if found is not None else (default or "")
        if len(value) > MAX_TEXT:
            raise InvalidSnapshot(f"{self.where}.{key}: longer than {MAX_TEXT} characters")
        return value

    def choice(self, key: str, kind: type[_Choice], default: _Choice) -> _Choice:
        """One of `kind`'s values (`default` when missing)."""
        text = self.text(key, default.value)
        try:
            return kind(text)
        except ValueError:
            names = ", ".join(kind)
            raise InvalidSnapshot(f"{self.where}.{key}: '{text}' is not one of {names}") from None

    def number(self, key: str, optional: bool = False) -> Any:
        return self._get(key, (int, float), optional)

    def items(self, key: str, optional: bool = False, limit: int = MAX_ITEMS) -> list[Any]:
        value: list[Any] | None = self._get(key, list, optional)
        if value is None:
            return []
        if len(value) > limit:
            raise InvalidSnapshot(f"{self.where}.{key}: more than {limit} entries")
        return value

    def child(self, key: str) -> _Reader:
        return _Reader(self._get(key, dict), f"{self.where}.{key}")

    def children(self, key: str, optional: bool = False, limit: int = MAX_ITEMS) -> list[_Reader]:
        return [
            _Reader(v, f"{self.where}.{key}[{i}]")
            for i, v in enumerate(self.items(key, optional, limit))
        ]

    def texts(self, key: str, optional: bool = False) -> tuple[str, ...]:
        values = self.items(key, optional)
        for i, value in enumerate(values):
            if not isinstance(value, str) or len(value) > MAX_TEXT:
                raise InvalidSnapshot(f"{self.where}.{key}[{i}]: not a short text")
        return tuple(values)

    def parsed(self, key: str, parse: Callable[[str], Any], default: str | None = None) -> Any:
        text = self.text(key, default)
        try:
            return parse(text)
        except ValueError as error:
            raise InvalidSnapshot(f"{self.where}.{key}: {error}") from None


def _tuple(kinds: type | tuple[type, ...]) -> tuple[type, ...]:
    return kinds if isinstance(kinds, tuple) else (kinds,)


def snapshot_from_document(document: Any) -> StationSnapshot:
    """The snapshot a document describes; raises InvalidSnapshot naming the first problem."""
    root = _Reader(document, "snapshot")
    if root.number("format") != FORMAT:
        raise InvalidSnapshot(f"snapshot.format: only format {FORMAT} is understood")
    return StationSnapshot(
        station=_station(root.child("station")),
        deputies=tuple(_deputy(d) for d in root.children("deputies")),
        schedules=tuple(_schedule(s) for s in root.children("schedules")),
        holidays=_holidays(root),
    )


def _holidays(root: _Reader) -> HolidayCalendar:
    """The holiday table; a document without one (older servers) covers no year."""
    days = []
    for h in root.children("holidays", optional=True, limit=MAX_HOLIDAYS):
        days.append(
            Holiday(
                h.parsed("date", date.fromisoformat), h.parsed("kind", DayKind), h.text("name", "")
            )
        )
    years = root.items("holiday_years", optional=True)
    if not all(isinstance(y, int) and not isinstance(y, bool) and 1900 < y < 3000 for y in years):
        raise InvalidSnapshot("snapshot.holiday_years: not a list of years")
    if len({h.day for h in days}) != len(days):
        raise InvalidSnapshot("snapshot.holidays: a date is listed twice")
    return HolidayCalendar(tuple(sorted(days, key=lambda h: h.day)), frozenset(years))


def _station(s: _Reader) -> Station:
    figures = s.child("figures")
    return Station(
        id=s.text("id"),
        kind=s.parsed("kind", StationKind),
        name=s.text("name"),
        address=s.text("address", ""),
        hours=s.text("hours", ""),
        phone=s.text("phone", ""),
        intro=s.text("intro", ""),
        rules=tuple(StationRule(r.text("title"), r.text("body")) for r in s.children("rules")),
        notices=tuple(
            Notice(
                n.text("id"),
                n.text("title"),
                n.text("body"),
                n.parsed("published_on", date.fromisoformat),
            )
            for n in s.children("notices")
        ),
        figures=StationFigures(
            opinions_collected=int(figures.number("opinions_collected")),
            problems_solved=int(figures.number("problems_solved")),
            satisfaction=figures.number("satisfaction", optional=True),
        ),
    )


def _deputy(d: _Reader) -> Deputy:
    try:
        levels = parse_levels(",".join(d.texts("levels")))
    except ValueError as error:
        raise InvalidSnapshot(f"{d.where}.levels: {error}") from None
    return Deputy(
        id=d.text("id"),
        name=d.text("name"),
        levels=levels,
        constituency=d.text("constituency", ""),
        blocks=d.texts("blocks"),
        phone=d.text("phone", ""),
        occupation=d.text("occupation", ""),
        bio=d.text("bio", ""),
        photo=d.text("photo", ""),
        qr_url=d.text("qr_url", ""),
        pinyin=d.texts("pinyin", optional=True),  # older servers send none
    )


def schedule_from_document(document: Any, where: str = "schedule") -> ReceptionSchedule:
    """One schedule in its document form (as in a snapshot, or an import file)."""
    return _schedule(_Reader(document, where))


def _schedule(r: _Reader) -> ReceptionSchedule:
    per_occurrence = r.number("per_occurrence", optional=True)
    try:
        return ReceptionSchedule(
            id=r.text("id"),
            title=r.text("title"),
            rule=r.text("rule"),
            start=r.parsed("start", time.fromisoformat),
            end=r.parsed("end", time.fromisoformat),
            deputy_ids=r.texts("deputy_ids"),
            per_occurrence=None if per_occurrence is None else int(per_occurrence),
            theme=r.text("theme", ""),
            place=r.text("place", ""),
            rotation=r.choice("rotation", Rotation, Rotation.LIST),
            roster=_roster(r),
            invited=r.texts("invited", optional=True),
            on_holiday=r.choice("on_holiday", OnHoliday, OnHoliday.FLAG),
            changes=tuple(_change(c) for c in r.children("changes", optional=True)),
        )
    except InvalidRule as error:
        raise InvalidSnapshot(f"{r.where}: {error}") from None


def _roster(r: _Reader) -> dict[date, tuple[str, ...]]:
    value = r._get("roster", dict, optional=True) or {}
    if len(value) > MAX_HOLIDAYS:
        raise InvalidSnapshot(f"{r.where}.roster: too many dates")
    roster = {}
    for key, ids in value.items():
        try:
            day = date.fromisoformat(key)
        except (TypeError, ValueError):
            raise InvalidSnapshot(f"{r.where}.roster: {key!r} is not a date") from None
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise InvalidSnapshot(f"{r.where}.roster.{key}: not a list of deputy ids")
        roster[day] = tuple(ids)
    return roster


def _change(c: _Reader) -> OccurrenceChange:
    def optional(key: str, parse):  # type: ignore[no-untyped-def]
        return c.parsed(key, parse) if c.value.get(key) is not None else None

    cancelled = c.value.get("cancelled", False)
    if not isinstance(cancelled, bool):
        raise InvalidSnapshot(f"{c.where}.cancelled: wrong type {type(cancelled).__name__}")
    return OccurrenceChange(
        day=c.parsed("date", date.fromisoformat),
        cancelled=cancelled,
        moved_to=optional("moved_to", date.fromisoformat),
        start=optional("start", time.fromisoformat),
        end=optional("end", time.fromisoformat),
        reason=c.text("reason", ""),
    )
