# SPDX-License-Identifier: GPL-3.0-or-later
"""Saving an appeal: the appeal and its outbox event in one transaction (DESIGN.md §5)."""

from __future__ import annotations

from sqlite3 import Connection

from kiosk.domain.appeals import Appeal
from kiosk.domain.events import AppealBody
from kiosk.store import outbox
from kiosk.store.rows import AppealRow, insert


def record_appeal(
    connection: Connection, appeal: Appeal, sealed: bytes, contact_check: str | None = None
) -> None:
    """Add the appeal (personal data only as `sealed`) and its outbox event to the caller's
    transaction: after commit, both are on disk, or neither. `contact_check` (usually set
    later, by `keep_contact_check`) lets this kiosk's progress lookup find it offline."""
    insert(
        connection,
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
        ),
    )
    body = AppealBody.of(appeal, sealed)
    outbox.add_event(connection, body.KIND, appeal.uuid, appeal.created_at, body.to_body())


def keep_contact_check(connection: Connection, code: str, check: str) -> None:
    """Store the contact check of an appeal or appointment taken here (made after saving: the
    slow hash must not hold up the receipt)."""
    connection.execute("UPDATE appeal SET contact_check = ? WHERE tracking_code = ?", (check, code))
    connection.execute(
        "UPDATE appointment SET contact_check = ? WHERE code = ? AND uuid IS NOT NULL",
        (check, code),
    )
