# SPDX-License-Identifier: GPL-3.0-or-later
"""`Presence` for QML: who is present today (home, the photo chooser) and the station's
figures (station info); deputies still signed in at closing time are signed out here.

The reads and the sign-outs are kiosk.services.desk's, run off the GUI thread
(kiosk/ui/offthread.py). A sign-in or out elsewhere (`SignIn`, `DutyConsole`) hands the
presence it read to `take`: that is newer than any read under way, which is then dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.domain.attendance import sign_in_ends
from kiosk.domain.reception import on_duty
from kiosk.domain.station import StationSnapshot
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.offthread import WAITED_FOR, OffThread
from kiosk.ui.singletons import handed_over

if TYPE_CHECKING:
    from kiosk.services.desk import DutyDesk
    from kiosk.services.desk import Presence as PresenceRead


@dataclass(frozen=True)
class PresenceDay:
    """What a new day changes, read on a pool thread (`Presence.day_reader`)."""

    snapshot: StationSnapshot | None
    today: date
    duty_ids: tuple[str, ...]
    reloads: int  # Presence's reads started when this one did
    signed_in: dict[str, datetime] | None  # None: no database yet
    figures: dict[str, Any] | None


@QmlElement
@QmlSingleton
class Presence(QObject):
    changed = Signal()  # present deputies and the figures
    # Deputies signed out at closing time (their console, if open, closes).
    signedOutAtClosing = Signal(list)
    ticked = Signal()  # every second, after this object's own checks (the others' clocks)

    def __init__(
        self,
        now: Callable[[], datetime],
        roster_rows: Callable[[], list[dict[str, Any]]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._roster_rows = roster_rows
        self._service: DutyDesk | None = None
        self.closing_time = time(18, 0)
        self.snapshot: StationSnapshot | None = None
        self._signed_in: dict[str, datetime] = {}
        self._figures: dict[str, Any] = {}
        self.presence_known = False  # who is signed in has been read (home shows it)
        self.overdue = False  # closing time's sign-outs under way
        self._reading: date | None = None  # the day whose presence and figures are being read
        self._reloads = 0  # reads of who is present: a read older than the last is dropped
        self._day_coming: date | None = None  # a new day's read under way (day_reader)
        # (snapshot, day, duty ids) last worked out
        self._duty: tuple[StationSnapshot | None, date | None, tuple[str, ...]] = (None, None, ())
        self._off = OffThread(self)
        self._timer = QTimer(self, interval=1000)  # coarse: Qt's default timer type
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    @staticmethod
    def create(engine: Any) -> Presence:
        return handed_over(engine.backends.presence)

    # --- wiring ------------------------------------------------------------------------------

    def attach(self, service: DutyDesk, presence: PresenceRead | None = None) -> None:
        """The database is open. `presence` is who is signed in and the figures, read already
        off the GUI thread (kiosk.services.desk.read_presence): with a large database the
        figures' counts take tens of ms."""
        self._service = service
        now = self._now()
        if presence is not None and not any(self._due(t) <= now for t in presence[0].values()):
            self.take(presence)
        else:
            self._sign_out_overdue()  # then shows who is present

    def show_presence(self, signed_in: dict[str, datetime]) -> None:
        """Who is signed in, read at start-up before the database is attached (home shows
        them present at once; `attach` reads them again with the rest)."""
        if self._service is None:
            self._signed_in = dict(signed_in)
            self.presence_known = True
            self.changed.emit()

    def show(self, snapshot: StationSnapshot | None) -> None:
        self.snapshot = snapshot
        self._reload()

    def newer(self) -> int:
        """A sign-in or out starts: reads under way are older. Returns its number (`take`)."""
        self._reloads += 1
        return self._reloads

    def take(self, presence: PresenceRead, read: int | None = None) -> None:
        """Show who is present and the figures read after a sign-in or out (`read`: the
        number `newer` gave when it started; shown only if nothing newer came since)."""
        if read is None:
            self.newer()
        elif read != self._reloads:
            return
        self._signed_in, self._figures = presence
        self.presence_known = True
        self.changed.emit()

    @property
    def busy(self) -> bool:
        """A read or a sign-out on the pool has not been shown yet."""
        return self._off.busy

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

        def done(presence: PresenceRead) -> None:
            if self._reading == today:
                self._reading = None
            self.take(presence, reloads)

        def failed(error: Exception) -> None:  # logged; read again at the next tick
            self._reading = None

        self._off.run(lambda: service.presence(today), done, failed, WAITED_FOR)

    # --- a new day (worked out off the GUI thread: app.DayTurnover) ----------------------------

    def day_reader(
        self, snapshot: StationSnapshot | None, today: date
    ) -> Callable[[], PresenceDay]:
        """On the GUI thread: what to read for `today`, as a function for a pool thread (its
        own connection; nothing of this object's is touched there). `show_day` shows it."""
        service, reloads = self._service, self._reloads
        self._day_coming = today

        def read() -> PresenceDay:
            duty_ids = on_duty(snapshot.schedules, today) if snapshot else ()
            if service is None:
                return PresenceDay(snapshot, today, duty_ids, reloads, None, None)
            signed_in, figures = service.presence(today)
            return PresenceDay(snapshot, today, duty_ids, reloads, signed_in, figures)

        return read

    def show_day(self, day: PresenceDay) -> None:
        """Show what `day_reader` read (on the GUI thread)."""
        self.snapshot = day.snapshot
        self._day_coming = None
        self._duty = (day.snapshot, day.today, day.duty_ids)
        # A sign-in or out since the read was read again then: that is newer.
        if day.signed_in is not None and day.reloads == self._reloads:
            self._signed_in, self._figures = day.signed_in, day.figures or {}
        self.changed.emit()

    # --- who is present ----------------------------------------------------------------------

    def _on_duty_today(self) -> tuple[str, ...]:
        """Today's duty deputies (worked out once a day: QML reads them at every change)."""
        if self.snapshot is None:
            return ()
        today = self._today()
        snapshot, day, ids = self._duty
        if snapshot is not self.snapshot or day != today:
            ids = on_duty(self.snapshot.schedules, today)
            self._duty = (self.snapshot, today, ids)
        return ids

    def _present_ids(self) -> list[str]:
        return list(self._signed_in)

    def _people(self) -> list[dict[str, Any]]:
        """The roster for the photo chooser: today's duty deputies first, then the others."""
        duty = self._on_duty_today()
        rows = self._roster_rows()
        first = [r for i in duty for r in rows if r["key"] == i]
        return [
            {**row, "onDuty": row["key"] in duty, "present": row["key"] in self._signed_in}
            for row in first + [r for r in rows if r["key"] not in duty]
        ]

    def _ad_hoc(self) -> list[dict[str, Any]]:
        """Present deputies not on today's roster (ad hoc duty): home shows them too."""
        duty = self._on_duty_today()
        rows = self._roster_rows()
        return [r for r in rows if r["key"] in self._signed_in and r["key"] not in duty]

    presentIds = Property(list, _present_ids, notify=changed)
    people = Property(list, _people, notify=changed)
    adHocPresent = Property(list, _ad_hoc, notify=changed)

    # --- the figures -------------------------------------------------------------------------

    @Slot()
    def refreshFigures(self) -> None:  # noqa: N802 (QML name)
        self._reload()

    # dict: a QVariantMap in QML.
    figures = Property(dict, lambda self: self._figures, notify=changed)

    # --- time passing: closing time, a new day -----------------------------------------------

    def _due(self, signed_in_at: datetime) -> datetime:
        return sign_in_ends(signed_in_at, self.closing_time)

    def _sign_out_overdue(self) -> None:
        """Sign out, at their closing time, deputies who are still signed in after it (also
        when the kiosk was off then), off the GUI thread."""
        service = self._service
        if service is None or self.overdue:
            return
        self.overdue = True
        reloads = self.newer()

        def done(answer: tuple[list[str], PresenceRead]) -> None:
            self.overdue = False
            gone, presence = answer
            if gone:
                self.signedOutAtClosing.emit(gone)
            self.take(presence, None if gone else reloads)

        def failed(error: Exception) -> None:
            self.overdue = False  # tried again at the next tick

        closing, today = self.closing_time, self._today()
        self._off.run(lambda: service.sign_out_overdue(closing, today), done, failed, WAITED_FOR)

    def _tick(self) -> None:
        now = self._now()
        if any(self._due(since) <= now for since in self._signed_in.values()):
            self._sign_out_overdue()
        self.ticked.emit()
        today = self._today()
        if (
            self._figures.get("day") != today.isoformat()
            and self._service
            and self._day_coming != today
            and self._reading != today  # read already, not shown yet
        ):
            self._reload()
