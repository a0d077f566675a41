# SPDX-License-Identifier: GPL-3.0-or-later
"""The intake service: what a visitor submits is saved with its outbox event and sealed to
the one key the service chooses; the receipt's link is the server's, or none (never the
demo's on a real kiosk)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from kiosk.demo import DEMO_PROGRESS_LINK, DEMO_SERVER_PUBLIC_KEY
from kiosk.services.intake import AppealRequest, Intake, NotSaved
from kiosk.store.database import open_database
from kiosk.store.rows import AppealRow, EnrolmentRow, fetch, insert
from kiosk.store.sync_state import apply_extras

NOW = datetime(2026, 11, 23, 9, 30)
CHINA = timezone(timedelta(hours=8))
ASKED = AppealRequest("appeal", "s1", "交通出行", "13912345678", text="路灯坏了", block="文昌社区")


def intake(tmp_path, demo: bool) -> Intake:
    return Intake(open_database(tmp_path / "kiosk.sqlite3"), demo, lambda: NOW, lambda: CHINA)


def enrol(service: Intake) -> None:
    with service.database.begin() as connection:
        insert(
            connection,
            EnrolmentRow(
                device_id="k1",
                device_token="t",
                station_id="s1",
                server_url="https://10.0.0.5",
                server_public_key=DEMO_SERVER_PUBLIC_KEY,
                enrolled_at=NOW,
            ),
        )


def test_an_enrolled_kiosk_that_has_not_pulled_gives_a_receipt_without_a_link(tmp_path):
    service = intake(tmp_path, demo=False)
    enrol(service)
    receipt = service.submit_appeal(ASKED)
    assert receipt.progress_url == ""  # not the demo's, not guessed from the server's address
    assert receipt.reply_by is not None and receipt.last4 == "5678"
    with service.database.read() as connection:
        [row] = fetch(connection, AppealRow, "SELECT * FROM appeal")
        assert row.tracking_code == receipt.code
        assert [kind for (kind,) in connection.execute("SELECT kind FROM outbox")] == ["appeal"]
        assert b"13912345678" not in row.sealed


def test_after_a_pull_the_receipt_links_to_the_servers_progress_page(tmp_path):
    service = intake(tmp_path, demo=False)
    enrol(service)
    with service.database.begin() as connection:
        apply_extras(connection, {"links": {"progress": "https://rd.gov.cn/p/{code}"}})
    receipt = service.submit_appeal(ASKED)
    assert receipt.progress_url == f"https://rd.gov.cn/p/{receipt.code}"


def test_a_demo_kiosk_links_to_the_demo_station(tmp_path):
    receipt = intake(tmp_path, demo=True).submit_appeal(ASKED)
    assert receipt.progress_url == DEMO_PROGRESS_LINK.replace("{code}", receipt.code)


def test_a_kiosk_neither_enrolled_nor_in_demo_saves_nothing(tmp_path):
    service = intake(tmp_path, demo=False)
    with pytest.raises(NotSaved) as refused:
        service.submit_appeal(ASKED)
    assert refused.value.reason == "not_enrolled"
    with service.database.read() as connection:
        assert fetch(connection, AppealRow, "SELECT * FROM appeal") == []
        assert connection.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_the_event_time_carries_the_stations_offset(tmp_path):
    service = intake(tmp_path, demo=True)
    service.submit_appeal(ASKED)
    with service.database.read() as connection:
        [(stored,)] = connection.execute("SELECT payload FROM outbox").fetchall()
    payload = json.loads(stored)
    assert payload["created_at"].endswith("+08:00"), payload
