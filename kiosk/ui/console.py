# SPDX-License-Identifier: GPL-3.0-or-later
"""`DutyConsole` for QML: the signed-in deputy's console (walk-ins, their work, a reception
record, signing out) and its idle sign-out.

`SignIn` opens it after a right PIN; Back or Home leaves it (the deputy stays present);
an untouched console, or closing time, signs the deputy out and closes it. Its writes are
kiosk.services.desk's, run off the GUI thread (kiosk/ui/offthread.py) one at a time:
`writing` says which meanwhile and its button waits; a failure says so and keeps what was
typed. `Appointments` answers requests through `start_work`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.domain import tracking
from kiosk.domain.attendance import Reason
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.listmodel import KeyedListModel
from kiosk.ui.offthread import WAITED_FOR, OffThread
from kiosk.ui.presence import Presence
from kiosk.ui.singletons import handed_over

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

    from kiosk.services.desk import ConsoleRead, DutyDesk
    from kiosk.services.desk import Presence as PresenceRead

log = logging.getLogger(__name__)

# The console says "still there?" this long before it signs an untouched deputy out.
IDLE_WARNING = timedelta(seconds=15)


class ActivityWatch(QObject):
    """Tells the console whenever someone touches the window (its idle timeout)."""

    def __init__(self, touched: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._touched = touched

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Imported here: PySide builds QEvent's 180-member enum on import (~10 ms), which
        # only a console (open after a sign-in) needs.
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._touched()
        return False


@QmlElement
@QmlSingleton
class DutyConsole(QObject):
    changed = Signal()  # opened, closed or read again
    closed = Signal(str)  # the console closed by itself: "idle" or "closing_time"
    idleChanged = Signal()
    workChanged = Signal()  # a write started or ended (`writing`)
    recordSaved = Signal(str)  # "" (saved) or what is wrong: "field/code", "console/failed"
    signOutFinished = Signal(bool)  # True: signed out (QML goes home); False: it failed
    readShown = Signal(object)  # a ConsoleRead being shown (`Appointments` lists its requests)

    def __init__(
        self,
        now: Callable[[], datetime],
        roster_rows: Callable[[], list[dict[str, Any]]],
        presence: Presence,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._roster_rows = roster_rows
        self._presence = presence
        self._service: DutyDesk | None = None
        self.idle_timeout = timedelta(seconds=300)
        self._deputy = ""  # whose console is open ("": none)
        self._last_touch = now()
        self._walk_ins = KeyedListModel(
            ["key", "code", "category", "block", "time", "callback"], parent=self
        )
        self._records_today = 0
        # The signed-in deputy's items from the snapshot (counts only) and the workspace link.
        self._work: dict[str, int] = {}
        self._workspace_url = ""
        self._idle_left = -1  # seconds before an idle sign-out, while the warning shows
        # The write under way, off the GUI thread: "record", "answer", "signOut".
        self._writing = ""
        self._off = OffThread(self)
        self._activity = ActivityWatch(self.note_activity, self)
        self._window: QObject | None = None
        presence.ticked.connect(self._tick)
        presence.signedOutAtClosing.connect(self._signed_out_at_closing)

    @staticmethod
    def create(engine: Any) -> DutyConsole:
        return handed_over(engine.backends.console)

    # --- wiring ------------------------------------------------------------------------------

    def watch(self, window: QObject) -> None:
        """Touches on `window` keep an open console from its idle sign-out."""
        self._window = window

    def attach(self, service: DutyDesk) -> None:
        self._service = service

    def _today(self) -> date:
        return self._now().date()

    # --- opening and closing -----------------------------------------------------------------

    def open_for(self, deputy_id: str, read: ConsoleRead | None = None) -> None:
        """Open the console for `deputy_id`, who has just signed in (`read`: their console,
        read with the sign-in)."""
        self._deputy = deputy_id
        self._last_touch = self._now()
        # Watched only while a console is open: no Python on every event of the visitors'
        # screens.
        if self._window is not None:
            self._window.installEventFilter(self._activity)
        if read is None:
            self.refresh()
        else:
            self._show(read)

    def _close(self) -> str:
        """Close the console (if open); return whose it was."""
        deputy_id, self._deputy = self._deputy, ""
        self._work = {}
        if self._window is not None:
            self._window.removeEventFilter(self._activity)
        if self._idle_left >= 0:
            self._idle_left = -1
            self.idleChanged.emit()
        self.changed.emit()
        return deputy_id

    def refresh(self) -> None:
        """Read the open console again (requests made on phones, a new day), off the GUI
        thread; nothing when none is open."""
        service, deputy_id, today = self._service, self._deputy, self._today()
        if service is None or not deputy_id:
            return

        def done(read: ConsoleRead) -> None:
            if self._deputy == deputy_id:  # still open for them
                self._show(read)

        self._off.run(lambda: service.console(deputy_id, today), done, priority=WAITED_FOR)

    def _show(self, read: ConsoleRead) -> None:
        work = read.work
        self._records_today = read.records_today
        self._workspace_url = read.workspace_url
        self._work = (
            {"waiting": work.waiting, "overdue": work.overdue, "dueSoon": work.due_soon}
            if work is not None and self._deputy
            else {}
        )
        self._walk_ins.replace(
            {
                "key": w.tracking_code,
                "code": tracking.display(w.tracking_code),
                "category": w.category,
                "block": w.block,
                "time": f"{w.created_at:%H:%M}",
                "callback": w.request == "callback",
            }
            for w in read.walk_ins
        )
        self.readShown.emit(read)
        self.changed.emit()

    # --- writes ------------------------------------------------------------------------------

    def start_work(
        self,
        kind: str,
        work: Callable[[DutyDesk, str, date], ConsoleRead],
        shown: Callable[[str], None],
    ) -> str:
        """Run a write off the GUI thread (`writing` says which meanwhile); show the console
        it answers with, then `shown("")`, or `shown(problem)`. Returns at once: ""
        (started), "closed" (no console) or "busy" (another write is under way)."""
        from kiosk.services.desk import Refused

        service, deputy_id = self._service, self._deputy
        if not deputy_id or service is None:
            return "closed"
        if self._writing:
            return "busy"
        self._set_writing(kind)
        today = self._today()

        def done(read: ConsoleRead) -> None:
            self._set_writing("")
            if self._deputy == deputy_id:  # still theirs (not signed out meanwhile)
                self._show(read)
            shown("")

        def failed(error: Exception) -> None:
            self._set_writing("")
            # Refused: what the deputy can put right; anything else is logged already.
            shown(error.problem if isinstance(error, Refused) else "failed")

        self._off.run(lambda: work(service, deputy_id, today), done, failed, WAITED_FOR, (Refused,))
        return ""

    def _set_writing(self, kind: str) -> None:
        self._writing = kind
        self.workChanged.emit()

    @Slot(int, str, str, str, result=str)
    def saveRecord(self, visitors: int, topic: str, notes: str, codes: str) -> str:  # noqa: N802
        """Save a reception record with its outbox event, off the GUI thread: "" started, and
        `recordSaved("")` or `recordSaved("field/code")` follows; else "console/closed",
        "console/busy" at once. "console/failed": the database failed (logged)."""
        started = self.start_work(
            "record",
            lambda service, deputy_id, today: service.record_reception(
                deputy_id, visitors, topic, notes, codes, today
            ),
            lambda problem: self.recordSaved.emit(
                problem if "/" in problem or not problem else f"console/{problem}"
            ),
        )
        return started and f"console/{started}"

    def note_activity(self) -> None:
        self._last_touch = self._now()
        if self._idle_left >= 0:
            self._idle_left = -1
            self.idleChanged.emit()

    @Slot()
    def leave(self) -> None:
        """Back or Home from the console: the deputy stays signed in (present); reopening the
        console takes the PIN again."""
        if self._deputy:
            self._close()

    @Slot()
    def signOut(self) -> None:  # noqa: N802 (QML name)
        """The deputy's 签退, off the GUI thread: `signOutFinished(True)` once recorded (the
        console closes), or `signOutFinished(False)` (the console stays: try again)."""
        service, deputy_id = self._service, self._deputy
        if not deputy_id or service is None or self._writing:
            return
        self._set_writing("signOut")
        at, today = self._now(), self._today()

        def done(presence: PresenceRead) -> None:
            self._set_writing("")
            if self._deputy == deputy_id:
                self._close()
            self._presence.take(presence)
            self.signOutFinished.emit(True)

        def failed(error: Exception) -> None:
            self._set_writing("")
            self.signOutFinished.emit(False)

        self._off.run(
            lambda: service.sign_out(deputy_id, Reason.MANUAL, at, today), done, failed, WAITED_FOR
        )

    def _sign_out_idle(self, deputy_id: str, at: datetime) -> None:
        """Sign out a deputy whose console closed untouched, off the GUI thread."""
        service, today = self._service, self._today()
        if service is None:
            return
        read = self._presence.newer()

        def done(presence: PresenceRead) -> None:
            self._presence.take(presence, read)  # unless something newer was read meanwhile

        def failed(error: Exception) -> None:
            # Still signed in: closing time signs them out (logged with its cause already).
            log.warning("deputy %s could not be signed out (%s)", deputy_id, Reason.IDLE.value)

        self._off.run(
            lambda: service.sign_out(deputy_id, Reason.IDLE, at, today), done, failed, WAITED_FOR
        )

    def _signed_out_at_closing(self, gone: list[str]) -> None:
        if self._deputy in gone:
            self._close()
            self.closed.emit(Reason.CLOSING_TIME.value)

    def _tick(self) -> None:
        now = self._now()
        if (
            self._deputy
            and not self._writing  # its answer closes the console or keeps it
            and not self._presence.overdue  # closing time's sign-out closes it (its reason)
            and now - self._last_touch >= self.idle_timeout
        ):
            self._sign_out_idle(self._close(), now)
            self.closed.emit(Reason.IDLE.value)
        left = -1
        if self._deputy:
            remaining = (self._last_touch + self.idle_timeout - now).total_seconds()
            left = int(remaining + 0.999) if remaining <= IDLE_WARNING.total_seconds() else -1
        if left != self._idle_left:
            self._idle_left = left
            self.idleChanged.emit()

    def _deputy_row(self) -> dict[str, Any]:
        if not self._deputy:
            return {}
        return next((r for r in self._roster_rows() if r["key"] == self._deputy), {})

    isOpen = Property(bool, lambda self: bool(self._deputy), notify=changed)
    # Seconds left before the console signs out for want of a touch; -1 when not warning.
    idleSecondsLeft = Property(int, lambda self: self._idle_left, notify=idleChanged)
    deputy = Property(dict, _deputy_row, notify=changed)
    walkIns = Property(QObject, lambda self: self._walk_ins, constant=True)
    recordsToday = Property(int, lambda self: self._records_today, notify=changed)
    # {"waiting", "overdue", "dueSoon"} from the last pull; {} when the server sent none.
    work = Property(dict, lambda self: self._work, notify=changed)
    workspaceUrl = Property(str, lambda self: self._workspace_url, notify=changed)
    # The write under way ("record", "answer", "signOut"), or "": its button waits.
    writing = Property(str, lambda self: self._writing, notify=workChanged)
