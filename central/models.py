# SPDX-License-Identifier: GPL-3.0-or-later
"""SQLAlchemy models of the central database. Changing them needs a migration."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kiosk.domain.appeal_states import FINISHED_STATES


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime, stored as UTC; SQLite keeps no offset, so it comes back as UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime}


class Station(Base):
    __tablename__ = "station"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    intro: Mapped[str] = mapped_column(Text, default="")
    rules: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    notices: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    opinions_collected: Mapped[int] = mapped_column(default=0)
    problems_solved: Mapped[int] = mapped_column(default=0)
    satisfaction: Mapped[float | None] = mapped_column(Float)
    # Bumped by every change a snapshot shows, so the server rebuilds a document only then.
    revision: Mapped[int] = mapped_column(default=0)
    # SHA-256 of the secret in the station's calendar feed URL (schedules feed-token).
    calendar_token_hash: Mapped[str | None] = mapped_column(String(64))
    # Where the station hangs in the regions tree (None: seen only by whole-tree accounts).
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    # The station's own photo (its door, its room), uploaded in the console.
    photo_sha256: Mapped[str | None] = mapped_column(ForeignKey("photo.sha256"))


class SnapshotDocument(Base):
    """A station's snapshot document as served (gzipped JSON), kept for every server process.

    A process that finds the station's current revision here serves it without building it
    (the other instances, and this one after a restart); a kiosk that names an older cursor
    gets what changed since that document (docs/sync-api.md). A cache: rows can be deleted
    at any time and are built again. `key` is the day and the document's format
    (api/routes/snapshot.py).
    """

    __tablename__ = "snapshot_document"
    __table_args__ = (Index("ix_snapshot_document_current", "station_id", "key", "revision"),)

    station_id: Mapped[str] = mapped_column(
        ForeignKey("station.id", ondelete="CASCADE"), primary_key=True
    )
    cursor: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(32))
    revision: Mapped[int]
    body: Mapped[bytes] = mapped_column(LargeBinary)
    built_at: Mapped[datetime]


class Photo(Base):
    """A deputy's photo, content-addressed: the same bytes are stored once."""

    __tablename__ = "photo"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    extension: Mapped[str] = mapped_column(String(8))
    content: Mapped[bytes] = mapped_column(LargeBinary)

    @property
    def file_name(self) -> str:
        return f"{self.sha256}.{self.extension}"


class Deputy(Base):
    __tablename__ = "deputy"
    __table_args__ = (UniqueConstraint("station_id", "deputy_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id", ondelete="CASCADE"))
    deputy_id: Mapped[str] = mapped_column(String(64))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(100))
    levels: Mapped[list[str]] = mapped_column(JSON)
    constituency: Mapped[str] = mapped_column(String(200), default="")
    blocks: Mapped[list[str]] = mapped_column(JSON, default=list)
    phone: Mapped[str] = mapped_column(String(64), default="")
    occupation: Mapped[str] = mapped_column(String(200), default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    qr_url: Mapped[str] = mapped_column(Text, default="")
    pinyin: Mapped[str] = mapped_column(String(400), default="", server_default="")
    photo_sha256: Mapped[str | None] = mapped_column(ForeignKey("photo.sha256"))
    pin_hash: Mapped[str | None] = mapped_column(String(200))

    photo: Mapped[Photo | None] = relationship(lazy="joined")


class Schedule(Base):
    __tablename__ = "schedule"
    __table_args__ = (UniqueConstraint("station_id", "schedule_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id", ondelete="CASCADE"))
    schedule_id: Mapped[str] = mapped_column(String(64))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    rule: Mapped[str] = mapped_column(Text)
    start: Mapped[time]
    end: Mapped[time]
    deputy_ids: Mapped[list[str]] = mapped_column(JSON)
    per_occurrence: Mapped[int | None]
    theme: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    rotation: Mapped[str] = mapped_column(String(16), default="list")  # list|station|dates
    roster: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)  # date -> ids
    invited: Mapped[list[str]] = mapped_column(JSON, default=list)  # departments
    # [{date, cancelled | moved_to, start, end, reason}] as in the snapshot document
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    on_holiday: Mapped[str] = mapped_column(String(8), default="flag")  # flag|move


class Holiday(Base):
    """A day off on a weekday (holiday) or a worked weekend day (make-up workday, 调休)."""

    __tablename__ = "holiday"

    day: Mapped[date] = mapped_column(primary_key=True)
    # "holiday" | "workday"; "normal": an ordinary day by hand (hides a seeded entry)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100), default="")
    # Set by staff (holidays set): seeding never overwrites it.
    manual: Mapped[bool] = mapped_column(default=False)


