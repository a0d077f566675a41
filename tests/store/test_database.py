# SPDX-License-Identifier: GPL-3.0-or-later
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from kiosk.demo import demo_snapshot
from kiosk.store.database import (
    MIGRATIONS,
    SCHEMA_HEAD,
    create_database_engine,
    open_database,
    schema_revision,
)
from kiosk.store.models import Base
from kiosk.store.station import load_station, replace_station


def test_every_connection_has_wal_full_sync_and_foreign_keys(tmp_path):
    sessions = open_database(tmp_path / "kiosk.sqlite3")
    engine = sessions.kw["bind"]
    # Two connections at once: the pool must set the pragmas on each, not just the first.
    with engine.connect() as first, engine.connect() as second:
        for connection in (first, second):
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_an_empty_file_is_migrated_to_head(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    open_database(path)
    engine = create_database_engine(path)
    assert schema_revision(engine) == SCHEMA_HEAD
    with engine.connect() as connection:
        tables = {
            row[0]
            for row in connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        }
    assert {"station_snapshot", "appeal", "outbox"} <= tables
    # The station is stored once (kiosk.store.station): no table of its own parts.
    assert not {"station", "deputy", "reception_schedule", "notice", "holiday"} & tables


def test_schema_head_constant_is_the_newest_migration():
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD


def test_the_migrations_build_exactly_what_the_models_describe(tmp_path):
    engine = create_database_engine(tmp_path / "kiosk.sqlite3")
    open_database(tmp_path / "kiosk.sqlite3")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_reopening_a_migrated_database_keeps_its_data(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    with open_database(path).begin() as session:
        replace_station(session, demo_snapshot())
    with open_database(path)() as session:
        assert load_station(session) == demo_snapshot()
