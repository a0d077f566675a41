# SPDX-License-Identifier: GPL-3.0-or-later
"""sd_notify over a real datagram socket: READY=1 once home is on screen, then WATCHDOG=1
from the GUI thread, so that a hung GUI thread stops the pings (and systemd restarts it)."""

import os
import socket
import time

import pytest

from kiosk.app import build_kiosk
from kiosk.config import Config
from kiosk.watchdog import Watchdog, notify, watchdog_interval_ms


@pytest.fixture
def systemd(tmp_path):
    """The socket systemd would listen on."""
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        sock.setblocking(False)
        yield sock, {"NOTIFY_SOCKET": str(path), "WATCHDOG_USEC": "100000"}


def received(sock) -> list[str]:
    messages = []
    while True:
        try:
            messages.append(sock.recv(4096).decode())
        except BlockingIOError:
            return messages


def test_ready_after_the_first_frame_then_pings_from_the_gui_thread(qapp, qtbot, tmp_path, systemd):
    sock, environ = systemd
    config = Config(data_dir=tmp_path / "data", demo=True, fullscreen=False)
    kiosk = build_kiosk(qapp, config, sync=False)
    watchdog = Watchdog(kiosk.window, environ)
    try:
        assert received(sock) == []  # nothing before the first frame
        kiosk.window.show()
        messages = []
        qtbot.waitUntil(lambda: messages.extend(received(sock)) or "WATCHDOG=1" in messages)
        assert messages[0].startswith("READY=1")

        # The GUI thread hangs (here: this test holds it) for several periods: no ping.
        received(sock)
        time.sleep(0.3)
        assert received(sock) == []
        # It comes back: so do the pings.
        qtbot.waitUntil(lambda: "WATCHDOG=1" in received(sock))
    finally:
        watchdog.stop()
        kiosk.close()
        kiosk.window.close()
        kiosk.engine.deleteLater()
    assert "STOPPING=1" in received(sock)


def test_without_systemd_nothing_is_sent():
    assert notify("READY=1", {}) is False
    assert watchdog_interval_ms({}) == 0
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000"}) == 15000


def test_the_abstract_namespace():
    name = f"kiosk-test-notify-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.setblocking(False)
        assert notify("WATCHDOG=1", {"NOTIFY_SOCKET": "@" + name})
        assert received(sock) == ["WATCHDOG=1"]
