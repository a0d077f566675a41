# SPDX-License-Identifier: GPL-3.0-or-later
"""`Appointments` for QML: the requests made to the deputy whose console is open, and their
answers (confirm or decline).

The list comes with each read of the console (`DutyConsole.readShown`); an answer is one of
the console's writes (its new state and the outbox event in one transaction, by
kiosk.services.desk, off the GUI thread), so it waits while another write is under way.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.domain import tracking
from kiosk.domain.appointments import answers_for
from kiosk.domain.reception import reception_days_on
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.console import DutyConsole
from kiosk.ui.dates import day_text, time_range_text
from kiosk.ui.listmodel import KeyedListModel
from kiosk.ui.presence import Presence
from kiosk.ui.singletons import handed_over

if TYPE_CHECKING:
    from kiosk.services.desk import ConsoleRead


@QmlElement
@QmlSingleton
class Appointments(QObject):
    answered = Signal(str, str)  # the code; "" or "state", "answer", "failed", ...

    def __init__(
        self, console: DutyConsole, presence: Presence, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._console = console
        self._presence = presence  # its snapshot: the receptions' hours
        self._requests = KeyedListModel(
            ["key", "code", "day", "time", "state", "canConfirm", "canDecline"], parent=self
        )
        console.readShown.connect(self._show)

    @staticmethod
    def create(engine: Any) -> Appointments:
        return handed_over(engine.backends.appointments)

    def _show(self, read: ConsoleRead) -> None:
        self._requests.replace(self._row(a) for a in read.asked)

    def _row(self, row: Any) -> dict[str, Any]:
        """A request as the console lists it: code, day, time, state (never the sealed part)."""
        possible = answers_for(row.state)
        return {
            "key": row.code,
            "code": tracking.display(row.code),
            "day": day_text(row.date),
            "time": self._reception_time(row.schedule_id, row.date),
            "state": row.state,
            "canConfirm": "confirmed" in possible,
            "canDecline": "declined" in possible,
        }

    def _reception_time(self, schedule_id: str | None, day: date) -> str:
        """The reception's hours that day ("09:00–11:30"), or "" when the schedule is unknown."""
        snapshot = self._presence.snapshot
        if snapshot is None or not schedule_id:
            return ""
        held = reception_days_on(snapshot.schedules, day, holidays=snapshot.holidays)
        return next(
            (time_range_text(r.start, r.end) for r in held if r.schedule_id == schedule_id), ""
        )

    @Slot(str, str, str, result=str)
    def answer(self, code: str, answer: str, note: str) -> str:
        """Confirm or decline a request to this deputy, off the GUI thread: "" started,
        `answered(code, "")` or what is wrong ("state", "answer", "note", "failed") follows;
        else "closed", "busy"."""
        return self._console.start_work(
            "answer",
            lambda service, deputy_id, today: service.answer_appointment(
                deputy_id, code, answer, note, today
            ),
            lambda problem: self.answered.emit(code, problem),
        )

    # The requests to the console's deputy: key, code, day, time, state, canConfirm, canDecline.
    requests = Property(QObject, lambda self: self._requests, constant=True)
