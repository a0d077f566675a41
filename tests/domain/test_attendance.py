# SPDX-License-Identifier: GPL-3.0-or-later
from datetime import datetime, timedelta

import pytest

from kiosk.domain.attendance import (
    ReceptionRecord,
    RecordProblem,
    deputy_lock,
    next_try_at,
    pad_hold,
    parse_codes,
)
from kiosk.domain.events import ReceptionRecordBody
from kiosk.domain.tracking import new_tracking_code

T0 = datetime(2026, 11, 23, 9, 30)


def tries(count, every=timedelta(seconds=10)):
    return [T0 + every * i for i in range(count)]


def test_four_wrong_pins_do_not_lock_the_fifth_locks_for_a_minute():
    assert deputy_lock(tries(4)) is None
    assert deputy_lock(tries(5)) == tries(5)[-1] + timedelta(minutes=1)


@pytest.mark.parametrize(("count", "minutes"), [(6, 2), (7, 4), (8, 8), (11, 60), (40, 60)])
def test_each_further_wrong_pin_doubles_the_lock_up_to_an_hour(count, minutes):
    assert deputy_lock(tries(count)) == tries(count)[-1] + timedelta(minutes=minutes)


def test_the_pad_slows_down_from_the_eighth_wrong_pin_within_fifteen_minutes():
    now = T0 + timedelta(minutes=2)
    assert pad_hold(tries(7), now) is None
    assert pad_hold(tries(8), now) == tries(8)[-1] + timedelta(seconds=5)
    assert pad_hold(tries(10), now) == tries(10)[-1] + timedelta(seconds=15)
    assert pad_hold(tries(40), now) == tries(40)[-1] + timedelta(minutes=1)
    # Old failures no longer count.
    assert pad_hold(tries(10), T0 + timedelta(minutes=16)) is None


def test_the_next_try_waits_for_the_later_of_both_rules_and_never_for_the_past():
    mine = tries(5)
    assert next_try_at(mine, mine, T0) == mine[-1] + timedelta(minutes=1)
    assert next_try_at(mine, mine, mine[-1] + timedelta(minutes=1)) is None
    assert next_try_at([], [], T0) is None


def test_a_record_is_checked_and_keeps_what_was_entered():
    code = new_tracking_code()
    record = ReceptionRecord.new("d1", T0, 2, "  加装电梯 ", " 备注 ", f"{code.lower()}, {code}")
    assert (record.topic, record.notes, record.tracking_codes) == ("加装电梯", "备注", (code,))
    body = ReceptionRecordBody.of(record, b"sealed").to_body()
    assert body == {
        "deputy_id": "d1",
        "visitors": 2,
        "topic": "加装电梯",
        "tracking_codes": [code],
        "sealed": "c2VhbGVk",
    }


@pytest.mark.parametrize(
    ("visitors", "topic", "notes", "codes", "problem"),
    [
        (0, "t", "", "", ("visitors", "range")),
        (1000, "t", "", "", ("visitors", "range")),
        (1, " ", "", "", ("topic", "empty")),
        (1, "长" * 101, "", "", ("topic", "long")),
        (1, "t", "长" * 2001, "", ("notes", "long")),
        (1, "t", "", "K7QM4XPD0", ("codes", "invalid")),
    ],
)
def test_bad_records_say_which_part_is_wrong(visitors, topic, notes, codes, problem):
    with pytest.raises(RecordProblem) as caught:
        ReceptionRecord.new("d1", T0, visitors, topic, notes, codes)
    assert (caught.value.field, caught.value.code) == problem


def test_codes_are_separated_by_commas_spaces_or_the_chinese_enumeration_comma():
    a, b = new_tracking_code(), new_tracking_code()
    assert parse_codes(f"{a}、{b}；{a}") == (a, b)
    assert parse_codes("") == ()
    with pytest.raises(RecordProblem):
        parse_codes(" ".join(new_tracking_code() for _ in range(21)))
