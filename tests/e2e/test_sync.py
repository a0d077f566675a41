# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing a visitor submitted is lost or duplicated, whatever the network and server do."""

import json
import logging
import os
from pathlib import Path

import pytest

from kiosk.store.rows import AppealProgressRow, fetch_one
from kiosk.store.station import load_station
from tests.e2e.conftest import canonical
from tests.helpers.postgres import engines_under_test


@pytest.fixture(params=engines_under_test())
def station_engine(request) -> str:
    """The server on each engine (issue 18): what reaches it and what a pull brings. Tests of
    the network's faults (a proxy's, whatever the engine) run on SQLite only."""
    return request.param


sqlite_only = pytest.mark.parametrize("station_engine", ["sqlite"])


def delivered_exactly_once(station, kiosk, made):
    """Every queued appeal is on the server once, byte-identical, personal data intact."""
    payloads = kiosk.payloads()
    rows = station.query(
        "SELECT e.uuid, e.canonical, a.contact_name, a.contact_mobile, a.text "
        "FROM event e JOIN appeal a ON a.event_id = e.id"
    )
    assert len(rows) == len({row[0] for row in rows}) == len(made)
    by_uuid = {row[0]: row for row in rows}
    for appeal, personal in made:
        uuid, server_canonical, name, mobile, text = by_uuid[appeal.uuid]
        assert (name, mobile, text) == (personal["name"], personal["mobile"], personal["text"])
        assert payloads[appeal.uuid] == b""  # purged on the kiosk once acknowledged
    return {row[0]: row[1] for row in rows}


def test_appeals_made_while_the_server_is_down_arrive_exactly_once_when_it_is_up(
    station, proxy, kiosk, qtbot
):
    station.kill()  # the server is down before the kiosk starts
    made = kiosk.queue_appeals(30)
    sent_payloads = kiosk.payloads()
    kiosk.start_worker()
    qtbot.waitUntil(lambda: kiosk.sync.state == "offline", timeout=10_000)
    assert kiosk.counts().pending == 30

    proxy.point_to(station.start().url)  # back up, on a new port behind the same address
    kiosk.sync.syncNow()
    qtbot.waitUntil(lambda: kiosk.counts().pending == 0, timeout=20_000)
    server_events = delivered_exactly_once(station, kiosk, made)
    for uuid, payload in sent_payloads.items():
        assert server_events[uuid] == canonical(payload)  # byte-identical to what was saved
    assert kiosk.counts().quarantined == 0


@sqlite_only
@pytest.mark.parametrize(
    ("faults", "causes"),
    [
        (["500", "500", "reset"], {"server_error": 2, "cut_off": 1}),
        (["hang"], {"timeout": 1}),
        (["truncate", "lose_answer", "500"], {"cut_off": 2, "server_error": 1}),
    ],
    ids=["server-errors-and-reset", "timeout", "cut-off-and-lost-answers"],
)
def test_network_and_server_faults_are_retried_until_delivered(
    station, proxy, kiosk, qtbot, faults, causes, caplog
):
    made = kiosk.queue_appeals(250)  # two batches
    proxy.fail("/events", *faults)
    with caplog.at_level(logging.INFO, logger="kiosk.sync.worker"):
        kiosk.start_worker()
        qtbot.waitUntil(lambda: kiosk.counts().pending == 0, timeout=30_000)
    delivered_exactly_once(station, kiosk, made)
    assert [f for _, path, f in proxy.seen if "/events" in path][: len(faults)] == faults
    assert kiosk.counts().quarantined == 0
    # Each retry counted by its cause, said in the log, and told to the server.
    expected = {"unreachable": 0, "timeout": 0, "cut_off": 0, "server_error": 0} | causes
    assert kiosk.retries() == expected
    said = [r.getMessage() for r in caplog.records if "sync retry" in r.getMessage()]
    assert sorted(m.split("cause ")[1].split(" ")[0] for m in said) == sorted(
        cause for cause, n in causes.items() for _ in range(n)
    )

    def told() -> dict | None:
        [(beat,)] = station.query("SELECT last_heartbeat FROM device")
        if isinstance(beat, str):  # SQLite gives the JSON column's text, PostgreSQL its value
            beat = json.loads(beat)
        return beat and beat.get("retries")

    qtbot.waitUntil(lambda: told() == expected, timeout=10_000)


def test_the_server_killed_after_storing_a_batch_gets_it_again_without_duplicates(
    station, proxy, kiosk, qtbot
):
    made = kiosk.queue_appeals(40)
    proxy.fail("/events", "lose_answer")  # stored, answer lost...
    kiosk.start_worker()
    qtbot.waitUntil(lambda: any(f == "lose_answer" for _, _, f in proxy.seen), timeout=10_000)
    station.kill()  # ...and the server dies right then
    qtbot.waitUntil(lambda: kiosk.sync.state == "offline", timeout=10_000)
    assert kiosk.counts().pending == 40  # the kiosk never heard it was accepted

    proxy.point_to(station.start().url)
    kiosk.sync.syncNow()
    qtbot.waitUntil(lambda: kiosk.counts().pending == 0, timeout=20_000)
    delivered_exactly_once(station, kiosk, made)


