# SPDX-License-Identifier: GPL-3.0-or-later
"""Driving the real kiosk window as a visitor: find items, tap them, type Pinyin, look."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QPointF, QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest


def decode_qr_codes(image: QImage) -> list[str]:
    """Every QR code zxing finds in a screenshot, as text (what a phone camera would read)."""
    import zxingcpp

    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return [result.text for result in zxingcpp.read_barcodes(gray)]


SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def descendants(item: QQuickItem) -> list[QQuickItem]:
    found = [item]
    for child in item.childItems():
        found.extend(descendants(child))
    return found


def _inside(item: QQuickItem, ancestor: QQuickItem) -> bool:
    while item is not None:
        if item == ancestor:
            return True
        item = item.parentItem()
    return False


class Visitor:
    """Someone in front of the screen. Every look or tap first waits for what the kiosk is
    doing in answer to the last tap (work off the GUI thread that someone waits for at the
    screen: kiosk/ui/offthread.py) and for a rendered frame, so layouts are polished and
    items are where the visitor sees them."""

    def __init__(self, qtbot, window: QQuickWindow) -> None:
        self.qtbot = qtbot
        self.window = window

    def settle(self, answered: bool = True) -> None:
        """A rendered frame; with `answered`, first the kiosk's answer to the last tap."""
        from kiosk.ui.offthread import OffThread

        if answered and OffThread.awaited:
            self.qtbot.waitUntil(lambda: OffThread.awaited == 0, timeout=10000)
        with self.qtbot.waitSignal(self.window.frameSwapped, timeout=5000):
            self.window.update()

    def find(self, name: str, settle: bool = True) -> QQuickItem:
        """The visible item called `name` (the newest one, if several screens have one)."""
        if settle:
            self.settle()
        found = [
            item
            for item in descendants(self.window.contentItem())
            if item.objectName() == name and item.isVisible()
        ]
        assert found, f"no visible item named {name!r}"
        return found[-1]

    def shows(self, name: str) -> bool:
        """Whether a visible item called `name` is on screen."""
        self.settle()
        return any(
            item.objectName() == name and item.isVisible()
            for item in descendants(self.window.contentItem())
        )

    def finish_receipt(self) -> None:
        """Tap 完成 on a receipt once it answers (it waits a moment after 提交)."""
        done = self.find("doneButton")
        self.qtbot.waitUntil(done.isEnabled, timeout=5000)
        self.tap(done)
        self.qtbot.waitUntil(lambda: self.find("stack").property("depth") == 1)

    def text(self, name: str) -> str:
        return self.find(name).property("text")

    def tap(self, target: str | QQuickItem) -> None:
        """A finger's tap at the middle of the part of an item the visitor can see: on screen
        and not under the on-screen keyboard."""
        if isinstance(target, str):
            item = self.find(target)
        else:
            item = target
            self.settle()
        seen = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        seen = seen.intersected(QRectF(0, 0, self.window.width(), self.window.height()))
        panel = self._keyboard()
        if panel is not None and panel.property("active") and not _inside(item, panel):
            seen.setBottom(min(seen.bottom(), panel.mapToScene(QPointF(0, 0)).y()))
        assert seen.width() > 0 and seen.height() > 0, f"{item} cannot be seen"
        centre = seen.center().toPoint()
        QTest.mouseClick(
            self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
        )

    def _keyboard(self) -> QQuickItem | None:
        panels = [
            item
            for item in descendants(self.window.contentItem())
            if item.objectName() == "inputPanel"
        ]
        return panels[0] if panels else None

    def keyboard_is_open(self) -> bool:
        panel = self._keyboard()
        return panel is not None and panel.isVisible() and bool(panel.property("active"))

    def keyboard_keys(self) -> dict[str, QQuickItem]:
        """The on-screen keyboard's visible character keys, by the text on them."""
        keys = {}
        for item in descendants(self.find("inputPanel")):
            text = item.property("text")
            if item.property("key") is not None and isinstance(text, str) and item.isVisible():
                keys.setdefault(text, item)
        return keys

    def type_pinyin(self, syllable: str, character: str) -> None:
        """Tap the letters of `syllable` on the keyboard, then `character` among the candidates."""
        keys = self.keyboard_keys()
        for letter in syllable:
            self.tap(keys[letter])
        panel = self.find("inputPanel")
        view = next(i for i in descendants(panel) if i.objectName() == "wordCandidateView")
        model = view.property("model")

        def candidates() -> list[str]:
            return [model.data(model.index(row, 0)) for row in range(model.rowCount())]

        self.qtbot.waitUntil(lambda: character in candidates())
        row = candidates().index(character)
        QMetaObject.invokeMethod(view, "positionViewAtIndex", Q_ARG(int, row), Q_ARG(int, 0))
        item = QMetaObject.invokeMethod(
            view, "itemAtIndex", Q_RETURN_ARG("QQuickItem*"), Q_ARG(int, row)
        )
        self.wait_until_still(item)
        self.tap(item)

    def wait_until_still(self, item: QQuickItem) -> None:
        """Wait until `item` is where it was a frame ago (the keyboard slides its parts in)."""
        where = [None]

        def still() -> bool:
            self.settle()
            now = item.mapToScene(QPointF(0, 0))
            moved, where[0] = now != where[0], now
            return not moved

        self.qtbot.waitUntil(still)

    def screenshot(self, name: str, answered: bool = True) -> QImage:
        """Grab the window, save it under screenshots/ (to look at), and return it; with
        `answered=False` while the kiosk is still working on the last tap (a busy state)."""
        self.settle(answered)
        image = self.window.grabWindow()
        SCREENSHOTS.mkdir(exist_ok=True)
        size = f"{self.window.width()}x{self.window.height()}"
        image.save(str(SCREENSHOTS / f"{name}_{size}.png"))
        return image
