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

from kiosk.domain.hashing import PIN_COSTS, hasher, make_hash, matches

if TYPE_CHECKING:
    from argon2 import PasswordHasher

# A deputy's sign-in PIN: 6 to 8 digits (the pad takes no more than the longest).
PIN_SHORTEST, PIN_LONGEST = 6, 8
PIN_PATTERN = re.compile(rf"[0-9]{{{PIN_SHORTEST},{PIN_LONGEST}}}")
PIN_RULE = f"a PIN is {PIN_SHORTEST} to {PIN_LONGEST} digits"
# The kiosk's admin PIN (its technician's): 4 to 12 digits, hashed at the library's costs.
ADMIN_PIN_SHORTEST, ADMIN_PIN_LONGEST = 4, 12
ADMIN_PIN_PATTERN = re.compile(rf"\d{{{ADMIN_PIN_SHORTEST},{ADMIN_PIN_LONGEST}}}")
ADMIN_PIN_RULE = f"the admin PIN must be {ADMIN_PIN_SHORTEST} to {ADMIN_PIN_LONGEST} digits"


def pin_hasher() -> PasswordHasher:
    """The argon2id hasher of deputies' PINs (kiosk.domain.hashing.PIN_COSTS)."""
    return hasher(PIN_COSTS)


def hash_pin(pin: str) -> str:
    """The argon2id hash of a deputy's PIN; ValueError (PIN_RULE) for anything else."""
    if not PIN_PATTERN.fullmatch(pin):
        raise ValueError(PIN_RULE)
    return make_hash(pin, PIN_COSTS)


def pin_matches(pin_hash: str | None, pin: str) -> bool:
    """Does `pin` match the deputy's argon2id hash? False for a missing or unusable hash, and
    as slow then as for a wrong PIN."""
    return matches(pin_hash, pin, pin_hasher())


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
    return found.time_cost >= PIN_COSTS.time_cost and found.memory_cost >= PIN_COSTS.memory_kib


def new_pin() -> str:
    """A random 6-digit PIN (a rotation hands these out)."""
    import secrets

    return f"{secrets.randbelow(1_000_000):06d}"
