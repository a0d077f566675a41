# SPDX-License-Identifier: GPL-3.0-or-later
"""Deputies' sign-in PINs: what one is, and how it is hashed (the one rule; the server hashes,
every kiosk of the station checks offline).

Every kiosk holds its deputies' PIN hashes, so whoever copies a kiosk's disk can try PINs at
leisure. What makes that slow: at least 6 digits (a million PINs) and argon2id costs of about
a second of CPU per guess on this machine (bench/brute_force.py): hundreds of hours per
deputy for the whole search, where a 4-digit PIN with the library's default costs (64 MiB,
half the work) fell in about an hour.
A hash with weaker costs is not sent to kiosks (`is_current`): its deputy gets a new PIN
(`python -m central pin rotate`). docs/security.md has the threat model.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher

PIN_PATTERN = re.compile(r"[0-9]{6,8}")
PIN_RULE = "a PIN is 6 to 8 digits"
# argon2id costs: 128 MiB, 3 passes. Four lanes: the CPU work per guess is the same whatever
# the lanes (an attacker runs guesses side by side anyway), but a kiosk with several cores
# answers a deputy sooner.
TIME_COST = 3
MEMORY_KIB = 128 * 1024
PARALLELISM = 4


def pin_hasher() -> PasswordHasher:
    # Imported here: the kiosk starts (and draws its first frame) without argon2.
    from argon2 import PasswordHasher

    return PasswordHasher(
        time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM, hash_len=32
    )


def hash_pin(pin: str) -> str:
    """The argon2id hash of a deputy's PIN; ValueError (PIN_RULE) for anything else."""
    if not PIN_PATTERN.fullmatch(pin):
        raise ValueError(PIN_RULE)
    made: str = pin_hasher().hash(pin)
    return made


def is_current(pin_hash: str | None) -> bool:
    """Is this an argon2id hash with at least today's costs? (Older, weaker ones are not
    trusted to leave the server.)"""
    if not isinstance(pin_hash, str) or not pin_hash.startswith("$argon2id$"):
        return False
    from argon2 import extract_parameters
    from argon2.exceptions import InvalidHashError

    try:
        found = extract_parameters(pin_hash)
    except (InvalidHashError, ValueError):
        return False
    return found.time_cost >= TIME_COST and found.memory_cost >= MEMORY_KIB


def new_pin() -> str:
    """A random 6-digit PIN (a rotation hands these out)."""
    import secrets

    return f"{secrets.randbelow(1_000_000):06d}"
