# SPDX-License-Identifier: GPL-3.0-or-later
"""A duty deputy at the kiosk: choose a photo, tap a PIN, wait for the answer."""

from __future__ import annotations

from kiosk.demo import DEMO_PIN


def open_pad(kiosk, qtbot, deputy_id):
    visitor = kiosk.visitor
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.ready)
    if not shown(visitor, "deputySignInScreen"):
        visitor.tap("deputySignInButton")
    visitor.tap(f"choose_{deputy_id}")
    # A wait left by wrong PINs is read off the GUI thread: the pad shows it a moment later.
    qtbot.waitUntil(lambda: not kiosk.backends.sign_in.busy)
    assert visitor.find("pinPad").isVisible()


def type_pin(kiosk, qtbot, pin):
    """Tap the digits and Sign in; wait for the answer."""
    visitor = kiosk.visitor
    for digit in pin:
        visitor.tap(f"pinKey_{digit}")
    visitor.tap("pinOk")
    qtbot.waitUntil(lambda: not kiosk.backends.sign_in.checking, timeout=5000)


def sign_in(kiosk, qtbot, deputy_id, pin=DEMO_PIN):
    open_pad(kiosk, qtbot, deputy_id)
    type_pin(kiosk, qtbot, pin)
    qtbot.waitUntil(lambda: shown(kiosk.visitor, "deputyConsoleScreen"))


def shown(visitor, name):
    try:
        visitor.find(name)
    except AssertionError:
        return False
    return True
