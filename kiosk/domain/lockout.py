# SPDX-License-Identifier: GPL-3.0-or-later
"""How wrong tries are slowed down: one value type for every lockout, and the kiosk's and the
console's rules (docs/deputy-sign-in.md, docs/security.md).

A `Lockout` says: the `tries`-th wrong try in a series starts a wait of `first`; each later
lock waits longer (twice as long, or `first` more when it does not double), never longer than
`longest`. With a `window`, only the wrong tries within it count (older ones are forgotten).
A right answer ends the series (its owner forgets the tries).

Not a lockout: the sync worker's wait after a network failure (kiosk/sync/policy.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

_ZERO = timedelta(0)


@dataclass(frozen=True)
class Lockout:
    tries: int  # the wrong try that starts the first wait
    first: timedelta
    longest: timedelta
    doubles: bool = True  # False: each wait is `first` longer than the one before
    window: timedelta | None = None  # only wrong tries within it count

    @classmethod
    def per_window(cls, tries: int, window: timedelta) -> Lockout:
        """At most `tries` wrong tries in each fixed window (counted afresh from every multiple
        of `window` since the epoch): the wait lasts to the window's end, at most `window`."""
        return cls(tries, window, window, doubles=False, window=window)

    @property
    def window_seconds(self) -> int:
        if self.window is None:
            raise ValueError("this lockout counts wrong tries in a series, not in a window")
        return int(self.window.total_seconds())

    def wait(self, lock: int) -> timedelta:
        """The wait of the `lock`-th lock of a series (0: the first)."""
        grown = self.first * (1 << min(lock, 32)) if self.doubles else self.first * (lock + 1)
        return min(grown, self.longest)

    def wait_after(self, failures: int) -> timedelta:
        """The wait after `failures` wrong tries in a series (none before `tries`)."""
        return _ZERO if failures < self.tries else self.wait(failures - self.tries)

    def tries_left(self, failures: int) -> int:
        """Wrong tries left before the first wait (0: the next wrong one waits, or waits now)."""
        return max(0, self.tries - failures)

    def until(self, failures: Sequence[datetime], now: datetime | None = None) -> datetime | None:
        """Until when the owner of these wrong tries (oldest first) waits, if at all (the end
        of the wait after the last one; it may have passed). `now` places the window."""
        window = self.window
        if window is not None and now is None:
            raise ValueError("a lockout with a window needs the time now")
        counted = [at for at in failures if window is None or now is None or at > now - window]
        wait = self.wait_after(len(counted))
        return counted[-1] + wait if wait else None


# The kiosk's admin PIN: the 3rd wrong PIN in a row waits 30 s, doubling to an hour.
ADMIN_PIN = Lockout(tries=3, first=timedelta(seconds=30), longest=timedelta(hours=1))
# A deputy's PIN: the 5th wrong PIN in a row locks that deputy for a minute, and every further
# wrong one after it doubles the lock (2, 4, 8 ... minutes, at most an hour).
DEPUTY_PIN = Lockout(tries=5, first=timedelta(minutes=1), longest=timedelta(hours=1))
# The sign-in pad, whoever's PIN: from the 8th wrong PIN within 15 minutes, the pad waits 5 s
# after each, 5 s more for each further one (at most a minute).
PIN_PAD_WINDOW = timedelta(minutes=15)
PIN_PAD = Lockout(
    tries=8,
    first=timedelta(seconds=5),
    longest=timedelta(minutes=1),
    doubles=False,
    window=PIN_PAD_WINDOW,
)
# A console login (password or hand-over code): 5 wrong tries lock the account for a minute,
# and each later lock of the account lasts twice as long as the one before (up to a day).
CONSOLE_LOGIN = Lockout(tries=5, first=timedelta(minutes=1), longest=timedelta(hours=24))
