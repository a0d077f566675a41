# SPDX-License-Identifier: GPL-3.0-or-later
"""One lockout type: the waits of every rule for wrong tries, as a person meets them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kiosk.domain.lockout import ADMIN_PIN, CONSOLE_LOGIN, DEPUTY_PIN, PIN_PAD, Lockout

T0 = datetime(2026, 12, 3, 9, 0)


def tries(count: int, every: timedelta = timedelta(seconds=10)) -> list[datetime]:
    return [T0 + every * i for i in range(count)]


def seconds(lockout: Lockout, failures: int) -> int:
    return int(lockout.wait_after(failures).total_seconds())


def test_the_admin_pin_waits_from_the_third_wrong_one_doubling_to_an_hour() -> None:
    assert [seconds(ADMIN_PIN, n) for n in range(1, 8)] == [0, 0, 30, 60, 120, 240, 480]
    assert seconds(ADMIN_PIN, 30) == 3600
    assert [ADMIN_PIN.tries_left(n) for n in range(5)] == [3, 2, 1, 0, 0]


def test_a_deputy_is_locked_from_the_fifth_wrong_pin_from_the_last_one() -> None:
    assert DEPUTY_PIN.until(tries(4)) is None
    assert DEPUTY_PIN.until(tries(5)) == tries(5)[-1] + timedelta(minutes=1)
    assert DEPUTY_PIN.until(tries(7)) == tries(7)[-1] + timedelta(minutes=4)
    assert DEPUTY_PIN.until(tries(500)) == tries(500)[-1] + timedelta(hours=1)


def test_the_pad_waits_five_seconds_more_per_wrong_pin_within_its_window() -> None:
    now = tries(40)[-1]
    assert PIN_PAD.until(tries(7), now) is None
    assert PIN_PAD.until(tries(8), now) == tries(8)[-1] + timedelta(seconds=5)
    assert PIN_PAD.until(tries(10), now) == tries(10)[-1] + timedelta(seconds=15)
    assert PIN_PAD.until(tries(40), now) == tries(40)[-1] + timedelta(minutes=1)
    # Wrong PINs older than 15 minutes are forgotten.
    assert PIN_PAD.until(tries(10), T0 + timedelta(minutes=16)) is None
    with pytest.raises(ValueError, match="needs the time now"):
        PIN_PAD.until(tries(10))


def test_each_console_lock_lasts_twice_the_one_before_up_to_a_day() -> None:
    assert CONSOLE_LOGIN.tries == 5
    assert [CONSOLE_LOGIN.wait(n) // timedelta(minutes=1) for n in range(4)] == [1, 2, 4, 8]
    assert CONSOLE_LOGIN.wait(40) == timedelta(hours=24)


def test_a_window_lockout_waits_to_the_end_of_its_window() -> None:
    lookup = Lockout.per_window(5, timedelta(minutes=15))
    assert lookup.window_seconds == 900
    assert lookup.tries_left(3) == 2 and lookup.tries_left(9) == 0
    with pytest.raises(ValueError, match="in a series"):
        _ = DEPUTY_PIN.window_seconds
