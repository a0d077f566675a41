# SPDX-License-Identifier: GPL-3.0-or-later
"""Deputies' kiosk PINs from the console (issue 15 §1): station staff, and reviewers and
admins whose scope holds the station, set a deputy's PIN or give new random ones. A PIN is
shown once, to the person who asked, and kept only as its argon2id hash (kiosk.domain.pins);
the audit log says whose PIN changed, never the PIN. Kiosks receive the hashes at their next
pull (the station's revision moves with the deputy row). Same rules as `pin set|rotate`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.security import hash_pin
from central.models import Deputy, Station
from central.services import audit
from central.services.audit import Who
from central.services.permissions import Action, Refused, require, scope_of
from central.services.publishing import NoSuchStation, PublishRefused
from central.services.rosters import DeputyNotFound, rotate_pins, set_pin
from kiosk.domain.pins import PIN_PATTERN, is_current


@dataclass(frozen=True)
class PinRow:
    deputy_id: str
    name: str
    state: str  # set | none | outdated (a hash with weaker costs: kiosks do not receive it)


@dataclass(frozen=True)
class GivenPin:
    deputy_id: str
    name: str
    pin: str


def _station(session: Session, who: Who | None, station_id: str) -> Station:
    if who is not None:
        require(who.account, Action.DEPUTY_PINS)
        if not scope_of(session, who.account).covers(station_id):
            raise Refused("this station is not in your scope")
    station = session.get(Station, station_id)
    if station is None:
        raise NoSuchStation(station_id)
    return station


def pin_stations(session: Session, who: Who) -> list[Station]:
    require(who.account, Action.DEPUTY_PINS)
    scope = scope_of(session, who.account)
    query = select(Station).order_by(Station.name)
    if scope.station_ids is not None:
        query = query.where(Station.id.in_(sorted(scope.station_ids)))
    return list(session.scalars(query))


def pin_rows(session: Session, who: Who | None, station_id: str) -> list[PinRow]:
    _station(session, who, station_id)
    deputies = session.scalars(
        select(Deputy).where(Deputy.station_id == station_id).order_by(Deputy.position)
    )
    return [
        PinRow(
            d.deputy_id,
            d.name,
            "none" if not d.pin_hash else ("set" if is_current(d.pin_hash) else "outdated"),
        )
        for d in deputies
    ]


def give_new_pins(
    session: Session, who: Who | None, station_id: str, deputy_id: str | None, *, now: datetime
) -> list[GivenPin]:
    """New random PINs for one deputy or (None) every deputy of the station: shown once."""
    _station(session, who, station_id)
    try:
        given = rotate_pins(session, station_id, deputy_id)
    except DeputyNotFound:
        raise PublishRefused("deputy_gone") from None
    for deputy, _pin in given:
        audit.record(
            session, who, "pin.rotate", f"{station_id}/{deputy.deputy_id}", deputy.name,
            now=now, login="cli",
        )  # fmt: skip
    return [GivenPin(d.deputy_id, d.name, pin) for d, pin in given]


def choose_pin(
    session: Session,
    who: Who | None,
    station_id: str,
    deputy_id: str,
    pin: str,
    pin_again: str,
    *,
    now: datetime,
) -> str:
    """The PIN the deputy chose (typed twice); its name, for the page."""
    _station(session, who, station_id)
    if not PIN_PATTERN.fullmatch(pin.strip()):
        raise PublishRefused("pin_rule", "pin")
    if pin.strip() != pin_again.strip():
        raise PublishRefused("pins_differ", "pin")
    try:
        deputy = set_pin(session, station_id, deputy_id, hash_pin(pin.strip()))
    except DeputyNotFound:
        raise PublishRefused("deputy_gone") from None
    audit.record(
        session, who, "pin.set", f"{station_id}/{deputy_id}", deputy.name, now=now, login="cli"
    )
    return deputy.name
