# SPDX-License-Identifier: GPL-3.0-or-later
"""`SignIn` for QML: a duty deputy chooses their photo and types their PIN; a right PIN
signs them in (present on home) and opens their `DutyConsole`.

The check is kiosk.services.desk's, off the GUI thread (kiosk/ui/offthread.py): reading the
wait and the PIN's hash, checking it with argon2id (~170 ms with the server's hash costs,
docs/deputy-sign-in.md), then recording the answer and reading what the console and home
show. Meanwhile `checking` holds the pad; a failure says so (`message`) and the deputy may
try again; after wrong PINs `waitSeconds` counts down.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.domain.pins import PIN_PATTERN
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.console import DutyConsole
from kiosk.ui.offthread import WAITED_FOR, OffThread
from kiosk.ui.presence import Presence
from kiosk.ui.singletons import handed_over

if TYPE_CHECKING:
    from kiosk.services.desk import DutyDesk, SignedIn

log = logging.getLogger(__name__)


@QmlElement
@QmlSingleton
class SignIn(QObject):
    changed = Signal()  # ready, the chosen deputy, checking, the message, the wait
    signedIn = Signal()  # the chosen deputy's PIN was right: open the console

    def __init__(
        self,
        now: Callable[[], datetime],
        roster_rows: Callable[[], list[dict[str, Any]]],
        presence: Presence,
        console: DutyConsole,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._roster_rows = roster_rows
        self._presence = presence
        self._console = console
        self._service: DutyDesk | None = None
        self._chosen = ""
        self._checking = 0  # the attempt under way (0: none); stale answers are ignored
        self._attempts = 0
        self._message = ""
        self._wait_until: datetime | None = None
        self._off = OffThread(self)
        presence.ticked.connect(self._tick)

    @staticmethod
    def create(engine: Any) -> SignIn:
        return handed_over(engine.backends.sign_in)

    def attach(self, service: DutyDesk) -> None:
        """The database is open: sign-in works from now on."""
        self._service = service
        self.changed.emit()

    @property
    def busy(self) -> bool:
        """Work on the pool has not been shown yet (the wait after tapping a photo, a check)."""
        return self._off.busy

    def _row(self, deputy_id: str) -> dict[str, Any]:
        return next((r for r in self._roster_rows() if r["key"] == deputy_id), {})

    @Slot(str)
    def choose(self, deputy_id: str) -> None:
        """The deputy tapped their photo: the PIN pad is for them now (a wait still on after
        wrong PINs shows when it has been read)."""
        self._chosen = deputy_id
        self._checking = 0
        self._message = ""
        self._wait_until = None
        self.changed.emit()
        service = self._service
        if service is None:
            return
        self._off.run(
            lambda: service.wait_until(deputy_id),
            lambda wait: self._show_wait(deputy_id, wait),
            priority=WAITED_FOR,
        )

    def _show_wait(self, deputy_id: str, wait: datetime | None) -> None:
        if deputy_id != self._chosen or self._checking:
            return
        self._wait_until = wait
        if wait is not None:
            self._message = "wait"
        self.changed.emit()

    @Slot()
    def cancel(self) -> None:
        self._chosen = ""
        self._checking = 0
        self._message = ""
        self._wait_until = None
        self.changed.emit()

    @Slot(str)
    def enterPin(self, pin: str) -> None:  # noqa: N802 (QML name)
        """Check the PIN off the GUI thread; `signedIn` or a message follows."""
        if not self._chosen or self._checking:
            return
        service = self._service
        if service is None:
            self._message = "unavailable"
            self.changed.emit()
            return
        if self._wait_until is not None and self._wait_until > self._now():
            self.changed.emit()
            return
        if not PIN_PATTERN.fullmatch(pin):
            self._message = "short"
            self.changed.emit()
            return
        self._attempts += 1
        self._checking = attempt = self._attempts
        self._message = ""
        self.changed.emit()
        deputy_id = self._chosen
        self._off.run(
            lambda: service.check_pin(deputy_id, pin),
            lambda answer: self._on_checked(attempt, deputy_id, answer),
            lambda error: self._on_unavailable(attempt, deputy_id),
            WAITED_FOR,
        )

    def _on_unavailable(self, attempt: int, deputy_id: str) -> None:
        """The check or the record failed (logged): say so; the deputy may try again."""
        if attempt == self._checking and deputy_id == self._chosen:
            self._checking = 0
            self._message = "unavailable"
            self.changed.emit()

    def _on_checked(
        self, attempt: int, deputy_id: str, answer: tuple[bool, datetime | None]
    ) -> None:
        """The PIN was checked (GUI thread): record the answer off the GUI thread."""
        service = self._service
        if attempt != self._checking or deputy_id != self._chosen or service is None:
            return
        right, wait = answer
        if wait is not None:
            self._checking = 0
            self._wait_until = wait
            self._message = "wait"
            self.changed.emit()
            return
        today = self._now().date()
        self._off.run(
            lambda: service.record_pin(deputy_id, right, today),
            lambda done: self._on_recorded(attempt, deputy_id, right, done),
            lambda error: self._on_unavailable(attempt, deputy_id),
            WAITED_FOR,
        )

    def _on_recorded(self, attempt: int, deputy_id: str, right: bool, done: SignedIn) -> None:
        """Show a recorded answer (GUI thread): the console, or why not."""
        current = attempt == self._checking and deputy_id == self._chosen
        if not right:
            log.info("wrong PIN for deputy %s", deputy_id)
            if current:
                self._checking = 0
                self._message = "wait" if done.wait_until is not None else "wrong"
                self._wait_until = done.wait_until
                self.changed.emit()
            return
        log.info("deputy %s signed in", deputy_id)
        # Newer than any day's read under way.
        self._presence.take((done.signed_in or {}, done.figures or {}))
        if current:  # not cancelled meanwhile (signed in all the same: present on home)
            self._checking = 0
            self._chosen = ""
            self._message = ""
            self._wait_until = None
            self._console.open_for(deputy_id, done.console)
        self.changed.emit()
        if current:
            self.signedIn.emit()

    def _tick(self) -> None:
        if self._wait_until is not None:
            if self._wait_until <= self._now():
                self._wait_until = None
                self._message = ""
            self.changed.emit()

    def _wait_seconds(self) -> int:
        if self._wait_until is None:
            return 0
        return max(0, int((self._wait_until - self._now()).total_seconds() + 0.999))

    ready = Property(bool, lambda self: self._service is not None, notify=changed)
    chosenId = Property(str, lambda self: self._chosen, notify=changed)
    chosen = Property(dict, lambda self: self._row(self._chosen), notify=changed)
    checking = Property(bool, lambda self: self._checking != 0, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    waitSeconds = Property(int, _wait_seconds, notify=changed)
