# SPDX-License-Identifier: GPL-3.0-or-later
"""SQLAlchemy models of the local store (DESIGN.md §4-5). Changing them needs a migration."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Float, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class StationRow(Base):
    __tablename__ = "station"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    intro: Mapped[str] = mapped_column(Text, default="")
    opinions_collected: Mapped[int] = mapped_column(default=0)
    problems_solved: Mapped[int] = mapped_column(default=0)
    satisfaction: Mapped[float | None] = mapped_column(Float)

    rules: Mapped[list[StationRuleRow]] = relationship(
        order_by="StationRuleRow.position", cascade="all, delete-orphan"
    )
    notices: Mapped[list[NoticeRow]] = relationship(
        order_by="NoticeRow.position", cascade="all, delete-orphan"
    )


class StationRuleRow(Base):
    __tablename__ = "station_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id", ondelete="CASCADE"))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)


class NoticeRow(Base):
    __tablename__ = "notice"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id", ondelete="CASCADE"))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    published_on: Mapped[date]


class DeputyRow(Base):
    __tablename__ = "deputy"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(100))
    levels: Mapped[str] = mapped_column(String(100))  # "national,city"
    constituency: Mapped[str] = mapped_column(String(200), default="")
    blocks: Mapped[list[str]] = mapped_column(JSON, default=list)
    phone: Mapped[str] = mapped_column(String(64), default="")
    occupation: Mapped[str] = mapped_column(String(200), default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    photo: Mapped[str] = mapped_column(String(200), default="")
    qr_url: Mapped[str] = mapped_column(String(500), default="")
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    pinyin: Mapped[list[str]] = mapped_column(JSON, default=list)  # the name's, per character


class ReceptionScheduleRow(Base):
    __tablename__ = "reception_schedule"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id", ondelete="CASCADE"))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    theme: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    rule: Mapped[str] = mapped_column(Text)  # RFC 5545: DTSTART, RRULE, RDATE, EXDATE lines
    start_time: Mapped[str] = mapped_column(String(5))  # "09:00"
    end_time: Mapped[str] = mapped_column(String(5))
    deputy_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    per_occurrence: Mapped[int | None]
    rotation: Mapped[str] = mapped_column(String(16), default="list")  # list|station|dates
    roster: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)  # date -> ids
    invited: Mapped[list[str]] = mapped_column(JSON, default=list)  # departments
    # [{date, cancelled | moved_to, start, end, reason}] as in the snapshot document
    changes: Mapped[list[dict]] = mapped_column(JSON, default=list)
    on_holiday: Mapped[str] = mapped_column(String(8), default="flag")  # flag|move


class HolidayRow(Base):
    """A public holiday or a make-up workday (调休), from the server's holiday table."""

    __tablename__ = "holiday"

    day: Mapped[date] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "holiday" | "workday"
    name: Mapped[str] = mapped_column(String(100), default="")


class HolidayYearRow(Base):
    """A year the holiday table covers; a year missing here has no published data."""

    __tablename__ = "holiday_year"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)


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
