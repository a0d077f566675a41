# SPDX-License-Identifier: GPL-3.0-or-later
"""SQLAlchemy models of the local store (DESIGN.md §4-5). Changing them needs a migration."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class StationSnapshotRow(Base):
    """The station snapshot: the kiosk's one copy of its station, in one row (kiosk.store.station).

    `document` is kiosk.domain.snapshot's wire form, the station's parts of the last pulled
    document exactly as the server sent them (or the demo's); `rest` and `cursor` are the other
    parts and the document's cursor, the base of the next delta ("" when none is kept).
    """

    __tablename__ = "station_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # always 1
    document: Mapped[str] = mapped_column(Text)  # JSON
    # JSON list of the photo files not downloaded yet: those deputies show without a photo.
    missing_photos: Mapped[str] = mapped_column(Text, default="[]")
    cursor: Mapped[str] = mapped_column(String(100), default="")
    rest: Mapped[str] = mapped_column(Text, default="")  # JSON object, or ""


class AppealRow(Base):
    """A visitor's appeal. Personal data only ever as `sealed` bytes (DESIGN.md §6)."""

    __tablename__ = "appeal"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    tracking_code: Mapped[str] = mapped_column(String(9), unique=True)
    station_id: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(100))
    block: Mapped[str] = mapped_column(String(200), default="")
    target_deputy_id: Mapped[str | None] = mapped_column(String(64))
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(32), default="pending")
    # tracking.contact_check (salted argon2id of code + last 4 digits), made here after saving:
    # this kiosk's own lookup, offline too. None until made, and for appeals from before.
    contact_check: Mapped[str | None] = mapped_column(String(200))
    request: Mapped[str] = mapped_column(String(16), default="appeal")


class OutboxItemRow(Base):
    """Something to send to the central server, written in the same transaction as its item."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("kind", "item_uuid"),
        Index("ix_outbox_pending", "sent_at", "quarantined_reason", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # "appeal", "appointment", ...
    item_uuid: Mapped[str] = mapped_column(String(36))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    quarantined_reason: Mapped[str | None] = mapped_column(Text)


class EnrolmentRow(Base):
    """This kiosk's identity at the central server (one row once enrolled)."""

    __tablename__ = "enrolment"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_token: Mapped[str] = mapped_column(String(200))
    station_id: Mapped[str] = mapped_column(String(64))
    server_url: Mapped[str] = mapped_column(String(500))
    server_public_key: Mapped[str] = mapped_column(String(100))  # base64 X25519
    enrolled_at: Mapped[datetime]


class SyncStateRow(Base):
    """Small facts the sync keeps between runs: snapshot ETag, last pull and push times."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AppealProgressRow(Base):
    """What the server last said about an appeal taken here: for the progress lookup."""

    __tablename__ = "appeal_progress"

    tracking_code: Mapped[str] = mapped_column(String(9), primary_key=True)
    state: Mapped[str] = mapped_column(String(32))
    due_on: Mapped[date | None]
    steps: Mapped[list[dict]] = mapped_column(JSON, default=list)  # state, at, note


class AppointmentRow(Base):
    """An appointment request (约见代表): made here (sealed contact) or pulled from the server."""

    __tablename__ = "appointment"
    __table_args__ = (Index("ix_appointment_deputy_date", "deputy_id", "date"),)

    code: Mapped[str] = mapped_column(String(9), primary_key=True)
    uuid: Mapped[str | None] = mapped_column(String(36))  # ours; None when only pulled
    deputy_id: Mapped[str] = mapped_column(String(64))
    date: Mapped[date]
    schedule_id: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default="requested")
    # As AppealRow.contact_check: only for requests made here.
    contact_check: Mapped[str | None] = mapped_column(String(200))
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime | None]
    steps: Mapped[list[dict]] = mapped_column(JSON, default=list)  # state, at, note


class AttendanceRow(Base):
    """A duty deputy's sign-in or sign-out at this kiosk (its outbox event has the same uuid)."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)  # the order they happened in
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    deputy_id: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(16))  # sign_in | sign_out
    reason: Mapped[str] = mapped_column(String(16))  # pin | closing_time | idle | manual
    at: Mapped[datetime] = mapped_column(index=True)


class PinFailureRow(Base):
    """A wrong PIN: kept so that lockouts survive a restart (kiosk.domain.attendance)."""

    __tablename__ = "pin_failure"

    id: Mapped[int] = mapped_column(primary_key=True)
    deputy_id: Mapped[str] = mapped_column(String(64), index=True)
    failed_at: Mapped[datetime] = mapped_column(index=True)
    # A right PIN ends the deputy's series; the row still counts for the whole pad's pace.
    cleared: Mapped[bool] = mapped_column(default=False)


class ReceptionRecordRow(Base):
    """A reception record's clear part; the notes travel only sealed, in the outbox event."""

    __tablename__ = "reception_record"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    deputy_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(index=True)
    visitors: Mapped[int]
    topic: Mapped[str] = mapped_column(String(100))
    tracking_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
