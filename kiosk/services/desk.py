# SPDX-License-Identifier: GPL-3.0-or-later
"""The duty desk: a deputy signs in with their PIN and out again, records a reception and
answers appointment requests; who is present, and the station's figures.

Every call may run on any thread, on that thread's connection (the UI runs them on the pool:
kiosk/ui/offthread.py). Each write is one transaction with its outbox event (DESIGN.md §5);
each answers with what the console and home show after it, read in the same call, so that the
GUI thread only shows it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from sqlite3 import Connection
from typing import Any

from kiosk.domain import appointments as answers
from kiosk.domain.attendance import (
    Action,
    AttendanceEvent,
    Reason,
    ReceptionRecord,
    RecordProblem,
    next_try_at,
    sign_in_ends,
)
from kiosk.domain.deputy_work import DeputyWork
from kiosk.domain.pins import pin_matches
from kiosk.services.sealing import sealing_key
from kiosk.store import appointments as requests
from kiosk.store import attendance as store
from kiosk.store.database import Database
from kiosk.store.rows import AppointmentRow

log = logging.getLogger(__name__)

Presence = tuple[dict[str, datetime], dict[str, Any]]  # who is signed in (since when), the figures


@dataclass(frozen=True)
class ConsoleRead:
    """What the console shows of a deputy's day."""

    walk_ins: list[store.WalkIn]
    records_today: int
    asked: list[AppointmentRow]
    work: DeputyWork | None
    workspace_url: str


@dataclass(frozen=True)
class SignedIn:
    """A PIN's answer recorded, and what home and the console show after it; `wait_until`
    after a wrong PIN."""

    console: ConsoleRead | None
    signed_in: dict[str, datetime] | None
    figures: dict[str, Any] | None
    wait_until: datetime | None = None


