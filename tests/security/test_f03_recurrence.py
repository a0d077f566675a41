# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 3: recurrence rules are bounded: at most daily, every expansion bounded, the
caches bounded; the kiosk's domain holds the rule and the server's imports use it."""

from __future__ import annotations

import json
import time
from datetime import date
from datetime import time as clock

import pytest

from kiosk.domain import reception
from kiosk.domain.reception import InvalidRule, ReceptionSchedule, reception_days_between


def _schedule(rule: str) -> ReceptionSchedule:
    return ReceptionSchedule(
        id="s", title="接待日", rule=rule, start=clock(9), end=clock(11), deputy_ids=("a",)
    )


@pytest.mark.parametrize(
    "rule",
    [
        "DTSTART:20260105T090000\nRRULE:FREQ=SECONDLY",
        "DTSTART:20260105T090000\nRRULE:FREQ=MINUTELY",
        "DTSTART:20260105\nRRULE:FREQ=HOURLY",
        "DTSTART:20260105\nRRULE:FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11;BYMINUTE=0,30",
        "DTSTART:00010101\nRRULE:FREQ=DAILY",  # 740,000 days before today
        "DTSTART:20260105\nRRULE:FREQ=DAILY;COUNT=100000000",
    ],
)
def test_rules_finer_than_a_day_or_without_bounds_are_refused_at_once(rule):
    started = time.thread_time()
    with pytest.raises(InvalidRule):
        _schedule(rule)
    assert time.thread_time() - started < 1.0


def test_every_expansion_and_every_cache_is_bounded():
    # A daily rule that never gives a day walked to year 9999 three times (~14 s).
    started = time.thread_time()
    with pytest.raises(InvalidRule):
        _schedule("DTSTART:20260101\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")
    # Leap days only, 1000 of them: a COUNT that would walk 4,000 years.
    leap = _schedule("DTSTART:20240101\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;COUNT=1000")
    far = reception_days_between([leap], date(9000, 1, 1), date(9999, 12, 31))
    daily = _schedule("DTSTART:20000101\nRRULE:FREQ=DAILY")
    many = reception_days_between([daily], date(2099, 1, 1), date(9999, 12, 31))
    assert far == [] and len(many) == 365
    assert time.thread_time() - started < 3.0  # CPU of this thread: load does not count
    for cached in (reception._parse_rule, reception._dates_through):
        assert cached.cache_info().maxsize is not None and cached.cache_info().maxsize <= 64


def test_the_servers_schedule_import_refuses_a_minutely_rule(central, kiosk, tmp_path):
    roster = tmp_path / "roster.json"
    roster.write_text(json.dumps([{"id": "d1", "name": "王赟", "levels": ["city"]}]))
    central.cli("roster", "import", "--station", kiosk.station_id, str(roster))
    schedules = tmp_path / "schedules.json"
    schedules.write_text(
        json.dumps(
            [
                {
                    "id": "often",
                    "title": "接待日",
                    "rule": "DTSTART:20260105T090000\nRRULE:FREQ=MINUTELY",
                    "start": "09:00",
                    "end": "11:30",
                    "deputy_ids": ["d1"],
                }
            ]
        )
    )
    refused = central.cli(
        "schedules", "import", "--station", kiosk.station_id, str(schedules), ok=False
    )
    assert refused.returncode == 1 and "FREQ=MINUTELY" in refused.stderr
    assert kiosk.snapshot().json()["schedules"] == []
