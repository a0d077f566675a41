# SPDX-License-Identifier: GPL-3.0-or-later
"""`ProgressLookup` for QML: a tracking code + the last 4 digits of the mobile → what became
of an appeal or appointment: from local data for what this kiosk took (offline too), else
from the server. Both on a thread of their own (an argon2id check takes about a second, the
server a moment): the UI never waits; `finished` says when the answer is there."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.domain.deadlines import colour
from kiosk.domain.lookup import LookupLockout
from kiosk.domain.mobile import LAST_DIGITS
from kiosk.domain.tracking import ALPHABET, LENGTH, InvalidTrackingCode, parse_tracking_code
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.dates import day_text, full_date_text, full_moment_text, moment_text
from kiosk.ui.offthread import OffThread
from kiosk.ui.singletons import handed_over

if TYPE_CHECKING:
    from kiosk.services.progress import Lookups

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
    finished = Signal(bool)  # the answer is there: True when found (then `result` holds it)

    def __init__(self, now: Callable[[], datetime], parent=None) -> None:
        super().__init__(parent)
        self._now = now
        self._service: Lookups | None = None
        self._off = OffThread(self)
        self._ask: Callable[[str, str], dict] | None = None
        self._lockout = LookupLockout()
        self._result: dict = {}
        self._problem = ""
        self._wait_minutes = 0
        self._last_sync = ""
        self._busy = False
        self._code = ""
        self._asked = 0  # lookups started or wiped: an answer for an earlier one is dropped

    @staticmethod
    def create(engine) -> ProgressLookup:
        return handed_over(engine.backends.progress)

    def use_service(self, service: Lookups) -> None:
        """The database is open: lookups work from now on."""
        self._service = service

    def use_server(self, ask: Callable[[str, str], dict]) -> None:
        """How to ask the server about a code (kiosk.sync.worker.SyncWorker.look_up)."""
        self._ask = ask

    @Slot()
    def clear(self) -> None:
        # A lookup still running answers a visitor who has gone: its answer is dropped.
        self._asked += 1
        self._busy = False
        self._result, self._problem, self._wait_minutes, self._last_sync = {}, "", 0, ""
        self.changed.emit()

    @Slot(str, str, result=bool)
    def lookUp(self, typed_code: str, last4: str) -> bool:  # noqa: N802 (QML name)
        """Start a lookup: True, and `finished` follows; or False when refused at once
        (`problem` says why; `finished(False)` too)."""
        if self._busy:
            return False
        self._result, self._wait_minutes = {}, 0
        try:
            code = parse_tracking_code(typed_code)
        except InvalidTrackingCode:
            return self._refuse("code_invalid" if typed_code else "code_empty")
        if len(last4) != 4 or not last4.isascii() or not last4.isdigit():
            return self._refuse("last4")
        now = self._now()
        wait = self._lockout.wait(now)
        if wait:
            self._wait_minutes = max(1, -(-int(wait.total_seconds()) // 60))
            return self._refuse("locked")
        if self._service is None:
            return self._refuse("not_ready")
        self._busy, self._code, self._problem = True, code, ""
        self._asked += 1
        asked = self._asked
        self.changed.emit()
        service, ask = self._service, self._ask

        def work() -> dict:
            return service.look_up(code, last4, ask) | {"asked": asked}

        def failed(error: Exception) -> None:
            self._show({"problem": "database", "asked": asked})

        self._off.run(work, self._show, failed)
        return True

    def _show(self, answer: dict) -> None:
        problem = answer.get("problem")
        # Every miss counts, whatever it was; a hit never resets the count (issue 17 §7).
        if problem in ("mismatch", "unreachable"):
            self._lockout.missed(self._now())
        if answer["asked"] != self._asked:
            return  # the visitor walked away meanwhile: nothing of theirs is shown to the next
        self._busy = False
        last_pull = answer.get("last_pull")
        self._last_sync = full_moment_text(last_pull) if last_pull else ""
        if problem:
            self._wait_minutes = answer.get("wait_minutes", 0)
            self._refuse(problem)
            return
        progress = answer["progress"]
        code = self._code
        now, holidays = self._now(), answer["holidays"]
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
        self.finished.emit(True)

    def _refuse(self, problem: str) -> bool:
        self._say(problem)
        self.finished.emit(False)
        return False

    def _say(self, problem: str) -> bool:
        self._problem = problem
        self.changed.emit()
        return False

    result = Property("QVariantMap", lambda self: self._result, notify=changed)
    problem = Property(str, lambda self: self._problem, notify=changed)
    waitMinutes = Property(int, lambda self: self._wait_minutes, notify=changed)
    lastSync = Property(str, lambda self: self._last_sync, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    alphabet = Property(str, lambda self: ALPHABET, constant=True)
    codeLength = Property(int, lambda self: LENGTH, constant=True)  # noqa: N815 (QML name)
    lastDigits = Property(int, lambda self: LAST_DIGITS, constant=True)  # noqa: N815
