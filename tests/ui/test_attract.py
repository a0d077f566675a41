# SPDX-License-Identifier: GPL-3.0-or-later
"""Attract mode: home untouched for the idle time becomes a calm slideshow of the station;
a touch returns home without pressing what was under the finger."""

from tests.helpers.qt import descendants

QUICK = {"idle_timeout_seconds": 1, "idle_prompt_seconds": 1}


def showing(kiosk) -> bool:
    """Whether the slideshow is on screen (it exists only while it shows)."""
    items = descendants(kiosk.window.contentItem())
    return any(i.objectName() == "attractScreen" and i.isVisible() for i in items)


def test_idle_home_becomes_a_slideshow_and_a_touch_returns_home(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size, **QUICK)
    visitor = kiosk.visitor
    assert not showing(kiosk)
    qtbot.waitUntil(lambda: showing(kiosk), timeout=10000)
    assert visitor.text("attractTitle") == "青禾街道人大代表联络站"
    visitor.screenshot("attract")

    visitor.tap("findDeputyButton")  # under the slideshow: the touch only ends it
    assert not showing(kiosk)
    assert visitor.find("stack").property("depth") == 1
    assert visitor.find("homeScreen")


def test_a_visitor_walking_away_from_another_screen_gets_home_not_the_slideshow(make_kiosk, qtbot):
    kiosk = make_kiosk(**QUICK)
    visitor = kiosk.visitor
    visitor.tap("stationInfoButton")
    stack = visitor.find("stack")
    qtbot.waitUntil(lambda: stack.property("depth") == 1, timeout=10000)
    assert visitor.find("homeScreen")
    assert not showing(kiosk)
