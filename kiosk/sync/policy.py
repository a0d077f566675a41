# SPDX-License-Identifier: GPL-3.0-or-later
"""When to sync and when to try again (capped exponential backoff with jitter), and the count
of retries by cause that the admin panel and the heartbeat show a technician."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass

# Why a sync cycle is retried (kiosk.sync.client.Unreachable.cause): the server or network
# cannot be reached; no answer in time; an answer cut off or missing (the connection closed
# mid-answer, or the answer is unreadable); the server answered 5xx.
RETRY_CAUSES = ("unreachable", "timeout", "cut_off", "server_error")


@dataclass(frozen=True)
class SyncTiming:
    """The sync's rhythm ([sync] in kiosk.toml; fault tests make it fast)."""

    poll_seconds: float = 60.0  # between syncs while all is well
    first_retry_seconds: float = 2.0
    longest_wait_seconds: float = 300.0

    def retry_delay(self, failures: int, rng: Callable[[], float] = random.random) -> float:
        """Seconds to wait after `failures` failures in a row (1, 2, ...): doubling from the
        first retry, at most the longest wait, each drawn between half and all of that so that
        kiosks do not all retry at the same moment after an outage."""
        step = self.first_retry_seconds * 2 ** min(max(0, failures - 1), 30)
        return min(self.longest_wait_seconds, step) * (0.5 + rng() / 2)

    def earliest_retry(self, failures: int) -> float:
        """The shortest wait `retry_delay` can draw after `failures` failures: when an item that
        failed to send is due again. The worker's own retry never comes sooner, so the retry
        finds the item due (a later draw for the item would leave it for the next poll)."""
        return self.retry_delay(failures, rng=lambda: 0.0)


DEFAULT_TIMING = SyncTiming()


def count_retry(stored: str | None, cause: str) -> str:
    """The stored retry counts (JSON, by cause) with one more `cause`."""
    counts = read_retries(stored)
    counts[cause] = counts.get(cause, 0) + 1
    return json.dumps(counts, sort_keys=True)


def read_retries(stored: str | None) -> dict[str, int]:
    """Every cause's count (0 when never seen) from what `count_retry` stored."""
    counts = dict.fromkeys(RETRY_CAUSES, 0)
    try:
        loaded = json.loads(stored or "{}")
    except ValueError:
        return counts
    if isinstance(loaded, dict):
        counts |= {k: v for k, v in loaded.items() if k in counts and isinstance(v, int)}
    return counts
