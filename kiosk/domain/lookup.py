# SPDX-License-Identifier: GPL-3.0-or-later
"""Guessing the last 4 digits of someone's mobile at the kiosk is made slow.

A tracking code alone shows nothing: the lookup also needs the last 4 digits of the mobile
(10,000 possibilities). After `FREE_MISSES` wrong answers in a row the lookup pauses for
`FIRST_PAUSE`, doubling with each further miss up to `LONGEST_PAUSE`; a right answer resets
it. The count is the kiosk's, not the code's, and a visitor walking away does not reset it:
otherwise a guesser would only wait for the idle timeout. 5 misses then 1, 2, 4, 8, 15 min:
about 60 guesses an hour, so a 4-digit guess takes days at the screen.
"""

from __future__ import annotations

from datetime import datetime, timedelta

FREE_MISSES = 5
FIRST_PAUSE = timedelta(minutes=1)
LONGEST_PAUSE = timedelta(minutes=15)
_DOUBLINGS_TO_LONGEST = (LONGEST_PAUSE // FIRST_PAUSE).bit_length()


class LookupLockout:
    def __init__(self) -> None:
        self._misses = 0
        self._until: datetime | None = None

    def wait(self, now: datetime) -> timedelta:
        """How long the visitor must wait before the next try (zero: go ahead)."""
        if self._until is None or now >= self._until:
            return timedelta(0)
        return self._until - now

    def missed(self, now: datetime) -> None:
        self._misses += 1
        over = self._misses - FREE_MISSES
        if over >= 0:
            # The doubling stops once it passes the longest pause: 2**over alone overflows
            # timedelta after ~40 misses, and a kiosk meets that many in months unattended.
            doublings = min(over, _DOUBLINGS_TO_LONGEST)
            self._until = now + min(FIRST_PAUSE * (2**doublings), LONGEST_PAUSE)

    def found(self) -> None:
        self._misses = 0
        self._until = None
