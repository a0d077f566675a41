# SPDX-License-Identifier: GPL-3.0-or-later
"""argon2id, set up once: the costs of each kind of hash, making one and checking one.

Three kinds of secret are hashed with argon2id, each at costs of its own:
- deputies' PINs (`PIN_COSTS`, kiosk.domain.pins): every kiosk of the station holds them;
- contact checks (`CHECK_COSTS`, kiosk.domain.tracking): code + last 4 digits of a mobile;
- the kiosk's admin PIN and console passwords (`LIBRARY_COSTS`, the library's recommended).

argon2 is imported only when a hash is made or checked: the kiosk starts (and draws its first
frame) without it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher


@dataclass(frozen=True)
class Costs:
    """argon2id costs: passes, memory (KiB) and lanes; 32-byte hashes, 16-byte salts."""

    time_cost: int
    memory_kib: int
    parallelism: int


# Deputies' PINs: 128 MiB, 3 passes (about a second of CPU per guess, bench/brute_force.py).
# Four lanes: the CPU work per guess is the same whatever the lanes (an attacker runs guesses
# side by side anyway), but a kiosk with several cores answers a deputy sooner.
PIN_COSTS = Costs(time_cost=3, memory_kib=128 * 1024, parallelism=4)
# Contact checks: ~1 s of this machine's CPU per guess, 10,000 guesses per record (~2.7 hours,
# docs/security.md). Two lanes: a kiosk with two cores answers its visitor in half the time.
CHECK_COSTS = Costs(time_cost=8, memory_kib=128 * 1024, parallelism=2)
# The argon2 library's recommended costs (RFC 9106's second choice: 64 MiB, 3 passes, 4 lanes).
LIBRARY_COSTS = Costs(time_cost=3, memory_kib=64 * 1024, parallelism=4)


@functools.cache
def hasher(costs: Costs = LIBRARY_COSTS) -> PasswordHasher:
    """The argon2id hasher for `costs`."""
    from argon2 import PasswordHasher

    return PasswordHasher(
        time_cost=costs.time_cost,
        memory_cost=costs.memory_kib,
        parallelism=costs.parallelism,
        hash_len=32,
        salt_len=16,
    )


def make_hash(secret: str, costs: Costs = LIBRARY_COSTS) -> str:
    made: str = hasher(costs).hash(secret)
    return made


def matches(stored: str | None, secret: str, using: PasswordHasher) -> bool:
    """Does `secret` match the `stored` hash? False for a missing or unusable hash. A missing
    one is checked against a stand-in of the same costs, so that "nothing stored" takes as long
    as "wrong" and says nothing different."""
    from argon2.exceptions import Argon2Error, InvalidHashError

    # Made at the first check of these costs, whatever is stored: the first "nothing stored"
    # does not take longer than the first "wrong" either.
    stand_in = _stand_in(using)
    try:
        return bool(using.verify(stored or stand_in, secret)) and stored is not None
    except (Argon2Error, InvalidHashError):
        return False


_STAND_INS: dict[tuple[int, int, int], str] = {}


def _stand_in(using: PasswordHasher) -> str:
    # A hash of a random secret nobody knows, made once per costs (at their first use).
    key = (using.time_cost, using.memory_cost, using.parallelism)
    if key not in _STAND_INS:
        import secrets  # at the first check: it imports hmac and OpenSSL's hashes (start-up)

        _STAND_INS[key] = using.hash(secrets.token_hex(16))
    return _STAND_INS[key]
