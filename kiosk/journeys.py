# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m kiosk --journeys`: the journeys a station needs, run on the real screens of this
kiosk against its own server, then exit (0: all done, 1: a journey failed or an error was
logged). It checks what the self-test cannot: a duty deputy signs in with the PIN and signs
out, a visitor's appeal is saved and reaches the server.

It writes real records (an attendance sign-in and sign-out, an appeal): run it against a test
server, as the bundle's test does (tests/test_package.py), never on a station in service.
Taps are mouse events sent to the window at the middle of the named item, as a finger's.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk.config import Config

if TYPE_CHECKING:
    from kiosk.ui.intake import IntakeForm

STEP_TIMEOUT_MS = 60_000
PIN = "123456"  # the demo station's deputies' PIN (kiosk.demo.DEMO_PIN), on a test server


class JourneyFailed(Exception):
    pass


def fill_sample_appeal(form: IntakeForm, category: str, text: str = "路口红绿灯坏了") -> None:
    """Fill `form` (the kiosk's IntakeForm) with a visitor's appeal through its own slots, as
    the keyboard does: the journeys, the benchmarks and the tests share this one sample."""
    for field, value in {
        "category": category,
        "text": text,
        "block": "文昌社区",
        "name": "张",
        "phone": "13912345678",
        "consent": True,
    }.items():
        form.set(field, value)


def run_journeys(config: Config, deputy_id: str, pin: str = PIN, out=sys.stdout) -> int:
    from PySide6.QtGui import QGuiApplication

    from kiosk.app import build_kiosk, prepare_environment, start_logging
    from kiosk.selftest import ErrorsLogged

    start_logging(config)
    prepare_environment()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    config = replace(config, fullscreen=False, demo=False)
    with ErrorsLogged() as errors:
        kiosk = build_kiosk(app, config)
        try:
            kiosk.window.resize(config.width, config.height)
            kiosk.window.show()
            _Journeys(app, kiosk, out).run(deputy_id, pin)
        except JourneyFailed as failure:
            print(f"FAILED: {failure}", file=out)
            return 1
        finally:
            kiosk.close()
            kiosk.window.close()
    if errors.seen:
        print("FAILED: errors logged:\n  " + "\n  ".join(errors.seen[:10]), file=out)
        return 1
    print("All journeys passed.", file=out)
    return 0


class _Journeys:
    def __init__(self, app, kiosk, out) -> None:
        self.app, self.kiosk, self.out = app, kiosk, out
        self.window = kiosk.window
        self.backends = kiosk.backends

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def wait(self, what: str, done: Callable[[], bool], timeout_ms: int = STEP_TIMEOUT_MS) -> None:
        from kiosk.selftest import _wait

        if not _wait(self.app, done, timeout_ms):
            raise JourneyFailed(f"{what}: not within {timeout_ms // 1000} s")

    def find(self, name: str):
        found, todo = [], [self.window.contentItem()]
        while todo:
            item = todo.pop()
            if item.objectName() == name and item.isVisible():
                found.append(item)
            todo.extend(item.childItems())
        return found[-1] if found else None

    def settle(self) -> None:
        """Wait for a frame to be drawn: what it shows is polished and in place."""
        frames = []

        def drawn() -> None:
            frames.append(1)

        self.window.frameSwapped.connect(drawn)
        try:
            self.window.update()
            self.wait("a frame", lambda: bool(frames), 10_000)
        finally:
            self.window.frameSwapped.disconnect(drawn)

    def tap(self, name: str) -> None:
        """Wait for the item on screen, then press and release at its middle."""
        from PySide6.QtCore import QEvent, QPointF, Qt
        from PySide6.QtGui import QGuiApplication, QMouseEvent

        self.settle()
        self.wait(f"{name} on screen", lambda: self.find(name) is not None)
        self.settle()  # laid out where the finger sees it
        item = self.find(name)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        where = self.window.mapToGlobal(centre)
        for kind, buttons in (
            (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
            (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
        ):
            event = QMouseEvent(
                kind,
                centre,
                where,
                Qt.MouseButton.LeftButton,
                buttons,
                Qt.KeyboardModifier.NoModifier,
            )
            QGuiApplication.sendEvent(self.window, event)
        self.app.processEvents()

    def run(self, deputy_id: str, pin: str) -> None:
        backends = self.backends
        sync, form = backends.sync, backends.intake
        self.wait("home with the server's station", lambda: backends.station.property("ready"))
        self.wait("connected to the server", lambda: sync.state == "online")
        self.wait("duty sign-in ready", lambda: backends.sign_in.ready)
        self.wait(
            f"deputy {deputy_id} on the roster",
            lambda: any(row["key"] == deputy_id for row in backends.presence.property("people")),
        )
        self.say(f"home: {backends.station.name}, connected")

        # A duty deputy signs in with the PIN, then signs out.
        self.tap("deputySignInButton")
        self.tap(f"choose_{deputy_id}")
        for digit in pin:
            self.tap(f"pinKey_{digit}")
        self.tap("pinOk")
        self.wait("the duty console after the PIN", lambda: backends.console.isOpen)
        self.wait("present on home", lambda: deputy_id in backends.presence.presentIds)
        self.say(f"signed in: {deputy_id}")
        self.tap("signOutButton")
        self.wait("signed out", lambda: deputy_id not in backends.presence.presentIds)
        self.say(f"signed out: {deputy_id}")
        self.window.showHome()

        # A visitor's appeal: the form filled through its own slots, submitted by a tap.
        states: list[str] = []
        sync.changed.connect(lambda: states.append(sync.state))
        self.window.startForm("appeal")
        fill_sample_appeal(form, form.property("categories")[0])
        self.window.showForm("review")
        self.tap("submitButton")
        self.wait("the receipt", lambda: self.find("receiptScreen") is not None)
        code = form.property("code")
        self.say(f"appeal saved: {code}")
        started = time.monotonic()
        states.clear()
        sync.syncNow()
        self.wait(
            "the appeal sent",
            lambda: "syncing" in states and sync.state == "online" and sync.pending == 0,
        )
        self.say(f"appeal sent: {code} ({time.monotonic() - started:.1f} s)")
