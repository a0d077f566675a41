# SPDX-License-Identifier: GPL-3.0-or-later
"""Work that waits for the window's first frame (start-up's database, systemd's READY=1)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtQuick import QQuickWindow


class AfterFirstFrame(QObject):
    """Runs `task` once, on the GUI thread, after the window's first frame.

    frameSwapped comes from the render thread: the queued connection brings it here.
    """

    def __init__(self, window: QQuickWindow, task: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._task: Callable[[], None] | None = task
        window.frameSwapped.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _run(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            self._window.frameSwapped.disconnect(self._run)
            task()
