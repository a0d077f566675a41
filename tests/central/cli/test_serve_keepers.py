# SPDX-License-Identifier: GPL-3.0-or-later
"""`serve` runs the fleet's alerts on a thread of its own: a kiosk not heard from for longer
than --kiosk-silent-hours is reported once, by a log line naming the station and the cause
(docs/fleet.md; the notification channels replace the line at merge)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from central.core.config import Settings
from central.core.db import open_database
from central.launch import central_command, running_central
from central.models import Device


def test_a_silent_kiosk_is_reported_once_in_the_log(tmp_path):
    central_command(
        tmp_path, "station", "create", "--id", "s1", "--kind", "station", "--name", "城北联络站"
    )
    database = open_database(Settings(data_dir=tmp_path))
    with database.writer.begin() as session:
        session.add(
            Device(
                id="d1",
                station_id="s1",
                name="大厅",
                token_hash="h" * 64,
                enrolled_at=datetime.now(UTC) - timedelta(days=3),
                last_seen_at=datetime.now(UTC) - timedelta(hours=5),
            )
        )
    log = tmp_path / "server.log"
    # The first round runs before the server says it is ready.
    with running_central(tmp_path, "--kiosk-silent-hours", "4"):
        assert "kiosk alert: station 城北联络站（s1）, 5 小时未联网" in log.read_text()
    with running_central(tmp_path, "--kiosk-silent-hours", "4"):
        pass  # the alert was recorded: a restart does not send it again
    assert log.read_text().count("kiosk alert:") == 1


def test_the_silent_hours_must_be_at_least_one(tmp_path):
    result = central_command(tmp_path, "serve", "--kiosk-silent-hours", "0")
    assert result.returncode == 1 and "--kiosk-silent-hours: at least 1" in result.stderr
