# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 17: the Pinyin keyboard's learning dictionary kept what visitors typed. Fixed by the
elderly-first issue (kiosk.ui.keyboard; the behaviour, typing a name and looking for it in
the next visitor's candidates and on disk, is tests/ui/test_pinyin_privacy.py). This keeps
every text field of the kiosk's screens on the side of not learning, so a new field cannot
bring the learning back unnoticed."""

from __future__ import annotations

import re
from pathlib import Path

QML = Path(__file__).resolve().parents[2] / "kiosk" / "qml"
FIELD = re.compile(r"\b(TextField|TextArea|TextInput|TextEdit)\s*\{")
# Hints under which the Pinyin engine learns nothing: sensitive data turns its user
# dictionary off; no predictive text (Latin, URL and code fields) offers and learns no words.
NOT_LEARNING = ("Qt.ImhSensitiveData", "Qt.ImhNoPredictiveText")


def _block(text: str, start: int) -> str:
    depth = 0
    for end in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if depth == 0 and text[end] == "}":
            return text[start : end + 1]
    return text[start:]


def test_no_text_field_lets_the_keyboard_learn():
    fields = []
    for path in QML.rglob("*.qml"):
        text = path.read_text(encoding="utf-8")
        for found in FIELD.finditer(text):
            block = _block(text, found.end() - 1)
            hints = re.search(r"inputMethodHints:\s*([^\n]+)", block)
            fields.append((path.name, found.start(), hints.group(1) if hints else ""))
    assert len(fields) >= 8
    learning = [f for f in fields if not any(h in f[2] for h in NOT_LEARNING)]
    assert not learning, f"text fields whose words the keyboard may learn: {learning}"


def test_the_kiosk_removes_words_an_older_version_learned():
    from kiosk.ui.keyboard import forget_learned_words, learned_words_file

    learned = learned_words_file()
    learned.parent.mkdir(parents=True, exist_ok=True)
    learned.write_bytes("王阿姨".encode("utf-16-le"))
    forget_learned_words()
    assert not learned.exists()
