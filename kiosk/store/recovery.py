# SPDX-License-Identifier: GPL-3.0-or-later
"""A damaged database is moved aside (kept, with a timestamp) and the kiosk starts clean.

Never silently (DESIGN.md §8): each recovery is logged and noted in `recoveries.json` beside
the database, which the admin panel shows. What can still be read from the damaged file is
copied into the new one: the enrolment (so the kiosk syncs again by itself), the station
snapshot's row (so home shows the station until the next pull brings it again), the appeals,
and whatever the outbox had not sent yet.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

# table -> which rows to bring over (the rest comes back from the server).
SALVAGED = {
    "enrolment": "",
    "station_snapshot": "",
    "appeal": "",
    "outbox": "WHERE sent_at IS NULL",
}


@dataclass(frozen=True)
class Recovery:
    at: str  # ISO time
    problem: str
    moved_to: str
    salvaged: dict[str, int]


def damage(path: Path) -> str | None:
    """What is wrong with the SQLite file at `path`, or None if it is sound (or missing)."""
    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(path, timeout=10)
        try:
            rows = [row[0] for row in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    return None if rows == ["ok"] else "; ".join(rows[:3])


def move_aside(path: Path, now: datetime) -> Path:
    """Rename the database (and its -wal, -shm companions) to `<name>.damaged-<time>`."""
    target = path.with_name(f"{path.name}.damaged-{now:%Y%m%d-%H%M%S}")
    for suffix in ("-wal", "-shm", ""):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    return target


def salvage(damaged: Path, fresh: Path) -> dict[str, int]:
    """Copy what can be read of SALVAGED from `damaged` into `fresh` (already migrated)."""
    copied: dict[str, int] = {}
    connection = sqlite3.connect(fresh, timeout=10)
    try:
        connection.execute("ATTACH DATABASE ? AS damaged", (f"file:{damaged}?mode=ro",))
    except sqlite3.Error as error:
        log.warning("nothing could be read from the damaged database: %s", error)
        connection.close()
        return copied
    try:
        for table, where in SALVAGED.items():
            columns = [row[1] for row in connection.execute(f"PRAGMA main.table_info({table})")]
            names = ", ".join(columns)
            try:
                with connection:
                    cursor = connection.execute(
                        f"INSERT OR IGNORE INTO main.{table} ({names}) "
                        f"SELECT {names} FROM damaged.{table} {where}"
                    )
                copied[table] = cursor.rowcount
            except sqlite3.Error as error:
                log.warning("could not salvage %s from the damaged database: %s", table, error)
    finally:
        connection.close()
    return copied


def recoveries_path(database: Path) -> Path:
    return database.with_name("recoveries.json")


def read_recoveries(database: Path) -> list[Recovery]:
    try:
        entries = json.loads(recoveries_path(database).read_text(encoding="utf-8"))
        return [Recovery(**entry) for entry in entries]
    except (OSError, ValueError, TypeError):
        return []


def note_recovery(database: Path, recovery: Recovery) -> None:
    entries = [asdict(r) for r in read_recoveries(database)] + [asdict(recovery)]
    temporary = recoveries_path(database).with_suffix(".part")
    temporary.write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, recoveries_path(database))


def recover_if_damaged(path: Path, now: datetime, open_fresh) -> Recovery | None:
    """If the database at `path` is damaged: move it aside, let `open_fresh()` create and
    migrate a new one, salvage into it, note and log it. Returns what was done, or None."""
    problem = damage(path)
    if problem is None:
        return None
    moved_to = move_aside(path, now)
    log.error("the database %s is damaged (%s); moved aside to %s", path, problem, moved_to)
    open_fresh()
    copied = salvage(moved_to, path)
    recovery = Recovery(now.isoformat(timespec="seconds"), problem, str(moved_to), copied)
    note_recovery(path, recovery)
    log.error("started with a clean database; salvaged from the damaged one: %s", copied)
    return recovery
