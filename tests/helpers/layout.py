# SPDX-License-Identifier: GPL-3.0-or-later
"""What a visitor cannot read: text cut short with "…", running out of its box or off screen,
or an English word broken in two across lines ("Previo / us")."""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtQuick import QQuickItem

from tests.helpers.qt import descendants


def _shown(item: QQuickItem) -> bool:
    while item is not None:
        if not item.isVisible() or item.opacity() == 0:
            return False
        item = item.parentItem()
    return True


def _is_text(item: QQuickItem) -> bool:
    meta = item.metaObject()
    while meta is not None:
        if meta.className() in ("QQuickText", "QQuickTextEdit", "QQuickTextInput"):
            return meta.className() == "QQuickText"
        meta = meta.superClass()
    return False


_SCROLLING = ("QQuickListView", "QQuickGridView", "QQuickFlickable", "QQuickPathView")


def _scrolling(item: QQuickItem) -> bool:
    """A view the visitor can page through (a fixed one hides what it cuts)."""
    if item.property("interactive") is False:
        return False
    meta = item.metaObject()
    while meta is not None:
        if meta.className() in _SCROLLING:
            return True
        meta = meta.superClass()
    return False


def _clipped_by(item: QQuickItem) -> tuple[QRectF, bool] | None:
    """The scene rectangle of the nearest clipping ancestor, and whether it scrolls."""
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            rect = parent.mapRectToScene(QRectF(0, 0, parent.width(), parent.height()))
            return rect, _scrolling(parent)
        parent = parent.parentItem()
    return None


def _broken_word(item: QQuickItem, text: str) -> str:
    """A Latin word wider than its wrapped item: Text.Wrap breaks it mid-word, WordWrap lets
    it run out of the box."""
    if item.property("lineCount") <= 1:
        return ""
    font = QFont(item.property("font"))
    info = item.property("fontInfo")  # the size drawn, after any fitting
    if info is not None and hasattr(info, "property"):
        font.setPixelSize(info.property("pixelSize").toInt())
    metrics = QFontMetricsF(font)
    for word in re.findall(r"[A-Za-z]{2,}", text):
        if metrics.horizontalAdvance(word) > item.width() + 1:
            return word
    return ""


def unreadable_texts(root: QQuickItem, window_size: tuple[int, int]) -> list[str]:
    """Every shown text item under `root` that is elided, wider than its box, or outside the
    window or its clipping ancestor, described for a failure message."""
    screen = QRectF(0, 0, *window_size)
    found = []
    for item in descendants(root):
        if not _is_text(item) or not _shown(item):
            continue
        text = item.property("text")
        if not isinstance(text, str) or not text.strip() or item.width() <= 0:
            continue
        where = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        clip = _clipped_by(item)
        if clip is not None and clip[1] and not clip[0].contains(where):
            continue  # (partly) scrolled out of its list: a page button brings it
        problem = ""
        if item.property("truncated"):
            problem = "cut short"
        elif item.property("contentWidth") > item.width() + 2 and item.property("lineCount") <= 1:
            problem = f"{item.property('contentWidth'):.0f} px in a {item.width():.0f} px box"
        elif not screen.adjusted(-1, -1, 1, 1).contains(where):
            problem = "off screen"
        elif word := _broken_word(item, text):
            problem = f"{word!r} wider than its box, broken or sticking out"
        elif clip is not None and not clip[0].adjusted(-1, -1, 1, 1).contains(where):
            problem = "cut by its panel"
        if problem:
            found.append(f"{text!r} ({item.objectName() or 'Text'}): {problem}")
    return found