class HolidayYear(Base):
    """A year whose arrangement the table holds in full; other years are "not published"."""

    __tablename__ = "holiday_year"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(32))  # "chinesecalendar" | "manual"


class Category(Base):
    """The appeal categories the kiosks offer (反映问题 → category)."""

    __tablename__ = "category"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    position: Mapped[int]


class EnrolmentCode(Base):
    __tablename__ = "enrolment_code"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id", ondelete="CASCADE"))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    device_id: Mapped[str | None] = mapped_column(String(36))


class Device(Base):
    """An enrolled kiosk. Its token is stored only as a SHA-256 hash."""

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_seen_at: Mapped[datetime | None]
    last_heartbeat: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Event(Base):
    """One outbox event as a kiosk sent it; `uuid` is unique, which makes intake idempotent."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    station_id: Mapped[str] = mapped_column(
        ForeignKey("station.id", ondelete="CASCADE"), index=True
    )
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    kind: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]
    # kind + created_at + body, canonical JSON: what "the same event" means (docs/sync-api.md).
    canonical: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime]


class Appeal(Base):
    __tablename__ = "appeal"
    # The console's inbox: by due date across a scope, or within a station (keyset pages).
    __table_args__ = (
        Index("ix_appeal_due", "due_on", "id"),
        Index("ix_appeal_station_due", "station_id", "due_on", "id"),
        Index("ix_appeal_mobile", "contact_mobile"),
        # A station's snapshot: its open appeals (finished_at NULL) and the recently
        # finished ones; its month's figures: the appeals received this month.
        Index("ix_appeal_station_finished", "station_id", "finished_at"),
        Index("ix_appeal_station_created", "station_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # None for an appeal left on a deputy's phone page (channel "qr"): no kiosk event.
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"), unique=True)
    station_id: Mapped[str] = mapped_column(
        ForeignKey("station.id", ondelete="CASCADE"), index=True
    )
    tracking_code: Mapped[str] = mapped_column(String(16), unique=True)
    # "appeal", or "callback": a visitor who could not type asks to be called (empty text).
    request: Mapped[str] = mapped_column(String(16), default="appeal", server_default="appeal")
    category: Mapped[str] = mapped_column(String(100))
    block: Mapped[str] = mapped_column(String(200), default="")
    target_deputy_id: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16))
    due_on: Mapped[date | None]
    rating: Mapped[str | None] = mapped_column(String(32))
    # The personal part, opened from the kiosk's sealed box at intake.
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_mobile: Mapped[str] = mapped_column(String(32), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    consent: Mapped[bool] = mapped_column(default=False)
    # The console's work on it: the deputy it is assigned to, the department it is referred
    # to, and for a call-back request how the calling went (called, no_answer, done).
    assigned_deputy_id: Mapped[str | None] = mapped_column(String(64))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    callback_status: Mapped[str] = mapped_column(String(16), default="", server_default="")
    # When the visitor's personal data was erased (on request or by retention); the
    # anonymous part (state, category, station, dates) stays for the figures.
    personal_erased_at: Mapped[datetime | None]
    # The first reply to the visitor (the figures' on-time rate and working days to reply).
    first_replied_at: Mapped[datetime | None]
    # When it reached a final state (closed, rated, rejected): the step that finished it;
    # None while it is open (a reopened appeal is open again).
    finished_at: Mapped[datetime | None]

    steps: Mapped[list[AppealStep]] = relationship(
        order_by="AppealStep.id", cascade="all, delete-orphan", lazy="selectin"
    )


class AppealStep(Base):
    """One move of an appeal through its states: when, who, and a note the public may read."""

    __tablename__ = "appeal_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    appeal_id: Mapped[int] = mapped_column(ForeignKey("appeal.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # Never shown to the visitor: for the people working the appeal.
    internal_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))


class Appointment(Base):
    """A request to meet a deputy on one of their reception days (约见代表)."""

    __tablename__ = "appointment"

    id: Mapped[int] = mapped_column(primary_key=True)
    # None for a request made on the phone page (channel "qr").
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"), unique=True)
    station_id: Mapped[str] = mapped_column(
        ForeignKey("station.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(16), unique=True)
    deputy_id: Mapped[str] = mapped_column(String(64))
    day: Mapped[date]
    schedule_id: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16))
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_mobile: Mapped[str] = mapped_column(String(32), default="")
    topic: Mapped[str] = mapped_column(Text, default="")
    personal_erased_at: Mapped[datetime | None]

    steps: Mapped[list[AppointmentStep]] = relationship(
        order_by="AppointmentStep.id", cascade="all, delete-orphan", lazy="selectin"
    )


class AppointmentStep(Base):
    __tablename__ = "appointment_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(
        ForeignKey("appointment.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class LookupFailure(Base):
    """Wrong last-4 answers on a progress lookup, counted per key and fixed time window
    (central.services.guards): too many in a window lock the key until the window ends.

    In the database so a restart resets no lockout and several server processes share the
    counts. A key is an HMAC (no code or address in clear); rows go once their window is over.
    """

    __tablename__ = "lookup_failure"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The window's number (seconds since the epoch divided by its length); not "window",
    # a reserved word in PostgreSQL.
    slot: Mapped[int] = mapped_column(primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    # When the window ends (seconds since the epoch, UTC): the row is deleted after it.
    expires: Mapped[int] = mapped_column(index=True)


class Attendance(Base):
    """A duty deputy's sign-in or sign-out at a station, as a kiosk reported it."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), unique=True)
    station_id: Mapped[str] = mapped_column(
        ForeignKey("station.id", ondelete="CASCADE"), index=True
    )
    deputy_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))  # sign_in | sign_out
    reason: Mapped[str] = mapped_column(String(16))  # pin | closing_time | idle | manual
    at: Mapped[datetime]


