# SPDX-License-Identifier: GPL-3.0-or-later
"""`Reading` for QML: how this visitor reads the kiosk (issue 16 §1).

Large text (大字), high contrast, and the language (简 / 繁 / EN) are one visitor's choices:
they hold until the visitor walks away, then the kiosk is back to the station's defaults.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.singletons import handed_over

LANGUAGES = ("zh_CN", "zh_TW", "en")


@QmlElement
@QmlSingleton
class Reading(QObject):
    changed = Signal()

    def __init__(self, language: str = "zh_CN", parent=None) -> None:
        super().__init__(parent)
        self.default_language = language
        self._language = language
        self._large = False
        self._contrast = False
        # Set by the composition root: installs the translation and redraws (app.py).
        self.switch_language: Callable[[str], None] = lambda _language: None

    @staticmethod
    def create(engine) -> Reading:
        return handed_over(engine.backends.reading)

    @Slot(str)
    def setLanguage(self, language: str) -> None:  # noqa: N802 (QML name)
        if language in LANGUAGES and language != self._language:
            self._language = language
            self.switch_language(language)
            self.changed.emit()

    @Slot()
    def toggleLargeText(self) -> None:  # noqa: N802 (QML name)
        self._large = not self._large
        self.changed.emit()

    @Slot()
    def toggleHighContrast(self) -> None:  # noqa: N802 (QML name)
        self._contrast = not self._contrast
        self.changed.emit()

    @Slot()
    def reset(self) -> None:
        """The visitor walked away: the station's language, normal text and colours."""
        self._large = self._contrast = False
        if self._language != self.default_language:
            self._language = self.default_language
            self.switch_language(self.default_language)
        self.changed.emit()

    language = Property(str, lambda self: self._language, notify=changed)
    largeText = Property(bool, lambda self: self._large, notify=changed)
    highContrast = Property(bool, lambda self: self._contrast, notify=changed)
