# SPDX-License-Identifier: GPL-3.0-or-later
"""Search as people search: full Pinyin and initials, typed on the English layout (issue 16 §5)."""

from tests.helpers.qt import descendants
from tests.ui.test_appeal import wait_for_keyboard


def _english_layout(visitor, qtbot):
    """Tap the keyboard's language key until it shows the English layout."""

    def language_key():
        panel = visitor.find("inputPanel", settle=False)
        return next(i for i in descendants(panel) if i.objectName() == "changeLanguageKey")

    visitor.tap(language_key())
    # The keyboard lays itself out anew for English.
    qtbot.waitUntil(lambda: language_key().property("displayText") == "en")


def test_initials_and_full_pinyin_find_a_deputy_typed_in_latin_letters(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    directory = kiosk.backends.roster.directory
    visitor.tap("findDeputyButton")
    visitor.tap("searchField")
    wait_for_keyboard(visitor, qtbot)
    _english_layout(visitor, qtbot)
    for typed in ("zxz", "zhou", "zhouxiao"):
        keys = visitor.keyboard_keys()
        for letter in typed:
            visitor.tap(keys[letter])
        assert visitor.text("searchField") == typed
        qtbot.waitUntil(lambda: directory.count == 1)
        assert visitor.find("deputy_demo-02")
        visitor.tap("clearSearch")
        visitor.tap("searchField")
        qtbot.waitUntil(lambda: directory.count == 15)
    visitor.screenshot("directory-latin")
