# SPDX-License-Identifier: GPL-3.0-or-later
"""A kiosk asks for the progress of a code it did not take itself (docs/sync-api.md).

The kiosk keeps no contact check of what it did not take (docs/security.md): it asks here,
with the code and the last 4 digits the visitor typed. The same lockout as the phone pages'
progress page guards each code; an unknown code and wrong digits get the same answer.
"""

from __future__ import annotations

import hmac
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from central.api.deps import StationDevice, WriterDep
from central.core.config import CHINA_TIME
from central.models import Appeal
from central.services.guards import LookupLockout
from central.services.phone import find_record, parse_code
from kiosk.domain.mobile import last_four

router = APIRouter(tags=["lookups"])


class LookupQuestion(BaseModel):
    code: str = Field(max_length=20)
    last4: str = Field(max_length=4)


class LookupAnswer(BaseModel):
    found: bool
    # When the code is locked after too many wrong answers (ISO 8601), else None.
    locked_until: str | None = None
    progress: dict[str, Any] | None = None


def _steps(record: Any) -> list[dict[str, str]]:
    return [
        {
            "state": step.state,
            "at": step.at.astimezone(CHINA_TIME).isoformat(timespec="seconds"),
            "note": step.note,
        }
        for step in record.steps
    ]


@router.post("/stations/{station_id}/lookups")
def look_up(
    station_id: str,
    question: LookupQuestion,
    device: StationDevice,
    session: WriterDep,
    request: Request,
) -> LookupAnswer:
    now = datetime.now(UTC)
    lockout: LookupLockout = request.app.state.lookup_lockout
    # A kiosk's wrong answers lock a code for that kiosk (its "address"), as a phone's do.
    address = f"device:{device.id}"
    code = parse_code(question.code)
    if code is None:
        return LookupAnswer(found=False)
    with session.begin():
        until = lockout.locked_until(session, code, address, now)
        if until is not None:
            return LookupAnswer(found=False, locked_until=until.isoformat())
        record = find_record(session, code)
        digits = question.last4
        if (
            record is None
            or len(digits) != 4
            or not (digits.isascii() and digits.isdigit())
            or record.station_id != station_id
            or not hmac.compare_digest(last_four(record.contact_mobile), digits)
        ):
            lockout.record_failure(session, code, address, now)
            return LookupAnswer(found=False)
        if isinstance(record, Appeal):
            progress = {
                "kind": "appeal",
                "state": record.state,
                "due_on": record.due_on.isoformat() if record.due_on else None,
                "category": record.category,
                "request": record.request,
                "steps": _steps(record),
            }
        else:
            progress = {
                "kind": "appointment",
                "state": record.state,
                "deputy_id": record.deputy_id,
                "date": record.day.isoformat(),
                "steps": _steps(record),
            }
    return LookupAnswer(found=True, progress=progress)
