# SPDX-License-Identifier: GPL-3.0-or-later
"""Snapshot documents kept in the database (models.SnapshotDocument): every server process
serves a station's current document once one of them built it, a restarted server does not
build them all again, and a kiosk's older cursor finds the document it had (the base of its
delta). A cache: losing a row costs a build or a whole document, never a wrong answer.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Table, delete, select

from central.core.db import Database
from central.models import SnapshotDocument

# Documents kept per station: a kiosk polls every minute, so its cursor is one of the last
# few; one offline for longer gets the whole document.
KEPT = 8

_table: Table = SnapshotDocument.__table__  # type: ignore[assignment]


def load_current(
    database: Database, station_id: str, key: str, revision: int
) -> tuple[str, bytes] | None:
    """(cursor, gzipped body) of the station's document for `key` at `revision`, if kept."""
    with database.reader() as session:
        row = session.execute(
            select(_table.c.cursor, _table.c.body)
            .where(
                _table.c.station_id == station_id,
                _table.c.key == key,
                _table.c.revision == revision,
            )
            .limit(1)
        ).first()
    return (row[0], row[1]) if row else None


def load_document(database: Database, station_id: str, cursor: str) -> bytes | None:
    """The gzipped body of the station's document with `cursor`, if kept."""
    with database.reader() as session:
        return session.scalar(
            select(_table.c.body).where(
                _table.c.station_id == station_id, _table.c.cursor == cursor
            )
        )


def save(
    database: Database, station_id: str, key: str, revision: int, cursor: str, gzipped: bytes
) -> None:
    """Keep a document (the same cursor again: its newest key and revision), and only the
    station's KEPT newest."""
    with database.writer.begin() as session:
        connection = session.connection()
        values = {"key": key, "revision": revision, "built_at": datetime.now(UTC)}
        done = connection.execute(
            _table.update()
            .where(_table.c.station_id == station_id, _table.c.cursor == cursor)
            .values(**values)
        )
        if done.rowcount == 0:
            connection.execute(
                _table.insert().values(station_id=station_id, cursor=cursor, body=gzipped, **values)
            )
        newest = (
            select(_table.c.cursor)
            .where(_table.c.station_id == station_id)
            .order_by(_table.c.built_at.desc())
            .limit(KEPT)
        )
        connection.execute(
            delete(_table).where(
                _table.c.station_id == station_id,
                _table.c.cursor.not_in(newest.scalar_subquery()),
            )
        )
