# SPDX-License-Identifier: GPL-3.0-or-later
"""Work that waits for the window's first frame (start-up's database, systemd's READY=1).

Nothing here touches PySide's `Qt` namespace (`Qt.ConnectionType`...): the first use of it
builds all its ~95 Python enums, 25-45 ms the first frame need not wait for
(docs/performance.md). `kiosk.ui.qtenums` says the same of the rest of start-up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot
from PySide6.QtQuick import QQuickWindow


class FrameSwaps(QObject):
    """Calls `handler` on the GUI thread after each frame the window swaps, as a queued
    connection to frameSwapped would, until `stop()`.

    frameSwapped comes from the render thread (threaded render loops) or from within the
    GUI thread's rendering (Qt Quick's software loop): either way `handler` runs afterwards,
    from the GUI thread's event loop. An automatic connection to a slot of this object (which
    lives on the GUI thread) brings a render thread's signal here; the event posted to it
    then waits, as a queued call would, for the frame being drawn to finish.
    """

    _SWAPPED = QEvent.Type.User  # only ever posted to this object

    def __init__(self, window: QQuickWindow, handler: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._handler: Callable[[], None] | None = handler
        window.frameSwapped.connect(self._swapped)

    def stop(self) -> None:
        if self._handler is not None:
            self._handler = None
            self._window.frameSwapped.disconnect(self._swapped)

    @Slot()
    def _swapped(self) -> None:
        QCoreApplication.postEvent(self, QEvent(self._SWAPPED))

    def customEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == self._SWAPPED and self._handler is not None:
            self._handler()


class AfterFirstFrame(QObject):
    """Runs `task` once, on the GUI thread, after the window's first frame."""

    def __init__(self, window: QQuickWindow, task: Callable[[], None]) -> None:
        super().__init__(window)
        self._task: Callable[[], None] | None = task
        self._swaps = FrameSwaps(window, self._run)

    def _run(self) -> None:
        task, self._task = self._task, None
        self._swaps.stop()
        if task is not None:
            task()
