# SPDX-License-Identifier: GPL-3.0-or-later
"""Guessing the last 4 digits of someone's mobile at the kiosk is made slow.

A tracking code alone shows nothing: the lookup also needs the last 4 digits of the mobile
(10,000 possibilities). After `FREE_MISSES` wrong answers in a row the lookup pauses for
`FIRST_PAUSE`, doubling with each further miss up to `LONGEST_PAUSE`. Only time forgets a
miss (after `FORGET_AFTER`): neither a right answer (a guesser would look up their own
receipt between tries) nor a visitor walking away (they would wait for the idle timeout)
resets the count. The count is the kiosk's, not the code's. 5 misses then 1, 2, 4, 8, 15 min:
about 10 guesses an hour, so a 4-digit guess takes weeks at the screen.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta

FREE_MISSES = 5
FIRST_PAUSE = timedelta(minutes=1)
LONGEST_PAUSE = timedelta(minutes=15)
FORGET_AFTER = timedelta(hours=1)


class LookupLockout:
    def __init__(self) -> None:
        self._misses: deque[datetime] = deque()  # the misses of the last FORGET_AFTER
        self._until: datetime | None = None

    def wait(self, now: datetime) -> timedelta:
        """How long the visitor must wait before the next try (zero: go ahead)."""
        if self._until is None or now >= self._until:
            return timedelta(0)
        return self._until - now

    def missed(self, now: datetime) -> None:
        while self._misses and self._misses[0] <= now - FORGET_AFTER:
            self._misses.popleft()
        self._misses.append(now)
        over = len(self._misses) - FREE_MISSES
        if over >= 0:
            self._until = now + min(FIRST_PAUSE * (2 ** min(over, 8)), LONGEST_PAUSE)
