# SPDX-License-Identifier: GPL-3.0-or-later
from dataclasses import replace

from kiosk.demo import demo_snapshot, seed_demo_station
from kiosk.domain.deputies import Level
from kiosk.store.database import open_database
from kiosk.store.station import load_station, replace_station


def test_a_station_reads_back_exactly_as_written(tmp_path):
    sessions = open_database(tmp_path / "kiosk.sqlite3")
    snapshot = demo_snapshot()
    with sessions.begin() as session:
        replace_station(session, snapshot)
    with sessions() as session:
        assert load_station(session) == snapshot


def test_replacing_the_station_drops_what_is_gone(tmp_path):
    sessions = open_database(tmp_path / "kiosk.sqlite3")
    snapshot = demo_snapshot()
    with sessions.begin() as session:
        replace_station(session, snapshot)
    smaller = replace(snapshot, deputies=snapshot.deputies[:3], schedules=snapshot.schedules[:1])
    with sessions.begin() as session:
        replace_station(session, smaller)
    with sessions() as session:
        assert load_station(session) == smaller


def test_an_empty_database_has_no_station(tmp_path):
    with open_database(tmp_path / "kiosk.sqlite3")() as session:
        assert load_station(session) is None


def test_the_demo_station_is_seeded_once_and_always_the_same(tmp_path):
    sessions = open_database(tmp_path / "kiosk.sqlite3")
    assert seed_demo_station(sessions, tmp_path / "photos") is True
    assert seed_demo_station(sessions, tmp_path / "photos") is False
    with sessions() as session:
        assert load_station(session) == demo_snapshot()
    assert demo_snapshot() == demo_snapshot()


def test_the_demo_station_has_what_the_screens_need():
    snapshot = demo_snapshot()
    assert len(snapshot.deputies) == 15
    assert {level for d in snapshot.deputies for level in d.levels} == set(Level)
    assert len(snapshot.schedules) == 3
    assert all(
        d.qr_url.startswith("https://") and ".example/" in d.qr_url for d in snapshot.deputies
    )
    assert snapshot.station.rules and snapshot.station.notices


def test_demo_portraits_are_written_for_every_deputy(tmp_path):
    sessions = open_database(tmp_path / "kiosk.sqlite3")
    seed_demo_station(sessions, tmp_path / "photos")
    for deputy in demo_snapshot().deputies:
        assert (tmp_path / "photos" / deputy.photo).read_text().startswith("<svg")