class Refused(Exception):
    """Nothing was saved; `problem` says why for the screen ("field/code" for a record:
    "topic/empty", "console/not_enrolled"; for an answer: "state", "answer", "note")."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def read_figures(connection: Connection, today: date, present: int) -> dict[str, Any]:
    """The figures the station-info screen shows (kept as QML reads them)."""
    month = store.month_figures(connection, today)
    server, pulled_at = store.statistics(connection)
    figures = {
        "day": today.isoformat(),
        "receptionDays": month.reception_days,
        "present": present,
        "appealsCollected": month.appeals_collected,
        "synced": server is not None,
        "solved": -1,
        "satisfaction": -1.0,
        "month": "",
        "date": "",
    }
    if server is not None:
        rate = server.get("satisfaction_rate")
        figures |= {
            "solved": server["appeals_solved"],
            "satisfaction": -1.0 if rate is None else rate,
            "month": server["month"],
            "date": (pulled_at or "")[:10],
        }
    return figures


def read_presence(database: Database, today: date) -> Presence:
    """Who is signed in and the figures for `today`."""
    with database.read() as connection:
        signed_in = store.signed_in(connection)
        return signed_in, read_figures(connection, today, len(signed_in))


class DutyDesk:
    """The duty desk's work on the local database; any thread."""

    def __init__(self, database: Database, demo: bool, now: Callable[[], datetime]) -> None:
        self.database = database
        self.demo = demo
        self._now = now

    # --- reads -------------------------------------------------------------------------------

    def presence(self, today: date) -> Presence:
        return read_presence(self.database, today)

    def signed_in(self) -> dict[str, datetime]:
        with self.database.read() as connection:
            return store.signed_in(connection)

    def console(self, deputy_id: str, today: date) -> ConsoleRead:
        """What the console shows for `deputy_id` (or none: "") on `today`."""
        with self.database.read() as connection:
            walk_ins = store.walk_ins(connection, today)
            records = store.records_on(connection, today, deputy_id) if deputy_id else 0
            asked = requests.requests_for_deputy(connection, deputy_id, today)
            work, workspace_url = store.deputy_work(connection, deputy_id)
        return ConsoleRead(walk_ins, records, asked, work if deputy_id else None, workspace_url)

    def wait_until(self, deputy_id: str) -> datetime | None:
        """Until when `deputy_id` must wait before another try (None: no wait)."""
        at = self._now()
        with self.database.read() as connection:
            mine, everyone = store.wrong_pins(connection, deputy_id, at)
        return next_try_at(mine, everyone, at)

    # --- signing in and out ------------------------------------------------------------------

    def check_pin(self, deputy_id: str, pin: str) -> tuple[bool, datetime | None]:
        """(right, wait): the PIN checked with argon2id (~170 ms), unless the deputy must
        wait first (wrong PINs from another kiosk process, or before a restart)."""
        wait = self.wait_until(deputy_id)
        if wait is not None:
            return False, wait
        with self.database.read() as connection:
            pin_hash = store.pin_hash(connection, deputy_id)
        return pin_matches(pin_hash, pin), None

    def record_pin(self, deputy_id: str, right: bool, today: date) -> SignedIn:
        """Record a checked PIN: a right one signs the deputy in (attendance + outbox) and
        answers with their console; a wrong one is counted and answers with the wait."""
        at = self._now()
        with self.database.begin() as connection:
            if right:
                store.note_right_pin(connection, deputy_id)
                if deputy_id not in store.signed_in(connection):
                    event = AttendanceEvent.new(deputy_id, Action.SIGN_IN, Reason.PIN, at)
                    store.record_attendance(connection, event)
            else:
                store.note_wrong_pin(connection, deputy_id, at)
        if not right:
            return SignedIn(None, None, None, self.wait_until(deputy_id))
        signed_in, figures = self.presence(today)
        return SignedIn(self.console(deputy_id, today), signed_in, figures)

    def sign_out(self, deputy_id: str, reason: Reason, at: datetime, today: date) -> Presence:
        """Sign `deputy_id` out (if signed in); who is present after it, and the figures."""
        with self.database.begin() as connection:
            if deputy_id in store.signed_in(connection):
                event = AttendanceEvent.new(deputy_id, Action.SIGN_OUT, reason, at)
                store.record_attendance(connection, event)
        log.info("deputy %s signed out (%s)", deputy_id, reason.value)
        return self.presence(today)

    def sign_out_overdue(self, closing_time: time, today: date) -> tuple[list[str], Presence]:
        """Sign out, at their closing time, deputies still signed in after it (also when the
        kiosk was off then): whom, and who is present after it."""
        now = self._now()
        gone = []
        for deputy_id, since in self.signed_in().items():
            due = sign_in_ends(since, closing_time)
            if due <= now:
                with self.database.begin() as connection:
                    if deputy_id in store.signed_in(connection):
                        event = AttendanceEvent.new(
                            deputy_id, Action.SIGN_OUT, Reason.CLOSING_TIME, due
                        )
                        store.record_attendance(connection, event)
                log.info("deputy %s signed out (%s)", deputy_id, Reason.CLOSING_TIME.value)
                gone.append(deputy_id)
        return gone, self.presence(today)

    # --- the console's writes ----------------------------------------------------------------

    def record_reception(
        self, deputy_id: str, visitors: int, topic: str, notes: str, codes: str, today: date
    ) -> ConsoleRead:
        """Save a reception record, sealed, with its outbox event; the console after it.
        Raises Refused ("field/code")."""
        try:
            record = ReceptionRecord.new(deputy_id, self._now(), visitors, topic, notes, codes)
        except RecordProblem as problem:
            raise Refused(f"{problem.field}/{problem.code}") from None
        with self.database.begin() as connection:
            key = sealing_key(connection, self.demo)
            if key is None:
                raise Refused("console/not_enrolled")
            store.record_reception(connection, record, key)
        return self.console(deputy_id, today)

    def answer_appointment(
        self, deputy_id: str, code: str, answer: str, note: str, today: date
    ) -> ConsoleRead:
        """Confirm or decline a request to `deputy_id`: its new state and the outbox event in
        one transaction; the console after it. Raises Refused ("state", "answer", "note")."""
        with self.database.begin() as connection:
            row = requests.appointment(connection, code)
            if row is None or row.deputy_id != deputy_id:
                raise Refused("state")
            try:
                reply = answers.AppointmentAnswer.new(
                    code, deputy_id, row.state, answer, note, self._now()
                )
            except answers.AnswerProblem as problem:
                raise Refused(problem.code) from None
            requests.answer_appointment(connection, row, reply)
        # No tracking code in the log (with the last 4 digits it opens the record).
        log.info("deputy %s answered an appointment: %s", deputy_id, answer)
        return self.console(deputy_id, today)
