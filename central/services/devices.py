# SPDX-License-Identifier: GPL-3.0-or-later
"""Enrolment codes and the devices (kiosks) enrolled with them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from central.core.config import ENROLMENT_CODE_DAYS
from central.core.security import (
    new_device_token,
    new_enrolment_code,
    normalise_enrolment_code,
    token_hash,
)
from central.models import Device, EnrolmentCode


class EnrolmentRefused(ValueError):
    """A code that does not enrol a device; the message says why in plain words."""


def issue_enrolment_code(
    session: Session, station_id: str, days: int = ENROLMENT_CODE_DAYS
) -> tuple[str, datetime]:
    """A new one-time code for `station_id` and when it expires. Only its hash is stored."""
    code = new_enrolment_code()
    now = datetime.now(UTC)
    expires_at = now + timedelta(days=days)
    session.add(
        EnrolmentCode(
            code_hash=token_hash(normalise_enrolment_code(code)),
            station_id=station_id,
            created_at=now,
            expires_at=expires_at,
        )
    )
    return code, expires_at


@dataclass(frozen=True)
class Enrolment:
    device_id: str
    device_token: str
    station_id: str


def enrol(
    session: Session,
    code: str,
    device_name: str,
    device_id: str | None = None,
    device_token: str | None = None,
) -> Enrolment:
    """Trade a one-time code for a device. A kiosk that made its `device_id` and
    `device_token` itself can post the same request again when the answer was lost: the
    retry gets the same device, not "already used" (issue 12 §4)."""
    now = datetime.now(UTC)
    code_hash = token_hash(normalise_enrolment_code(code))
    row = session.get(EnrolmentCode, code_hash)
    if row is None:
        raise EnrolmentRefused("This enrolment code is unknown. Check it or ask for a new one.")
    if row.used_at is not None:
        earlier = _same_enrolment(session, row, device_id, device_token)
        if earlier is not None:
            return earlier
        raise EnrolmentRefused("This enrolment code was already used. Ask for a new one.")
    if row.expires_at <= now:
        raise EnrolmentRefused("This enrolment code has expired. Ask for a new one.")
    if device_id is not None and session.get(Device, device_id) is not None:
        raise EnrolmentRefused("This device is enrolled already. Ask for a new code.")
    device_id = device_id or str(uuid.uuid4())
    # Conditional update: of two kiosks racing with one code, exactly one gets it.
    taken = cast(
        CursorResult[Any],
        session.execute(
            update(EnrolmentCode)
            .where(EnrolmentCode.code_hash == code_hash, EnrolmentCode.used_at.is_(None))
            .values(used_at=now, device_id=device_id)
        ),
    )
    if taken.rowcount != 1:
        raise EnrolmentRefused("This enrolment code was already used. Ask for a new one.")
    token = device_token or new_device_token()
    session.add(
        Device(
            id=device_id,
            station_id=row.station_id,
            name=device_name,
            token_hash=token_hash(token),
            enrolled_at=now,
        )
    )
    return Enrolment(device_id=device_id, device_token=token, station_id=row.station_id)


def _same_enrolment(
    session: Session, row: EnrolmentCode, device_id: str | None, device_token: str | None
) -> Enrolment | None:
    """The enrolment `row` made, if this request is its retry: same device id, same token."""
    if not device_id or not device_token or row.device_id != device_id:
        return None
    device = session.get(Device, device_id)
    if device is None or device.revoked_at is not None:
        return None
    if device.token_hash != token_hash(device_token):
        return None
    return Enrolment(device_id=device_id, device_token=device_token, station_id=row.station_id)


def device_for_token(session: Session, token: str) -> Device | None:
    """The enrolled, not revoked device holding `token`."""
    return session.scalars(
        select(Device).where(Device.token_hash == token_hash(token), Device.revoked_at.is_(None))
    ).one_or_none()


def list_devices(session: Session, station_id: str | None = None) -> list[Device]:
    """Enrolled kiosks (of one station, if given), in the order they enrolled."""
    query = select(Device).order_by(Device.enrolled_at)
    if station_id:
        query = query.where(Device.station_id == station_id)
    return list(session.scalars(query))


def revoke_device(session: Session, device_id: str) -> tuple[Device, bool] | None:
    """Revoke a kiosk's token: (the device, False if it was revoked already); None if unknown."""
    device = session.get(Device, device_id)
    if device is None:
        return None
    if device.revoked_at is not None:
        return device, False
    device.revoked_at = datetime.now(UTC)
    return device, True


def record_heartbeat(
    session: Session, device_id: str, heartbeat: dict[str, Any], now: datetime
) -> None:
    """A kiosk said how it is doing: kept, with when (one statement: kiosks send it often)."""
    session.execute(
        update(Device)
        .where(Device.id == device_id)
        .values(last_seen_at=now, last_heartbeat=heartbeat)
    )
