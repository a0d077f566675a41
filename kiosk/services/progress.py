# SPDX-License-Identifier: GPL-3.0-or-later
"""Looking up what became of an appeal or appointment: a tracking code and the last 4 digits
of the visitor's mobile. This kiosk's own records first (offline too), else the server.

Slow (an argon2id check takes about a second, the server a moment): call it off the GUI
thread."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from kiosk.store.database import Database
from kiosk.store.progress import Found, Progress, look_up
from kiosk.store.station import holiday_table
from kiosk.sync.client import SyncError

log = logging.getLogger(__name__)


def minutes_until(moment: str) -> int:
    """Whole minutes (at least 1) from now to the server's ISO 8601 `moment`."""
    try:
        left = datetime.fromisoformat(moment) - datetime.now(UTC)
    except (ValueError, TypeError):
        return 1
    return max(1, -(-int(left.total_seconds()) // 60))


def as_progress(code: str, answer: dict[str, Any]) -> Progress:
    """The server's lookup answer as a store Progress (kiosk.store.progress)."""
    raw = answer.get("progress") or {}
    due, day = raw.get("due_on"), raw.get("date")
    return Progress(
        kind="appointment" if raw.get("kind") == "appointment" else "appeal",
        code=code,
        state=str(raw.get("state", "")),
        steps=[
            {
                "state": str(s.get("state", "")),
                "at": str(s.get("at", "")),
                "note": str(s.get("note", "")),
            }
            for s in raw.get("steps") or []
            if isinstance(s, dict)
        ],
        due_on=date.fromisoformat(due) if isinstance(due, str) else None,
        category=str(raw.get("category", "")),
        request=str(raw.get("request", "appeal")),
        deputy_id=str(raw.get("deputy_id", "")),
        day=date.fromisoformat(day) if isinstance(day, str) else None,
    )


class Lookups:
    """Progress lookups on this kiosk's database; any thread."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def look_up(
        self, code: str, last4: str, ask: Callable[[str, str], dict[str, Any]] | None
    ) -> dict[str, Any]:
        """{"progress", "last_pull", "holidays"} when found; else {"problem"} ("database",
        "unreachable", "locked" with "wait_minutes", "mismatch"). `ask` asks the server
        (None: no server)."""
        try:
            with self.database.read() as connection:
                found = look_up(connection, code, last4)
                holidays = holiday_table(connection)
        except sqlite3.Error as error:
            log.error("progress lookup failed: %s", error)
            return {"problem": "database"}
        answer: dict[str, Any] = {"last_pull": found.last_pull, "holidays": holidays}
        if found.found is Found.FOUND:
            answer["progress"] = found.progress
        elif ask is None:
            answer["problem"] = "unreachable"
        else:
            answer |= _ask_server(ask, code, last4)
        return answer


def _ask_server(ask: Callable[[str, str], dict[str, Any]], code: str, last4: str) -> dict[str, Any]:
    try:
        server = ask(code, last4)
    except SyncError as error:
        log.info("could not ask the server about a code: %s", type(error).__name__)
        return {"problem": "unreachable"}
    if server.get("found"):
        try:
            return {"progress": as_progress(code, server)}
        except (TypeError, ValueError, AttributeError):
            return {"problem": "unreachable"}
    if server.get("locked_until"):
        return {"problem": "locked", "wait_minutes": minutes_until(str(server["locked_until"]))}
    return {"problem": "mismatch"}
