# SPDX-License-Identifier: GPL-3.0-or-later
"""`Admin` for QML: the hidden gesture, the admin PIN, and the technician's panel.

The gesture: five taps in the top-left corner of home within 3 s (watched as an event filter
on the window, never taking the taps from what is under them). Then the PIN (kiosk.store.
admin_pin: argon2id, lockout with a growing delay that survives a restart). The panel's facts
are gathered on a pool thread (kiosk.sync.diagnostics): the server check may take seconds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    Property,
    QEvent,
    QObject,
    Signal,
    Slot,
)
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk import __version__
from kiosk.store.admin_pin import AdminPin
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.offthread import OffThread
from kiosk.ui.singletons import handed_over

log = logging.getLogger(__name__)

# The top-left corner, wide enough to hold home's station-kind badge: technicians tap the
# badge itself (issue 16 §2).
CORNER_WIDTH_PX, CORNER_HEIGHT_PX = 340, 130
GESTURE_TAPS = 5
GESTURE_SECONDS = 3


@QmlElement
@QmlSingleton
class Admin(QObject):
    gesture = Signal()  # five taps in the corner: QML asks for the PIN (on home only)
    changed = Signal()
    diagnosticsChanged = Signal()
    pinAccepted = Signal()  # QML opens the panel

    def __init__(
        self,
        pin: AdminPin,
        now: Callable[[], datetime],
        gather: Callable[[], dict[str, Any]],
        *,
        station_name: Callable[[], str] = lambda: "",
        set_language: Callable[[str], None] = lambda _language: None,
        language: str = "zh_CN",
        exit_kiosk: Callable[[], None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pin = pin
        self._now = now
        self._gather = gather
        self._station_name = station_name
        self._set_language = set_language
        self._language = language
        self._exit = exit_kiosk
        self._taps: list[datetime] = []
        self._status = ""
        self._locked_seconds = self._tries_left = 0
        self._facts: dict[str, Any] = {}
        self._gathering = False
        self._off = OffThread(self)  # the PIN's check and the panel's facts

    @staticmethod
    def create(engine) -> Admin:
        return handed_over(engine.backends.admin)

    # --- the gesture -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Counted when the finger lifts: the PIN pad then opens after the tap is over, so the
        # fifth tap's release cannot land on the pad's Back button (issue 16 §2).
        kind = event.type()
        if kind == QEvent.Type.MouseButtonRelease:
            self._tap(event.position())
        elif kind == QEvent.Type.TouchEnd and event.points():
            self._tap(event.points()[0].position())
        return False  # only watching

    def _tap(self, where) -> None:
        if where.x() > CORNER_WIDTH_PX or where.y() > CORNER_HEIGHT_PX:
            self._taps.clear()
            return
        now = self._now()
        self._taps = [t for t in self._taps if now - t <= timedelta(seconds=GESTURE_SECONDS)]
        self._taps.append(now)
        if len(self._taps) >= GESTURE_TAPS:
            self._taps.clear()
            self.gesture.emit()

    # --- the PIN ---------------------------------------------------------------------------

    @Slot(str)
    def tryPin(self, pin: str) -> None:  # noqa: N802 (QML name)
        """Check `pin` on a pool thread (argon2id takes a good part of a second): then
        `pinAccepted`, or `status` says why not ("no_pin", "wrong" with `triesLeft`, "locked"
        with `lockedSeconds`), for QML to put in words. "checking" meanwhile."""
        if self._status == "checking":
            return
        if not self._pin.configured:
            self._set_status("no_pin", 0, 0)
            return
        self._set_status("checking", 0, 0)

        self._off.run(
            lambda: self._pin.try_pin(pin),
            lambda a: self._show_attempt(a.accepted, a.locked_seconds, a.tries_left),
            lambda error: self._set_status("", 0, 0),  # logged: the pad may be used again
        )

    def _show_attempt(self, accepted: bool, locked_seconds: int, tries_left: int) -> None:
        if accepted:
            log.info("admin panel opened")
            self._set_status("", 0, 0)
            self.pinAccepted.emit()
            return
        log.warning("wrong admin PIN (locked for %d s)", locked_seconds)
        if locked_seconds:
            self._set_status("locked", locked_seconds, 0)
        else:
            self._set_status("wrong", 0, tries_left)

    @Slot()
    def refreshLock(self) -> None:  # noqa: N802 (QML name)
        """The PIN pad calls this when it opens and every second while a wait shows."""
        if not self._pin.configured:
            self._set_status("no_pin", 0, 0)
        elif locked := self._pin.locked_seconds():
            self._set_status("locked", locked, 0)
        elif self._status == "locked":
            self._set_status("", 0, 0)

    def _set_status(self, status: str, locked_seconds: int, tries_left: int) -> None:
        self._status, self._locked_seconds, self._tries_left = status, locked_seconds, tries_left
        self.changed.emit()

    status = Property(str, lambda self: self._status, notify=changed)
    lockedSeconds = Property(int, lambda self: self._locked_seconds, notify=changed)
    triesLeft = Property(int, lambda self: self._tries_left, notify=changed)

    # --- the panel -------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Gather the panel's facts on a pool thread; `diagnostics` changes when they come."""
        if self._gathering:
            return
        self._gathering = True
        self.diagnosticsChanged.emit()

        def failed(error: Exception) -> None:  # the panel must still open (logged)
            self._show_facts({"databaseProblem": f"{type(error).__name__}: {error}"})

        self._off.run(self._gather, self._show_facts, failed)

    def _show_facts(self, facts: dict) -> None:
        self._facts = facts
        self._gathering = False
        self.diagnosticsChanged.emit()

    @Slot(str)
    def setLanguage(self, language: str) -> None:  # noqa: N802 (QML name)
        if language != self._language:
            self._language = language
            self._set_language(language)
            self.changed.emit()

    @Slot()
    def exitKiosk(self) -> None:  # noqa: N802 (QML name)
        log.info("the kiosk was closed from the admin panel")
        self._exit()

    diagnostics = Property("QVariantMap", lambda self: self._facts, notify=diagnosticsChanged)
    gathering = Property(bool, lambda self: self._gathering, notify=diagnosticsChanged)
    language = Property(str, lambda self: self._language, notify=changed)
    version = Property(str, lambda self: __version__, constant=True)
    stationName = Property(str, lambda self: self._station_name(), notify=diagnosticsChanged)


class Lockdown(QObject):
    """Keeps visitors in the kiosk: no closing the window (Alt+F4, a window manager's close),
    no keyboard shortcuts, no context menus (which would also offer copy and paste of what
    the previous visitor typed). Watches the window as an event filter."""

    _BLOCKED = frozenset(
        {
            QEvent.Type.ContextMenu,
            QEvent.Type.ShortcutOverride,
            QEvent.Type.Shortcut,
        }
    )
    _INPUT = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
        }
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.exit_allowed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in self._INPUT:
            return self._other(kind, event)
        # Only for input (a visitor's first touch, after the first frame): the first use of
        # `Qt` builds all PySide's enums of it (kiosk/ui/qtenums.py).
        from PySide6.QtCore import Qt

        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            return event.button() != Qt.MouseButton.LeftButton  # right-click menus
        modifiers = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        return bool(modifiers) or event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Menu)

    def _other(self, kind: QEvent.Type, event: QEvent) -> bool:
        if kind == QEvent.Type.Close:
            if not self.exit_allowed:
                event.ignore()
                return True
            return False
        return kind in self._BLOCKED
