# SPDX-License-Identifier: GPL-3.0-or-later
"""When to try again: capped exponential backoff with jitter."""

from __future__ import annotations

import random
from collections.abc import Callable

FIRST_RETRY_SECONDS = 2.0
LONGEST_WAIT_SECONDS = 300.0
POLL_SECONDS = 60.0  # between syncs while all is well


def retry_delay(failures: int, rng: Callable[[], float] = random.random) -> float:
    """Seconds to wait after `failures` failures in a row (1, 2, ...): doubling from 2 s, at
    most 5 min, each drawn between half and all of that so that kiosks do not all retry at
    the same moment after an outage."""
    ceiling = min(LONGEST_WAIT_SECONDS, FIRST_RETRY_SECONDS * 2 ** max(0, failures - 1))
    return ceiling * (0.5 + rng() / 2)
