# SPDX-License-Identifier: GPL-3.0-or-later
"""An event as a kiosk sends it (docs/sync-api.md) and the readers of its body: what the
handler of every kind (the registry in services/events.py) shares.

A reader raises InvalidEvent with the reason the kiosk gets back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from nacl.public import PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.security import UnsealError, open_sealed
from central.models import Deputy
from kiosk.domain.events import InvalidBody, code_field, text_field

__all__ = [
    "IncomingEvent",
    "InvalidEvent",
    "check_on_roster",
    "code_field",
    "open_personal",
    "text_field",
]


# The reason a kiosk gets back for an event the server cannot take (kiosk.domain.events).
InvalidEvent = InvalidBody


@dataclass(frozen=True)
class IncomingEvent:
    uuid: str
    kind: str
    created_at: datetime
    body: dict[str, Any]
    canonical: str


def open_personal(sealed: str, key: PrivateKey) -> Any:
    """A body's sealed personal part (base64), opened; the domain's `from_personal` checks its
    fields."""
    try:
        return open_sealed(key, sealed)
    except UnsealError as error:
        raise InvalidEvent(f"body.{error}") from None


def check_on_roster(session: Session, station_id: str, deputy_id: str) -> None:
    """A deputy's sign-in, record or answer names a deputy of the sending kiosk's station (a
    device token speaks for its own station only; issue 17 §13)."""
    found = session.scalar(
        select(Deputy.id).where(Deputy.station_id == station_id, Deputy.deputy_id == deputy_id)
    )
    if found is None:
        raise InvalidEvent("body.deputy_id: not a deputy of this station")
