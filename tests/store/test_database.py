# SPDX-License-Identifier: GPL-3.0-or-later
"""The local database on the standard library's sqlite3 (kiosk.store.database): migrations,
one connection per thread, one transaction per `begin()`, and values stored as the kiosk has
always stored them (by SQLAlchemy, before issue 12), so older databases read back the same."""

from __future__ import annotations

import dataclasses
import inspect
import os
import pathlib
import sqlite3
import subprocess
import sys
import threading
import typing
from contextlib import closing
from datetime import date, datetime, timedelta, timezone

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from kiosk.demo import demo_snapshot
from kiosk.store import rows
from kiosk.store.database import (
    MIGRATIONS,
    SCHEMA_HEAD,
    Database,
    day,
    moment,
    open_database,
    read_day,
    read_moment,
    schema_revision,
)
from kiosk.store.rows import (
    AppealProgressRow,
    AppealRow,
    AppointmentRow,
    EnrolmentRow,
    OutboxItemRow,
    PinFailureRow,
    ReceptionRecordRow,
    fetch,
    fetch_one,
    insert,
)
from kiosk.store.station import load_station, replace_station

CHINA = timezone(timedelta(hours=8))
MOMENT = datetime(2026, 11, 23, 9, 30, 1, 250000)


@pytest.fixture
def database(tmp_path):
    opened = open_database(tmp_path / "kiosk.sqlite3")
    yield opened
    opened.close()


