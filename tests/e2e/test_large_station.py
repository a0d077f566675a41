# SPDX-License-Identifier: GPL-3.0-or-later
"""A large station (2,000 deputies with photos) reaches the kiosk, its photos in pages; a
snapshot the kiosk refuses leaves the last good station shown and says why (issue 12 §4)."""

import json

from kiosk.store.station import load_station
from kiosk.store.sync_state import get_state, set_state
from kiosk.sync import worker as sync_worker

DEPUTIES = 2_000
WITH_PHOTOS = 60  # each photo is a request of its own: enough for three pages of 25


def import_roster(station, tmp_path, count: int) -> None:
    photos = tmp_path / "photos-in"
    photos.mkdir()
    roster = []
    for i in range(count):
        deputy = {"id": f"d{i}", "name": f"代表{i}", "levels": ["county"]}
        if i < WITH_PHOTOS:
            (photos / f"d{i}.svg").write_text(
                f'<svg xmlns="http://www.w3.org/2000/svg" width="3" height="4"><desc>{i}</desc>'
                "</svg>"
            )
            deputy["photo"] = f"d{i}.svg"
        roster.append(deputy)
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(roster, ensure_ascii=False), encoding="utf-8")
    result = station.cli(
        "roster", "import", "--station", station.station_id, str(path), "--photos", str(photos)
    )
    assert f"imported {count} deputies" in result.stdout


def test_two_thousand_deputies_arrive_with_their_photos_in_pages(
    station, proxy, kiosk, qtbot, tmp_path, monkeypatch
):
    monkeypatch.setattr(sync_worker, "PHOTO_PAGE", 25)
    monkeypatch.setattr(sync_worker, "PHOTO_NEXT_PAGE_MS", 10)
    import_roster(station, tmp_path, DEPUTIES)
    kiosk.start_worker()

    def photos() -> int:
        return len(list((kiosk.data_dir / "photos").glob("*.svg")))

    def shown_with_photos() -> list[int]:
        return [sum(1 for d in s.deputies if d.photo) for s in kiosk.snapshots]

    qtbot.waitUntil(lambda: WITH_PHOTOS in shown_with_photos(), timeout=60_000)
    assert photos() == WITH_PHOTOS
    assert shown_with_photos()[:3] == [25, 50, 60]  # shown page by page, as they came
    assert all(len(s.deputies) == DEPUTIES for s in kiosk.snapshots)
    with kiosk.database.read() as connection:
        assert len(load_station(connection).deputies) == DEPUTIES
        assert get_state(connection, "snapshot_etag")  # complete: the next poll asks "changed?"


def test_a_refused_snapshot_keeps_the_last_good_station_and_says_why(station, proxy, kiosk, qtbot):
    kiosk.start_worker()
    qtbot.waitUntil(lambda: kiosk.sync.state == "online", timeout=20_000)
    kiosk.stop()
    with kiosk.database.read() as connection:
        good = load_station(connection)
    assert good is not None

    document = {"format": 999}  # a format this kiosk does not read
    proxy.fail(
        "/snapshot",
        ("answer", 200, json.dumps(document).encode(), {"ETag": '"refused-1"'}),
    )
    with kiosk.database.begin() as connection:
        set_state(connection, "snapshot_etag", "")  # the server has something new
    kiosk.sync.set_state("starting")
    kiosk.start_worker()

    def heartbeat() -> dict:
        (row,) = station.query("SELECT last_heartbeat FROM device")
        return row[0] if isinstance(row[0], dict) else json.loads(row[0])

    qtbot.waitUntil(lambda: bool(heartbeat().get("snapshot_refused")), timeout=20_000)
    assert "format" in heartbeat()["snapshot_refused"]
    with kiosk.database.read() as connection:
        assert load_station(connection) == good  # still the last good one
        reason = get_state(connection, "snapshot_refused")
        assert reason and "format" in reason
        assert get_state(connection, "snapshot_etag") == '"refused-1"'  # not fetched again


PROGRESS = 10_000  # appeals taken here whose progress the server lists


def test_ten_thousand_appeals_progress_arrives_while_the_screens_stay_responsive(
    station, proxy, kiosk, qtbot
):
    """The snapshot of a station with 10,000 recent kiosk appeals (the server lists each
    one's progress for the lookup) is stored without holding the GUI thread: the 5 ms timer
    there never waits on the kiosk's other threads for more than 100 ms of their CPU time
    (issue 12 aims at 50)."""
    from kiosk.store.device_token import load_enrolment
    from kiosk.sync.client import CentralClient
    from tests.helpers.bench import load_bench

    kiosk.start_worker()
    qtbot.waitUntil(lambda: kiosk.sync.state == "online", timeout=20_000)
    kiosk.stop()
    with kiosk.database.read() as connection:
        enrolment = load_enrolment(connection, kiosk.data_dir / "kiosk.sqlite3")
    client = CentralClient(proxy.url, enrolment.device_token)
    document, _ = client.snapshot(station.station_id, None)
    client.close()
    document["appeals"] = [
        {
            "tracking_code": f"K{i:08d}",
            "state": "accepted",
            "due_on": "2026-12-21",
            "steps": [
                {"state": "submitted", "at": "2026-11-23T09:00:00+08:00", "note": ""},
                {"state": "accepted", "at": "2026-11-24T10:00:00+08:00", "note": "已受理"},
            ],
        }
        for i in range(PROGRESS)
    ]
    body = json.dumps(document, ensure_ascii=False).encode()
    proxy.fail("/snapshot", ("answer", 200, body, {"ETag": '"ten-thousand"'}))
    with kiosk.database.begin() as connection:
        set_state(connection, "snapshot_etag", "")  # the server has something new

    def stored() -> int:
        with kiosk.database.read() as connection:
            return connection.execute("SELECT count(*) FROM appeal_progress").fetchone()[0]

    watch = load_bench("endurance").StallWatch()
    watch.start()
    kiosk.start_worker()
    qtbot.waitUntil(lambda: stored() == PROGRESS, timeout=120_000)
    qtbot.waitUntil(lambda: kiosk.sync.state == "online", timeout=20_000)
    watch.stop()
    kiosk_cpu = max(watch.process_by_where.values())
    print(f"longest gap {watch.longest_ms:.0f} ms, the kiosk's CPU within it {kiosk_cpu:.0f} ms")
    # Issue 12's target is 50 ms; on this 2-core machine single runs give 30-72 ms, before and
    # after the snapshot was stored once: parsing the 2 MB answer is one ~55 ms hold of the
    # interpreter lock (docs/performance.md; bench/sync_stall.py gives the median). Storing the
    # progress as 10,000 ORM objects held it for 190 ms: that must not come back.
    assert kiosk_cpu < 100
