# SPDX-License-Identifier: GPL-3.0-or-later
"""The local database: the standard library's sqlite3, one connection per thread, migrations
at start (docs/decisions.md: "The kiosk's store on plain sqlite3").

Every store function takes the `sqlite3.Connection` of the caller's transaction; services open
it with `Database.begin()` (one transaction, committed when the block ends, rolled back on an
exception) or `Database.read()` (plain reads, no transaction held). Rows come back as
`sqlite3.Row` (by column name); the store turns them into its own dataclasses.

Values are kept as the kiosk has always kept them (the schema came from SQLAlchemy's types):
a moment as text 'YYYY-MM-DD HH:MM:SS.ffffff' (naive: the station's wall clock), a day as
'YYYY-MM-DD', a flag as 0/1, a list as JSON text. `moment`, `read_moment`, `day` and
`read_day` write and read them.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from kiosk.domain.private_files import private_database

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration. Start-up compares it with the database and only imports Alembic (and
# SQLAlchemy, which it runs on) when they differ. A test keeps it equal to head.
SCHEMA_HEAD = "0008_station_snapshot_row"

PRAGMAS = (
    # WAL + synchronous=FULL: a committed transaction survives a power cut (DESIGN.md §5).
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    # What is deleted or overwritten is zeroed in the file, not left in free pages for
    # whoever copies the disk (purged contacts, replaced checks: docs/security.md).
    "PRAGMA secure_delete=ON",
)


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the SQLite file at `path` with the kiosk's pragmas, in autocommit
    (transactions are begun explicitly), rows by column name."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.row_factory = sqlite3.Row
    for pragma in PRAGMAS:
        connection.execute(pragma)
    return connection


class Database:
    """The SQLite file at `path`: one connection for each thread that uses it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # By the thread's id, not a threading.local: Qt's threads (the pool's, a QThread's
        # event loop) enter Python with a new thread state at each call, which a
        # threading.local forgets (a new connection, left open, at every call).
        self._connections: dict[int, sqlite3.Connection] = {}
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        thread = threading.get_ident()
        with self._lock:
            connection = self._connections.get(thread)
            if connection is None:
                connection = self._connections[thread] = connect(self.path)
        return connection

    @contextmanager
    def begin(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises.

        BEGIN IMMEDIATE takes the write lock first (waiting up to busy_timeout for another
        writer), so a transaction never fails half-way for want of it."""
        connection = self._connection()
        if connection.in_transaction:
            raise RuntimeError("a transaction is already open on this thread")
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection for reads outside a transaction."""
        yield self._connection()

    def close(self) -> None:
        """Close every thread's connection (their threads must be done with them)."""
        with self._lock:
            connections, self._connections = list(self._connections.values()), {}
        for connection in connections:
            connection.close()


def moment(value: datetime | None) -> str | None:
    """A moment as stored: 'YYYY-MM-DD HH:MM:SS.ffffff', the wall clock it was given, any
    offset dropped (as SQLAlchemy stored it: older rows and new ones read and sort alike)."""
    if value is None:
        return None
    return value.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def read_moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def read_day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def schema_revision(path: Path) -> str | None:
    """The database's Alembic revision, or None for a new (empty) database."""
    connection = sqlite3.connect(path)
    try:
        table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if table is None:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        connection.close()


def upgrade(path: Path, revision: str = "head") -> None:
    """Bring the schema to `revision` with Alembic (which runs on SQLAlchemy: imported only
    here, when a new or older database needs it)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", lambda raw, _record: _pragmas(raw))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def _pragmas(connection: sqlite3.Connection) -> None:
    for pragma in PRAGMAS:
        connection.execute(pragma)


def open_database(path: Path) -> Database:
    """Open (creating and migrating as needed) the database at `path`."""
    private_database(path)  # 0600 in a 0700 folder: it holds visitors' data
    if schema_revision(path) != SCHEMA_HEAD:
        upgrade(path)
    return Database(path)
