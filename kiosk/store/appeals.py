# SPDX-License-Identifier: GPL-3.0-or-later
"""Saving an appeal: the appeal and its outbox event in one transaction (DESIGN.md §5)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kiosk.domain.appeals import Appeal
from kiosk.store import outbox
from kiosk.store.models import AppealRow


def record_appeal(
    session: Session, appeal: Appeal, sealed: bytes, contact_check: str | None = None
) -> None:
    """Add the appeal (personal data only as `sealed`) and its outbox event to the caller's
    transaction: after commit, both are on disk, or neither. `contact_check` lets a progress
    lookup find it before the server has it."""
    session.add(
        AppealRow(
            uuid=appeal.uuid,
            tracking_code=appeal.tracking_code,
            station_id=appeal.station_id,
            category=appeal.category,
            block=appeal.block,
            target_deputy_id=appeal.target_deputy_id,
            sealed=sealed,
            created_at=appeal.created_at,
            state="pending",
            contact_check=contact_check,
            request=appeal.request,
        )
    )
    outbox.add_event(session, "appeal", appeal.uuid, appeal.created_at, appeal.event_body(sealed))
