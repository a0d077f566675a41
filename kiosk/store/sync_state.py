# SPDX-License-Identifier: GPL-3.0-or-later
"""What a pull brings besides the station itself: appeal progress, appointments, appeal
categories, the station's figures and the phone-page links; and the sync's own small facts.
(The station, its deputies' PIN hashes and the holiday table are the station snapshot's one
row: kiosk.store.station.)"""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from kiosk.domain.deputy_work import deputy_work_document, deputy_work_from_document
from kiosk.store.models import (
    AppealProgressRow,
    AppealRow,
    AppointmentRow,
    OutboxItemRow,
    SyncStateRow,
)

log = logging.getLogger(__name__)


def get_state(session: Session, key: str) -> str | None:
    row = session.get(SyncStateRow, key)
    return row.value if row else None


def set_state(session: Session, key: str, value: str) -> None:
    session.merge(SyncStateRow(key=key, value=value))


def _forget_finished_checks(session: Session, listed: set[str]) -> None:
    """The contact check of what this kiosk took goes once the server has it and no longer
    lists it (finished over 30 days ago): a lookup of it then asks the server (docs/security.md).

    Statements of a fixed text only: a `NOT IN` of the listed codes would be a new statement at
    every pull (one more code, one more parameter), and SQLite's driver keeps the last 128
    statements of each connection prepared: thousands of parameters each on a busy station,
    ~15 KB more memory per appeal taken, for months (bench/endurance.py, docs/performance.md).
    """
    for row, kind, code in (
        (AppealRow, "appeal", AppealRow.tracking_code),
        (AppointmentRow, "appointment", AppointmentRow.code),
    ):
        sent = select(OutboxItemRow.item_uuid).where(
            OutboxItemRow.kind == kind, OutboxItemRow.sent_at.is_not(None)
        )
        kept = session.scalars(
            select(code).where(row.contact_check.is_not(None), row.uuid.in_(sent))
        )
        gone = [{"gone": value} for value in kept if value not in listed]
        if gone:
            table: Table = row.__table__  # type: ignore[assignment]
            session.execute(
                update(table)
                .where(table.c[code.key] == bindparam("gone"))
                .values(contact_check=None),
                gone,
            )


def apply_extras(session: Session, document: dict[str, Any], pulled_at: str = "") -> None:
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
                    "due_on": date.fromisoformat(due) if due else None,
                    "steps": steps,
                }
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            log.warning("skipped a malformed appeal progress entry: %s", error)
    session.execute(delete(AppealProgressRow))
    if progress:
        # One bulk insert: a large station lists 10,000 appeals, and 10,000 ORM objects
        # cost seconds and the collector's full passes (docs/performance.md).
        session.execute(insert(AppealProgressRow), progress)
    if isinstance(document.get("appeals"), list) and isinstance(document.get("appointments"), list):
        listed = {row["tracking_code"] for row in progress}
        listed |= {str(e.get("code")) for e in document["appointments"] if isinstance(e, dict)}
        _forget_finished_checks(session, listed)

    if isinstance(document.get("categories"), list):
        set_state(session, "categories", json.dumps(document["categories"], ensure_ascii=False))
    if isinstance(document.get("category_phrases"), dict):
        phrases = json.dumps(document["category_phrases"], ensure_ascii=False)
        set_state(session, "category_phrases", phrases)
    if isinstance(document.get("links"), dict):
        set_state(session, "links", json.dumps(document["links"], ensure_ascii=False))
    if isinstance(document.get("appointments"), list):
        from kiosk.store.appointments import apply_pulled

        apply_pulled(session, document["appointments"])
    work = deputy_work_from_document(document.get("deputy_work"))
    if work is not None:  # counts per duty deputy for the console (kiosk.domain.deputy_work)
        set_state(session, "deputy_work", json.dumps(deputy_work_document(work)))
    figures = _statistics(document.get("statistics"))
    if figures is not None:
        set_state(
            session,
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