def test_an_event_the_server_calls_invalid_is_quarantined_and_does_not_block_others(
    station, kiosk, qtbot
):
    made = kiosk.queue_appeals(3)
    with kiosk.database.begin() as connection:  # spoil the middle one: no sealed personal data
        spoilt = made[1][0].uuid
        [(payload,)] = connection.execute(
            "SELECT payload FROM outbox WHERE item_uuid = ?", (spoilt,)
        ).fetchall()
        event = json.loads(payload)
        event["body"]["sealed"] = "bm90IHNlYWxlZA=="
        connection.execute(
            "UPDATE outbox SET payload = ? WHERE item_uuid = ?",
            (json.dumps(event, ensure_ascii=False, sort_keys=True).encode(), spoilt),
        )
    kiosk.start_worker()
    qtbot.waitUntil(lambda: kiosk.counts().pending == 0, timeout=20_000)
    assert kiosk.counts().quarantined == 1 and kiosk.counts().sent == 2
    qtbot.waitUntil(lambda: kiosk.sync.quarantined == 1)  # what diagnostics will show


def test_the_pull_brings_the_station_and_an_admin_state_change(station, kiosk, qtbot):
    made = kiosk.queue_appeals(1)
    kiosk.start_worker()
    qtbot.waitUntil(lambda: kiosk.sync.state == "online", timeout=20_000)
    with kiosk.database.read() as connection:
        assert load_station(connection).station.name == "青禾测试联络站"
    assert kiosk.snapshots and kiosk.snapshots[-1].station.name == "青禾测试联络站"

    code = made[0][0].tracking_code
    station.cli("appeals", "move", code, "accepted", "--note", "已受理，转交代表")
    kiosk.sync.syncNow()

    def progress():
        with kiosk.database.read() as connection:
            row = fetch_one(
                connection,
                AppealProgressRow,
                "SELECT * FROM appeal_progress WHERE tracking_code = ?",
                (code,),
            )
            return row and (row.state, row.steps[-1]["note"])

    qtbot.waitUntil(lambda: progress() == ("accepted", "已受理，转交代表"), timeout=20_000)


HOSTILE = [
    {"format": 1, "station": {"id": 5, "kind": "station", "name": "x"}, "deputies": []},
    {
        "format": 1,
        "station": {
            "id": "s",
            "kind": "station",
            "name": "长" * 100_000,
            "rules": [],
            "notices": [],
            "figures": {"opinions_collected": 0, "problems_solved": 0},
        },
        "deputies": [],
        "schedules": [],
    },
    {"format": 1, "deputies": [], "schedules": []},
    ["not", "an", "object"],
]


@sqlite_only
@pytest.mark.parametrize("document", HOSTILE, ids=["wrong-type", "huge", "missing", "list"])
def test_a_hostile_snapshot_is_refused_and_the_old_data_kept(
    station, proxy, kiosk, qtbot, document, caplog
):
    kiosk.start_worker()
    qtbot.waitUntil(lambda: kiosk.sync.state == "online", timeout=20_000)
    proxy.fail(
        "/snapshot",
        ("answer", 200, json.dumps(document).encode(), {"ETag": '"hostile"'}),
    )
    seen = len(proxy.seen)
    kiosk.sync.syncNow()
    qtbot.waitUntil(
        lambda: (
            any(isinstance(f, tuple) for _, _, f in proxy.seen[seen:])
            and kiosk.sync.state == "online"
        ),
        timeout=20_000,
    )
    with kiosk.database.read() as connection:
        assert load_station(connection).station.name == "青禾测试联络站"
    assert "refused the server's station snapshot" in caplog.text


def test_a_revoked_kiosk_says_it_is_not_enrolled(station, kiosk, qtbot):
    kiosk.start_worker()
    qtbot.waitUntil(lambda: kiosk.sync.state == "online", timeout=20_000)
    with kiosk.database.read() as connection:
        [(device_id,)] = connection.execute("SELECT device_id FROM enrolment").fetchall()
    station.cli("device", "revoke", device_id)
    kiosk.sync.syncNow()
    qtbot.waitUntil(lambda: kiosk.sync.state == "not_enrolled", timeout=20_000)


def test_the_worker_gives_freed_memory_back_after_a_pull_that_stored_a_snapshot(
    kiosk, qtbot, monkeypatch
):
    # A pull's document and objects are freed on the worker's thread; over months of pulls
    # their pages spread through glibc's arenas unless given back (docs/performance.md).
    from kiosk.memory import give_back_freed_memory
    from kiosk.store.sync_state import get_state
    from kiosk.sync import worker

    trims = []

    def counted() -> bool:
        trims.append(len(kiosk.snapshots))
        return give_back_freed_memory()

    monkeypatch.setattr(worker, "give_back_freed_memory", counted)
    kiosk.start_worker()
    qtbot.waitUntil(lambda: bool(kiosk.snapshots and trims), timeout=20_000)
    stored = len(trims)

    def last_pull():
        with kiosk.database.read() as connection:
            return get_state(connection, "last_pull")

    pulled = last_pull()
    kiosk.sync.syncNow()  # nothing new on the server: nothing stored, nothing to give back
    qtbot.waitUntil(lambda: last_pull() != pulled, timeout=20_000)
    assert len(trims) == stored


def open_files_of(database: Path) -> int:
    fds = Path("/proc/self/fd")
    return sum(1 for fd in fds.iterdir() if os.path.realpath(fd) == str(database.resolve()))


@sqlite_only
def test_a_stopped_worker_leaves_the_database_file_closed(station, kiosk, qtbot):
    database = kiosk.data_dir / "kiosk.sqlite3"
    before = open_files_of(database)  # the test's own connection
    kiosk.start_worker()
    qtbot.waitUntil(lambda: kiosk.sync.state == "online", timeout=10_000)
    assert open_files_of(database) > before
    assert kiosk.thread is not None
    kiosk.thread.stop()
    assert open_files_of(database) == before
