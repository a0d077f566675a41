# SPDX-License-Identifier: GPL-3.0-or-later
"""What home needs from the database at start-up, read with the standard library's sqlite3.

Home shows who of today's deputies is present and whether the kiosk is enrolled with the
server. Both are a few rows, read here before the first frame on a read-only connection; the
database opens for writing (checked, migrated when needed) later, off the GUI thread. Anything
unexpected (a new database with no tables yet, a damaged file, a schema this code does not
know) gives None: home then waits for the database to open.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.store.station_read import open_read_only

SIGNED_IN = """
SELECT deputy_id, at FROM attendance
WHERE id IN (SELECT max(id) FROM attendance GROUP BY deputy_id) AND action = 'sign_in'
"""


@dataclass(frozen=True)
class HomeFacts:
    enrolled: bool
    signed_in: dict[str, datetime]  # deputy id -> when they signed in


def read_home_facts(database_path: Path) -> HomeFacts | None:
    """Enrolment and who is signed in, or None when the database cannot say (yet)."""
    connection = open_read_only(database_path)
    if connection is None:
        return None
    try:
        enrolled = connection.execute("SELECT 1 FROM enrolment LIMIT 1").fetchone() is not None
        signed_in = {
            deputy_id: datetime.fromisoformat(at) for deputy_id, at in connection.execute(SIGNED_IN)
        }
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        connection.close()
    return HomeFacts(enrolled, signed_in)
