# SPDX-License-Identifier: GPL-3.0-or-later
import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from kiosk.store import outbox
from kiosk.store.database import open_database
from kiosk.store.models import AppealRow

NOW = datetime(2026, 11, 23, 9, 30)


@pytest.fixture
def sessions(tmp_path):
    return open_database(tmp_path / "kiosk.sqlite3")


def queue(sessions, uuid, kind="appeal"):
    with sessions.begin() as session:
        if kind == "appeal":
            session.add(
                AppealRow(
                    uuid=uuid,
                    tracking_code=uuid[:9].upper(),
                    station_id="s",
                    category="交通出行",
                    sealed=b"secret",
                    created_at=NOW,
                )
            )
        outbox.add_event(session, kind, uuid, NOW, {"tracking_code": uuid[:9].upper()})


def test_the_payload_is_the_exact_event_the_server_receives(sessions):
    queue(sessions, "a" * 36)
    with sessions() as session:
        (item,) = outbox.due_batch(session, NOW, 10)
        event = json.loads(item.payload)
    assert event == {
        "uuid": "a" * 36,
        "kind": "appeal",
        "created_at": NOW.isoformat(),
        "body": {"tracking_code": "AAAAAAAAA"},
    }


def test_the_same_event_cannot_be_queued_twice(sessions):
    queue(sessions, "a" * 36, kind="attendance")
    with pytest.raises(IntegrityError):
        queue(sessions, "a" * 36, kind="attendance")


def test_a_failed_attempt_waits_its_turn_and_sync_now_releases_it(sessions):
    queue(sessions, "a" * 36)
    with sessions.begin() as session:
        ids = [item.id for item in outbox.due_batch(session, NOW, 10)]
        outbox.note_attempt(session, ids, NOW + timedelta(seconds=30))
    with sessions() as session:
        assert outbox.due_batch(session, NOW + timedelta(seconds=29), 10) == []
        assert len(outbox.due_batch(session, NOW + timedelta(seconds=30), 10)) == 1
    with sessions.begin() as session:
        outbox.release_waiting(session)
    with sessions() as session:
        (item,) = outbox.due_batch(session, NOW, 10)
        assert item.attempts == 1


def test_sent_items_leave_the_queue_and_their_personal_data_is_purged(sessions):
    queue(sessions, "a" * 36)
    queue(sessions, "b" * 36)
    with sessions.begin() as session:
        first = outbox.due_batch(session, NOW, 1)
        outbox.mark_sent(session, first, NOW)
    with sessions() as session:
        assert [i.item_uuid for i in outbox.due_batch(session, NOW, 10)] == ["b" * 36]
        assert outbox.counts(session) == outbox.OutboxCounts(pending=1, sent=1, quarantined=0)
        sealed = {a.uuid: a.sealed for a in session.query(AppealRow)}
        assert sealed == {"a" * 36: None, "b" * 36: b"secret"}


def test_a_quarantined_item_is_kept_but_no_longer_blocks_the_queue(sessions):
    queue(sessions, "a" * 36)
    queue(sessions, "b" * 36)
    with sessions.begin() as session:
        first = outbox.due_batch(session, NOW, 1)[0]
        outbox.quarantine(session, first.id, "invalid: category unknown")
    with sessions() as session:
        assert [i.item_uuid for i in outbox.due_batch(session, NOW, 10)] == ["b" * 36]
        assert outbox.counts(session).quarantined == 1


def test_the_heartbeat_reports_quarantined_reasons_without_numbers_that_could_be_a_mobile(
    sessions,
):
    queue(sessions, "a" * 36)
    queue(sessions, "b" * 36, kind="appointment")
    with sessions.begin() as session:
        first, second = outbox.due_batch(session, NOW, 2)
        outbox.quarantine(session, first.id, "invalid: sealed.mobile: 13800138000 is not a mobile")
        outbox.quarantine(session, second.id, "conflict: this uuid was sent before" + "x" * 900)
    with sessions() as session:
        items = outbox.quarantined_items(session)
    assert [i["kind"] for i in items] == ["appointment", "appeal"]  # newest first
    assert items[1]["reason"] == "invalid: sealed.mobile: … is not a mobile"
    assert len(items[0]["reason"]) == 300
    assert json.dumps(items)  # goes into the heartbeat's JSON as it is
