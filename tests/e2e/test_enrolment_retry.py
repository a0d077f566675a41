# SPDX-License-Identifier: GPL-3.0-or-later
"""A lost enrolment answer does not burn the one-time code (issue 12 §4)."""

import pytest
import requests

import kiosk.sync.enrolment
from kiosk.store.device_token import load_enrolment
from kiosk.sync.client import Refused
from kiosk.sync.enrolment import enrol


def _code(station) -> str:
    output = station.cli("enrolment-code", "--station", station.station_id).stdout
    return output.split(":", 1)[1].split()[0]


def test_a_kiosk_whose_first_enrolment_answer_was_lost_gets_the_same_device(
    station, proxy, tmp_path
):
    from kiosk.store.database import open_database

    code = _code(station)
    proxy.fail("/enrol", "lose_answer")  # the server enrols, the kiosk hears nothing
    database = tmp_path / "kiosk" / "kiosk.sqlite3"
    enrolment = enrol(database, proxy.url, code)

    assert [fault for _, path, fault in proxy.seen if "/enrol" in path] == [
        "lose_answer",
        "pass",
    ]
    devices = station.query("SELECT id FROM device")
    assert devices == [(enrolment.device_id,)]  # one device, the one the kiosk holds
    with open_database(database).read() as connection:
        kept = load_enrolment(connection, database)
    assert kept is not None and kept.device_token == enrolment.device_token
    answer = requests.get(
        f"{station.server.url}/api/v1/stations/{station.station_id}/snapshot",
        headers={"Authorization": f"Bearer {enrolment.device_token}"},
        timeout=10,
    )
    assert answer.status_code == 200  # the token the kiosk kept is the one the server knows


def test_someone_else_cannot_take_a_used_code(station, proxy, tmp_path):
    code = _code(station)
    enrol(tmp_path / "first" / "kiosk.sqlite3", station.server.url, code)
    kiosk.sync.enrolment._identities.clear()  # another kiosk: another identity
    with pytest.raises(Refused, match="already used"):
        enrol(tmp_path / "second" / "kiosk.sqlite3", station.server.url, code)
    assert len(station.query("SELECT id FROM device")) == 1
