# SPDX-License-Identifier: GPL-3.0-or-later
"""Stations (家站点): created by staff, or the kiosk's fictional demo station."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Deputy, HolidayYear, Station
from central.services.holidays import known_years, seed
from central.services.rosters import ID_PATTERN, PhotoFile, RosterEntry, import_roster
from central.services.schedules import import_schedules


class StationRefused(ValueError):
    """A station that cannot be created; the message says why in plain words."""


def find_station(session: Session, station_id: str) -> Station | None:
    return session.get(Station, station_id)


def check_new_station(station_id: str, name: str) -> None:
    """Refuse an id or a name no station may have (before any database is opened)."""
    if not ID_PATTERN.fullmatch(station_id):
        raise StationRefused("a station id uses letters, digits, '.', '_' or '-' (up to 64)")
    if not name.strip():
        raise StationRefused("the station needs a name")


def create_station(
    session: Session,
    *,
    station_id: str,
    kind: str,
    name: str,
    address: str = "",
    hours: str = "",
    phone: str = "",
    intro: str = "",
) -> Station:
    check_new_station(station_id, name)
    if session.get(Station, station_id) is not None:
        raise StationRefused(f"station {station_id} exists already")
    station = Station(
        id=station_id,
        kind=kind,
        name=name.strip(),
        address=address,
        hours=hours,
        phone=phone,
        intro=intro,
        rules=[],
        notices=[],
    )
    session.add(station)
    session.flush()  # the station row first: what refers to it comes after
    return station


@dataclass(frozen=True)
class DemoStation:
    id: str
    name: str
    created: bool  # False: it existed already, nothing was changed
    deputies: int = 0


def create_demo_station(session: Session) -> DemoStation:
    """The kiosk's fictional demo station, with placeholder portraits (and, on a fresh
    server, the holiday table)."""
    from kiosk.demo import DEMO_PIN_HASH, demo_snapshot, portrait_svg

    snapshot = demo_snapshot()
    s = snapshot.station
    if session.get(Station, s.id) is not None:
        return DemoStation(s.id, s.name, created=False)
    session.add(
        Station(
            id=s.id,
            kind=s.kind.value,
            name=s.name,
            address=s.address,
            hours=s.hours,
            phone=s.phone,
            intro=s.intro,
            rules=[{"title": r.title, "body": r.body} for r in s.rules],
            notices=[
                {
                    "id": n.id,
                    "title": n.title,
                    "body": n.body,
                    "published_on": n.published_on.isoformat(),
                }
                for n in s.notices
            ],
            opinions_collected=s.figures.opinions_collected,
            problems_solved=s.figures.problems_solved,
            satisfaction=s.figures.satisfaction,
        )
    )
    session.flush()
    entries = [
        RosterEntry(
            deputy_id=d.id,
            name=d.name,
            levels=d.levels,
            constituency=d.constituency,
            blocks=d.blocks,
            phone=d.phone,
            occupation=d.occupation,
            bio=d.bio,
            photo=PhotoFile(portrait_svg(i).encode(), "svg"),
            # No QR URL of its own: the server's deputy page (docs/phone-pages.md).
            qr_url="",
        )
        for i, d in enumerate(snapshot.deputies)
    ]
    import_roster(session, s.id, entries)
    import_schedules(session, s.id, list(snapshot.schedules))
    for deputy in session.scalars(select(Deputy).where(Deputy.station_id == s.id)):
        deputy.pin_hash = DEMO_PIN_HASH  # every demo deputy's PIN is 123456
    if session.scalars(select(HolidayYear)).first() is None and known_years():
        seed(session)
    return DemoStation(s.id, s.name, created=True, deputies=len(entries))
