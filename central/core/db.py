# SPDX-License-Identifier: GPL-3.0-or-later
"""The database: SQLite (the kiosk's pragmas) or PostgreSQL, migrated with Alembic at start."""

from __future__ import annotations

import fcntl
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from central.core import revisions
from central.core.config import Settings
from kiosk.domain.private_files import private_database

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"
# The newest migration. Opening compares it with the database and only imports Alembic when
# they differ (every admin command opens the database; Alembic costs ~300 ms). A test keeps it
# equal to Alembic's head.
SCHEMA_HEAD = "0014_scale3"


def create_db_engine(url: str, *, writer: bool = True) -> Engine:
    """An engine for `url`. On SQLite a writer's transactions start with BEGIN IMMEDIATE.

    Deferred SQLite transactions that read and then write fail with "database is locked" when
    another writer got there first (busy_timeout cannot help); taking the write lock at BEGIN
    makes concurrent writers queue instead. Readers keep a plain BEGIN so they never queue.
    """
    if not url.startswith("sqlite"):
        # No ping before each checkout (a round trip on every poll, issue 18): a connection
        # the database dropped fails one request, and SQLAlchemy then empties the pool.
        # As many connections kept open as the thread pool has threads (AnyIO's 40), and 10
        # more for periodic work: with 10 kept, a storm opened and closed connections all the
        # time, and each costs PostgreSQL a new backend process (~5 ms against 0.06 ms for a
        # query). Mind max_connections: 50 a server process (docs/deploy-central.md).
        return create_engine(url, pool_size=40, max_overflow=10, pool_recycle=1800)
    # 0600 in a 0700 folder: names, mobiles and what visitors wrote (docs/security.md).
    private_database(Path(url.removeprefix("sqlite:///")))
    engine = create_engine(url, pool_size=10, max_overflow=30)
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", partial(_on_sqlite_begin, writer))
    return engine


def _on_sqlite_connect(connection: Any, _record: object) -> None:
    # The driver's own transaction handling is off: we say BEGIN ourselves (see above).
    connection.isolation_level = None
    cursor = connection.cursor()
    # The kiosk's pragmas: a committed transaction survives a power cut (DESIGN.md §5).
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _on_sqlite_begin(writer: bool, connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` with Alembic."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


_DEVICE_ACCESS = (
    "SELECT device.station_id, station.revision FROM device"
    " JOIN station ON station.id = device.station_id"
    " WHERE device.token_hash = {0} AND device.revoked_at IS NULL"
)
# The same, and the station's kept document (snapshot_document) for `key` at the station's
# revision when there is one: a process's first request for a station (a reconnect storm
# after a restart) costs one round trip, not a token check and then a document's read.
_DEVICE_ACCESS_AND_DOCUMENT = (
    "SELECT device.station_id, station.revision, kept.cursor, kept.body FROM device"
    " JOIN station ON station.id = device.station_id"
    " LEFT JOIN snapshot_document kept ON kept.station_id = device.station_id"
    " AND kept.key = {0} AND kept.revision = station.revision"
    " WHERE device.token_hash = {0} AND device.revoked_at IS NULL"
    " LIMIT 1"
)


@dataclass(frozen=True)
class Database:
    """Session factories: `writer` for anything that changes data, `reader` for the rest."""

    writer: sessionmaker[Session]
    reader: sessionmaker[Session]

    def dispose(self) -> None:
        """Close the pooled connections (a database can then be dropped or copied)."""
        for sessions in {self.writer, self.reader}:
            sessions.kw["bind"].dispose()

    def device_access(
        self, token_hash: str, document_key: str | None = None
    ) -> tuple[str, int, tuple[str, bytes] | None] | None:
        """(station id, station revision, kept document) for an active device's token hash,
        else None. The kept document, (cursor, gzipped body), is the station's for
        `document_key` at its current revision, looked for only when a key is given.

        Straight through the driver: this answers every snapshot poll, and the ORM and Core
        layers cost more than the indexed read itself.
        """
        engine = self.reader.kw["bind"]
        placeholder = "?" if engine.dialect.paramstyle == "qmark" else "%s"
        parameters: tuple[str, ...] = (token_hash,)
        if document_key is None:
            query = _DEVICE_ACCESS.format(placeholder)
        else:
            query = _DEVICE_ACCESS_AND_DOCUMENT.format(placeholder)
            parameters = (document_key, token_hash)
        connection = engine.raw_connection()
        # One statement that only reads: on PostgreSQL without a transaction, so that no
        # BEGIN goes before it and no ROLLBACK after it (the pool's reset then has nothing to
        # do): one round trip instead of three. SQLite's connections already work this way.
        driver = connection.driver_connection
        single = engine.dialect.name == "postgresql"
        try:
            if single:
                driver.autocommit = True
            cursor = connection.cursor()
            cursor.execute(query, parameters)
            row = cursor.fetchone()
            cursor.close()
        finally:
            try:
                if single:
                    driver.autocommit = False
            except Exception:  # noqa: BLE001 - a broken connection: not given out again
                connection.invalidate()
            connection.close()
        if row is None:
            return None
        kept = (row[2], bytes(row[3])) if document_key is not None and row[2] else None
        return row[0], row[1], kept


# pg_advisory_lock's key for "migrating" (any fixed number no other code of ours uses).
MIGRATION_LOCK = 0x6B696F736B  # "kiosk"


@contextmanager
def migration_lock(engine: Engine) -> Iterator[None]:
    """One process at a time migrates: several servers starting at once on one database
    (docs/deploy-central.md) queue here, and the later ones find the schema current.

    PostgreSQL: a session advisory lock (released with the connection, even if the process
    dies). SQLite: an exclusive lock on a file beside the database (released by the kernel
    when the process ends).
    """
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
                connection.commit()
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    lock_path = Path(database).with_name(Path(database).name + ".migrating")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def one_at_a_time(session: Session, name: str) -> None:
    """Hold the rest of `session`'s transaction for `name` alone across every process and
    instance: periodic work that several instances run (kiosk alerts) then runs in turn, each
    reading what the one before committed. PostgreSQL: a transaction advisory lock; SQLite:
    the writer's BEGIN IMMEDIATE already does it."""
    if session.get_bind().dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def open_database(settings: Settings) -> Database:
    """Open (creating and migrating as needed) the database."""
    url = settings.resolved_database_url
    engine = create_db_engine(url)
    if schema_revision(engine) != SCHEMA_HEAD:
        with migration_lock(engine):
            # Another process may have migrated while this one waited.
            if schema_revision(engine) != SCHEMA_HEAD:
                upgrade(engine)
    writer = sessionmaker(engine, expire_on_commit=False)
    revisions.watch(writer)
    if not url.startswith("sqlite"):
        return Database(writer=writer, reader=writer)
    reader = sessionmaker(create_db_engine(url, writer=False), expire_on_commit=False)
    return Database(writer=writer, reader=reader)
