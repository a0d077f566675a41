# SPDX-License-Identifier: GPL-3.0-or-later
import base64
from datetime import UTC, datetime

from sqlalchemy import update

from central.models import Device, EnrolmentCode
from tests.helpers.central import enrol, enrolment_code


def test_a_code_enrols_one_kiosk_once(central, new_station):
    station_id = new_station()
    code = enrolment_code(central, station_id)

    # As a technician might type it: lower case, no dashes.
    answer = enrol(central.url, code.replace("-", "").lower(), "一楼大厅触摸屏")
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["station_id"] == station_id
    assert len(base64.b64decode(body["server_public_key"])) == 32
    assert len(base64.urlsafe_b64decode(body["device_token"] + "=")) == 32

    again = enrol(central.url, code)
    assert again.status_code == 400
    assert "already used" in again.json()["detail"]


def test_the_server_keeps_only_a_hash_of_the_token(central, kiosk):
    with central.open_database() as database, database.reader() as session:
        stored = session.get(Device, kiosk.device_id).token_hash
    assert stored != kiosk.token and len(stored) == 64


def test_an_unknown_code_is_refused_in_plain_words(central):
    answer = enrol(central.url, "AAAA-BBBB-CCCC")
    assert answer.status_code == 400
    assert "unknown" in answer.json()["detail"]


def test_an_expired_code_is_refused(central, new_station):
    station_id = new_station()
    code = enrolment_code(central, station_id)
    with central.open_database() as database, database.writer.begin() as session:
        session.execute(
            update(EnrolmentCode)
            .where(EnrolmentCode.station_id == station_id)
            .values(expires_at=datetime(2020, 1, 1, tzinfo=UTC))
        )
    answer = enrol(central.url, code)
    assert answer.status_code == 400
    assert "expired" in answer.json()["detail"]


def test_the_api_is_described_only_when_asked(central):
    import requests

    # serve --api-docs turns them on (tests/security/test_f14_docs_and_proxy.py).
    assert requests.get(central.url + "/docs", timeout=10).status_code == 404
    assert requests.get(central.url + "/openapi.json", timeout=10).status_code == 404
