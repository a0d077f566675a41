# SPDX-License-Identifier: GPL-3.0-or-later
"""The local store's rows (DESIGN.md §4-5): one dataclass per table, its fields the table's
columns (the schema is the migrations'; changing a table needs a migration and this file).

`insert` writes a row, `fetch` and `fetch_one` read rows of a statement's result, converting
the stored forms (kiosk.store.database) by the fields' types: moments, days, JSON lists, flags.
A row read is a plain copy: changing it changes nothing stored (the store's functions say what
to update, in SQL).
"""

from __future__ import annotations

import json
import sqlite3
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, ClassVar, TypeVar

from kiosk.store.database import day, moment, read_day, read_moment


@dataclass
class StationSnapshotRow:
    """The station snapshot: the kiosk's one copy of its station, in one row (kiosk.store.station).

    `document` is kiosk.domain.snapshot's wire form, the station's parts of the last pulled
    document exactly as the server sent them (or the demo's); `rest` and `cursor` are the other
    parts and the document's cursor, the base of the next delta ("" when none is kept).
    """

    TABLE: ClassVar[str] = "station_snapshot"
    document: str  # JSON
    id: int = 1  # always 1
    # JSON list of the photo files not downloaded yet: those deputies show without a photo.
    missing_photos: str = "[]"
    cursor: str = ""
    rest: str = ""  # JSON object, or ""


@dataclass
class AppealRow:
    """A visitor's appeal. Personal data only ever as `sealed` bytes (DESIGN.md §6)."""

    TABLE: ClassVar[str] = "appeal"
    uuid: str
    tracking_code: str
    station_id: str
    category: str
    created_at: datetime
    block: str = ""
    target_deputy_id: str | None = None
    sealed: bytes | None = None
    state: str = "pending"
    # tracking.contact_check (salted argon2id of code + last 4 digits), made here after saving:
    # this kiosk's own lookup, offline too. None until made, and for appeals from before.
    contact_check: str | None = None
    request: str = "appeal"


@dataclass
class OutboxItemRow:
    """Something to send to the central server, written in the same transaction as its item."""

    TABLE: ClassVar[str] = "outbox"
    kind: str  # "appeal", "appointment", ...
    item_uuid: str
    payload: bytes
    created_at: datetime
    id: int | None = None  # given by the database
    attempts: int = 0
    next_attempt_at: datetime | None = None
    sent_at: datetime | None = None
    quarantined_reason: str | None = None


@dataclass
class EnrolmentRow:
    """This kiosk's identity at the central server (one row once enrolled)."""

    TABLE: ClassVar[str] = "enrolment"
    device_id: str
    device_token: str  # "" since issue 17 §13: the token is in a file (kiosk.store.device_token)
    station_id: str
    server_url: str
    server_public_key: str  # base64 X25519
    enrolled_at: datetime


@dataclass
class SyncStateRow:
    """Small facts the sync keeps between runs: snapshot ETag, last pull and push times."""

    TABLE: ClassVar[str] = "sync_state"
    key: str
    value: str


@dataclass
class AppealProgressRow:
    """What the server last said about an appeal taken here: for the progress lookup."""

    TABLE: ClassVar[str] = "appeal_progress"
    tracking_code: str
    state: str
    due_on: date | None = None
    steps: list[dict] = field(default_factory=list)  # state, at, note


@dataclass
class AppointmentRow:
    """An appointment request (约见代表): made here (sealed contact) or pulled from the server."""

    TABLE: ClassVar[str] = "appointment"
    code: str
    deputy_id: str
    date: date
    uuid: str | None = None  # ours; None when only pulled
    schedule_id: str | None = None
    state: str = "requested"
    # As AppealRow.contact_check: only for requests made here.
    contact_check: str | None = None
    sealed: bytes | None = None
    created_at: datetime | None = None
    steps: list[dict] = field(default_factory=list)  # state, at, note


@dataclass
class AttendanceRow:
    """A duty deputy's sign-in or sign-out at this kiosk (its outbox event has the same uuid)."""

    TABLE: ClassVar[str] = "attendance"
    uuid: str
    deputy_id: str
    action: str  # sign_in | sign_out
    reason: str  # pin | closing_time | idle | manual
    at: datetime
    id: int | None = None  # the order they happened in, given by the database


@dataclass
class PinFailureRow:
    """A wrong PIN: kept so that lockouts survive a restart (kiosk.domain.attendance)."""

    TABLE: ClassVar[str] = "pin_failure"
    deputy_id: str
    failed_at: datetime
    id: int | None = None
    # A right PIN ends the deputy's series; the row still counts for the whole pad's pace.
    cleared: bool = False


@dataclass
class ReceptionRecordRow:
    """A reception record's clear part; the notes travel only sealed, in the outbox event."""

    TABLE: ClassVar[str] = "reception_record"
    uuid: str
    deputy_id: str
    created_at: datetime
    visitors: int
    topic: str
    tracking_codes: list[str] = field(default_factory=list)


Row = TypeVar("Row")

_STORED: dict[Any, Callable[[Any], Any]] = {
    datetime: moment,
    date: day,
    bool: int,
    list: json.dumps,
}
_READ: dict[Any, Callable[[Any], Any]] = {
    datetime: read_moment,
    date: read_day,
    bool: bool,
    list: json.loads,
}


_KINDS: dict[type, dict[str, Any]] = {}


def _kinds(row_type: type) -> dict[str, Any]:
    """Each field's type, `X | None` and `list[...]` taken as X and list."""
    if row_type in _KINDS:
        return _KINDS[row_type]
    kinds = {}
    for name, hint in typing.get_type_hints(row_type).items():
        if typing.get_origin(hint) is ClassVar:
            continue
        if isinstance(hint, types.UnionType):  # X | None
            hint = next(a for a in typing.get_args(hint) if a is not type(None))
        kinds[name] = typing.get_origin(hint) or hint
    _KINDS[row_type] = kinds  # whole, then shared: threads may ask at once
    return kinds


def stored(row_type: type, name: str, value: Any) -> Any:
    """`value` of the field `name` as the database keeps it."""
    convert = _STORED.get(_kinds(row_type)[name])
    return value if value is None or convert is None else convert(value)


def insert(connection: sqlite3.Connection, row: Any) -> int:
    """Write `row` to its table; the id the database gave it (fields left None are
    the database's to fill: an integer key)."""
    row_type = type(row)
    names = [f.name for f in fields(row) if not (f.name == "id" and row.id is None)]
    values = [stored(row_type, name, getattr(row, name)) for name in names]
    cursor = connection.execute(
        f"INSERT INTO {row_type.TABLE} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        values,
    )
    return int(cursor.lastrowid or 0)


def from_record(row_type: type[Row], record: sqlite3.Row) -> Row:
    """A row of `row_type` from a result with (at least) its columns, by name."""
    kinds = _kinds(row_type)
    values = {}
    for name in kinds:
        value = record[name]
        convert = _READ.get(kinds[name])
        values[name] = value if value is None or convert is None else convert(value)
    return row_type(**values)


def fetch(
    connection: sqlite3.Connection, row_type: type[Row], sql: str, parameters: Sequence = ()
) -> list[Row]:
    """The rows of `sql` (selecting the table's columns) as `row_type`."""
    return [from_record(row_type, r) for r in connection.execute(sql, parameters)]


def fetch_one(
    connection: sqlite3.Connection, row_type: type[Row], sql: str, parameters: Sequence = ()
) -> Row | None:
    record = connection.execute(sql, parameters).fetchone()
    return None if record is None else from_record(row_type, record)
