# SPDX-License-Identifier: GPL-3.0-or-later
"""`PinRules` for QML: how long a PIN the pads take, from the domain's PIN rules (the screens
hold no numbers of their own)."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.domain.pins import ADMIN_PIN_LONGEST, PIN_LONGEST
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)


@QmlElement
@QmlSingleton
class PinRules(QObject):
    # A deputy's sign-in PIN (kiosk.domain.pins.PIN_PATTERN) and the admin PIN.
    deputyLongest = Property(int, lambda self: PIN_LONGEST, constant=True)
    adminLongest = Property(int, lambda self: ADMIN_PIN_LONGEST, constant=True)
