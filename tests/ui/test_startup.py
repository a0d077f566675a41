# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up shows the quick-start copy of the station, then the database's station."""

from dataclasses import replace

from kiosk.demo import demo_snapshot
from kiosk.store.station_cache import read_station_cache, write_station_cache


def test_the_first_start_reads_the_database_and_leaves_a_copy(make_kiosk, tmp_path):
    kiosk = make_kiosk()
    assert kiosk.visitor.text("stationName") == "青禾街道人大代表联络站"
    assert read_station_cache(tmp_path / "data" / "station.json") == demo_snapshot()


def test_a_stale_copy_is_shown_first_then_replaced_by_the_database(make_kiosk, tmp_path, qtbot):
    make_kiosk().window.close()  # seeds the database
    cache = tmp_path / "data" / "station.json"
    stale = demo_snapshot()
    stale = replace(stale, station=replace(stale.station, name="旧站名"))
    write_station_cache(cache, stale)

    kiosk = make_kiosk()
    assert kiosk.backends.station.name == "旧站名"  # before the first frame: the copy
    qtbot.waitUntil(lambda: kiosk.backends.station.name == "青禾街道人大代表联络站")
    assert kiosk.visitor.text("stationName") == "青禾街道人大代表联络站"
    assert read_station_cache(cache) == demo_snapshot()
