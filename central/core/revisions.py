# SPDX-License-Identifier: GPL-3.0-or-later
"""One automatic "station changed": a flush that adds, changes or deletes a row a kiosk's
snapshot shows bumps `Station.revision` of the station the row belongs to (or of every
station, for tables all kiosks receive), in the same transaction. No service has to remember.

The snapshot cache (api/routes/snapshot.py) rebuilds a station's document only when its
revision moved, so a missed bump means kiosks never see a change, and a needless one costs a
rebuild: the tables below are exactly what `services.snapshot.build_document` reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Table, event, inspect, update
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from central.models import (
    Appeal,
    AppealStep,
    Appointment,
    AppointmentStep,
    Category,
    Deputy,
    Holiday,
    HolidayYear,
    RegionCategory,
    Schedule,
    Station,
)

# Rows of one station (their `station_id`), rows of a row of one station, rows of all stations.
OWNED: tuple[type[Deputy | Schedule | Appeal | Appointment], ...] = (
    Deputy,
    Schedule,
    Appeal,
    Appointment,
)
# A step appended to its parent's `steps` makes the parent modified too; the parent's id
# covers a step changed on its own.
CHILDREN: dict[type[Any], tuple[type[Appeal | Appointment], str]] = {
    AppealStep: (Appeal, "appeal_id"),
    AppointmentStep: (Appointment, "appointment_id"),
}
# A region's own categories reach the stations below it: rare enough to rebuild every station.
SHARED = (Holiday, HolidayYear, Category, RegionCategory)
# Station columns no snapshot shows: changing them is no news to a kiosk.
STATION_PRIVATE = {"revision", "calendar_token_hash", "region_id"}


class _Every:
    """Every station."""


EVERY = _Every()


def watch(sessions: sessionmaker[Session]) -> None:
    """Bump stations' revisions on every flush (and bulk statement) of `sessions`."""
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "do_orm_execute", _on_bulk_statement)


def changed_stations(session: Session) -> set[str] | _Every:
    """The stations whose snapshot the pending flush changes (EVERY for shared tables)."""
    stations: set[str] = set()
    for row, how in _pending(session):
        if isinstance(row, Station):
            if how == "dirty" and _changed_columns(row) - STATION_PRIVATE:
                stations.add(row.id)
            continue
        if how == "dirty" and not session.is_modified(row):
            continue  # set to what it was (seeding the holiday table again, say)
        if isinstance(row, SHARED):
            return EVERY
        if isinstance(row, OWNED):
            stations.add(row.station_id)
        elif type(row) in CHILDREN:
            parent_class, parent_id = CHILDREN[type(row)]
            parent = cast(
                "Appeal | Appointment | None",
                session.get(parent_class, getattr(row, parent_id) or 0),
            )
            if parent is not None:
                stations.add(parent.station_id)
    return stations


def _pending(session: Session) -> Iterable[tuple[Any, str]]:
    yield from ((row, "new") for row in session.new)
    yield from ((row, "dirty") for row in session.dirty)
    yield from ((row, "deleted") for row in session.deleted)


def _changed_columns(row: Station) -> set[str]:
    state = inspect(row)
    return {attr.key for attr in state.attrs if attr.history.has_changes()}


def bump(session: Session, stations: set[str] | _Every) -> None:
    """Move the revision of `stations` on (Core: no ORM events, no autoflush)."""
    if not stations:
        return
    table = cast(Table, Station.__table__)
    statement = update(table).values(revision=table.c.revision + 1)
    if not isinstance(stations, _Every):
        statement = statement.where(table.c.id.in_(sorted(stations)))
    session.connection().execute(statement)
    # Loaded stations would keep the old number: read it again when asked.
    for row in session.identity_map.values():
        if isinstance(row, Station) and (isinstance(stations, _Every) or row.id in stations):
            session.expire(row, ["revision"])


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    # Before, not after: the flush forgets what it wrote. The bump lands in the same transaction.
    bump(session, changed_stations(session))


def _on_bulk_statement(state: ORMExecuteState) -> None:
    """A bulk UPDATE or DELETE on a snapshot's table names no rows: every station changed."""
    if not (state.is_update or state.is_delete):
        return
    classes = {mapper.class_ for mapper in state.all_mappers}
    if any(issubclass(c, (*OWNED, *SHARED, *CHILDREN)) for c in classes):
        bump(state.session, EVERY)
