# SPDX-License-Identifier: GPL-3.0-or-later
"""The outbox: what the kiosk owes the central server, kept until the server acknowledges it.

An item is written in the same transaction as the thing it reports (DESIGN.md §5). Its payload
is the exact event the server will receive (docs/sync-api.md), as UTF-8 JSON bytes, so that a
resend after a crash is byte-identical. An item leaves the queue only when the server says
`created` or `duplicate`; `invalid` and `conflict` quarantine it (kept, shown to technicians).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from sqlite3 import Connection
from typing import Any

from kiosk.store.database import moment, read_moment
from kiosk.store.rows import OutboxItemRow, fetch, insert


@dataclass(frozen=True)
class OutboxCounts:
    pending: int
    sent: int
    quarantined: int


def add_event(
    connection: Connection, kind: str, uuid: str, created_at: datetime, body: dict[str, Any]
) -> None:
    """Queue an event in the caller's transaction (the one that saves what it reports)."""
    event = {"uuid": uuid, "kind": kind, "created_at": created_at.isoformat(), "body": body}
    insert(
        connection,
        OutboxItemRow(
            kind=kind,
            item_uuid=uuid,
            payload=json.dumps(event, ensure_ascii=False, sort_keys=True).encode("utf-8"),
            created_at=created_at,
        ),
    )


def due_batch(connection: Connection, now: datetime, limit: int) -> list[OutboxItemRow]:
    """The oldest unsent, unquarantined items whose retry time has come."""
    return fetch(
        connection,
        OutboxItemRow,
        "SELECT * FROM outbox WHERE sent_at IS NULL AND quarantined_reason IS NULL"
        " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?",
        (moment(now), limit),
    )


def mark_sent(connection: Connection, items: list[OutboxItemRow], now: datetime) -> None:
    """The server has these: mark them sent and purge the personal data they carried.

    One statement of a fixed text per table, run for each item (executemany): a statement
    listing the ids would be a new text for every batch size (docs/performance.md)."""
    if not items:
        return
    connection.executemany(
        "UPDATE outbox SET sent_at = ?, payload = x'' WHERE id = ?",
        [(moment(now), item.id) for item in items],
    )
    for kind, table in (("appeal", "appeal"), ("appointment", "appointment")):
        uuids = [(item.item_uuid,) for item in items if item.kind == kind]
        if uuids:
            connection.executemany(f"UPDATE {table} SET sealed = NULL WHERE uuid = ?", uuids)


def quarantine(connection: Connection, item_id: int, reason: str) -> None:
    connection.execute(
        "UPDATE outbox SET quarantined_reason = ? WHERE id = ?", (reason[:2000], item_id)
    )


def note_attempt(connection: Connection, ids: list[int], retry_at: datetime) -> None:
    """A send failed for want of the server: count it and wait until `retry_at`."""
    connection.executemany(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
        [(moment(retry_at), item_id) for item_id in ids],
    )


def release_waiting(connection: Connection) -> None:
    """Make every waiting item due now ("sync now", or the network came back)."""
    connection.execute(
        "UPDATE outbox SET next_attempt_at = NULL"
        " WHERE sent_at IS NULL AND next_attempt_at IS NOT NULL"
    )


def counts(connection: Connection) -> OutboxCounts:
    row = connection.execute(
        "SELECT count(*) FILTER (WHERE sent_at IS NULL AND quarantined_reason IS NULL),"
        " count(*) FILTER (WHERE sent_at IS NOT NULL),"
        " count(*) FILTER (WHERE quarantined_reason IS NOT NULL) FROM outbox"
    ).fetchone()
    return OutboxCounts(*row)


# What a quarantined item's reason may say in a heartbeat: the server's words about fields
# ("body.category: empty"), never a visitor's data. Long runs of digits (a mobile number an
# error might quote) are masked all the same, and the text is cut short.
QUARANTINE_REPORT_LIMIT = 20
_DIGIT_RUNS = re.compile(r"\d{6,}")


def quarantined_items(connection: Connection, limit: int = QUARANTINE_REPORT_LIMIT) -> list[dict]:
    """The newest quarantined items as the heartbeat reports them: kind, reason, when made."""
    rows = connection.execute(
        "SELECT kind, quarantined_reason, created_at FROM outbox"
        " WHERE quarantined_reason IS NOT NULL ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return [
        {
            "kind": kind,
            "reason": _DIGIT_RUNS.sub("…", reason or "")[:300],
            "created_at": created_at.isoformat() if (created_at := read_moment(made)) else None,
        }
        for kind, reason, made in rows
    ]