def in_thread(work):
    """`work()` on a thread of its own; what it returned (or raised)."""
    result = {}

    def run():
        try:
            result["value"] = work()
        except BaseException as error:  # noqa: BLE001 (raised again in the test's thread)
            result["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


def connection_of(database: Database) -> sqlite3.Connection:
    """The connection `database` gives the calling thread."""
    with database.read() as connection:
        return connection


def sync_state(database: Database) -> dict[str, str]:
    with database.read() as connection:
        return dict(connection.execute("SELECT key, value FROM sync_state").fetchall())


# --- migrations ----------------------------------------------------------------------------


def test_an_empty_file_is_migrated_to_head(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    open_database(path).close()
    assert schema_revision(path) == SCHEMA_HEAD
    with closing(sqlite3.connect(path)) as connection:
        found = connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        tables = {name for (name,) in found}
    assert {"station_snapshot", "appeal", "outbox"} <= tables
    # The station is stored once (kiosk.store.station): no table of its own parts.
    assert not {"station", "deputy", "reception_schedule", "notice", "holiday"} & tables


def test_a_new_file_has_no_revision(tmp_path):
    assert schema_revision(tmp_path / "kiosk.sqlite3") is None


def test_schema_head_constant_is_the_newest_migration():
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD


def test_reopening_a_migrated_database_keeps_its_data(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    first = open_database(path)
    with first.begin() as connection:
        replace_station(connection, demo_snapshot())
    first.close()
    with open_database(path).read() as connection:
        assert load_station(connection) == demo_snapshot()


def test_opening_a_current_database_imports_neither_sqlalchemy_nor_alembic(tmp_path):
    """SQLAlchemy, its ORM and Alembic cost ~27 MB: the kiosk loads them only to migrate.
    Every module of the store is imported, the database opened, written and read."""
    path = tmp_path / "kiosk.sqlite3"
    open_database(path).close()  # migrated here: the program below finds it current
    program = (
        "import importlib, pkgutil, sys\n"
        "from pathlib import Path\n"
        "import kiosk.store\n"
        "for module in pkgutil.iter_modules(kiosk.store.__path__):\n"
        "    if module.name != 'migrations':\n"
        "        importlib.import_module('kiosk.store.' + module.name)\n"
        "from kiosk.demo import demo_snapshot\n"
        "from kiosk.store.database import open_database\n"
        "from kiosk.store.station import load_station, replace_station\n"
        f"database = open_database(Path({str(path)!r}))\n"
        "with database.begin() as connection:\n"
        "    replace_station(connection, demo_snapshot())\n"
        "with database.read() as connection:\n"
        "    assert load_station(connection) == demo_snapshot()\n"
        "database.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


# --- rows.py and the migrations cannot drift ------------------------------------------------

# A field's type and the column type the migrations declare for it (SQLAlchemy's names: the
# schema came from its models; the conversions of kiosk.store.rows go by the field's type).
COLUMN_TYPES = {
    datetime: {"DATETIME"},
    date: {"DATE"},
    bool: {"BOOLEAN"},
    list: {"JSON"},
    bytes: {"BLOB"},
    int: {"INTEGER"},
    str: {"TEXT", "VARCHAR"},
}


def row_classes() -> list[type]:
    return [
        cls
        for _, cls in inspect.getmembers(rows, inspect.isclass)
        if dataclasses.is_dataclass(cls) and cls.__module__ == rows.__name__
    ]


def test_every_table_has_a_row_class_and_each_row_class_a_table(database):
    with database.read() as connection:
        tables = {
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        }
    classes = {cls.TABLE: cls for cls in row_classes()}
    assert len(classes) == len(row_classes())  # one class per table
    assert set(classes) == tables - {"alembic_version"}


@pytest.mark.parametrize("row_type", row_classes(), ids=lambda cls: cls.__name__)
def test_a_row_class_names_its_tables_columns_with_their_types_and_nullability(database, row_type):
    with database.read() as connection:
        columns = {
            name: (kind.split("(")[0], bool(not_null), bool(key))
            for _, name, kind, not_null, _, key in connection.execute(
                f"PRAGMA table_info({row_type.TABLE})"
            )
        }
    hints = typing.get_type_hints(row_type)
    fields = {f.name: hints[f.name] for f in dataclasses.fields(row_type)}
    assert set(fields) == set(columns)
    for name, hint in fields.items():
        kind, not_null, key = columns[name]
        optional = type(None) in typing.get_args(hint)
        if optional:
            hint = next(a for a in typing.get_args(hint) if a is not type(None))
        base = typing.get_origin(hint) or hint  # list[dict] is a list
        where = f"{row_type.__name__}.{name}"
        if optional and base is int and key:
            assert not_null, where  # the integer key the database gives: None until written
        else:
            assert not_null is not optional, f"{where}: nullability"
        assert kind in COLUMN_TYPES[base], f"{where}: {kind} for {base.__name__}"


def test_the_indexes_the_queries_rely_on_are_in_the_migrated_schema(database):
    with database.read() as connection:
        indexes = set()
        for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            for _, name, unique, *_ in connection.execute(f"PRAGMA index_list({table})"):
                columns = tuple(c for _, _, c in connection.execute(f"PRAGMA index_info({name})"))
                indexes.add((table, columns, bool(unique)))
    assert {
        ("outbox", ("kind", "item_uuid"), True),  # an event is queued once
        ("outbox", ("sent_at", "quarantined_reason", "id"), False),  # due_batch
        ("appeal", ("tracking_code",), True),
        ("appointment", ("deputy_id", "date"), False),
        ("attendance", ("uuid",), True),
        ("attendance", ("deputy_id",), False),
        ("attendance", ("at",), False),
        ("pin_failure", ("deputy_id",), False),
        ("pin_failure", ("failed_at",), False),
        ("reception_record", ("created_at",), False),
    } <= indexes


# --- connections and transactions ---------------------------------------------------------


def test_every_threads_connection_has_wal_full_sync_foreign_keys_and_secure_delete(database):
    def pragmas():
        with database.read() as connection:
            return [
                connection.execute(f"PRAGMA {name}").fetchone()[0]
                for name in ("journal_mode", "synchronous", "foreign_keys", "secure_delete")
            ]

    # FULL is 2: a committed transaction survives a power cut.
    assert pragmas() == in_thread(pragmas) == ["wal", 2, 1, 1]


def test_each_thread_has_its_own_connection_and_keeps_it(database):
    with database.read() as first, database.read() as again:
        assert first is again
    with database.begin() as writing:
        assert writing is first
    assert in_thread(lambda: connection_of(database)) is not first


def test_a_transaction_is_committed_when_its_block_ends(database, tmp_path):
    with database.begin() as connection:
        connection.execute("INSERT INTO sync_state VALUES ('a', '1')")
        assert connection.in_transaction
    assert not connection.in_transaction
    # Another connection (another thread, another program) sees it.
    assert in_thread(lambda: sync_state(database)) == {"a": "1"}
    with closing(sqlite3.connect(tmp_path / "kiosk.sqlite3")) as other:
        assert other.execute("SELECT value FROM sync_state").fetchall() == [("1",)]


def test_an_exception_rolls_the_whole_transaction_back(database):
    with database.begin() as connection:
        connection.execute("INSERT INTO sync_state VALUES ('kept', '1')")
    with pytest.raises(ZeroDivisionError), database.begin() as connection:
        connection.execute("INSERT INTO sync_state VALUES ('a', '1')")
        connection.execute("UPDATE sync_state SET value = '2' WHERE key = 'kept'")
        _ = 1 / 0
    assert not connection.in_transaction
    assert sync_state(database) == {"kept": "1"}
    with database.begin() as connection:  # the connection goes on serving
        connection.execute("INSERT INTO sync_state VALUES ('b', '1')")
    assert sync_state(database) == {"kept": "1", "b": "1"}


def test_a_failed_statement_rolls_back_what_came_before_it(database):
    with database.begin() as connection:
        connection.execute("INSERT INTO sync_state VALUES ('a', '1')")
    with pytest.raises(sqlite3.IntegrityError), database.begin() as connection:
        connection.execute("INSERT INTO sync_state VALUES ('b', '1')")
        connection.execute("INSERT INTO sync_state VALUES ('a', '2')")  # the key is taken
    assert sync_state(database) == {"a": "1"}


def test_a_transaction_inside_another_on_the_same_thread_is_refused(database):
    with database.begin() as connection:
        connection.execute("INSERT INTO sync_state VALUES ('outer', '1')")
        with pytest.raises(RuntimeError, match="already open"), database.begin():
            pass  # pragma: no cover (never entered)
        assert connection.in_transaction  # the outer one is not disturbed...
    assert sync_state(database) == {"outer": "1"}  # ...and commits what it wrote


def test_another_threads_transaction_waits_for_the_first_to_commit(database):
    order = []
    started = threading.Event()

    def second():
        started.set()
        with database.begin() as connection:  # BEGIN IMMEDIATE: waits for the write lock
            value = connection.execute("SELECT value FROM sync_state WHERE key = 'n'").fetchone()
            order.append(("second read", value[0]))
            connection.execute("UPDATE sync_state SET value = value + 1 WHERE key = 'n'")

    with database.begin() as connection:
        connection.execute("INSERT INTO sync_state VALUES ('n', '1')")
        thread = threading.Thread(target=second)
        thread.start()
        started.wait()
        order.append(("first", "committing"))
    thread.join()
    assert order == [("first", "committing"), ("second read", "1")]
    assert sync_state(database) == {"n": "2"}


def test_close_closes_every_threads_connection(database):
    here = connection_of(database)
    there = in_thread(lambda: connection_of(database))
    database.close()
    for connection in (here, there):
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            connection.execute("SELECT 1")
    with database.read() as fresh:  # used again, the database opens a new connection
        assert fresh is not here and fresh.execute("SELECT 1").fetchone()[0] == 1


def files_open_on(path) -> int:
    """How many descriptors of this process have `path` (the database file) open."""
    descriptors = pathlib.Path("/proc/self/fd").iterdir()
    return sum(1 for fd in descriptors if os.path.realpath(fd) == str(path.resolve()))


def test_work_on_qts_thread_pool_does_not_pile_up_connections(database):
    """The screens' work runs on QThreadPool threads (kiosk.ui.offthread), where Python keeps
    no thread state between two jobs: each job must not leave a connection of its own open
    (a file descriptor and SQLite's page cache each, for as long as the kiosk runs)."""
    from PySide6.QtCore import QRunnable, QThreadPool

    def job() -> None:
        with database.read() as connection:
            connection.execute("SELECT count(*) FROM outbox").fetchone()

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    for _ in range(20):
        pool.start(QRunnable.create(job))
    assert pool.waitForDone(10_000)
    assert files_open_on(database.path) <= 1  # the pool's one thread's, at most
    database.close()
    assert files_open_on(database.path) == 0


# --- stored forms: what older databases hold reads back the same ------------------------------

# As SQLAlchemy (the kiosk's store until issue 12) wrote them; copied from such a database.
OLD_MOMENT = "2026-11-23 09:30:01.250000"
OLD_WHOLE_SECOND = "2026-11-23 09:30:00.000000"


def test_moments_and_days_are_stored_as_before():
    assert moment(MOMENT) == OLD_MOMENT
    assert moment(datetime(2026, 11, 23, 9, 30)) == OLD_WHOLE_SECOND  # microseconds always
    assert read_moment(OLD_MOMENT) == MOMENT
    assert read_moment(OLD_WHOLE_SECOND) == datetime(2026, 11, 23, 9, 30)
    assert day(date(2026, 12, 5)) == "2026-12-05" and read_day("2026-12-05") == date(2026, 12, 5)
    assert moment(None) is read_moment(None) is day(None) is read_day(None) is None
    # Text order is time order (the outbox's `next_attempt_at <= now`).
    assert moment(datetime(2026, 11, 23, 9, 30)) < moment(datetime(2026, 11, 23, 9, 30, 0, 1))


def test_a_moment_with_an_offset_is_stored_as_its_wall_clock_as_before():
    """SQLAlchemy dropped the offset of an aware moment (a visitor's appeal carries the
    station's): the stored form has none, and such moments sort with the others."""
    aware = datetime(2026, 11, 23, 9, 30, 1, 250000, tzinfo=CHINA)
    assert moment(aware) == OLD_MOMENT


def old_rows(connection: sqlite3.Connection) -> None:
    """Rows as a kiosk before issue 12 wrote them (SQLAlchemy's forms)."""
    connection.execute(
        "INSERT INTO appointment (code, uuid, deputy_id, date, schedule_id, state,"
        " contact_check, sealed, created_at, steps) VALUES ('C1', 'u1', 'd1', '2026-12-15',"
        " NULL, 'requested', NULL, x'00ff', ?,"
        ' \'[{"state": "requested", "at": "2026-11-23T09:30:00+08:00", "note": "\\u957f"}]\')',
        (OLD_WHOLE_SECOND,),
    )
    connection.execute(
        "INSERT INTO pin_failure (id, deputy_id, failed_at, cleared) VALUES (7, 'd1', ?, 1)",
        (OLD_MOMENT,),
    )
    connection.execute(
        "INSERT INTO reception_record VALUES ('r1', 'd1', ?, 2, '电梯', '[\"A\", \"B\"]')",
        (OLD_WHOLE_SECOND,),
    )
    connection.execute(
        "INSERT INTO outbox (id, kind, item_uuid, payload, created_at, attempts,"
        " next_attempt_at, sent_at, quarantined_reason) VALUES"
        " (3, 'appeal', 'u1', x'7b7d', ?, 2, ?, NULL, NULL)",
        (OLD_WHOLE_SECOND, OLD_MOMENT),
    )
    connection.execute(
        "INSERT INTO appeal_progress VALUES ('A1', 'assigned', '2026-11-26', '[]')",
    )


OLD_AS_ROWS = [
    AppointmentRow(
        code="C1",
        uuid="u1",
        deputy_id="d1",
        date=date(2026, 12, 15),
        sealed=b"\x00\xff",
        created_at=datetime(2026, 11, 23, 9, 30),
        steps=[{"state": "requested", "at": "2026-11-23T09:30:00+08:00", "note": "长"}],
    ),
    PinFailureRow(deputy_id="d1", failed_at=MOMENT, id=7, cleared=True),
    ReceptionRecordRow(
        uuid="r1",
        deputy_id="d1",
        created_at=datetime(2026, 11, 23, 9, 30),
        visitors=2,
        topic="电梯",
        tracking_codes=["A", "B"],
    ),
    OutboxItemRow(
        kind="appeal",
        item_uuid="u1",
        payload=b"{}",
        created_at=datetime(2026, 11, 23, 9, 30),
        id=3,
        attempts=2,
        next_attempt_at=MOMENT,
    ),
    AppealProgressRow(tracking_code="A1", state="assigned", due_on=date(2026, 11, 26)),
]


def test_rows_an_older_kiosk_wrote_read_back_equal(database):
    with database.begin() as connection:
        old_rows(connection)
    with database.read() as connection:
        for expected in OLD_AS_ROWS:
            key = dataclasses.fields(expected)[0].name
            found = fetch(
                connection,
                type(expected),
                f"SELECT * FROM {expected.TABLE} WHERE {key} = ?",
                (getattr(expected, key),),
            )
            assert found == [expected]


def test_rows_written_now_are_stored_exactly_as_an_older_kiosk_stored_them(tmp_path, database):
    old = open_database(tmp_path / "old.sqlite3")
    with old.begin() as connection:
        old_rows(connection)
    with database.begin() as connection:
        for row in OLD_AS_ROWS:
            insert(connection, row)
    for expected in OLD_AS_ROWS:
        table = expected.TABLE
        with old.read() as before, database.read() as now:
            stored_then = [tuple(r) for r in before.execute(f"SELECT * FROM {table}")]
            stored_now = [tuple(r) for r in now.execute(f"SELECT * FROM {table}")]
        assert stored_now == stored_then, table
    old.close()


def test_an_aware_moment_is_stored_and_read_back_as_the_stations_wall_clock(database):
    made = AppealRow(
        uuid="u1",
        tracking_code="A1",
        station_id="s",
        category="交通出行",
        created_at=datetime(2026, 11, 23, 9, 30, 1, 250000, tzinfo=CHINA),
    )
    with database.begin() as connection:
        insert(connection, made)
    with database.read() as connection:
        [(stored,)] = connection.execute("SELECT created_at FROM appeal").fetchall()
        read = fetch_one(connection, AppealRow, "SELECT * FROM appeal")
    assert stored == OLD_MOMENT
    assert read is not None and read.created_at == MOMENT


def test_a_row_read_is_a_copy_and_the_database_gives_the_ids(database):
    with database.begin() as connection:
        first = insert(connection, PinFailureRow(deputy_id="d1", failed_at=MOMENT))
        second = insert(connection, PinFailureRow(deputy_id="d2", failed_at=MOMENT))
    assert second == first + 1
    with database.read() as connection:
        read = fetch_one(connection, PinFailureRow, "SELECT * FROM pin_failure WHERE id = ?", (1,))
        assert read == PinFailureRow(deputy_id="d1", failed_at=MOMENT, id=first, cleared=False)
        read.cleared = True
        [(cleared,)] = connection.execute("SELECT cleared FROM pin_failure WHERE id = 1")
        assert cleared == 0  # changing the copy changed nothing stored
        assert fetch_one(connection, EnrolmentRow, "SELECT * FROM enrolment") is None
