# SPDX-License-Identifier: GPL-3.0-or-later
"""Appointment requests (约见代表): a visitor asks to meet a deputy on a reception day.

As with appeals, the visitor's personal part (name, mobile, topic) is sealed for the server
before it is stored; the kiosk keeps the code, deputy, date and state in the clear.
"""

from __future__ import annotations

import base64
import uuid as uuid_module
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kiosk.domain.tracking import new_tracking_code

STATES = ("requested", "confirmed", "declined", "done")


@dataclass(frozen=True)
class Appointment:
    uuid: str
    code: str
    deputy_id: str
    date: date
    schedule_id: str | None
    created_at: datetime
    channel: str = "kiosk"

    @classmethod
    def new(
        cls, deputy_id: str, day: date, schedule_id: str | None, created_at: datetime
    ) -> Appointment:
        return cls(
            uuid=str(uuid_module.uuid4()),
            code=new_tracking_code(),
            deputy_id=deputy_id,
            date=day,
            schedule_id=schedule_id,
            created_at=created_at,
        )

    def event_body(self, sealed: bytes) -> dict[str, Any]:
        """The body of the `appointment` outbox event (docs/sync-api.md)."""
        return {
            "code": self.code,
            "deputy_id": self.deputy_id,
            "date": self.date.isoformat(),
            "schedule_id": self.schedule_id,
            "channel": self.channel,
            "sealed": base64.b64encode(sealed).decode("ascii"),
        }
