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
from kiosk.domain.tracking import InvalidTrackingCode, parse_tracking_code


class InvalidEvent(ValueError):
    """An event the server cannot take; the message is the reason sent back to the kiosk."""


@dataclass(frozen=True)
class IncomingEvent:
    uuid: str
    kind: str
    created_at: datetime
    body: dict[str, Any]
    canonical: str


def text_field(
    body: dict[str, Any], key: str, limit: int, where: str, required: bool = True
) -> str:
    value = body.get(key, None if required else "")
    if not isinstance(value, str):
        raise InvalidEvent(f"{where}{key}: {'missing or ' if required else ''}not a text")
    if len(value) > limit:
        raise InvalidEvent(f"{where}{key}: longer than {limit} characters")
    return value


def code_field(body: dict[str, Any], key: str) -> str:
    try:
        return parse_tracking_code(text_field(body, key, 16, "body."))
    except InvalidTrackingCode as error:
        raise InvalidEvent(f"body.{key}: {error}") from None


def sealed_fields(body: dict[str, Any], key: PrivateKey, limits: dict[str, int]) -> dict[str, str]:
    """The sealed personal part of a body, opened and checked (consent included)."""
    sealed = body.get("sealed")
    if not isinstance(sealed, str):
        raise InvalidEvent("body.sealed: missing or not a text")
    try:
        personal = open_sealed(key, sealed)
    except UnsealError as error:
        raise InvalidEvent(f"body.{error}") from None
    if not isinstance(personal, dict):
        raise InvalidEvent("body.sealed: the personal part is not an object")
    fields = {name: text_field(personal, name, limit, "sealed.") for name, limit in limits.items()}
    if personal.get("consent") is not True:
        raise InvalidEvent("sealed.consent: the visitor's consent is missing")
    return fields


def check_on_roster(session: Session, station_id: str, deputy_id: str) -> None:
    """A deputy's sign-in, record or answer names a deputy of the sending kiosk's station (a
    device token speaks for its own station only; issue 17 §13)."""
    found = session.scalar(
        select(Deputy.id).where(Deputy.station_id == station_id, Deputy.deputy_id == deputy_id)
    )
    if found is None:
        raise InvalidEvent("body.deputy_id: not a deputy of this station")
