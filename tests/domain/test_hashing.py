# SPDX-License-Identifier: GPL-3.0-or-later
"""argon2id set up once: every kind of hash takes its costs from kiosk.domain.hashing."""

from __future__ import annotations

from argon2 import extract_parameters

from kiosk.domain import hashing, pins, tracking
from kiosk.domain.hashing import Costs, hasher, make_hash, matches

QUICK = Costs(time_cost=1, memory_kib=8, parallelism=1)


def test_a_hash_matches_its_secret_only() -> None:
    made = make_hash("2580", QUICK)
    assert matches(made, "2580", hasher(QUICK))
    assert not matches(made, "2581", hasher(QUICK))


def test_nothing_stored_or_garbage_never_matches() -> None:
    assert not matches(None, "2580", hasher(QUICK))
    assert not matches("", "2580", hasher(QUICK))
    assert not matches("not a hash", "2580", hasher(QUICK))


def test_each_kind_of_secret_is_hashed_at_its_own_costs() -> None:
    assert pins.pin_hasher() is hasher(hashing.PIN_COSTS)
    assert pins.pin_hasher().memory_cost == 128 * 1024 and pins.pin_hasher().time_cost == 3
    assert hasher(tracking.CHECK_COSTS).time_cost == 8
    library = extract_parameters(make_hash("x" * 10, QUICK))
    assert (library.time_cost, library.memory_cost, library.parallelism) == (1, 8, 1)


def test_the_library_costs_are_argon2s_own_recommendation() -> None:
    from argon2 import PasswordHasher

    default = PasswordHasher()
    assert hasher().time_cost == default.time_cost
    assert hasher().memory_cost == default.memory_cost
    assert hasher().parallelism == default.parallelism
