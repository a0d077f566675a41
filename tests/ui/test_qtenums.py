# SPDX-License-Identifier: GPL-3.0-or-later
"""The Qt enum values start-up uses without PySide's `Qt` namespace are Qt's own."""

from PySide6.QtCore import Qt

from kiosk.ui.qtenums import (
    FRAMELESS_WINDOW_HINT,
    USER_ROLE,
    WINDOW,
    WINDOW_STAYS_ON_TOP_HINT,
    blank_cursor,
)


def test_the_values_are_qts():
    assert Qt.ItemDataRole.UserRole.value == USER_ROLE
    assert Qt.WindowType.Window.value == WINDOW
    assert Qt.WindowType.FramelessWindowHint.value == FRAMELESS_WINDOW_HINT
    assert Qt.WindowType.WindowStaysOnTopHint.value == WINDOW_STAYS_ON_TOP_HINT


def test_the_startup_reports_ticker_is_precise(qapp):
    from PySide6.QtCore import QTimer

    from kiosk.startup_report import PRECISE_TIMER

    ticker = QTimer()
    ticker.setProperty("timerType", PRECISE_TIMER)
    assert ticker.timerType() == Qt.TimerType.PreciseTimer


def test_the_blank_cursor_is_qts(qapp):
    assert blank_cursor().shape() == Qt.CursorShape.BlankCursor
