# SPDX-License-Identifier: GPL-3.0-or-later
"""`ProgressLookup` for QML: a tracking code + the last 4 digits of the mobile → what became
of an appeal or appointment, from local data only (the UI never waits on the network)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.domain.deadlines import colour
from kiosk.domain.lookup import LookupLockout
from kiosk.domain.tracking import ALPHABET, InvalidTrackingCode, contact_check, parse_tracking_code
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.dates import day_text, full_date_text, full_moment_text, moment_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)


def _moment_text(at: str) -> str:
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    return moment_text(moment)


@QmlElement
@QmlSingleton
class ProgressLookup(QObject):
    changed = Signal()

    def __init__(self, now: Callable[[], datetime], parent=None) -> None:
        super().__init__(parent)
        self._now = now
        self._sessions: sessionmaker[Session] | None = None
        self._lockout = LookupLockout()
        self._result: dict = {}
        self._problem = ""
        self._wait_minutes = 0
        self._last_sync = ""

    @staticmethod
    def create(engine) -> ProgressLookup:
        from kiosk.ui.station import handed_over

        return handed_over(engine.backends.progress)

    def use_database(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @Slot()
    def clear(self) -> None:
        self._result, self._problem, self._wait_minutes, self._last_sync = {}, "", 0, ""
        self.changed.emit()

    @Slot(str, str, result=bool)
    def lookUp(self, typed_code: str, last4: str) -> bool:  # noqa: N802 (QML name)
        """True when found (then `result` holds it); else `problem` says why."""
        self._result, self._wait_minutes = {}, 0
        try:
            code = parse_tracking_code(typed_code)
        except InvalidTrackingCode:
            return self._say("code_invalid" if typed_code else "code_empty")
        if len(last4) != 4 or not last4.isascii() or not last4.isdigit():
            return self._say("last4")
        now = self._now()
        wait = self._lockout.wait(now)
        if wait:
            self._wait_minutes = max(1, -(-int(wait.total_seconds()) // 60))
            return self._say("locked")
        if self._sessions is None:
            return self._say("not_ready")
        # Imported on the first lookup: SQLAlchemy stays off the way to the first frame.
        from sqlalchemy.exc import SQLAlchemyError

        from kiosk.store.holidays import holiday_table
        from kiosk.store.progress import Found, look_up

        try:
            with self._sessions() as session:
                found = look_up(session, code, contact_check(code, last4))
                holidays = holiday_table(session)
        except SQLAlchemyError as error:
            log.error("progress lookup failed: %s", getattr(error, "orig", error))
            return self._say("database")
        self._last_sync = full_moment_text(found.last_pull) if found.last_pull else ""
        if found.found is Found.MISMATCH:
            self._lockout.missed(now)
            return self._say("mismatch")
        if found.found is Found.UNKNOWN:
            return self._say("unknown")
        self._lockout.found()
        progress = found.progress
        assert progress is not None
        self._result = {
            "kind": progress.kind,
            "codeDisplay": "-".join(code[i : i + 3] for i in range(0, 9, 3)),
            "state": progress.state,
            "request": progress.request,
            "category": progress.category,
            "deputyId": progress.deputy_id,
            "day": day_text(progress.day) if progress.day else "",
            "date": progress.day.isoformat() if progress.day else "",
            "dueOn": full_date_text(progress.due_on) if progress.due_on else "",
            # 三色督办 from the kiosk's clock, by the same rule as the console and phone pages.
            "dueColour": colour(progress.due_on, now.date(), holidays).value
            if progress.due_on
            else "",
            "steps": [
                {"state": s["state"], "at": _moment_text(s["at"]), "note": s.get("note", "")}
                for s in progress.steps
            ],
        }
        self._problem = ""
        self.changed.emit()
        return True

    def _say(self, problem: str) -> bool:
        self._problem = problem
        self.changed.emit()
        return False

    result = Property("QVariantMap", lambda self: self._result, notify=changed)
    problem = Property(str, lambda self: self._problem, notify=changed)
    waitMinutes = Property(int, lambda self: self._wait_minutes, notify=changed)
    lastSync = Property(str, lambda self: self._last_sync, notify=changed)
    alphabet = Property(str, lambda self: ALPHABET, constant=True)
