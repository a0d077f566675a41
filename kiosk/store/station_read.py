# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading the station snapshot's one row with the standard library's sqlite3, at start-up.

The kiosk keeps its station once: one row of the table `station_snapshot` holding
kiosk.domain.snapshot's wire form (kiosk.store.station writes it). Start-up reads that row
here, read-only, before the first frame (the database opens for writing, checked and migrated
when needed, on a thread of its own after the first frame, docs/decisions.md). Anything this
read cannot make sense of (no database yet, a database still at an older schema, a damaged
file) gives None: start-up then opens the database first, which migrates it (0008 carries an
older kiosk's station over) and reads the same row.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from kiosk.domain.snapshot import InvalidSnapshot, snapshot_from_document
from kiosk.domain.station import StationSnapshot

log = logging.getLogger(__name__)

STATION_ROW = "SELECT document, missing_photos FROM station_snapshot WHERE id = 1"


def open_read_only(database_path: Path) -> sqlite3.Connection | None:
    """The database at `database_path` opened read-only with plain sqlite3 (start-up's reads,
    here and kiosk.store.home_facts), or None when there is none to open."""
    if not database_path.is_file():
        return None
    try:
        return sqlite3.connect(f"{database_path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None


def read_station(database_path: Path) -> StationSnapshot | None:
    """The station in the database at `database_path`, or None when it cannot say (yet)."""
    connection = open_read_only(database_path)
    if connection is None:
        return None
    try:
        row = connection.execute(STATION_ROW).fetchone()
    except sqlite3.Error:  # no such table (an older schema), a damaged file
        return None
    finally:
        connection.close()
    return station_from_row(*row) if row else None


def station_from_row(document: str, missing_photos: str) -> StationSnapshot | None:
    """The snapshot a stored row describes; None (and a log line) if it cannot be read."""
    try:
        snapshot = snapshot_from_document(json.loads(document))
        missing = json.loads(missing_photos or "[]")
    except (ValueError, InvalidSnapshot) as error:
        log.warning("cannot read the stored station: %s", error)
        return None
    return without_photos(snapshot, missing) if missing else snapshot


def without_photos(snapshot: StationSnapshot, missing: Collection[str]) -> StationSnapshot:
    """`snapshot` with the deputies whose photo file is not here yet shown without one."""
    if not missing:
        return snapshot
    deputies = tuple(
        replace(d, photo="") if d.photo and d.photo in missing else d for d in snapshot.deputies
    )
    return replace(snapshot, deputies=deputies)
