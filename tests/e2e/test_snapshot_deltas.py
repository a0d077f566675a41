# SPDX-License-Identifier: GPL-3.0-or-later
"""A kiosk that pulls only what changed since its cursor ends with exactly the store of a
kiosk that pulls the whole station (issue 18 §3), through a real server on each engine."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta

import pytest

from central.models import Appeal, AppealStep
from kiosk.store.database import open_database
from kiosk.store.station import kept_cursor
from kiosk.sync.enrolment import enrol
from kiosk.ui.sync import Sync
from tests.e2e.conftest import Kiosk
from tests.helpers.postgres import engines_under_test

# What a pull writes on the kiosk; the sync state less each kiosk's own clock and counters.
TABLES = (
    "station_snapshot",
    "appeal_progress",
    "appointment",
)
OWN_STATE = ("last_pull", "last_push", "retry_counts", "last_heartbeat", "device_name")


@pytest.fixture(params=engines_under_test())
def station_engine(request) -> str:
    return request.param


def _store(kiosk: Kiosk) -> dict[str, list]:
    with kiosk.database.read() as connection:
        tables = {
            name: sorted(map(tuple, connection.execute(f"SELECT * FROM {name}")), key=repr)
            for name in TABLES
        }
        tables["sync_state"] = dict(
            (key, value)
            for key, value in connection.execute("SELECT key, value FROM sync_state")
            if key not in OWN_STATE
        )
        # The figures as pulled, less when this kiosk pulled them.
        statistics = json.loads(tables["sync_state"]["statistics"])
        tables["sync_state"]["statistics"] = statistics["figures"]
    return tables


def _cursor(kiosk: Kiosk) -> str:
    with kiosk.database.read() as connection:
        return kept_cursor(connection)


def _appeal(code: str, days_ago: int = 2) -> Appeal:
    at = datetime.now(UTC) - timedelta(days=days_ago)
    appeal = Appeal(
        station_id="qinghe",
        tracking_code=code,
        category="交通出行",
        channel="kiosk",
        created_at=at,
        state="received",
    )
    appeal.steps.append(AppealStep(state="received", at=at, actor="kiosk"))
    return appeal


def _roster(station, tmp_path, deputies: list[dict]) -> None:
    roster = tmp_path / "roster.json"
    roster.write_text(json.dumps(deputies, ensure_ascii=False), "utf-8")
    station.cli("roster", "import", "--station", "qinghe", str(roster))


def test_a_kiosk_pulling_deltas_ends_with_the_store_of_a_whole_pull(
    station, proxy, kiosk, qtbot, qapp, tmp_path, caplog
):
    _roster(
        station,
        tmp_path,
        [
            {"id": "d1", "name": "林嘉禾", "levels": "city"},
            {"id": "d2", "name": "周明", "levels": "county"},
        ],
    )
    with station.server.open_database() as database, database.writer.begin() as session:
        for n in range(30):
            session.add(_appeal(f"Q{n:07d}"))
    caplog.set_level(logging.WARNING, logger="kiosk.sync.worker")
    kiosk.start_worker()
    qtbot.waitUntil(lambda: _cursor(kiosk) != "", timeout=30_000)

    # Changes of each kind a delta carries, in two rounds, each pulled as a delta.
    def appeals_move() -> None:
        with station.server.open_database() as database, database.writer.begin() as session:
            moved = session.query(Appeal).filter_by(tracking_code="Q0000003").one()
            moved.state = "accepted"
            moved.steps.append(
                AppealStep(state="accepted", at=datetime.now(UTC), actor="staff", note="已受理")
            )
            session.add(_appeal("Q9999999", days_ago=0))
            gone = session.query(Appeal).filter_by(tracking_code="Q0000009").one()
            session.delete(gone)

    def roster_changes() -> None:
        _roster(
            station,
            tmp_path,
            [
                {"id": "d1", "name": "林嘉禾", "levels": "city", "bio": "市人大代表，教师"},
                {"id": "d3", "name": "王芳", "levels": "township"},
            ],
        )

    for change in (appeals_move, roster_changes):
        before = _cursor(kiosk)
        change()
        kiosk.sync.syncNow()
        qtbot.waitUntil(lambda before=before: _cursor(kiosk) not in ("", before), timeout=30_000)
    pulls = [path for _, path, _ in proxy.seen if "/snapshot" in path]
    assert all("since=" in path for path in pulls[1:]), pulls
    assert not [r for r in caplog.records if "delta did not apply" in r.getMessage()]

    # A second kiosk pulls the whole station once: the same store, row for row.
    output = station.cli("enrolment-code", "--station", "qinghe").stdout
    data_dir = tmp_path / "whole"
    enrol(data_dir / "kiosk.sqlite3", station.server.url, output.split(": ", 1)[1].split()[0])
    whole = Kiosk(data_dir, open_database(data_dir / "kiosk.sqlite3"), Sync(lambda s: None))
    whole.start_worker()
    try:
        qtbot.waitUntil(lambda: _cursor(whole) == _cursor(kiosk), timeout=30_000)
        by_deltas, by_whole = _store(kiosk), _store(whole)
        assert by_deltas == by_whole
        progress = {row[0] for row in by_deltas["appeal_progress"]}
        assert "Q9999999" in progress and "Q0000009" not in progress
        assert "市人大代表，教师" in repr(by_deltas["station_snapshot"])
    finally:
        whole.stop()
