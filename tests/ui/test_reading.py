# SPDX-License-Identifier: GPL-3.0-or-later
"""Large text, high contrast and the visitor's language, one tap on home (issue 16 §1)."""


def _heading_size(visitor):
    """The pixel size of the duty card's heading (今日值班代表)."""
    from tests.helpers.qt import descendants

    card = visitor.find("todayCard")
    heading = next(i for i in descendants(card) if i.property("text") == "今日值班代表")
    return heading.property("font").pixelSize()


def test_large_text_and_contrast_hold_until_the_visitor_walks_away(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    label = "portrait" if size[1] > size[0] else "landscape"
    before = _heading_size(visitor)
    visitor.tap("largeTextButton")
    visitor.tap("contrastButton")
    after = _heading_size(visitor)
    assert after >= before * 1.4
    visitor.screenshot(f"home-large-{label}")
    visitor.tap("findDeputyButton")
    assert kiosk.backends.reading.property("largeText")
    kiosk.backends.idle.walkedAway.emit()
    qtbot.waitUntil(lambda: visitor.find("stack").property("depth") == 1)
    assert _heading_size(visitor) == before
    assert not kiosk.backends.reading.property("highContrast")


def test_a_visitor_reads_home_in_traditional_chinese_or_english_until_walking_away(
    make_kiosk, qtbot, size
):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    label = "portrait" if size[1] > size[0] else "landscape"
    visitor.tap("language_zh_TW")
    assert "找代表" in visitor.find("findDeputyButton").property("text")
    assert visitor.find("appealButton").property("text") == "反映問題"
    assert "星期一" in kiosk.backends.clock.property("date")
    visitor.screenshot(f"home-zh_TW-{label}")
    visitor.tap("language_en")
    assert visitor.find("appealButton").property("text") == "Report a problem"
    assert "Monday" in kiosk.backends.clock.property("date")
    visitor.screenshot(f"home-en-{label}")
    kiosk.backends.idle.walkedAway.emit()
    qtbot.waitUntil(lambda: visitor.find("appealButton").property("text") == "反映问题")
    assert "星期一" in kiosk.backends.clock.property("date")
