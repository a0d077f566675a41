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
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from kiosk.store.models import AppealRow, AppointmentRow, OutboxItemRow


@dataclass(frozen=True)
class OutboxCounts:
    pending: int
    sent: int
    quarantined: int


def add_event(
    session: Session, kind: str, uuid: str, created_at: datetime, body: dict[str, Any]
) -> None:
    """Queue an event in the caller's transaction (the one that saves what it reports)."""
    event = {"uuid": uuid, "kind": kind, "created_at": created_at.isoformat(), "body": body}
    session.add(
        OutboxItemRow(
            kind=kind,
            item_uuid=uuid,
            payload=json.dumps(event, ensure_ascii=False, sort_keys=True).encode("utf-8"),
            created_at=created_at,
        )
    )


def due_batch(session: Session, now: datetime, limit: int) -> list[OutboxItemRow]:
    """The oldest unsent, unquarantined items whose retry time has come."""
    return list(
        session.scalars(
            select(OutboxItemRow)
            .where(
                OutboxItemRow.sent_at.is_(None),
                OutboxItemRow.quarantined_reason.is_(None),
                or_(OutboxItemRow.next_attempt_at.is_(None), OutboxItemRow.next_attempt_at <= now),
            )
            .order_by(OutboxItemRow.id)
            .limit(limit)
        )
    )


def mark_sent(session: Session, items: list[OutboxItemRow], now: datetime) -> None:
    """The server has these: mark them sent and purge the personal data they carried."""
    if not items:
        return
    session.execute(
        update(OutboxItemRow)
        .where(OutboxItemRow.id.in_([item.id for item in items]))
        .values(sent_at=now, payload=b"")
    )
    appeals = [item.item_uuid for item in items if item.kind == "appeal"]
    if appeals:
        session.execute(update(AppealRow).where(AppealRow.uuid.in_(appeals)).values(sealed=None))
    appointments = [item.item_uuid for item in items if item.kind == "appointment"]
    if appointments:
        session.execute(
            update(AppointmentRow).where(AppointmentRow.uuid.in_(appointments)).values(sealed=None)
        )


def quarantine(session: Session, item_id: int, reason: str) -> None:
    session.execute(
        update(OutboxItemRow)
        .where(OutboxItemRow.id == item_id)
        .values(quarantined_reason=reason[:2000])
    )


def note_attempt(session: Session, ids: list[int], retry_at: datetime) -> None:
    """A send failed for want of the server: count it and wait until `retry_at`."""
    if ids:
        session.execute(
            update(OutboxItemRow)
            .where(OutboxItemRow.id.in_(ids))
            .values(attempts=OutboxItemRow.attempts + 1, next_attempt_at=retry_at)
        )


def release_waiting(session: Session) -> None:
    """Make every waiting item due now ("sync now", or the network came back)."""
    session.execute(
        update(OutboxItemRow)
        .where(OutboxItemRow.sent_at.is_(None), OutboxItemRow.next_attempt_at.is_not(None))
        .values(next_attempt_at=None)
    )


def counts(session: Session) -> OutboxCounts:
    rows = session.execute(
        select(
            func.count().filter(
                OutboxItemRow.sent_at.is_(None), OutboxItemRow.quarantined_reason.is_(None)
            ),
            func.count().filter(OutboxItemRow.sent_at.is_not(None)),
            func.count().filter(OutboxItemRow.quarantined_reason.is_not(None)),
        )
    ).one()
    return OutboxCounts(*rows)


# What a quarantined item's reason may say in a heartbeat: the server's words about fields
# ("body.category: empty"), never a visitor's data. Long runs of digits (a mobile number an
# error might quote) are masked all the same, and the text is cut short.
QUARANTINE_REPORT_LIMIT = 20
_DIGIT_RUNS = re.compile(r"\d{6,}")


def quarantined_items(session: Session, limit: int = QUARANTINE_REPORT_LIMIT) -> list[dict]:
    """The newest quarantined items as the heartbeat reports them: kind, reason, when made."""
    rows = session.execute(
        select(OutboxItemRow.kind, OutboxItemRow.quarantined_reason, OutboxItemRow.created_at)
        .where(OutboxItemRow.quarantined_reason.is_not(None))
        .order_by(OutboxItemRow.id.desc())
        .limit(limit)
    ).all()
    return [
        {
            "kind": kind,
            "reason": _DIGIT_RUNS.sub("…", reason or "")[:300],
            "created_at": created_at.isoformat() if created_at else None,
        }
        for kind, reason, created_at in rows
    ]
