# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sqlite3
from datetime import datetime, timedelta

import pytest

from kiosk.store import outbox
from kiosk.store.database import open_database
from kiosk.store.rows import AppealRow, insert

NOW = datetime(2026, 11, 23, 9, 30)


@pytest.fixture
def database(tmp_path):
    return open_database(tmp_path / "kiosk.sqlite3")


def queue(database, uuid, kind="appeal"):
    with database.begin() as connection:
        if kind == "appeal":
            insert(
                connection,
                AppealRow(
                    uuid=uuid,
                    tracking_code=uuid[:9].upper(),
                    station_id="s",
                    category="交通出行",
                    sealed=b"secret",
                    created_at=NOW,
                ),
            )
        outbox.add_event(connection, kind, uuid, NOW, {"tracking_code": uuid[:9].upper()})


def test_the_payload_is_the_exact_event_the_server_receives(database):
    queue(database, "a" * 36)
    with database.read() as connection:
        (item,) = outbox.due_batch(connection, NOW, 10)
        event = json.loads(item.payload)
    assert event == {
        "uuid": "a" * 36,
        "kind": "appeal",
        "created_at": NOW.isoformat(),
        "body": {"tracking_code": "AAAAAAAAA"},
    }


def test_the_same_event_cannot_be_queued_twice(database):
    queue(database, "a" * 36, kind="attendance")
    with pytest.raises(sqlite3.IntegrityError):
        queue(database, "a" * 36, kind="attendance")


def test_a_failed_attempt_waits_its_turn_and_sync_now_releases_it(database):
    queue(database, "a" * 36)
    with database.begin() as connection:
        ids = [item.id for item in outbox.due_batch(connection, NOW, 10)]
        outbox.note_attempt(connection, ids, NOW + timedelta(seconds=30))
    with database.read() as connection:
        assert outbox.due_batch(connection, NOW + timedelta(seconds=29), 10) == []
        assert len(outbox.due_batch(connection, NOW + timedelta(seconds=30), 10)) == 1
    with database.begin() as connection:
        outbox.release_waiting(connection)
    with database.read() as connection:
        (item,) = outbox.due_batch(connection, NOW, 10)
        assert item.attempts == 1


def test_sent_items_leave_the_queue_and_their_personal_data_is_purged(database):
    queue(database, "a" * 36)
    queue(database, "b" * 36)
    with database.begin() as connection:
        first = outbox.due_batch(connection, NOW, 1)
        outbox.mark_sent(connection, first, NOW)
    with database.read() as connection:
        assert [i.item_uuid for i in outbox.due_batch(connection, NOW, 10)] == ["b" * 36]
        assert outbox.counts(connection) == outbox.OutboxCounts(pending=1, sent=1, quarantined=0)
        sealed = dict(connection.execute("SELECT uuid, sealed FROM appeal").fetchall())
        assert sealed == {"a" * 36: None, "b" * 36: b"secret"}


def test_a_quarantined_item_is_kept_but_no_longer_blocks_the_queue(database):
    queue(database, "a" * 36)
    queue(database, "b" * 36)
    with database.begin() as connection:
        first = outbox.due_batch(connection, NOW, 1)[0]
        outbox.quarantine(connection, first.id, "invalid: category unknown")
    with database.read() as connection:
        assert [i.item_uuid for i in outbox.due_batch(connection, NOW, 10)] == ["b" * 36]
        assert outbox.counts(connection).quarantined == 1


def test_the_heartbeat_reports_quarantined_reasons_without_numbers_that_could_be_a_mobile(
    database,
):
    queue(database, "a" * 36)
    queue(database, "b" * 36, kind="appointment")
    with database.begin() as connection:
        first, second = outbox.due_batch(connection, NOW, 2)
        outbox.quarantine(
            connection, first.id, "invalid: sealed.mobile: 13800138000 is not a mobile"
        )
        outbox.quarantine(connection, second.id, "conflict: this uuid was sent before" + "x" * 900)
    with database.read() as connection:
        items = outbox.quarantined_items(connection)
    assert [i["kind"] for i in items] == ["appointment", "appeal"]  # newest first
    assert items[1]["reason"] == "invalid: sealed.mobile: … is not a mobile"
    assert len(items[0]["reason"]) == 300
    assert json.dumps(items)  # goes into the heartbeat's JSON as it is
