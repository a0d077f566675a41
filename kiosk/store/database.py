# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening the local database: SQLite pragmas on every connection, migrations at start."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.private_files import private_database

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration. Start-up compares it with the database and only imports Alembic when
# they differ (Alembic's import and script scan cost ~100 ms). A test keeps it equal to head.
SCHEMA_HEAD = "0008_station_snapshot_row"


def _on_connect(connection: sqlite3.Connection, _record: object) -> None:
    cursor = connection.cursor()
    # WAL + synchronous=FULL: a committed transaction survives a power cut (DESIGN.md §5).
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # What is deleted or overwritten is zeroed in the file, not left in free pages for
    # whoever copies the disk (purged contacts, replaced checks: docs/security.md).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def create_database_engine(path: Path) -> Engine:
    """An engine for the SQLite file at `path` (created if missing), pragmas on every connection."""
    private_database(path)  # 0600 in a 0700 folder: it holds visitors' data
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    return engine


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        table = raw.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if table is None:
            return None
        row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` with Alembic."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def open_database(path: Path) -> sessionmaker[Session]:
    """Open (creating and migrating as needed) the database; return its session factory."""
    engine = create_database_engine(path)
    if schema_revision(engine) != SCHEMA_HEAD:
        upgrade(engine)
    return sessionmaker(engine, expire_on_commit=False)
