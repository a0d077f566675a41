# SPDX-License-Identifier: GPL-3.0-or-later
"""The phone pages' rate limiter (issue 17 §16; central.services.guards on `limits`):

- ``rate_limit_fill_us``: one hit while 100,001 distinct keys (addresses) arrive, average.
- ``rate_limit_hit_after_100001_keys_ms``: one hit afterwards, median of 5 rounds of 200
  (the review measured 43.5 ms before, under one global lock).

Run from the repository: ``.venv/bin/python bench/rate_limit.py``. Note the machine's load.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from central.services.guards import RateLimiter  # noqa: E402

KEYS = 100_001
RUNS = 5


def main() -> None:
    limiter = RateLimiter("bench", 20, 600)
    started = time.perf_counter()
    for n in range(KEYS):
        limiter.hit(f"10.{n >> 16}.{(n >> 8) & 255}.{n & 255}")
    fill = (time.perf_counter() - started) / KEYS * 1e6
    rounds = []
    for run in range(RUNS):
        times = []
        for n in range(200):
            began = time.perf_counter()
            limiter.hit(f"192.168.{run}.{n % 50}")
            times.append(time.perf_counter() - began)
        rounds.append(statistics.median(times) * 1000)
    print(f"# load average {os.getloadavg()[0]:.2f}")
    print(f"rate_limit_fill_us: {fill:.1f} us")
    print(f"rate_limit_hit_after_100001_keys_ms: {statistics.median(rounds):.4f} ms")


if __name__ == "__main__":
    main()
