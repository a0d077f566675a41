# SPDX-License-Identifier: GPL-3.0-or-later
"""Telling systemd we are alive (sd_notify), so that a hung kiosk is restarted.

systemd passes NOTIFY_SOCKET (a datagram socket; a leading "@" means the abstract namespace)
and, with WatchdogSec=, WATCHDOG_USEC. We send READY=1 once home's first frame is on screen,
then WATCHDOG=1 every half period from a timer on the GUI thread: if the GUI thread hangs,
the pings stop and systemd restarts the kiosk. WATCHDOG_PID is not checked: under xinit the
kiosk is a grandchild of the service's main process (build/station-kiosk.service sets
NotifyAccess=all).
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtQuick import QQuickWindow

from kiosk.ui.firstframe import AfterFirstFrame

log = logging.getLogger(__name__)


def notify(message: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send `message` (e.g. "READY=1") to systemd; False when not run by systemd or it fails."""
    address = (os.environ if environ is None else environ).get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.sendto(message.encode(), address)
    except OSError as error:
        log.warning("cannot notify systemd at %s: %s", address.strip("\0"), error)
        return False
    return True


def watchdog_interval_ms(environ: Mapping[str, str] | None = None) -> int:
    """Half of systemd's watchdog period (as sd_watchdog_enabled advises), or 0 if none."""
    text = (os.environ if environ is None else environ).get("WATCHDOG_USEC", "")
    try:
        usec = int(text)
    except ValueError:
        return 0
    return max(1, usec // 2000) if usec > 0 else 0


class Watchdog(QObject):
    """READY=1 after the window's first frame, then WATCHDOG=1 from the GUI thread."""

    def __init__(self, window: QQuickWindow, environ: Mapping[str, str] | None = None) -> None:
        super().__init__(window)
        self._environ = dict(os.environ if environ is None else environ)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._ping)
        AfterFirstFrame(window, self.ready)

    @Slot()
    def ready(self) -> None:
        if not notify("READY=1\nSTATUS=Showing home", self._environ):
            return
        interval = watchdog_interval_ms(self._environ)
        if interval:
            self._timer.start(interval)
            log.info("systemd watchdog: a ping every %d ms", interval)

    @Slot()
    def _ping(self) -> None:
        notify("WATCHDOG=1", self._environ)

    def stop(self) -> None:
        self._timer.stop()
        notify("STOPPING=1", self._environ)
