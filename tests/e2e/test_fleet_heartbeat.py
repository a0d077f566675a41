# SPDX-License-Identifier: GPL-3.0-or-later
"""A real kiosk's heartbeat on the console's fleet page (issue 15 §3): the kiosk's sync worker
reports to a real server; a technician signs in and sees it, with the reason the server gave
for the record it refused, and no visitor's data."""

from __future__ import annotations

import uuid
from datetime import datetime

from kiosk import __version__
from kiosk.store import outbox
from tests.central.console_fixtures import Staff
from tests.e2e.conftest import CHINA


def test_a_real_kiosks_heartbeat_shows_on_the_fleet_page(station, proxy, kiosk, qtbot):
    (visitor,) = kiosk.queue_appeals(1)
    with kiosk.database.begin() as connection:  # an event the server refuses as invalid
        outbox.add_event(
            connection, "appeal", str(uuid.uuid4()), datetime.now(CHINA), {"category": ""}
        )
    proxy.fail("/events", "500", "hang")  # two retries, which the technician will see
    kiosk.start_worker()
    qtbot.waitUntil(lambda: kiosk.counts().quarantined == 1, timeout=60_000)
    qtbot.waitUntil(
        lambda: bool(
            station.query(
                "SELECT 1 FROM device WHERE last_heartbeat LIKE '%quarantined_items%body.%'"
            )
        ),
        timeout=20_000,
    )

    made = station.cli("user", "create", "tech", "--name", "区技术员", "--role", "technician")
    password = made.stdout.split("one-time password: ")[1].split()[0]
    tech = Staff(station.server.url)
    tech.sign_in("tech", password)
    tech.post("/console/password", {"old": password, "new": "a good long password"})
    assert tech.last_url.endswith("/console/fleet"), tech.text
    page = tech.text
    assert "青禾测试联络站" in page and __version__ in page
    assert "1 条记录无法发送：invalid: body." in page
    (device_id,) = station.query("SELECT id FROM device")[0]
    tech.get(f"/console/fleet/{device_id}")
    assert "invalid: body." in tech.text and "意见建议" in tech.text
    assert "连不上 0 · 超时 1 · 中断 0 · 服务器出错 1" in tech.text
    appeal, personal = visitor
    for shown in (page, tech.page):
        assert personal["mobile"] not in shown and personal["name"] not in shown
