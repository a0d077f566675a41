# SPDX-License-Identifier: GPL-3.0-or-later
"""The screens follow the server: a pull changes home while it is on screen, no restart."""

from kiosk.sync.enrolment import enrol
from tests.helpers.qt import descendants


def test_home_shows_the_servers_station_after_a_pull(make_kiosk, station, tmp_path, qtbot):
    output = station.cli("enrolment-code", "--station", station.station_id).stdout
    enrol(
        tmp_path / "data" / "kiosk.sqlite3", station.server.url, output.split(": ", 1)[1].split()[0]
    )
    kiosk = make_kiosk()  # the demo station first, from its own database
    visitor = kiosk.visitor
    assert visitor.text("stationName") == "青禾街道人大代表联络站"
    qtbot.waitUntil(lambda: kiosk.backends.station.name == "青禾测试联络站", timeout=20_000)
    assert visitor.text("stationName") == "青禾测试联络站"
    qtbot.waitUntil(lambda: kiosk.backends.sync.state == "online", timeout=20_000)
    texts = [i.property("text") for i in descendants(visitor.find("syncState"))]
    assert "已联网" in texts
    visitor.screenshot("home-synced")
