# SPDX-License-Identifier: GPL-3.0-or-later
"""What a pull brings besides the station itself: appeal progress, appointments, appeal
categories, the station's figures and the phone-page links; and the sync's own small facts.
(The station, its deputies' PIN hashes and the holiday table are the station snapshot's one
row: kiosk.store.station.)"""

from __future__ import annotations

import json
import logging
from datetime import date
from sqlite3 import Connection
from typing import Any

from kiosk.domain.deputy_work import deputy_work_document, deputy_work_from_document
from kiosk.store.database import day

log = logging.getLogger(__name__)


def get_state(connection: Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_state(connection: Connection, key: str, value: str) -> None:
    connection.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", (key, value))


def _forget_finished_checks(connection: Connection, listed: set[str]) -> None:
    """The contact check of what this kiosk took goes once the server has it and no longer
    lists it (finished over 30 days ago): a lookup of it then asks the server (docs/security.md).

    Statements of a fixed text only: a `NOT IN` of the listed codes would be a new statement at
    every pull (one more code, one more parameter), and SQLite's driver keeps the last 128
    statements of each connection prepared: thousands of parameters each on a busy station,
    ~15 KB more memory per appeal taken, for months (bench/endurance.py, docs/performance.md).
    """
    for table, code in (("appeal", "tracking_code"), ("appointment", "code")):
        kept = connection.execute(
            f"SELECT {code} FROM {table} WHERE contact_check IS NOT NULL AND uuid IN"
            " (SELECT item_uuid FROM outbox WHERE kind = ? AND sent_at IS NOT NULL)",
            (table,),
        )
        gone = [(value,) for (value,) in kept if value not in listed]
        if gone:
            connection.executemany(
                f"UPDATE {table} SET contact_check = NULL WHERE {code} = ?", gone
            )


def apply_extras(connection: Connection, document: dict[str, Any], pulled_at: str = "") -> None:
    """Store the parts of a pulled snapshot outside the station document, in the caller's
    transaction. Malformed entries are skipped with a log line; they never stop the pull."""
    progress = []
    for entry in document.get("appeals") or []:
        try:
            due = entry.get("due_on")
            steps = [
                {"state": str(s["state"]), "at": str(s["at"]), "note": str(s.get("note", ""))}
                for s in entry.get("steps") or []
            ]
            progress.append(
                {
                    "tracking_code": str(entry["tracking_code"])[:9],
                    "state": str(entry["state"])[:32],
                    "due_on": day(date.fromisoformat(due)) if due else None,
                    "steps": json.dumps(steps),
                }
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            log.warning("skipped a malformed appeal progress entry: %s", error)
    connection.execute("DELETE FROM appeal_progress")
    # One statement for all: a large station lists 10,000 appeals (docs/performance.md).
    connection.executemany(
        "INSERT INTO appeal_progress (tracking_code, state, due_on, steps)"
        " VALUES (:tracking_code, :state, :due_on, :steps)",
        progress,
    )
    if isinstance(document.get("appeals"), list) and isinstance(document.get("appointments"), list):
        listed = {row["tracking_code"] for row in progress}
        listed |= {str(e.get("code")) for e in document["appointments"] if isinstance(e, dict)}
        _forget_finished_checks(connection, listed)

    if isinstance(document.get("categories"), list):
        set_state(connection, "categories", json.dumps(document["categories"], ensure_ascii=False))
    if isinstance(document.get("category_phrases"), dict):
        phrases = json.dumps(document["category_phrases"], ensure_ascii=False)
        set_state(connection, "category_phrases", phrases)
    if isinstance(document.get("links"), dict):
        set_state(connection, "links", json.dumps(document["links"], ensure_ascii=False))
    if isinstance(document.get("appointments"), list):
        from kiosk.store.appointments import apply_pulled

        apply_pulled(connection, document["appointments"])
    work = deputy_work_from_document(document.get("deputy_work"))
    if work is not None:  # counts per duty deputy for the console (kiosk.domain.deputy_work)
        set_state(connection, "deputy_work", json.dumps(deputy_work_document(work)))
    figures = _statistics(document.get("statistics"))
    if figures is not None:
        set_state(
            connection,
            "statistics",
            json.dumps({"figures": figures, "at": pulled_at}, ensure_ascii=False),
        )


def _statistics(value: Any) -> dict[str, Any] | None:
    """The snapshot's `statistics` (docs/sync-api.md), checked; None if absent or malformed."""
    if not isinstance(value, dict):
        return None
    rate = value.get("satisfaction_rate")
    counts = [value.get("appeals_received"), value.get("appeals_solved")]
    if (
        not isinstance(value.get("month"), str)
        or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in counts)
        or not (rate is None or (isinstance(rate, int | float) and 0 <= rate <= 1))
    ):
        log.warning("skipped malformed statistics in the snapshot")
        return None
    return {
        "month": value["month"][:7],
        "appeals_received": counts[0],
        "appeals_solved": counts[1],
        "satisfaction_rate": None if rate is None else float(rate),
    }
