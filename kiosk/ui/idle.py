# SPDX-License-Identifier: GPL-3.0-or-later
"""`Idle`: notices when the visitor has walked away (DESIGN.md §3).

No touch, click or key for `idle_timeout_seconds` → `asking` turns true (the screen asks
"still there?"); no answer for `idle_prompt_seconds` more → `walkedAway`, and the screens wipe
what the visitor left and go home. Any touch in between is the answer.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.singletons import handed_over

# What a visitor does to a touchscreen; hover, paint and timer events are not a visitor.
_VISITOR_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


@QmlElement
@QmlSingleton
class Idle(QObject):
    askingChanged = Signal()
    walkedAway = Signal()

    def __init__(self, timeout_seconds: int, prompt_seconds: int, parent=None) -> None:
        super().__init__(parent)
        self._asking = False
        self._quiet = QTimer(self, singleShot=True, interval=timeout_seconds * 1000)
        self._quiet.timeout.connect(self._ask)
        self._prompt = QTimer(self, singleShot=True, interval=prompt_seconds * 1000)
        self._prompt.timeout.connect(self._give_up)
        self._quiet.start()

    @staticmethod
    def create(engine) -> Idle:
        return handed_over(engine.backends.idle)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _VISITOR_EVENTS:
            self.touched()
        return False  # only watching: the event goes on to its item

    @Slot()
    def touched(self) -> None:
        """The visitor is here: start counting again, and stop asking."""
        self._prompt.stop()
        self._quiet.start()
        self._set_asking(False)

    def stop(self) -> None:
        self._quiet.stop()
        self._prompt.stop()

    def _ask(self) -> None:
        self._set_asking(True)
        self._prompt.start()

    def _give_up(self) -> None:
        self._set_asking(False)
        self.walkedAway.emit()
        self._quiet.start()

    def _set_asking(self, asking: bool) -> None:
        if asking != self._asking:
            self._asking = asking
            self.askingChanged.emit()

    @Property(bool, notify=askingChanged)
    def asking(self) -> bool:
        return self._asking

    @Property(int, constant=True)
    def promptSeconds(self) -> int:  # noqa: N802 (QML name)
        return self._prompt.interval() // 1000
