# SPDX-License-Identifier: GPL-3.0-or-later
"""The on-screen keyboard as a visitor reads it (issue 16 §2)."""

from tests.helpers.qt import descendants
from tests.ui.test_appeal import wait_for_keyboard


def test_pinyin_candidates_are_at_least_28_px(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("findDeputyButton")
    visitor.tap("searchField")
    wait_for_keyboard(visitor, qtbot)
    for letter in "zhou":
        visitor.tap(visitor.keyboard_keys()[letter])
    view = next(
        i for i in descendants(visitor.find("inputPanel")) if i.objectName() == "wordCandidateView"
    )
    qtbot.waitUntil(lambda: view.property("count") > 3)
    visitor.settle()
    texts = [
        item
        for item in descendants(view)
        if item.isVisible() and isinstance(item.property("text"), str) and item.property("text")
    ]
    assert texts and "周" in [t.property("text") for t in texts]
    assert min(t.property("font").pixelSize() for t in texts) >= 28
    visitor.screenshot("keyboard-candidates")


def test_with_the_keyboard_up_search_results_show_their_names(make_kiosk, qtbot, size):
    from tests.helpers.layout import unreadable_texts

    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("findDeputyButton")
    grid = visitor.find("deputyGrid")
    assert unreadable_texts(grid, (kiosk.window.width(), kiosk.window.height())) == []
    visitor.tap("searchField")
    wait_for_keyboard(visitor, qtbot)
    visitor.type_pinyin("zhou", "周")
    qtbot.waitUntil(lambda: kiosk.backends.roster.directory.count == 1)
    visitor.settle()
    card = visitor.find("deputy_demo-02")
    name = next(i for i in descendants(card) if i.property("text") == "周晓喆")
    bottom = name.mapToScene(name.boundingRect().bottomLeft()).y()
    keyboard_top = visitor.find("inputPanel").mapToScene(name.boundingRect().topLeft()).y()
    assert bottom <= keyboard_top
    assert unreadable_texts(grid, (kiosk.window.width(), kiosk.window.height())) == []
    visitor.screenshot("directory-typing")


def test_the_question_stays_in_view_while_the_visitor_types(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("appealButton")
    visitor.tap("category_0")
    visitor.tap("appealText")
    wait_for_keyboard(visitor, qtbot)
    visitor.type_pinyin("lu", "路")
    question = visitor.find("textQuestion")
    keyboard_top = visitor.find("inputPanel").mapToScene(question.boundingRect().topLeft()).y()
    assert question.mapToScene(question.boundingRect().bottomLeft()).y() <= keyboard_top
    visitor.screenshot("appeal-text-typing")
