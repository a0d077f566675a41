# SPDX-License-Identifier: GPL-3.0-or-later
"""The lookup lockout over months: the pause stays at its longest, it never overflows."""

from datetime import datetime, timedelta

from kiosk.domain.lookup import FREE_MISSES, LONGEST_PAUSE, LookupLockout


def test_a_thousand_misses_keep_the_longest_pause_without_overflowing():
    lockout = LookupLockout()
    now = datetime(2026, 12, 2, 9, 0)
    step = timedelta(seconds=1)  # all within the hour in which misses are remembered
    for _ in range(1000):  # a guesser at a kiosk left alone: 2**995 minutes would overflow
        lockout.missed(now)
        now += step
    assert lockout.wait(now - step) == LONGEST_PAUSE


def test_the_pause_doubles_from_a_minute_to_the_longest():
    lockout = LookupLockout()
    now = datetime(2026, 12, 2, 9, 0)
    pauses = []
    for _ in range(FREE_MISSES + 6):
        lockout.missed(now)
        pauses.append(lockout.wait(now))
    minutes = [pause // timedelta(minutes=1) for pause in pauses[FREE_MISSES - 1 :]]
    assert minutes == [1, 2, 4, 8, 15, 15, 15]
