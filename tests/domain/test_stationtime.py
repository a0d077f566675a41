# SPDX-License-Identifier: GPL-3.0-or-later
"""The station's clock, whatever zone the PC runs in (issue 16 §2)."""

import time
from datetime import UTC, datetime, timedelta

from kiosk.domain.stationtime import in_zone, is_known_zone, station_zone, wall_clock


def test_the_wall_clock_reads_china_time_on_a_pc_set_to_utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        shown = wall_clock(station_zone("Asia/Shanghai"))()
        utc = datetime.now(UTC).replace(tzinfo=None)
        assert abs(shown - utc - timedelta(hours=8)) < timedelta(minutes=1)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_moments_are_shown_on_the_stations_clock():
    china = station_zone()
    server = datetime(2026, 12, 2, 16, 37, tzinfo=UTC)
    assert in_zone(server, china).strftime("%m-%d %H:%M") == "12-03 00:37"
    assert in_zone(datetime(2026, 12, 3, 0, 37), china).strftime("%H:%M") == "00:37"


def test_zone_names_are_checked():
    assert is_known_zone("Asia/Urumqi") and not is_known_zone("China/Beijing Time")
