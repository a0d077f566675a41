# SPDX-License-Identifier: GPL-3.0-or-later
"""The visitor walks away: "still there?", then everything they left is wiped (DESIGN.md §3)."""

# Seconds are configurable; these tests use the shortest that still show each step.
QUICK = {"idle_timeout_seconds": 1, "idle_prompt_seconds": 2}


def _leave_a_half_typed_search(kiosk, qtbot):
    visitor = kiosk.visitor
    visitor.tap("findDeputyButton")
    visitor.tap("searchField")
    qtbot.waitUntil(visitor.keyboard_is_open)
    visitor.type_pinyin("zhou", "周")
    assert visitor.text("searchField") == "周"


def test_a_walked_away_visitor_is_asked_then_wiped_and_home_shows(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size, **QUICK)
    visitor = kiosk.visitor
    _leave_a_half_typed_search(kiosk, qtbot)

    qtbot.waitUntil(lambda: visitor.find("stillThere", settle=False).isVisible(), timeout=5000)
    assert "秒后" in visitor.text("stillThereCountdown")
    visitor.screenshot("still-there")

    stack = visitor.find("stack", settle=False)
    qtbot.waitUntil(lambda: stack.property("depth") == 1, timeout=5000)
    qtbot.waitUntil(lambda: not visitor.keyboard_is_open())
    # Coming back, the next visitor finds nothing of the last one's search.
    visitor.tap("findDeputyButton")
    assert visitor.text("searchField") == ""
    assert kiosk.backends.roster.directory.count == 15


def test_continue_keeps_the_page_and_what_was_typed(make_kiosk, qtbot):
    kiosk = make_kiosk(**QUICK)
    visitor = kiosk.visitor
    _leave_a_half_typed_search(kiosk, qtbot)

    qtbot.waitUntil(lambda: visitor.find("stillThere", settle=False).isVisible(), timeout=5000)
    prompt = visitor.find("stillThere")
    visitor.tap("stillThereContinue")
    qtbot.waitUntil(lambda: not prompt.isVisible())
    assert visitor.text("searchField") == "周"
    assert visitor.find("stack").property("depth") == 2


def test_home_is_not_interrupted(make_kiosk, qtbot):
    kiosk = make_kiosk(**QUICK)
    before = kiosk.visitor.screenshot("home-before-idle")
    asked = []

    def grab():
        asked.append(kiosk.window.grabWindow())

    idle = kiosk.backends.idle
    idle.askingChanged.connect(grab)
    with qtbot.waitSignal(idle.walkedAway, timeout=6000):
        pass
    idle.askingChanged.disconnect(grab)
    assert asked, "the kiosk never became idle"
    # Home shows nothing of the prompt while idle: no dark veil over it.
    middle = before.rect().center()
    assert asked[0].pixelColor(middle) == before.pixelColor(middle)
