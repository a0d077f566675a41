# SPDX-License-Identifier: GPL-3.0-or-later
"""The holiday table: seeded from chinesecalendar, corrected by hand, sent in the snapshot."""

from datetime import date

import pytest

from central.launch import running_central
from kiosk.domain.snapshot import snapshot_from_document
from tests.helpers.central import enrol, enrolment_code


@pytest.fixture
def own_central(tmp_path):
    # Its own server: the table is shared by every station, and other tests expect it empty.
    with running_central(tmp_path / "central") as server:
        server.cli("station", "create", "--id", "s1", "--kind", "station", "--name", "联络站")
        yield server


def test_seed_set_and_list_reach_the_kiosks_snapshot(own_central):
    central = own_central
    seeded = central.cli("holidays", "seed", "--year", "2026").stdout
    assert "seeded the holiday table for 2026 from chinesecalendar" in seeded
    listing = central.cli("holidays", "list", "--year", "2026").stdout
    assert "2026-10-01  holiday  国庆节" in listing
    assert "2026-10-10  workday  国庆节" in listing

    # Local corrections, kept by a later seed.
    central.cli("holidays", "set", "2026-11-30", "holiday", "--name", "本地假日")
    central.cli("holidays", "set", "2026-10-07", "normal")
    again = central.cli("holidays", "seed", "--year", "2026").stdout
    assert "kept 1 days set by hand" in again
    listing = central.cli("holidays", "list", "--year", "2026").stdout
    assert "2026-11-30  holiday  本地假日  (set by hand)" in listing
    assert "2026-10-07  normal" in listing

    answer = enrol(central.url, enrolment_code(central, "s1"))
    token = answer.json()["device_token"]
    import requests

    document = requests.get(
        f"{central.url}/api/v1/stations/s1/snapshot",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    ).json()
    assert document["holiday_years"] == [2026]
    snapshot = snapshot_from_document(document)
    assert snapshot.holidays.get(date(2026, 10, 1)).name == "国庆节"
    assert snapshot.holidays.covers(2026) and not snapshot.holidays.covers(2027)
    assert snapshot.holidays.table()[date(2026, 10, 10)] is False  # a make-up workday
    assert snapshot.holidays.get(date(2026, 10, 7)) is None  # made ordinary by hand


def test_a_year_chinesecalendar_does_not_know_is_refused_and_can_be_entered_by_hand(own_central):
    central = own_central
    refused = central.cli("holidays", "seed", "--year", "2099", ok=False)
    assert refused.returncode == 1
    assert "no data for 2099" in refused.stderr and "holidays set" in refused.stderr
    assert "the holiday table is empty" in central.cli("holidays", "list").stdout
    central.cli("holidays", "set", "2099-01-01", "holiday", "--name", "元旦")
    listing = central.cli("holidays", "list", "--year", "2099").stdout
    assert "2099 is not covered" in listing
    central.cli("holidays", "cover", "2099")
    assert "2099  manual" in central.cli("holidays", "list").stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (("2026-02-30", "holiday", "--name", "x"), "not a date"),
        (("2026-11-24", "workday", "--name", "x"), "only a weekend day"),
        (("2026-11-24", "holiday"), "give the holiday's name"),
    ],
)
def test_bad_days_are_refused_plainly(own_central, args, message):
    result = own_central.cli("holidays", "set", *args, ok=False)
    assert result.returncode == 1 and message in result.stderr
