# SPDX-License-Identifier: GPL-3.0-or-later
"""What a pull brings besides the station itself: appeal progress, appointments, deputies'
PIN hashes, appeal categories, the holiday table and the phone-page links; and the sync's own
small facts."""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from kiosk.store.models import AppealProgressRow, DeputyRow, SyncStateRow

log = logging.getLogger(__name__)


def get_state(session: Session, key: str) -> str | None:
    row = session.get(SyncStateRow, key)
    return row.value if row else None


def set_state(session: Session, key: str, value: str) -> None:
    session.merge(SyncStateRow(key=key, value=value))


def apply_extras(session: Session, document: dict[str, Any]) -> None:
    """Store the parts of a pulled snapshot outside the station document, in the caller's
    transaction. Malformed entries are skipped with a log line; they never stop the pull."""
    progress = []
    for entry in document.get("appeals") or []:
        try:
            due = entry.get("due_on")
            check = entry.get("contact_check")
            steps = [
                {"state": str(s["state"]), "at": str(s["at"]), "note": str(s.get("note", ""))}
                for s in entry.get("steps") or []
            ]
            progress.append(
                AppealProgressRow(
                    tracking_code=str(entry["tracking_code"])[:9],
                    state=str(entry["state"])[:32],
                    due_on=date.fromisoformat(due) if due else None,
                    steps=steps,
                    contact_check=check[:64] if isinstance(check, str) else None,
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            log.warning("skipped a malformed appeal progress entry: %s", error)
    session.execute(delete(AppealProgressRow))
    session.add_all(progress)

    for deputy in document.get("deputies") or []:
        if isinstance(deputy, dict) and isinstance(deputy.get("id"), str):
            pin_hash = deputy.get("pin_hash")
            session.execute(
                update(DeputyRow)
                .where(DeputyRow.id == deputy["id"])
                .values(pin_hash=pin_hash if isinstance(pin_hash, str) else None)
            )
    for key in ("categories", "holidays"):
        if isinstance(document.get(key), list):
            set_state(session, key, json.dumps(document[key], ensure_ascii=False))
    if isinstance(document.get("links"), dict):
        set_state(session, "links", json.dumps(document["links"], ensure_ascii=False))
    if isinstance(document.get("appointments"), list):
        from kiosk.store.appointments import apply_pulled

        apply_pulled(session, document["appointments"])
