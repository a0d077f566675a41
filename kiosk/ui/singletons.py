# SPDX-License-Identifier: GPL-3.0-or-later
"""How the engine's backends become QML singletons: each `create(engine)` hands QML the
object the composition root made (kiosk/app.py `Backends`), which Python keeps owning."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlEngine

Backend = TypeVar("Backend", bound=QObject)


def handed_over(backend: Backend) -> Backend:
    """A singleton's create(): hand QML the engine's backend; Python keeps owning it."""
    QQmlEngine.setObjectOwnership(backend, QQmlEngine.ObjectOwnership.CppOwnership)
    return backend
