# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 9: central.sqlite3 (names, mobiles, texts) was 0644 in a 0755 folder; the
calendar-feed secret and a visitor's address with their tracking code were in the access
log. Data files are now 0600 in 0700 folders, and the logs of a whole run (server, a kiosk
syncing, a phone form and lookup, the calendar feed) hold no personal data or secret."""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
import requests

from central.core.access_log import private_path
from kiosk.store.database import open_database
from kiosk.sync.enrolment import enrol
from kiosk.ui.sync import Sync
from tests.e2e.conftest import Kiosk, Station
from tests.helpers.phone import Phone


@pytest.fixture
def station(tmp_path) -> Iterator[Station]:
    """As tests/e2e: a station on a real server of its own."""
    with ExitStack() as stack:
        station = Station(tmp_path / "central", "qinghe", stack)
        station.start()
        station.cli(
            "station", "create", "--id", "qinghe", "--kind", "station", "--name", "青禾测试联络站"
        )
        yield station


@pytest.fixture
def synced_kiosk(qapp, tmp_path, station) -> Iterator[Kiosk]:
    """A kiosk enrolled at the station, its sync worker not started yet."""
    output = station.cli("enrolment-code", "--station", station.station_id).stdout
    data_dir = tmp_path / "kiosk"
    enrol(data_dir / "kiosk.sqlite3", station.server.url, output.split(": ", 1)[1].split()[0])
    kiosk = Kiosk(data_dir, open_database(data_dir / "kiosk.sqlite3"), Sync(lambda s: None))
    kiosk.sync._show_snapshot = kiosk.snapshots.append
    yield kiosk
    kiosk.stop()


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_databases_and_their_folders_are_private(station: Station, synced_kiosk: Kiosk):
    kiosk = synced_kiosk
    central = station.data_dir
    assert mode(central) == 0o700
    for name in ("central.sqlite3", "central.sqlite3-wal", "server.key"):
        assert mode(central / name) == 0o600, name
    assert mode(kiosk.data_dir) == 0o700
    # A connection open, as the kiosk holds one: SQLite's companion files are there.
    with kiosk.database.read() as connection:
        connection.execute("SELECT count(*) FROM outbox").fetchone()
        for name in ("kiosk.sqlite3", "kiosk.sqlite3-wal", "kiosk.sqlite3-shm", "device-token"):
            assert mode(kiosk.data_dir / name) == 0o600, name


def test_an_older_install_s_open_files_are_closed_up_on_start(tmp_path):
    from central.core.config import Settings
    from central.core.db import open_database

    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    (folder / "central.sqlite3").touch(mode=0o644)
    (folder / "central.sqlite3").chmod(0o644)
    open_database(Settings(data_dir=folder))
    assert mode(folder) == 0o700 and mode(folder / "central.sqlite3") == 0o600


def test_a_whole_run_leaves_no_personal_data_or_secret_in_the_logs(
    station: Station, synced_kiosk: Kiosk, qtbot
):
    kiosk, server = synced_kiosk, station.server
    assert server is not None
    made = kiosk.queue_appeals(2)
    kiosk.start_worker()
    qtbot.waitUntil(lambda: kiosk.counts().pending == 0 and bool(kiosk.snapshots), timeout=30_000)
    kiosk_codes = [appeal.tracking_code for appeal, _ in made]

    # A calendar app reads the feed with its secret.
    output = station.cli("schedules", "feed-token", "--station", station.station_id).stdout
    feed = output.split("<server>")[1].split()[0]
    feed_secret = feed.split("token=")[1]
    assert requests.get(server.url + feed, timeout=10).status_code == 200

    # A visitor leaves a message on a deputy's page and follows it.
    station.cli("demo-station")
    visitor = Phone(server.url)
    visitor.get("/d/demo-01")
    fields = {
        "category": "交通出行",
        "text": "楼下的私密的事情",
        "block": "文昌社区",
        "name": "欧阳秘密",
        "mobile": "13987654321",
        "consent": "yes",
    }
    assert visitor.submit("/d/demo-01", fields).status_code == 200
    phone_code = visitor.code()
    visitor.get(f"/p/{phone_code}")
    assert visitor.submit(f"/p/{phone_code}", {"last4": "4321"}).status_code == 200
    visitor.get(f"/p/{kiosk_codes[0]}")
    visitor.submit(f"/p/{kiosk_codes[0]}", {"last4": "9999"})

    log = (server.data_dir / "server.log").read_text()
    assert "POST /d/demo-01" in log and "GET /p/…" in log  # the log is on
    secrets = [feed_secret, "13987654321", "4321", "欧阳秘密", "私密的", phone_code]
    for _, personal in made:
        secrets += [personal["name"], personal["mobile"], personal["text"]]
    secrets += kiosk_codes
    token = (kiosk.data_dir / "device-token").read_text().strip()
    secrets.append(token)
    found = [secret for secret in secrets if secret in log]
    assert not found, f"in the server log: {found}"
    assert not re.search(r'[0-9.]+:[0-9]+ - "', log)  # no visitor's address either


def test_what_the_log_shows_of_a_path():
    assert private_path("/api/v1/stations/s/schedules.ics?token=abc") == (
        "/api/v1/stations/s/schedules.ics"
    )
    assert private_path("/p/K7QM4XPD8") == "/p/…"
    assert private_path("/p/K7QM4XPD8/rate") == "/p/…/rate"
    assert private_path("/console/appeals/K7QM4XPD8/act") == "/console/appeals/…/act"
    assert private_path("/console/api/appointments/K7QM4XPD8") == "/console/api/appointments/…"
    assert private_path("/d/demo-01") == "/d/demo-01"
