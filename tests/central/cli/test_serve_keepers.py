# SPDX-License-Identifier: GPL-3.0-or-later
"""`serve` runs the fleet's alerts on a thread of its own: a kiosk not heard from for longer
than --kiosk-silent-hours is reported once, by a log line naming the station and the cause and
by a notice on the station's notification channels (docs/fleet.md)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from central.core.config import Settings
from central.core.db import open_database
from central.launch import central_command, running_central
from central.models import Device
from central.services import notifications
from central.services.notifications import NewChannel
from tests.helpers.receivers import HttpReceiver


def test_a_silent_kiosk_is_reported_once_in_the_log_and_to_the_station_group(tmp_path):
    central_command(
        tmp_path, "station", "create", "--id", "s1", "--kind", "station", "--name", "城北联络站"
    )
    database = open_database(Settings(data_dir=tmp_path))
    robot = HttpReceiver().__enter__()
    with database.writer.begin() as session:
        notifications.add_channel(
            session,
            NewChannel(
                kind="webhook_wecom", target=robot.url + "/send?key=K", station_id="s1", quiet=""
            ),
            now=datetime.now(UTC),
        )
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
    try:
        with running_central(tmp_path, "--kiosk-silent-hours", "4"):
            assert "kiosk alert: station 城北联络站（s1）, 5 小时未联网" in log.read_text()
            content = robot.wait_for(1)[0].json()["markdown"]["content"]
            assert content.startswith(
                "**【终端告警】**城北联络站的触摸屏终端d1：5 小时未联网，请安排检查。"
            )
            assert "/console/fleet" in content
        with running_central(tmp_path, "--kiosk-silent-hours", "4"):
            pass  # the alert was recorded: a restart does not send it again
        assert log.read_text().count("kiosk alert:") == 1
        assert len(robot.requests) == 1
    finally:
        robot.__exit__(None, None, None)


def test_the_silent_hours_must_be_at_least_one(tmp_path):
    result = central_command(tmp_path, "serve", "--kiosk-silent-hours", "0")
    assert result.returncode == 1 and "--kiosk-silent-hours: at least 1" in result.stderr


def test_serve_erases_what_the_retention_makes_due(tmp_path):
    from sqlalchemy import select

    from central.models import Appeal, AppealStep

    central_command(
        tmp_path, "station", "create", "--id", "s1", "--kind", "station", "--name", "城北联络站"
    )
    long_ago = datetime.now(UTC) - timedelta(days=3 * 366)
    database = open_database(Settings(data_dir=tmp_path))
    with database.writer.begin() as session:
        appeal = Appeal(
            station_id="s1",
            tracking_code="OLD23456",
            category="环境卫生",
            channel="kiosk",
            created_at=long_ago,
            state="closed",
            contact_name="王大爷",
            contact_mobile="13912340000",
            text="垃圾站太臭",
        )
        appeal.steps += [
            AppealStep(state="received", at=long_ago),
            AppealStep(state="closed", at=long_ago + timedelta(days=5)),
        ]
        session.add(appeal)

    def erased() -> bool:
        with database.reader() as session:
            row = session.scalars(select(Appeal)).one()
            return row.contact_mobile == "" and row.category == "环境卫生"

    with running_central(tmp_path, "--retention-years", "2"):
        deadline = datetime.now(UTC) + timedelta(seconds=20)
        while not erased() and datetime.now(UTC) < deadline:
            time.sleep(0.1)  # polling the database: the keeper thread gives no other signal
        assert erased()
    assert (
        "retention: erased the personal data of 1 closed records"
        in (tmp_path / "server.log").read_text()
    )
    refused = central_command(tmp_path, "serve", "--retention-years", "0")
    assert refused.returncode == 1 and "--retention-years: at least 1" in refused.stderr
