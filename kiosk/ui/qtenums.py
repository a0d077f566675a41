# SPDX-License-Identifier: GPL-3.0-or-later
"""The few Qt enum values start-up needs, without PySide's `Qt` namespace.

The first use of `Qt` (even `from PySide6.QtCore import Qt`) makes PySide build all of its
~95 Python enums: 25-45 ms of the interpreter on the way to the first frame
(docs/performance.md). Code that runs before the first frame takes these instead; code that
runs later imports `Qt` where it uses it. tests/ui/test_startup.py checks that a started
kiosk has not built `Qt` by its first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QCursor

USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole: a list model's first role of its own

# Qt.WindowType: a frameless window on top of the others (the kiosk's full screen)
WINDOW = 0x00000001
FRAMELESS_WINDOW_HINT = 0x00000800
WINDOW_STAYS_ON_TOP_HINT = 0x00040000

_BLANK_CURSOR_SHAPE = 10  # Qt.CursorShape.BlankCursor


def blank_cursor() -> QCursor:
    """QCursor(Qt.CursorShape.BlankCursor), read from its serialised form (a 16-bit shape)."""
    # Imported here: their classes (and enums) are made when first named, and only a kiosk
    # that hides its cursor needs them.
    from PySide6.QtCore import QByteArray, QDataStream
    from PySide6.QtGui import QCursor

    cursor = QCursor()
    QDataStream(QByteArray(_BLANK_CURSOR_SHAPE.to_bytes(2, "big"))) >> cursor
    return cursor
