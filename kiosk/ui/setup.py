# SPDX-License-Identifier: GPL-3.0-or-later
"""`Setup` for QML: first-run enrolment (server address + one-time code) or demo mode.

Shown instead of home when the kiosk has no server configured, no station data and no
enrolment, and was not started with --demo. The enrolment's network call runs on a pool
thread; its outcome comes back to the GUI thread as a signal. A failure is one of a few
kinds (`error`), which the screen explains in plain words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.offthread import OffThread
from kiosk.ui.singletons import handed_over

log = logging.getLogger(__name__)


def failure_kind(error: Exception) -> str:
    """address | tls | unreachable | server | refused: what the screen explains."""
    from kiosk.sync.client import NotEnrolled, Refused, Unreachable, tls_problem

    if isinstance(error, ValueError):
        return "address"
    if isinstance(error, Unreachable):
        text = str(error)
        if tls_problem(error):
            return "tls"
        if text.startswith("server error") or text.startswith("unreadable answer"):
            return "server"
        return "unreachable"
    if isinstance(error, Refused | NotEnrolled):
        return "refused"
    return "server"


@QmlElement
@QmlSingleton
class Setup(QObject):
    changed = Signal()
    enrolled = Signal()  # QML shows home

    def __init__(
        self,
        needed: bool,
        enrol: Callable[[str, str], object],
        use_demo: Callable[[], None],
        after_enrolment: Callable[[], None],
        server_url: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._needed = needed
        self._enrol = enrol
        self._use_demo = use_demo
        self._after = after_enrolment
        self._server_url = server_url
        self._busy = False
        self._error = ""
        self._off = OffThread(self)  # the enrolment's request

    @staticmethod
    def create(engine) -> Setup:
        return handed_over(engine.backends.setup)

    @Slot(str, str)
    def enrol(self, server_url: str, code: str) -> None:
        if self._busy:
            return
        self._busy, self._error = True, ""
        self._server_url = server_url.strip()
        self.changed.emit()
        url, code = self._server_url, code.strip()

        def failed(error: Exception) -> None:
            kind = failure_kind(error)
            log.warning("enrolment with %s failed (%s): %s", url, kind, error)
            self._done(kind)

        def done(_: object) -> None:
            log.info("enrolled with %s", url)
            self._done("")

        # Failures are the network's and the server's (worded by kind): not logged as errors.
        self._off.run(lambda: self._enrol(url, code), done, failed, expected=(Exception,))

    def _done(self, error: str) -> None:
        self._busy, self._error = False, error
        if not error:
            self._needed = False
            self._after()
            self.enrolled.emit()
        self.changed.emit()

    @Slot()
    def useDemo(self) -> None:  # noqa: N802 (QML name)
        log.info("first run: demo mode chosen")
        self._use_demo()
        self._needed = False
        self.changed.emit()
        self.enrolled.emit()

    needed = Property(bool, lambda self: self._needed, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    error = Property(str, lambda self: self._error, notify=changed)
    serverUrl = Property(str, lambda self: self._server_url, notify=changed)
