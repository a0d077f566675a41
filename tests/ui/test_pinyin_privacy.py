# SPDX-License-Identifier: GPL-3.0-or-later
"""The Pinyin keyboard never offers one visitor's words to the next (issue 16 §2)."""

import os
from pathlib import Path

from tests.helpers.qt import descendants
from tests.ui.test_appeal import wait_for_keyboard

NAME = "王阿姨"


def _candidates(visitor) -> list[str]:
    panel = visitor.find("inputPanel")
    view = next(i for i in descendants(panel) if i.objectName() == "wordCandidateView")
    model = view.property("model")
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def _type_letters(visitor, letters):
    keys = visitor.keyboard_keys()
    for letter in letters:
        visitor.tap(keys[letter])


def _type_name_as_one_phrase(visitor, qtbot):
    """wangayi, then 王, 阿, 姨 in one composition: what the engine learns as a phrase."""
    _type_letters(visitor, "wangayi")
    for character in NAME:
        visitor.qtbot.waitUntil(lambda c=character: c in _candidates(visitor))
        visitor.type_pinyin("", character)
    qtbot.waitUntil(lambda: visitor.text("nameField") == NAME)


def _learned_on_disk() -> bool:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "qtvirtualkeyboard" / "pinyin"
    data = b"".join(p.read_bytes() for p in folder.glob("*") if p.is_file())
    return NAME.encode("utf-16-le") in data


def test_a_name_typed_by_one_visitor_is_never_offered_to_the_next(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("appointmentButton")
    visitor.tap("chooseDeputy_demo-02")
    visitor.tap("day_0")
    visitor.tap("nameField")
    wait_for_keyboard(visitor, qtbot)
    _type_name_as_one_phrase(visitor, qtbot)

    # The visitor walks away; the next one types the same letters.
    kiosk.backends.idle.walkedAway.emit()
    qtbot.waitUntil(lambda: visitor.find("stack").property("depth") == 1)
    visitor.tap("findDeputyButton")
    visitor.tap("searchField")
    wait_for_keyboard(visitor, qtbot)
    _type_letters(visitor, "wangayi")
    qtbot.waitUntil(lambda: len(_candidates(visitor)) > 0)
    assert NAME not in _candidates(visitor)
    # Nor after a restart: nothing of it was written where the engine would load it from.
    assert not _learned_on_disk()


def test_words_an_older_kiosk_learned_are_removed_at_start(make_kiosk):
    from kiosk.ui.keyboard import learned_words_file

    learned = learned_words_file()
    learned.parent.mkdir(parents=True, exist_ok=True)
    learned.write_bytes(NAME.encode("utf-16-le"))
    make_kiosk()
    assert not learned.exists()
