# SPDX-License-Identifier: GPL-3.0-or-later
"""What bench/startup.py reads from a starting kiosk (KIOSK_REPORT_FIRST_FRAME=1), on stdout:

- `first-frame T`: the wall time of the first frame swapped;
- `home-complete T`: the first frame with home complete: the station from the database, the
  connection state known and every image on screen (deputy photos) loaded;
- `gui-stall-at S`, then `gui-stall MS`: after `STALL_WINDOW_S` from the first frame, the
  longest time the GUI thread did not answer a 5 ms timer (its event loop was busy or waiting
  for the interpreter), and when it ended, in seconds after the first frame.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.ui.firstframe import FrameSwaps

TICK_MS = 5
PRECISE_TIMER = 0  # Qt.TimerType.PreciseTimer
STALL_WINDOW_S = 10.0


def _items(item: QQuickItem) -> list[QQuickItem]:
    found, stack = [], [item]
    while stack:
        item = stack.pop()
        found.append(item)
        stack.extend(item.childItems())
    return found


def images_loaded(window: QQuickWindow) -> bool:
    """Every visible image with a source has finished loading (its `progress` is 1)."""
    for item in _items(window.contentItem()):
        if not item.isVisible() or not item.metaObject().className().startswith("QQuickImage"):
            continue
        if item.property("source").toString() and item.property("progress") < 1.0:
            return False
    return True


class StartupReport(QObject):
    def __init__(self, window: QQuickWindow, home_ready: Callable[[], bool], out=print) -> None:
        super().__init__(window)
        self._window = window
        self._home_ready = home_ready
        self._out = out
        self._first_frame = 0.0
        self._complete = False
        self.longest_stall_ms = 0.0
        self.longest_stall_at = 0.0
        self._last_tick = 0.0
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self._tick)
        # As a queued connection to frameSwapped (no Qt.ConnectionType before the first frame:
        # it builds PySide's `Qt` enums, which the kiosk leaves for later, kiosk/ui/qtenums.py).
        self._swaps = FrameSwaps(window, self._frame)

    def _frame(self) -> None:
        now = time.time()
        if not self._first_frame:
            self._first_frame = now
            self._out(f"first-frame {now:.6f}", flush=True)
            # Qt.TimerType.PreciseTimer, by value: naming `Qt` here would build its enums at
            # the first frame, which the kiosk itself leaves for its first use (qtenums.py).
            self._ticker.setProperty("timerType", PRECISE_TIMER)
            self._last_tick = time.perf_counter()
            self._ticker.start()
            QTimer.singleShot(int(STALL_WINDOW_S * 1000), self._finish)
            self._window.update()  # the next frame checks again
            return
        if not self._complete:
            probing = time.perf_counter()
            complete = self._home_ready() and images_loaded(self._window)
            # The probe's own walk over every item (15-40 ms of Python) is the report's, not
            # the kiosk's: it is taken out of the gap the stall watch is measuring.
            self._last_tick += time.perf_counter() - probing
            if complete:
                self._complete = True
                self._out(f"home-complete {now:.6f}", flush=True)
                self._swaps.stop()
            else:
                QTimer.singleShot(TICK_MS, self._window.update)

    @Slot()
    def _tick(self) -> None:
        now = time.perf_counter()
        stall = (now - self._last_tick) * 1000 - TICK_MS
        if stall > self.longest_stall_ms:
            self.longest_stall_ms = stall
            self.longest_stall_at = time.time() - self._first_frame  # when it ended
        self._last_tick = now

    @Slot()
    def _finish(self) -> None:
        self._ticker.stop()
        # When it ended, in seconds after the first frame (what to look at next).
        self._out(f"gui-stall-at {self.longest_stall_at:.3f}", flush=True)
        self._out(f"gui-stall {self.longest_stall_ms:.1f}", flush=True)
