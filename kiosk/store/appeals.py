# SPDX-License-Identifier: GPL-3.0-or-later
"""Saving an appeal: the appeal and its outbox event in one transaction (DESIGN.md §5)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kiosk.domain.appeals import Appeal
from kiosk.domain.events import AppealBody
from kiosk.store import outbox
from kiosk.store.models import AppealRow


def record_appeal(
    session: Session, appeal: Appeal, sealed: bytes, contact_check: str | None = None
) -> None:
    """Add the appeal (personal data only as `sealed`) and its outbox event to the caller's
    transaction: after commit, both are on disk, or neither. `contact_check` (usually set
    later, by `keep_contact_check`) lets this kiosk's progress lookup find it offline."""
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
    body = AppealBody.of(appeal, sealed)
    outbox.add_event(session, body.KIND, appeal.uuid, appeal.created_at, body.to_body())


def keep_contact_check(session: Session, code: str, check: str) -> None:
    """Store the contact check of an appeal or appointment taken here (made after saving: the
    slow hash must not hold up the receipt)."""
    from sqlalchemy import update

    from kiosk.store.models import AppointmentRow

    session.execute(
        update(AppealRow).where(AppealRow.tracking_code == code).values(contact_check=check)
    )
    session.execute(
        update(AppointmentRow)
        .where(AppointmentRow.code == code, AppointmentRow.uuid.is_not(None))
        .values(contact_check=check)
    )
