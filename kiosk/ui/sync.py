# SPDX-License-Identifier: GPL-3.0-or-later
"""`Sync` for QML: the connection state home shows, the outbox counts, and "sync now".

It lives on the GUI thread; the worker's signals reach it queued, so QML only ever sees
values set here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.singletons import handed_over


@QmlElement
@QmlSingleton
class Sync(QObject):
    changed = Signal()
    syncNowRequested = Signal()  # connected to the worker's sync_now (queued)

    def __init__(self, show_snapshot: Callable[[Any], None], parent=None) -> None:
        super().__init__(parent)
        self._show_snapshot = show_snapshot
        self._state = "starting"
        self._pending = self._quarantined = 0

    @staticmethod
    def create(engine) -> Sync:
        return handed_over(engine.backends.sync)

    @Slot(str)
    def set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.changed.emit()

    def assume(self, state: str) -> None:
        """The state home shows until the worker says otherwise (read at start-up: enrolled,
        then "syncing" is what the worker's first cycle says too; or "not_enrolled")."""
        if self._state == "starting":
            self.set_state(state)

    @Slot(int, int, int)
    def set_counts(self, pending: int, _sent: int, quarantined: int) -> None:
        if (pending, quarantined) != (self._pending, self._quarantined):
            self._pending, self._quarantined = pending, quarantined
            self.changed.emit()

    @Slot(object)
    def apply_snapshot(self, snapshot: object) -> None:
        self._show_snapshot(snapshot)

    @Slot()
    def syncNow(self) -> None:  # noqa: N802 (QML name)
        self.syncNowRequested.emit()

    state = Property(str, lambda self: self._state, notify=changed)
    pending = Property(int, lambda self: self._pending, notify=changed)
    quarantined = Property(int, lambda self: self._quarantined, notify=changed)
