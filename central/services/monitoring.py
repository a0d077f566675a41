# SPDX-License-Identifier: GPL-3.0-or-later
"""What /metrics reads from the database: the same for every instance (docs/deploy-central.md)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from central.models import Event, Notice


def database_ok(session: Session) -> bool:
    session.execute(text("SELECT 1"))
    return True


def gauges(session: Session, now: datetime) -> list[tuple[str, str, str, float]]:
    """(name, type, help, value) of the shared figures: intake and the notices' backlog."""
    # The newest event's id grows by one per event taken in: a counter that costs one index
    # read, where count(*) would scan millions of rows.
    intake = session.scalar(select(func.max(Event.id))) or 0
    backlog = dict(
        session.execute(
            select(Notice.state, func.count())
            .where(Notice.state.in_(("pending", "sending")))
            .group_by(Notice.state)
        ).all()
    )
    oldest = session.scalar(
        select(func.min(Notice.due_at)).where(Notice.state == "pending", Notice.due_at <= now)
    )
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=now.tzinfo)
    return [
        ("central_events_received_total", "counter", "Kiosk events taken in (outbox intake).",
         intake),
        ("central_notifications_pending", "gauge", "Notices waiting to be sent.",
         backlog.get("pending", 0)),
        ("central_notifications_sending", "gauge", "Notices a sender holds now.",
         backlog.get("sending", 0)),
        ("central_notifications_oldest_due_seconds", "gauge",
         "How long the oldest due notice has waited (0: none).",
         (now - oldest).total_seconds() if oldest else 0),
    ]  # fmt: skip
