# SPDX-License-Identifier: GPL-3.0-or-later
"""`Desk` for QML: duty deputies' PIN sign-in, who is present, the console, station figures.

The work is kiosk.services.desk's, and it runs off the GUI thread (kiosk/ui/offthread.py):
a sign-in (reading the wait and the PIN's hash, checking it with argon2id, ~170 ms with the
server's hash costs, docs/deputy-sign-in.md; then writing the attendance and reading what the
console and home show), a sign-out, a reception record, an appointment's answer. Each result
comes back to the GUI thread and is shown there; meanwhile the button that started it waits
(`checking`, `consoleWork`), and a failure says so and keeps what was typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.domain import tracking
from kiosk.domain.appointments import answers_for
from kiosk.domain.attendance import Reason, sign_in_ends
from kiosk.domain.pins import PIN_PATTERN
from kiosk.domain.reception import on_duty, reception_days_on
from kiosk.domain.station import StationSnapshot
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.dates import day_text, time_range_text
from kiosk.ui.listmodel import KeyedListModel
from kiosk.ui.offthread import WAITED_FOR, OffThread
from kiosk.ui.rows import AppointmentRequestRow, WalkInRow
from kiosk.ui.singletons import handed_over

if TYPE_CHECKING:
    from kiosk.services.desk import ConsoleRead, DutyDesk, Presence, SignedIn

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeskDay:
    """What a new day changes on the desk, read on a pool thread (`Desk.day_reader`)."""

    snapshot: StationSnapshot | None
    today: date
    duty_ids: tuple[str, ...]
    reloads: int  # Desk._reloads when the read started
    signed_in: dict[str, datetime] | None  # None: no database yet
    figures: dict | None


# The console says "still there?" this long before it signs an untouched deputy out.
IDLE_WARNING = timedelta(seconds=15)


class ActivityWatch(QObject):
    """Tells the desk whenever someone touches the window (the console's idle timeout)."""

    def __init__(self, touched: Callable[[], None], parent=None) -> None:
        super().__init__(parent)
        self._touched = touched

    def eventFilter(self, watched: QObject, event) -> bool:  # noqa: N802 (Qt's name)
        # Imported here: PySide builds QEvent's 180-member enum on import (~10 ms), which
        # only a console (open after a sign-in) needs.
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._touched()
        return False


@QmlElement
@QmlSingleton
class Desk(QObject):
    changed = Signal()  # present deputies and the figures
    signInChanged = Signal()
    consoleChanged = Signal()
    signedIn = Signal()  # the chosen deputy's PIN was right: open the console
    consoleClosed = Signal(str)  # the console closed by itself: "idle" or "closing_time"
    idleChanged = Signal()
    workChanged = Signal()  # a console write started or ended (`consoleWork`)
    recordSaved = Signal(str)  # "" (saved) or what is wrong: "field/code", "console/failed"
    appointmentAnswered = Signal(str, str)  # the code; "" or "state", "answer", "failed", ...
    signOutFinished = Signal(bool)  # True: signed out (QML goes home); False: it failed

    def __init__(
        self,
        now: Callable[[], datetime],
        roster_rows: Callable[[], list[dict]],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._roster_rows = roster_rows
        self._service: DutyDesk | None = None
        self.idle_timeout = timedelta(seconds=300)
        self.closing_time = time(18, 0)
        self._snapshot: StationSnapshot | None = None
        self._signed_in: dict[str, datetime] = {}
        self.presence_known = False  # who is signed in has been read (home shows it)
        # Sign-in
        self._chosen = ""
        self._checking = 0  # the attempt under way (0: none); stale answers are ignored
        self._attempts = 0
        self._message = ""
        self._wait_until: datetime | None = None
        # Console
        self._console = ""
        self._last_touch = now()
        self._walk_ins = KeyedListModel(WalkInRow, parent=self)
        self._appointments = KeyedListModel(AppointmentRequestRow, parent=self)
        self._records_today = 0
        # The signed-in deputy's items from the snapshot (counts only) and the workspace link.
        self._work: dict = {}
        self._workspace_url = ""
        self._idle_left = -1  # seconds before an idle sign-out, while the warning shows
        # The console's write under way, off the GUI thread: "record", "answer", "signOut".
        self._console_work = ""
        self._overdue = False  # closing time's sign-outs under way
        self._reading: date | None = None  # the day whose presence and figures are being read
        # Figures
        self._figures: dict = {}
        self._reloads = 0  # reads of who is present: a day's read older than the last is dropped
        self._day_coming: date | None = None  # a new day's read under way (day_reader)
        self._duty: tuple = (None, None, ())  # (snapshot, day, duty ids) last worked out
        self._off = OffThread(self)
        self._timer = QTimer(self, interval=1000, timerType=Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._activity = ActivityWatch(self.note_activity, self)
        self._window: QObject | None = None

    @staticmethod
    def create(engine) -> Desk:
        return handed_over(engine.backends.desk)

    # --- wiring ------------------------------------------------------------------------------

    def watch(self, window: QObject) -> None:
        """Touches on `window` keep an open console from its idle sign-out."""
        self._window = window

    def attach(self, service: DutyDesk, presence: Presence | None = None) -> None:
        """The database is open: sign-in works from now on. `presence` is who is signed in
        and the figures, read already off the GUI thread (kiosk.services.desk.read_presence):
        with a large database the figures' counts take tens of ms."""
        self._service = service
        now = self._now()
        if presence is not None and not any(self._due(t) <= now for t in presence[0].values()):
            self._reloads += 1
            self._signed_in, self._figures = presence
            self.presence_known = True
            self.changed.emit()
        else:
            self._sign_out_overdue()  # then shows who is present
        self.signInChanged.emit()

    def show_presence(self, signed_in: dict[str, datetime]) -> None:
        """Who is signed in, read at start-up before the database is attached (home shows
        them present at once; `attach` reads them again with the rest)."""
        if self._service is None:
            self._signed_in = dict(signed_in)
            self.presence_known = True
            self.changed.emit()

    def show(self, snapshot: StationSnapshot | None) -> None:
        self._snapshot = snapshot
        self._reload()
        if self._console:  # requests made on phones arrive with the pull
            self._refresh_console()

    def _today(self) -> date:
        return self._now().date()

    def _reload(self) -> None:
        """Read who is present and the figures again, off the GUI thread (with many appeals
        the month's counts take tens of ms); a sign-in or out meanwhile is newer: kept."""
        self._reloads += 1
        self.changed.emit()  # a new station's people show at once; the figures follow
        service = self._service
        if service is None:
            return
        reloads, today = self._reloads, self._today()
        self._reading = today

        def done(presence: Presence) -> None:
            if self._reading == today:
                self._reading = None
            if reloads == self._reloads:
                self._show_presence(presence)
                self.changed.emit()

        def failed(error: Exception) -> None:  # logged; read again at the next tick
            self._reading = None

        self._off.run(lambda: service.presence(today), done, failed, WAITED_FOR)

    def _show_presence(self, presence: Presence) -> None:
        self._signed_in, self._figures = presence
        self.presence_known = True

    @property
    def busy(self) -> bool:
        """Work on the pool has not been shown yet (the wait after tapping a photo, a check)."""
        return self._off.busy

    # --- a new day (worked out off the GUI thread: station.DayTurnover) ------------------------

    def day_reader(self, snapshot: StationSnapshot | None, today: date) -> Callable[[], DeskDay]:
        """On the GUI thread: what to read for `today`, as a function for a pool thread (its
        own session; nothing of this object's is touched there). `show_day` shows it."""
        service, reloads = self._service, self._reloads
        self._day_coming = today

        def read() -> DeskDay:
            duty_ids = on_duty(snapshot.schedules, today) if snapshot else ()
            if service is None:
                return DeskDay(snapshot, today, duty_ids, reloads, None, None)
            signed_in, figures = service.presence(today)
            return DeskDay(snapshot, today, duty_ids, reloads, signed_in, figures)

        return read

    def show_day(self, day: DeskDay) -> None:
        """Show what `day_reader` read (on the GUI thread)."""
        self._snapshot = day.snapshot
        self._day_coming = None
        self._duty = (day.snapshot, day.today, day.duty_ids)
        # A sign-in or out since the read was read again then: that is newer.
        if day.signed_in is not None and day.reloads == self._reloads:
            self._signed_in, self._figures = day.signed_in, day.figures or {}
        self.changed.emit()
        if self._console:
            self._refresh_console()

    # --- who is present ----------------------------------------------------------------------

    def _on_duty_today(self) -> tuple[str, ...]:
        """Today's duty deputies (worked out once a day: QML reads them at every change)."""
        if self._snapshot is None:
            return ()
        today = self._today()
        snapshot, day, ids = self._duty
        if snapshot is not self._snapshot or day != today:
            ids = on_duty(self._snapshot.schedules, today)
            self._duty = (self._snapshot, today, ids)
        return ids

    def _present_ids(self) -> list[str]:
        return list(self._signed_in)

    def _people(self) -> list[dict]:
        """The roster for the photo chooser: today's duty deputies first, then the others."""
        duty = self._on_duty_today()
        rows = self._roster_rows()
        first = [r for i in duty for r in rows if r["key"] == i]
        return [
            {**row, "onDuty": row["key"] in duty, "present": row["key"] in self._signed_in}
            for row in first + [r for r in rows if r["key"] not in duty]
        ]

    def _ad_hoc(self) -> list[dict]:
        """Present deputies not on today's roster (ad hoc duty): home shows them too."""
        duty = self._on_duty_today()
        rows = self._roster_rows()
        return [r for r in rows if r["key"] in self._signed_in and r["key"] not in duty]

    presentIds = Property(list, _present_ids, notify=changed)
    people = Property(list, _people, notify=changed)
    adHocPresent = Property(list, _ad_hoc, notify=changed)

    # --- sign-in -----------------------------------------------------------------------------

    def _row(self, deputy_id: str) -> dict:
        return next((r for r in self._roster_rows() if r["key"] == deputy_id), {})

    @Slot(str)
    def choose(self, deputy_id: str) -> None:
        """The deputy tapped their photo: the PIN pad is for them now (a wait still on after
        wrong PINs shows when it has been read)."""
        self._chosen = deputy_id
        self._checking = 0
        self._message = ""
        self._wait_until = None
        self.signInChanged.emit()
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
        self.signInChanged.emit()

    @Slot()
    def cancel(self) -> None:
        self._chosen = ""
        self._checking = 0
        self._message = ""
        self._wait_until = None
        self.signInChanged.emit()

    @Slot(str)
    def enterPin(self, pin: str) -> None:  # noqa: N802 (QML name)
        """Check the PIN off the GUI thread; `signedIn` or a message follows."""
        if not self._chosen or self._checking:
            return
        service = self._service
        if service is None:
            self._message = "unavailable"
            self.signInChanged.emit()
            return
        if self._wait_until is not None and self._wait_until > self._now():
            self.signInChanged.emit()
            return
        if not PIN_PATTERN.fullmatch(pin):
            self._message = "short"
            self.signInChanged.emit()
            return
        self._attempts += 1
        self._checking = attempt = self._attempts
        self._message = ""
        self.signInChanged.emit()
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
            self.signInChanged.emit()

    def _on_checked(self, attempt: int, deputy_id: str, answer: tuple) -> None:
        """The PIN was checked (GUI thread): record the answer off the GUI thread."""
        service = self._service
        if attempt != self._checking or deputy_id != self._chosen or service is None:
            return
        right, wait = answer
        if wait is not None:
            self._checking = 0
            self._wait_until = wait
            self._message = "wait"
            self.signInChanged.emit()
            return
        today = self._today()
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
                self.signInChanged.emit()
            return
        log.info("deputy %s signed in", deputy_id)
        self._reloads += 1  # newer than any day's read under way
        self._signed_in, self._figures = done.signed_in or {}, done.figures or {}
        self.presence_known = True
        if current:  # not cancelled meanwhile (signed in all the same: present on home)
            self._checking = 0
            self._chosen = ""
            self._message = ""
            self._wait_until = None
            self._open_console(deputy_id, done.console)
        self.changed.emit()
        self.signInChanged.emit()
        if current:
            self.signedIn.emit()

    def _wait_seconds(self) -> int:
        if self._wait_until is None:
            return 0
        return max(0, int((self._wait_until - self._now()).total_seconds() + 0.999))

    ready = Property(bool, lambda self: self._service is not None, notify=signInChanged)
    chosenId = Property(str, lambda self: self._chosen, notify=signInChanged)
    chosen = Property("QVariantMap", lambda self: self._row(self._chosen), notify=signInChanged)
    checking = Property(bool, lambda self: self._checking != 0, notify=signInChanged)
    message = Property(str, lambda self: self._message, notify=signInChanged)
    waitSeconds = Property(int, _wait_seconds, notify=signInChanged)

    # --- the console -------------------------------------------------------------------------

    def _open_console(self, deputy_id: str, read: ConsoleRead | None = None) -> None:
        self._console = deputy_id
        self._last_touch = self._now()
        # Watched only while a console is open: no Python on every event of the visitors'
        # screens.
        if self._window is not None:
            self._window.installEventFilter(self._activity)
        if read is None:
            self._refresh_console()
        else:
            self._show_console(read)

    def _close_console(self) -> str:
        """Close the console (if open); return whose it was."""
        deputy_id, self._console = self._console, ""
        self._work = {}
        if self._window is not None:
            self._window.removeEventFilter(self._activity)
        if self._idle_left >= 0:
            self._idle_left = -1
            self.idleChanged.emit()
        self.consoleChanged.emit()
        return deputy_id

    def _refresh_console(self) -> None:
        """Read the open console again (requests made on phones, a new day), off the GUI
        thread."""
        service, deputy_id, today = self._service, self._console, self._today()
        if service is None or not deputy_id:
            return

        def done(read: ConsoleRead) -> None:
            if self._console == deputy_id:  # still open for them
                self._show_console(read)

        self._off.run(lambda: service.console(deputy_id, today), done, priority=WAITED_FOR)

    def _show_console(self, read: ConsoleRead) -> None:
        work = read.work
        self._records_today = read.records_today
        self._workspace_url = read.workspace_url
        self._work = (
            {"waiting": work.waiting, "overdue": work.overdue, "dueSoon": work.due_soon}
            if work is not None and self._console
            else {}
        )
        walk_ins, asked = read.walk_ins, read.asked
        self._walk_ins.replace(
            {
                "key": w.tracking_code,
                "code": tracking.display(w.tracking_code),
                "category": w.category,
                "block": w.block,
                "time": f"{w.created_at:%H:%M}",
                "callback": w.request == "callback",
            }
            for w in walk_ins
        )
        self._appointments.replace(self._appointment_row(a) for a in asked)
        self.consoleChanged.emit()

    def _appointment_row(self, row: Any) -> dict:
        """A request as the console lists it: code, day, time, state (never the sealed part)."""
        possible = answers_for(row.state)
        return {
            "key": row.code,
            "code": tracking.display(row.code),
            "day": day_text(row.date),
            "time": self._reception_time(row.schedule_id, row.date),
            "requestState": row.state,
            "canConfirm": "confirmed" in possible,
            "canDecline": "declined" in possible,
        }

    def _reception_time(self, schedule_id: str | None, day: date) -> str:
        """The reception's hours that day ("09:00–11:30"), or "" when the schedule is unknown."""
        if self._snapshot is None or not schedule_id:
            return ""
        held = reception_days_on(self._snapshot.schedules, day, holidays=self._snapshot.holidays)
        return next(
            (time_range_text(r.start, r.end) for r in held if r.schedule_id == schedule_id), ""
        )

    def _start_work(
        self,
        kind: str,
        work: Callable[[DutyDesk, str, date], ConsoleRead],
        shown: Callable[[str], None],
    ) -> str:
        """Run a console write off the GUI thread (`consoleWork` says which meanwhile); show
        the console it answers with, then `shown("")`, or `shown(problem)`. Returns at once:
        "" (started), "closed" (no console) or "busy" (another write is under way)."""
        from kiosk.services.desk import Refused

        service, deputy_id = self._service, self._console
        if not deputy_id or service is None:
            return "closed"
        if self._console_work:
            return "busy"
        self._set_work(kind)
        today = self._today()

        def done(read: ConsoleRead) -> None:
            self._set_work("")
            if self._console == deputy_id:  # still theirs (not signed out meanwhile)
                self._show_console(read)
            shown("")

        def failed(error: Exception) -> None:
            self._set_work("")
            # Refused: what the deputy can put right; anything else is logged already.
            shown(error.problem if isinstance(error, Refused) else "failed")

        self._off.run(lambda: work(service, deputy_id, today), done, failed, WAITED_FOR, (Refused,))
        return ""

    def _set_work(self, kind: str) -> None:
        self._console_work = kind
        self.workChanged.emit()

    @Slot(str, str, str, result=str)
    def answerAppointment(self, code: str, answer: str, note: str) -> str:  # noqa: N802
        """Confirm or decline a request to this deputy, off the GUI thread (its new state and
        the outbox event in one transaction): "" started, `appointmentAnswered(code, "")` or
        what is wrong ("state", "answer", "note", "failed") follows; else "closed", "busy"."""
        return self._start_work(
            "answer",
            lambda service, deputy_id, today: service.answer_appointment(
                deputy_id, code, answer, note, today
            ),
            lambda problem: self.appointmentAnswered.emit(code, problem),
        )

    @Slot(int, str, str, str, result=str)
    def saveRecord(self, visitors: int, topic: str, notes: str, codes: str) -> str:  # noqa: N802
        """Save a reception record with its outbox event, off the GUI thread: "" started, and
        `recordSaved("")` or `recordSaved("field/code")` follows; else "console/closed",
        "console/busy" at once. "console/failed": the database failed (logged)."""
        started = self._start_work(
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
    def leaveConsole(self) -> None:  # noqa: N802 (QML name)
        """Back or Home from the console: the deputy stays signed in (present); reopening the
        console takes the PIN again."""
        if self._console:
            self._close_console()

    @Slot()
    def signOut(self) -> None:  # noqa: N802 (QML name)
        """The deputy's 签退, off the GUI thread: `signOutFinished(True)` once recorded (the
        console closes), or `signOutFinished(False)` (the console stays: try again)."""
        service, deputy_id = self._service, self._console
        if not deputy_id or service is None or self._console_work:
            return
        self._set_work("signOut")
        at, today = self._now(), self._today()

        def done(presence: Presence) -> None:
            self._set_work("")
            if self._console == deputy_id:
                self._close_console()
            self._reloads += 1
            self._show_presence(presence)
            self.changed.emit()
            self.signOutFinished.emit(True)

        def failed(error: Exception) -> None:
            self._set_work("")
            self.signOutFinished.emit(False)

        self._off.run(
            lambda: service.sign_out(deputy_id, Reason.MANUAL, at, today), done, failed, WAITED_FOR
        )

    def _sign_out(self, deputy_id: str, reason: Reason, at: datetime) -> None:
        """Sign out a deputy whose console closed by itself (idle), off the GUI thread."""
        service, today = self._service, self._today()
        if service is None:
            return
        self._reloads += 1
        reloads = self._reloads

        def done(presence: Presence) -> None:
            if reloads == self._reloads:  # nothing newer read meanwhile
                self._show_presence(presence)
                self.changed.emit()

        def failed(error: Exception) -> None:
            # Still signed in: closing time signs them out (logged with its cause already).
            log.warning("deputy %s could not be signed out (%s)", deputy_id, reason.value)

        self._off.run(
            lambda: service.sign_out(deputy_id, reason, at, today), done, failed, WAITED_FOR
        )

    def _console_row(self) -> dict:
        return self._row(self._console) if self._console else {}

    consoleOpen = Property(bool, lambda self: bool(self._console), notify=consoleChanged)
    # Seconds left before the console signs out for want of a touch; -1 when not warning.
    idleSecondsLeft = Property(int, lambda self: self._idle_left, notify=idleChanged)
    consoleDeputy = Property("QVariantMap", _console_row, notify=consoleChanged)
    walkIns = Property(KeyedListModel, lambda self: self._walk_ins, constant=True)
    appointments = Property(KeyedListModel, lambda self: self._appointments, constant=True)
    recordsToday = Property(int, lambda self: self._records_today, notify=consoleChanged)
    # {"waiting", "overdue", "dueSoon"} from the last pull; {} when the server sent none.
    work = Property("QVariantMap", lambda self: self._work, notify=consoleChanged)
    workspaceUrl = Property(str, lambda self: self._workspace_url, notify=consoleChanged)
    # The console's write under way ("record", "answer", "signOut"), or "": its button waits.
    consoleWork = Property(str, lambda self: self._console_work, notify=workChanged)

    # --- time passing: lock countdown, idle console, closing time ----------------------------

    def _due(self, signed_in_at: datetime) -> datetime:
        return sign_in_ends(signed_in_at, self.closing_time)

    def _sign_out_overdue(self) -> None:
        """Sign out, at their closing time, deputies who are still signed in after it (also
        when the kiosk was off then), off the GUI thread."""
        service = self._service
        if service is None or self._overdue:
            return
        self._overdue = True
        self._reloads += 1
        reloads = self._reloads

        def done(answer: tuple[list[str], Presence]) -> None:
            self._overdue = False
            gone, presence = answer
            if self._console in gone:
                self._close_console()
                self.consoleClosed.emit(Reason.CLOSING_TIME.value)
            if reloads == self._reloads or gone:
                self._reloads += 1
                self._show_presence(presence)
                self.changed.emit()

        def failed(error: Exception) -> None:
            self._overdue = False  # tried again at the next tick

        closing, today = self.closing_time, self._today()
        self._off.run(lambda: service.sign_out_overdue(closing, today), done, failed, WAITED_FOR)

    def _tick(self) -> None:
        now = self._now()
        if any(self._due(since) <= now for since in self._signed_in.values()):
            self._sign_out_overdue()
        if (
            self._console
            and not self._console_work  # its answer closes the console or keeps it
            and not self._overdue  # closing time's sign-out closes it (the reason it gives)
            and now - self._last_touch >= self.idle_timeout
        ):
            self._sign_out(self._close_console(), Reason.IDLE, now)
            self.consoleClosed.emit(Reason.IDLE.value)
        left = -1
        if self._console:
            remaining = (self._last_touch + self.idle_timeout - now).total_seconds()
            left = int(remaining + 0.999) if remaining <= IDLE_WARNING.total_seconds() else -1
        if left != self._idle_left:
            self._idle_left = left
            self.idleChanged.emit()
        if self._wait_until is not None:
            if self._wait_until <= now:
                self._wait_until = None
                self._message = ""
            self.signInChanged.emit()
        today = self._today()
        if (
            self._figures.get("day") != today.isoformat()
            and self._service
            and self._day_coming != today
            and self._reading != today  # read already, not shown yet
        ):
            self._reload()

    @Slot()
    def refreshFigures(self) -> None:  # noqa: N802 (QML name)
        self._reload()

    figures = Property("QVariantMap", lambda self: self._figures, notify=changed)
