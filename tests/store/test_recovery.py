# SPDX-License-Identifier: GPL-3.0-or-later
"""A damaged database file is moved aside (kept), a clean one takes its place, and what can
still be read (enrolment, the station, appeals, unsent outbox) is carried over."""

import json
import sqlite3
from datetime import datetime

from kiosk.demo import demo_snapshot
from kiosk.store import outbox
from kiosk.store.database import open_database
from kiosk.store.recovery import damage, read_recoveries, recover_if_damaged
from kiosk.store.rows import EnrolmentRow, OutboxItemRow, fetch, insert
from kiosk.store.station import load_station, replace_station

NOW = datetime(2026, 11, 23, 9, 30, 15)


def filled_database(path):
    database = open_database(path)
    with database.begin() as connection:
        replace_station(connection, demo_snapshot())
        insert(
            connection,
            EnrolmentRow(
                device_id="dev-1",
                device_token="token",
                station_id="demo-station",
                server_url="https://central.example",
                server_public_key="key",
                enrolled_at=NOW,
            ),
        )
        for i in range(3):
            outbox.add_event(connection, "appeal", f"uuid-{i}", NOW, {"n": i})
    with database.begin() as connection:
        first = fetch(connection, OutboxItemRow, "SELECT * FROM outbox ORDER BY id LIMIT 1")
        outbox.mark_sent(connection, first, NOW)
    database.close()


def smash_table(path, table):
    """Overwrite the first page of `table`'s b-tree with noise, as a failing disk would."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
    ).fetchone()[0]
    connection.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(bytes((i * 37 + 11) % 256 for i in range(page_size)))


def test_a_sound_database_is_left_alone(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    filled_database(path)
    assert damage(path) is None
    assert recover_if_damaged(path, NOW, lambda: open_database(path)) is None
    assert sorted(p.name for p in tmp_path.iterdir() if "damaged" in p.name) == []


def test_a_damaged_database_is_kept_aside_and_what_can_be_read_is_carried_over(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    filled_database(path)
    smash_table(path, "station_snapshot")
    damaged_bytes = path.read_bytes()
    assert damage(path) is not None

    recovery = recover_if_damaged(path, NOW, lambda: open_database(path))

    kept = tmp_path / "kiosk.sqlite3.damaged-20261123-093015"
    assert recovery is not None and recovery.moved_to == str(kept)
    assert kept.read_bytes() == damaged_bytes  # kept as it was
    assert damage(path) is None  # the new one is sound
    database = open_database(path)
    with database.read() as connection:
        assert [d for (d,) in connection.execute("SELECT device_id FROM enrolment")] == ["dev-1"]
        assert outbox.counts(connection).pending == 2  # the unsent ones, not the sent one
        assert load_station(connection) is None  # the station comes back with the next pull
    assert recovery.salvaged == {"enrolment": 1, "appeal": 0, "outbox": 2}
    assert read_recoveries(path) == [recovery]
    assert json.loads((tmp_path / "recoveries.json").read_text())[0]["at"] == NOW.isoformat()


def test_the_station_is_carried_over_when_its_row_can_be_read(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    filled_database(path)
    smash_table(path, "appeal_progress")
    assert damage(path) is not None

    recovery = recover_if_damaged(path, NOW, lambda: open_database(path))

    assert recovery is not None and recovery.salvaged["station_snapshot"] == 1
    with open_database(path).read() as connection:
        assert load_station(connection) == demo_snapshot()  # home goes on showing it


def test_a_file_that_is_no_database_at_all_is_replaced(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    path.write_bytes(b"this was never a database" * 100)
    recovery = recover_if_damaged(path, NOW, lambda: open_database(path))
    assert recovery is not None and "not a database" in recovery.problem
    assert recovery.salvaged == {}
    assert damage(path) is None
