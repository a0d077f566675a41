# SPDX-License-Identifier: GPL-3.0-or-later
"""A station snapshot as a JSON document, and back, refusing anything malformed.

The document is what the kiosk keeps to start quickly (store.station_cache); it is read as
untrusted input: wrong types, missing fields and oversized text are refused with a reason.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from kiosk.domain.deputies import Deputy, parse_levels
from kiosk.domain.reception import InvalidRule, ReceptionSchedule
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
MAX_ITEMS = 500  # deputies, schedules, notices, rules, blocks


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
            }
            for s in snapshot.schedules
        ],
    }


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
        value = self._get(key, str, optional=default is not None)
        value = default if value is None else value
        if len(value) > MAX_TEXT:
            raise InvalidSnapshot(f"{self.where}.{key}: longer than {MAX_TEXT} characters")
        return value

    def number(self, key: str, optional: bool = False) -> Any:
        return self._get(key, (int, float), optional)

    def items(self, key: str) -> list[Any]:
        value = self._get(key, list)
        if len(value) > MAX_ITEMS:
            raise InvalidSnapshot(f"{self.where}.{key}: more than {MAX_ITEMS} entries")
        return value

    def child(self, key: str) -> _Reader:
        return _Reader(self._get(key, dict), f"{self.where}.{key}")

    def children(self, key: str) -> list[_Reader]:
        return [_Reader(v, f"{self.where}.{key}[{i}]") for i, v in enumerate(self.items(key))]

    def texts(self, key: str) -> tuple[str, ...]:
        values = self.items(key)
        for i, value in enumerate(values):
            if not isinstance(value, str) or len(value) > MAX_TEXT:
                raise InvalidSnapshot(f"{self.where}.{key}[{i}]: not a short text")
        return tuple(values)

    def parsed(self, key: str, parse, default: str | None = None) -> Any:
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
    )


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
    )


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
        )
    except InvalidRule as error:
        raise InvalidSnapshot(f"{r.where}: {error}") from None
