# SPDX-License-Identifier: GPL-3.0-or-later
from kiosk.demo import demo_snapshot
from kiosk.store.station_cache import read_station_cache, write_station_cache


def test_the_copy_reads_back_as_written(tmp_path):
    path = tmp_path / "station.json"
    write_station_cache(path, demo_snapshot())
    assert read_station_cache(path) == demo_snapshot()
    assert [p.name for p in tmp_path.iterdir()] == ["station.json"]  # no temporary left


def test_no_copy_or_a_damaged_one_means_none(tmp_path, caplog):
    path = tmp_path / "station.json"
    assert read_station_cache(path) is None
    path.write_text('{"format": 1, "station": ', encoding="utf-8")  # cut off by a power cut
    assert read_station_cache(path) is None
    path.write_bytes(b"\xff\xfe")
    assert read_station_cache(path) is None
    assert "ignoring the station copy" in caplog.text
