# SPDX-License-Identifier: GPL-3.0-or-later
"""A visitor's appeal, call-back request or appointment request: saved durably, with its
receipt.

One transaction each: the appeal or appointment, its sealed personal part and its outbox
event together; the receipt exists only once they are committed (DESIGN.md §5). The fields
were checked step by step by the form (kiosk.domain.contact); what comes here is final.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from kiosk.domain.appeals import DEFAULT_CATEGORIES, Appeal
from kiosk.domain.appointments import Appointment
from kiosk.domain.contact import normalise_phone
from kiosk.domain.deadlines import reply_due
from kiosk.domain.events import AppealPersonal, AppointmentPersonal
from kiosk.domain.mobile import last_four
from kiosk.domain.stationtime import attach_zone
from kiosk.domain.tracking import contact_check
from kiosk.services.links import progress_link
from kiosk.services.sealing import sealing_key
from kiosk.store import appeals, appointments
from kiosk.store.database import Database
from kiosk.store.sealing import seal
from kiosk.store.station import holiday_table
from kiosk.store.sync_state import get_state

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppealRequest:
    """An appeal ("appeal") or a call-back request ("callback"), as the visitor entered it."""

    request: str  # "appeal" | "callback"
    station_id: str
    category: str
    phone: str
    text: str = ""
    block: str = ""
    deputy_id: str = ""  # the deputy asked for, or "" for any
    name: str = ""


@dataclass(frozen=True)
class AppointmentRequest:
    """A request to meet a deputy on one of their reception days."""

    deputy_id: str
    day: date
    schedule_id: str
    name: str
    phone: str
    topic: str


@dataclass(frozen=True)
class Receipt:
    """What the visitor takes away: the tracking code, the phone page (or "" when this kiosk
    does not know the server's yet: kiosk/services/links.py) and, for an appeal, the day a
    reply is due."""

    kind: str  # "appeal" | "callback" | "appointment"
    code: str
    progress_url: str
    reply_by: date | None
    last4: str  # for the contact check kept afterwards (`keep_contact_check`)


class NotSaved(Exception):
    """Nothing was saved; `reason` says why in one word: "not_enrolled" (no key to seal to),
    "disk_full" or "database"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Intake:
    """Saves what visitors submit, on any thread (each call its own transaction, on that
    thread's connection)."""

    def __init__(
        self,
        database: Database,
        demo: bool,
        now: Callable[[], datetime],
        zone: Callable[[], tzinfo],
    ) -> None:
        self.database = database
        self.demo = demo
        self._now = now  # the station's wall clock (naive)
        self._zone = zone

    def _stamp(self) -> datetime:
        """Event times carry the UTC offset (docs/sync-api.md)."""
        return attach_zone(self._now(), self._zone())

    def submit_appeal(self, asked: AppealRequest) -> Receipt:
        """Save an appeal or a call-back request; its receipt. Raises NotSaved."""
        callback = asked.request == "callback"

        def save(connection: sqlite3.Connection, key: str) -> Receipt:
            created = self._stamp()
            appeal = Appeal.new(
                asked.station_id,
                asked.category,
                created,
                block="" if callback else asked.block.strip(),
                target_deputy_id=(asked.deputy_id or None) if not callback else None,
                request="callback" if callback else "appeal",
            )
            personal = AppealPersonal(
                name="" if callback else asked.name.strip(),
                mobile=normalise_phone(asked.phone),
                text="" if callback else asked.text.strip(),
            ).to_personal()
            appeals.record_appeal(connection, appeal, seal(key, personal))
            code = appeal.tracking_code
            return Receipt(
                asked.request,
                code,
                progress_link(connection, code, self.demo),
                reply_due(created.date(), holiday_table(connection)),
                last_four(asked.phone),
            )

        return self._save(asked.request, save)

    def submit_appointment(self, asked: AppointmentRequest) -> Receipt:
        """Save an appointment request; its receipt. Raises NotSaved."""

        def save(connection: sqlite3.Connection, key: str) -> Receipt:
            appointment = Appointment.new(
                asked.deputy_id, asked.day, asked.schedule_id or None, self._stamp()
            )
            personal = AppointmentPersonal(
                name=asked.name.strip(),
                mobile=normalise_phone(asked.phone),
                topic=asked.topic.strip(),
            ).to_personal()
            appointments.record_appointment(connection, appointment, seal(key, personal))
            code = appointment.code
            return Receipt(
                "appointment",
                code,
                progress_link(connection, code, self.demo),
                None,
                last_four(asked.phone),
            )

        return self._save("appointment", save)

    def _save(self, kind: str, save: Callable[[sqlite3.Connection, str], Receipt]) -> Receipt:
        try:
            with self.database.begin() as connection:
                key = sealing_key(connection, self.demo)
                if key is None:
                    raise NotSaved("not_enrolled")
                return save(connection, key)
        except sqlite3.Error as error:
            # SQLite's own words: they never quote a statement's parameters (personal data).
            reason = str(error) or type(error).__name__
            log.error("could not save a visitor's %s: %s", kind, reason)
            raise NotSaved("disk_full" if "full" in reason else "database") from None

    def keep_contact_check(self, receipt: Receipt) -> None:
        """Make the receipt's contact check (argon2id, about a second) and keep it, so that
        the kiosk's own lookup opens the record without the server. Slow: call it off the
        GUI thread, after the receipt is shown. A failure is logged (the lookup then asks
        the server)."""
        check = contact_check(receipt.code, receipt.last4)
        try:
            with self.database.begin() as connection:
                appeals.keep_contact_check(connection, receipt.code, check)
        except sqlite3.Error as error:
            log.error("could not keep a contact check: %s", error)

    def categories(self) -> tuple[list[str], dict[str, Any]]:
        """The appeal categories and their common phrases, as last pulled (the default list
        when none were, or they cannot be read)."""
        try:
            with self.database.read() as connection:
                pulled = get_state(connection, "categories")
            names = json.loads(pulled) if pulled else []
        except (sqlite3.Error, ValueError):
            log.exception("cannot read the appeal categories; using the default list")
            names = []
        names = (
            [n for n in names if isinstance(n, str) and n.strip()]
            if isinstance(names, list)
            else []
        )
        try:
            with self.database.read() as connection:
                sent = json.loads(get_state(connection, "category_phrases") or "{}")
        except (sqlite3.Error, ValueError):
            sent = {}
        return names or list(DEFAULT_CATEGORIES), sent if isinstance(sent, dict) else {}
