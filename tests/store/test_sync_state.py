# SPDX-License-Identifier: GPL-3.0-or-later
"""A pull's extras cost the same memory at the thousandth pull as at the first (issue 12 §2)."""

import _sqlite3
import ctypes

from kiosk.store.database import open_database
from kiosk.store.sync_state import apply_extras


def sqlite_memory() -> int:
    library = ctypes.CDLL(_sqlite3.__file__)
    library.sqlite3_memory_used.restype = ctypes.c_int64
    return library.sqlite3_memory_used()


def pull(database, appeals: int) -> None:
    document = {
        "appeals": [
            {"tracking_code": f"A{n:07d}", "state": "assigned", "steps": []} for n in range(appeals)
        ],
        "appointments": [],
    }
    with database.begin() as connection:
        apply_extras(connection, document, "2026-11-23T09:00:00")


def test_a_station_listing_one_more_appeal_at_every_pull_does_not_grow_sqlites_memory(tmp_path):
    # Each appeal a visitor sends is one more in the next snapshot. The kiosk used to forget
    # finished contact checks with `NOT IN (<every listed code>)`: a new statement at every
    # pull, and the driver keeps 128 per connection prepared (here +8 MB over 140 pulls;
    # in the endurance run +15 MB per 1,000 journeys).
    database = open_database(tmp_path / "kiosk.sqlite3")
    for appeals in range(300, 310):  # caches and statements of a pull in place
        pull(database, appeals)
    before = sqlite_memory()
    for appeals in range(310, 450):
        pull(database, appeals)
    grown = sqlite_memory() - before
    assert grown < 1_000_000, f"SQLite holds {grown / 2**20:.1f} MB more after 140 pulls"
