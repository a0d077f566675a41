# SPDX-License-Identifier: GPL-3.0-or-later
"""What an offline search costs whoever copies a kiosk's disk (issue 17 §1, §4), CPU time of
this machine, before and after the change:

- ``contact_check_sha256_search_s``: before: all 10,000 last-4 digits against the unsalted
  SHA-256 check a kiosk used to hold for every appeal of its station (measured in full).
- ``contact_check_guess_ms``: after: one guess against a salted argon2id check
  (kiosk.domain.tracking; only for what the kiosk took itself), median of 5;
  ``contact_check_search_h``: times 10,000, the whole search for one record.
- ``pin_guess_before_ms`` / ``pin_search_before_h``: a 4-digit PIN with argon2-cffi's default
  costs (what the server made before), 10^4 guesses.
- ``pin_guess_ms`` / ``pin_search_h``: a 6-digit PIN with kiosk.domain.pins' costs, 10^6.

CPU time, not wall time (argon2id's lanes run on threads): what an attacker pays per guess.
Run from the repository: ``.venv/bin/python bench/brute_force.py``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RUNS = 5


def cpu_ms(work) -> float:
    times = []
    for _ in range(RUNS):
        started = time.process_time()
        work()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    from argon2 import PasswordHasher
    from argon2.exceptions import VerifyMismatchError

    from kiosk.domain import pins
    from kiosk.domain.tracking import contact_check, contact_check_matches, new_tracking_code

    print(f"load: {os.getloadavg()[0]:.2f} (1 min average, {os.cpu_count()} CPUs)")
    code = new_tracking_code()
    old = hashlib.sha256(f"{code}:5678".encode()).hexdigest()

    def sha256_search() -> None:
        for guess in range(10_000):
            if hashlib.sha256(f"{code}:{guess:04d}".encode()).hexdigest() == old:
                return

    print(f"contact_check_sha256_search_s: {cpu_ms(sha256_search) / 1000:.3f} s")
    check = contact_check(code, "5678")
    guess_ms = cpu_ms(lambda: contact_check_matches(check, code, "0000"))
    print(f"contact_check_guess_ms: {guess_ms:.0f} ms")
    print(f"contact_check_search_h: {guess_ms * 10_000 / 3_600_000:.1f} h")

    def guess(hasher: PasswordHasher, pin_hash: str, pin: str) -> None:
        with contextlib.suppress(VerifyMismatchError):
            hasher.verify(pin_hash, pin)

    before = PasswordHasher()
    before_hash = before.hash("2468")
    before_ms = cpu_ms(lambda: guess(before, before_hash, "1357"))
    print(f"pin_guess_before_ms: {before_ms:.0f} ms")
    print(f"pin_search_before_h: {before_ms * 10**4 / 3_600_000:.1f} h")
    after = pins.pin_hasher()
    after_hash = pins.hash_pin("246813")
    after_ms = cpu_ms(lambda: guess(after, after_hash, "135790"))
    print(f"pin_guess_ms: {after_ms:.0f} ms")
    print(f"pin_search_h: {after_ms * 10**6 / 3_600_000:.0f} h")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
