# SPDX-License-Identifier: GPL-3.0-or-later
"""The holiday table for working-day deadlines, as the last pull brought it."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy.orm import Session

from kiosk.store.models import SyncStateRow


def holiday_table(session: Session) -> dict[date, bool]:
    """Date → True (a holiday) or False (a make-up workday), for workdays.add_working_days.
    Entries that cannot be read are left out (the weekend rule then applies)."""
    row = session.get(SyncStateRow, "holidays")
    table: dict[date, bool] = {}
    try:
        entries = json.loads(row.value) if row else []
    except ValueError:
        return table
    for entry in entries if isinstance(entries, list) else []:
        try:
            table[date.fromisoformat(entry["date"])] = entry["kind"] != "workday"
        except (KeyError, TypeError, ValueError):
            continue
    return table