class ReceptionRecord(Base):
    """A duty deputy's reception record (接待登记); the notes opened from the kiosk's seal."""

    __tablename__ = "reception_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), unique=True)
    station_id: Mapped[str] = mapped_column(
        ForeignKey("station.id", ondelete="CASCADE"), index=True
    )
    deputy_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    visitors: Mapped[int]
    topic: Mapped[str] = mapped_column(String(100))
    tracking_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")


# -- The console (issue 13): regions, accounts, sessions, departments, audit -----------------


class Region(Base):
    """A node of the regions tree: city → district → street (town); stations hang in it."""

    __tablename__ = "region"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(16))  # city | district | street


class Account(Base):
    """A person who signs in to the console; one role, one scope (a region or a station)."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    mobile: Mapped[str] = mapped_column(String(32), default="")
    # Where notifications by e-mail reach this person (a deputy on assignment; issue 14 §3).
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    role: Mapped[str] = mapped_column(String(16))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"))
    station_id: Mapped[str | None] = mapped_column(ForeignKey("station.id"))
    deputy_id: Mapped[str | None] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(default=True)
    failures: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    lockouts: Mapped[int] = mapped_column(default=0)
    disabled_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    last_login_at: Mapped[datetime | None]


class ConsoleSession(Base):
    """A signed-in browser. The cookie holds a secret; only its SHA-256 is stored."""

    __tablename__ = "console_session"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    address: Mapped[str] = mapped_column(String(64), default="")


class Department(Base):
    """A government department appeals are referred to (转办), managed per region."""

    __tablename__ = "department"
    __table_args__ = (UniqueConstraint("region_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"))
    name: Mapped[str] = mapped_column(String(200))
    # How staff reach it (an office phone, an address) and who answers there (联络人).
    contact: Mapped[str] = mapped_column(String(200), default="", server_default="")
    liaison: Mapped[str] = mapped_column(String(100), default="", server_default="")


class CallbackNote(Base):
    """One try at calling back a visitor who asked for it: called, no_answer or done."""

    __tablename__ = "callback_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    appeal_id: Mapped[int] = mapped_column(ForeignKey("appeal.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    outcome: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Base):
    """Who did what, when, from where: every console action and every reveal of personal data."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    login: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(String(64), default="")


# -- Notifications (issue 14 §3): channels, the outbox of notices, every attempt ------------


class NotificationChannel(Base):
    """Where a region's or a station's notices go: a group robot, an SMS gateway, SMTP."""

    __tablename__ = "notification_channel"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    # webhook_wecom | webhook_dingtalk | sms_gateway | email
    kind: Mapped[str] = mapped_column(String(32))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    station_id: Mapped[str | None] = mapped_column(
        ForeignKey("station.id", ondelete="CASCADE"), index=True
    )
    # The robot's URL, the gateway's URL, or the staff's e-mail addresses (comma-separated).
    target: Mapped[str] = mapped_column(Text)
    # DingTalk's signing secret, the gateway's key, the SMTP password ("" when none).
    secret: Mapped[str] = mapped_column(Text, default="")
    # Per kind: SMS body template, method, headers, success rule, staff mobiles; SMTP server.
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The notice kinds it carries; empty: every kind.
    kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    enabled: Mapped[bool] = mapped_column(default=True)
    # China time "HH:MM"; nothing leaves between them (held until the end). Equal: never quiet.
    quiet_start: Mapped[str] = mapped_column(String(5), default="22:00")
    quiet_end: Mapped[str] = mapped_column(String(5), default="07:30")
    created_at: Mapped[datetime]


