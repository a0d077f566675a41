# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import replace

from kiosk.demo import DEMO_PIN_HASH, demo_snapshot, seed_demo_station
from kiosk.domain.deputies import Level
from kiosk.domain.snapshot import snapshot_to_document
from kiosk.store.database import open_database, upgrade
from kiosk.store.station import (
    delta_base,
    holiday_table,
    holiday_years,
    kept_cursor,
    load_station,
    pin_hash,
    replace_station,
    store_station,
)
from kiosk.store.station_read import read_station


def test_a_station_reads_back_exactly_as_written(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    snapshot = demo_snapshot()
    with database.begin() as connection:
        replace_station(connection, snapshot)
    with database.read() as connection:
        assert load_station(connection) == snapshot


def test_replacing_the_station_drops_what_is_gone(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    snapshot = demo_snapshot()
    with database.begin() as connection:
        replace_station(connection, snapshot)
    smaller = replace(snapshot, deputies=snapshot.deputies[:3], schedules=snapshot.schedules[:1])
    with database.begin() as connection:
        replace_station(connection, smaller)
    with database.read() as connection:
        assert load_station(connection) == smaller


def test_an_empty_database_has_no_station(tmp_path):
    with open_database(tmp_path / "kiosk.sqlite3").read() as connection:
        assert load_station(connection) is None


def test_the_demo_station_is_seeded_once_and_always_the_same(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    assert seed_demo_station(database, tmp_path / "photos") is True
    assert seed_demo_station(database, tmp_path / "photos") is False
    with database.read() as connection:
        assert load_station(connection) == demo_snapshot()
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
    database = open_database(tmp_path / "kiosk.sqlite3")
    seed_demo_station(database, tmp_path / "photos")
    for deputy in demo_snapshot().deputies:
        assert (tmp_path / "photos" / deputy.photo).read_text().startswith("<svg")


# --- stored once: one row, read without SQLAlchemy, carried over from the tables of 0007 -----


def test_the_station_is_one_row_and_a_new_deputy_field_needs_no_column(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    document = snapshot_to_document(demo_snapshot())
    document["deputies"][0]["office_phone"] = "000-8888-0199"  # a field added on the server
    with database.begin() as connection:
        store_station(connection, document)
    with database.read() as connection:
        [(stored,)] = connection.execute("SELECT document FROM station_snapshot").fetchall()
        assert load_station(connection) == demo_snapshot()
    assert json.loads(stored)["deputies"][0]["office_phone"] == "000-8888-0199"


def test_start_up_reads_the_station_without_importing_sqlalchemy(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    seed_demo_station(open_database(path), tmp_path / "photos")
    program = (
        "import sys; from pathlib import Path\n"
        "from kiosk.store.station_read import read_station\n"
        f"snapshot = read_station(Path({str(path)!r}))\n"
        "print(snapshot.station.name, len(snapshot.deputies), 'sqlalchemy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["青禾街道人大代表联络站", "15", "False"]


def test_the_plain_read_says_nothing_for_a_missing_or_older_database(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    assert read_station(path) is None
    upgrade(path, "0007_contact_checks")
    assert read_station(path) is None  # start-up then opens (migrates) it first


def test_photos_not_yet_downloaded_are_shown_as_none(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    snapshot = demo_snapshot()
    waiting = snapshot.deputies[1].photo
    with database.begin() as connection:
        store_station(connection, snapshot_to_document(snapshot), missing_photos=[waiting])
    shown = read_station(tmp_path / "kiosk.sqlite3")
    assert shown is not None and shown.deputies[1].photo == ""
    assert shown.deputies[0].photo == snapshot.deputies[0].photo


def _station_as_0007_kept_it(connection, snapshot, pin_hash: str) -> None:
    """The station in the tables of 0007, as its replace_station wrote them."""
    station = snapshot.station
    connection.execute(
        "INSERT INTO station VALUES (:id, :kind, :name, :address, :hours, :phone, :intro,"
        " :opinions, :solved, :satisfaction)",
        {
            "id": station.id, "kind": station.kind.value, "name": station.name,
            "address": station.address, "hours": station.hours, "phone": station.phone,
            "intro": station.intro, "opinions": station.figures.opinions_collected,
            "solved": station.figures.problems_solved,
            "satisfaction": station.figures.satisfaction,
        },
    )  # fmt: skip
    for i, rule in enumerate(station.rules):
        connection.execute(
            "INSERT INTO station_rule (station_id, position, title, body) VALUES"
            " (:s, :i, :title, :body)",
            {"s": station.id, "i": i, "title": rule.title, "body": rule.body},
        )  # fmt: skip
    for i, n in enumerate(station.notices):
        connection.execute(
            "INSERT INTO notice VALUES (:id, :s, :i, :title, :body, :on)",
            {"id": n.id, "s": station.id, "i": i, "title": n.title, "body": n.body,
             "on": n.published_on.isoformat()},
        )  # fmt: skip
    for i, d in enumerate(snapshot.deputies):
        connection.execute(
            "INSERT INTO deputy (id, station_id, position, name, levels, constituency,"
            " blocks, phone, occupation, bio, photo, qr_url, pin_hash, pinyin) VALUES"
            " (:id, :s, :i, :name, :levels, :constituency, :blocks, :phone, :occupation,"
            " :bio, :photo, :qr, :pin, :pinyin)",
            {"id": d.id, "s": station.id, "i": i, "name": d.name,
             "levels": ",".join(level.value for level in d.levels),
             "constituency": d.constituency, "blocks": json.dumps(list(d.blocks)),
             "phone": d.phone, "occupation": d.occupation, "bio": d.bio, "photo": d.photo,
             "qr": d.qr_url, "pin": pin_hash, "pinyin": json.dumps(list(d.pinyin))},
        )  # fmt: skip
    for i, s in enumerate(snapshot.schedules):
        wire = snapshot_to_document(snapshot)["schedules"][i]
        connection.execute(
            "INSERT INTO reception_schedule VALUES (:id, :s, :i, :title, :theme, :place,"
            " :rule, :start, :end, :ids, :per, :rotation, :roster, :invited, :changes,"
            " :on_holiday)",
            {"id": s.id, "s": station.id, "i": i, "title": s.title, "theme": s.theme,
             "place": s.place, "rule": s.rule, "start": wire["start"], "end": wire["end"],
             "ids": json.dumps(wire["deputy_ids"]), "per": s.per_occurrence,
             "rotation": wire["rotation"], "roster": json.dumps(wire["roster"]),
             "invited": json.dumps(wire["invited"]), "changes": json.dumps(wire["changes"]),
             "on_holiday": wire["on_holiday"]},
        )  # fmt: skip
    for h in snapshot.holidays.days:
        connection.execute(
            "INSERT INTO holiday VALUES (:day, :kind, :name)",
            {"day": h.day.isoformat(), "kind": h.kind.value, "name": h.name},
        )
    for year in snapshot.holidays.years:
        connection.execute("INSERT INTO holiday_year VALUES (:year)", {"year": year})


def test_a_kiosk_upgraded_from_0007_keeps_its_station_and_pins_without_a_pull(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    upgrade(path, "0007_contact_checks")
    snapshot = demo_snapshot()
    with closing(sqlite3.connect(path)) as connection, connection:
        _station_as_0007_kept_it(connection, snapshot, DEMO_PIN_HASH)

    database = open_database(path)  # migrates to 0008
    with database.read() as connection:
        assert load_station(connection) == snapshot
        assert pin_hash(connection, "demo-01") == DEMO_PIN_HASH
        assert holiday_table(connection) and holiday_years(connection) == snapshot.holidays.years
        assert delta_base(connection) is None  # no document was kept: the next pull is whole
    assert read_station(path) == snapshot  # and the next start reads it before opening the database


def test_an_upgraded_kiosk_keeps_the_document_its_deltas_apply_to(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    upgrade(path, "0007_contact_checks")
    snapshot = demo_snapshot()
    pulled = {
        **snapshot_to_document(snapshot),
        "cursor": "c1",
        "categories": ["交通出行"],
        "appeals": [],
    }
    with closing(sqlite3.connect(path)) as connection, connection:
        _station_as_0007_kept_it(connection, snapshot, DEMO_PIN_HASH)
        for key, value in (
            ("snapshot_document", json.dumps(pulled, ensure_ascii=False)),
            ("snapshot_document_cursor", "c1"),
            ("snapshot_etag", '"c1"'),
        ):
            connection.execute(
                "INSERT INTO sync_state VALUES (:key, :value)", {"key": key, "value": value}
            )

    database = open_database(path)
    with database.read() as connection:
        assert load_station(connection) == snapshot
        assert kept_cursor(connection) == "c1"
        assert delta_base(connection) == pulled
        assert pin_hash(connection, "demo-01") is None  # the document's: the server sent none
        keys = {key for (key,) in connection.execute("SELECT key FROM sync_state")}
    assert keys == {"snapshot_etag"}  # the copy in the sync state is gone
