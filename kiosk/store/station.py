# SPDX-License-Identifier: GPL-3.0-or-later
"""The station snapshot (station, deputies, schedules, holidays), stored once: one row.

The row (`station_snapshot`, kiosk.store.rows.StationSnapshotRow) holds the document in
kiosk.domain.snapshot's wire form, the station's parts of the last pulled document exactly as
the server sent them, its deputies' `pin_hash` and `photo_url` included; nothing else on the
kiosk keeps the station (docs/decisions.md, "The station snapshot, stored once"). The sync
worker writes it in the same transaction as the sync cursor and the pull's other parts
(kiosk.store.sync_state); start-up reads it with plain sqlite3 (kiosk.store.station_read);
the PIN check and the working-day rules read the parts they need from it in SQL. A new
deputy field therefore needs no change here: it travels in the document.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date
from sqlite3 import Connection
from typing import Any

from kiosk.domain.holidays import DayKind
from kiosk.domain.pins import is_current
from kiosk.domain.snapshot import snapshot_to_document
from kiosk.domain.station import StationSnapshot
from kiosk.store.rows import StationSnapshotRow, fetch_one
from kiosk.store.station_read import station_from_row

ROW_ID = 1

_PIN_HASH = (
    "SELECT json_extract(d.value, '$.pin_hash') FROM station_snapshot s,"
    " json_each(s.document, '$.deputies') d WHERE json_extract(d.value, '$.id') = ?"
)
_HOLIDAYS = (
    "SELECT json_extract(h.value, '$.date'), json_extract(h.value, '$.kind')"
    " FROM station_snapshot s, json_each(s.document, '$.holidays') h"
)
_HOLIDAY_YEARS = (
    "SELECT y.value FROM station_snapshot s, json_each(s.document, '$.holiday_years') y"
)
_ROW = "SELECT * FROM station_snapshot WHERE id = 1"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def load_station(connection: Connection) -> StationSnapshot | None:
    """The station this kiosk serves, or None before the first seed or pull."""
    row = fetch_one(connection, StationSnapshotRow, _ROW)
    return station_from_row(row.document, row.missing_photos) if row else None


def store_station(
    connection: Connection,
    document: dict[str, Any],
    *,
    missing_photos: Collection[str] = (),
    cursor: str = "",
    rest: dict[str, Any] | None = None,
) -> None:
    """Make `document` (the station's parts, checked by snapshot_from_document) the station,
    in the caller's transaction. `cursor` and `rest` (the pulled document's other parts) keep
    the base of the next delta; without them none is kept. Appeals and the outbox are left
    alone: they are the visitors', not the station's."""
    connection.execute(
        "INSERT OR REPLACE INTO station_snapshot (id, document, missing_photos, cursor, rest)"
        " VALUES (?, ?, ?, ?, ?)",
        (
            ROW_ID,
            _json(document),
            _json(sorted(missing_photos)),
            cursor if rest is not None else "",
            _json(rest) if rest is not None and cursor else "",
        ),
    )


def replace_station(connection: Connection, snapshot: StationSnapshot) -> None:
    """Make `snapshot` the station (the demo's, tests'), in the caller's transaction."""
    store_station(connection, snapshot_to_document(snapshot))


def kept_cursor(connection: Connection) -> str:
    """The cursor of the document kept as the base of a delta ("" when none is)."""
    row = connection.execute("SELECT cursor FROM station_snapshot WHERE id = 1").fetchone()
    return (row[0] if row else "") or ""


def delta_base(connection: Connection) -> dict[str, Any] | None:
    """The last pulled document, whole, as the server sent it (None when none is kept)."""
    row = fetch_one(connection, StationSnapshotRow, _ROW)
    if row is None or not row.cursor or not row.rest:
        return None
    document = json.loads(row.document)
    rest = json.loads(row.rest)
    if not isinstance(document, dict) or not isinstance(rest, dict):
        return None
    return {**document, **rest, "cursor": row.cursor}


def forget_delta_base(connection: Connection) -> None:
    """The station shown stays; the next pull asks for a whole document."""
    connection.execute("UPDATE station_snapshot SET cursor = '', rest = '' WHERE id = 1")


def pin_hash(connection: Connection, deputy_id: str) -> str | None:
    """The deputy's PIN hash as the server sent it, if made with today's costs
    (kiosk.domain.pins); None for a deputy without one or not on the station."""
    row = connection.execute(_PIN_HASH, (deputy_id,)).fetchone()
    found = row[0] if row else None
    return found if isinstance(found, str) and is_current(found) else None


def holiday_table(connection: Connection) -> dict[date, bool]:
    """date -> True (a holiday) or False (a make-up workday), for `add_working_days`."""
    return {
        date.fromisoformat(day): kind == DayKind.HOLIDAY.value
        for day, kind in connection.execute(_HOLIDAYS)
    }


def holiday_years(connection: Connection) -> frozenset[int]:
    """The years the holiday table covers; working days in other years are not known."""
    return frozenset(int(year) for (year,) in connection.execute(_HOLIDAY_YEARS))