class Notice(Base):
    """One message to one channel, written in the transaction of what caused it; the worker
    sends it (docs/notifications.md). Its context holds codes, categories and dates only."""

    __tablename__ = "notice"
    __table_args__ = (Index("ix_notice_state_due", "state", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # appeal_new | assigned | due_list | appointment_new | appointment_answered | test
    kind: Mapped[str] = mapped_column(String(32))
    station_id: Mapped[str | None] = mapped_column(
        ForeignKey("station.id", ondelete="CASCADE"), index=True
    )
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"))
    channel_id: Mapped[int] = mapped_column(
        ForeignKey("notification_channel.id", ondelete="CASCADE"), index=True
    )
    # E-mail addresses or mobiles (staff's and deputies', never a visitor's); [] for a group.
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    context: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    state: Mapped[str] = mapped_column(String(16))  # pending | sending | sent | failed
    created_at: Mapped[datetime]
    due_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")


class NoticeAttempt(Base):
    """One try at sending a notice: when, how it went, and why not (no personal data)."""

    __tablename__ = "notice_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(String(16))  # sent | failed
    error: Mapped[str] = mapped_column(Text, default="")


# -- The deputy's workspace (issue 14 §1) -----------------------------------------------------


class SignInLink(Base):
    """A one-time code station staff hand over so a deputy can sign in the first time (or
    again after a lost phone): valid 24 hours, used once; only its SHA-256 is stored."""

    __tablename__ = "sign_in_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class AppealNote(Base):
    """Something the people working an appeal keep for themselves: an internal note, or that
    the deputy called the visitor (kind "called"). Never shown to the visitor."""

    __tablename__ = "appeal_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    appeal_id: Mapped[int] = mapped_column(ForeignKey("appeal.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    kind: Mapped[str] = mapped_column(String(16))  # note | called
    note: Mapped[str] = mapped_column(Text, default="")


class ReferralProposal(Base):
    """A deputy proposes referring an appeal to a department; staff or the reviewer confirm
    (the appeal is then referred) or decline it."""

    __tablename__ = "referral_proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    appeal_id: Mapped[int] = mapped_column(ForeignKey("appeal.id", ondelete="CASCADE"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    reason: Mapped[str] = mapped_column(Text)
    proposed_by: Mapped[int] = mapped_column(ForeignKey("account.id"))
    proposed_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16), index=True)  # proposed|confirmed|declined
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    decided_at: Mapped[datetime | None]
    answer: Mapped[str] = mapped_column(Text, default="")


# "My items": what a deputy's workspace lists, by due date.
Index("ix_appeal_assigned_due", Appeal.assigned_deputy_id, Appeal.due_on, Appeal.id)
Index("ix_appeal_target_due", Appeal.target_deputy_id, Appeal.due_on, Appeal.id)
Index("ix_appointment_deputy_day", Appointment.deputy_id, Appointment.day)
Index("ix_attendance_deputy_at", Attendance.deputy_id, Attendance.at)
Index("ix_reception_record_deputy_at", ReceptionRecord.deputy_id, ReceptionRecord.at)
# The figures (issue 15 §2): each deputy's sign-ins in order, for the hours on duty.
Index("ix_attendance_station_deputy_at", Attendance.station_id, Attendance.deputy_id, Attendance.at)


class KioskAlert(Base):
    """An alert fired about a kiosk (silent too long, records it cannot send). Open until the
    kiosk is well again (`cleared_at`), so one episode fires one alert."""

    __tablename__ = "kiosk_alert"
    __table_args__ = (Index("ix_kiosk_alert_open", "device_id", "kind", "cleared_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # silent | quarantined
    fired_at: Mapped[datetime]
    cleared_at: Mapped[datetime | None]
    message: Mapped[str] = mapped_column(Text, default="")


# -- Publishing (issue 15 §1): a region's own categories, response templates -----------------


class RegionCategory(Base):
    """A region's own list of appeal categories. A station offers the list of the nearest
    region above it that has one, else the shared list (`Category`)."""

    __tablename__ = "region_category"
    __table_args__ = (UniqueConstraint("region_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int]


class ResponseTemplate(Base):
    """Words that start a step's note in the appeal page (accept, reject, reply, feedback,
    close), for one category or every one ("" ), of a region or shared (region None)."""

    __tablename__ = "response_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int | None] = mapped_column(
        ForeignKey("region.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str] = mapped_column(String(100), default="")
    step: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)


@event.listens_for(Appeal, "before_insert")
def _finished_when_stored_finished(_mapper: Any, _connection: Any, appeal: Appeal) -> None:
    """An appeal stored already finished (an import, a test's data) gets its finished_at
    from its last step, as the migration gave existing ones; services.appeals.move_appeal
    keeps it for every later move."""
    if appeal.finished_at is None and appeal.state in FINISHED_STATES:
        appeal.finished_at = max((step.at for step in appeal.steps), default=appeal.created_at)
