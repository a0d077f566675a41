# SPDX-License-Identifier: GPL-3.0-or-later
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontDatabase, QGuiApplication

from kiosk.ui.printing import grey_bytes
from tests.helpers.fonts import FONT_FAMILY


def test_the_kiosk_draws_with_the_font_it_ships(make_kiosk):
    make_kiosk()
    assert QGuiApplication.font().family() == FONT_FAMILY
    # The tests' fontconfig knows no system font: whatever renders, the kiosk brought.
    generic = {"Sans Serif", "Serif", "Monospace"}  # fontconfig's aliases, no files of their own
    assert set(QFontDatabase.families()) - generic == {FONT_FAMILY}


def test_the_station_name_on_screen_is_glyphs_not_boxes(make_kiosk):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    name = visitor.find("stationName")
    text = name.property("text")
    screen = visitor.screenshot("home-glyphs")
    # CJK glyphs are one em wide: cut the drawn name into one cell per character. Missing
    # glyphs would all be the same hollow box; real glyphs all differ.
    width = name.property("contentWidth")
    origin = name.mapToScene(QRectF(0, 0, width, name.height()).topLeft())
    cell = width / len(text)
    cells = {
        grey_bytes(
            screen.copy(int(origin.x() + i * cell), int(origin.y()), int(cell), int(name.height()))
        )
        for i in range(len(text))
    }
    assert len(set(text)) == len(text) == 11
    assert len(cells) == len(text)
