# SPDX-License-Identifier: GPL-3.0-or-later
"""Every text colour on every background the kiosk draws it on, in both palettes (issue 16
§1): WCAG 2 contrast ratio >= 4.5:1 in the normal palette (AA for body text) and >= 7:1 in
high contrast (AAA). The colours are read from the QML theme (Theme.qml), and no visitor
screen may use a colour that is not there. Screenshots: screenshots/contrast-*."""

import re
from pathlib import Path

import pytest

QML = Path(__file__).resolve().parents[2] / "kiosk" / "qml" / "Kiosk"
THEME = QML / "style" / "Theme.qml"

# (text, background): where each pair is drawn.
PAIRS = [
    ("text", "background"),  # screens' own text
    ("text", "surface"),  # cards, buttons
    ("text", "tint"),  # home's reading bar, a pressed button, a marked field
    ("text", "holidayCell"),  # a holiday's number in the calendar
    ("text", "cancelledBackground"),  # a cancelled reception's note
    ("muted", "background"),
    ("muted", "surface"),  # second lines, hints
    ("muted", "tint"),
    ("red", "background"),  # the receipt's code, moved-day notes' headings
    ("red", "surface"),  # level labels, a marked choice, a selected day's mark
    ("red", "tint"),
    ("white", "red"),  # header titles, primary buttons, badges
    ("white", "redDark"),  # a pressed primary button, the attract screen
    ("paleText", "red"),  # home's date and sync state, a primary button's second line
    ("paleText", "redDark"),
    ("gold", "redDark"),  # "touch the screen to begin" on the attract screen
    ("redDark", "gold"),  # the station kind badge
    ("white", "present"),  # the 在站 (present) badge
    ("present", "surface"),  # the receipt's "saved", a confirmed appointment
    ("present", "background"),
    ("warning", "warningBackground"),  # the missing holiday table, a held reception's note
    ("warning", "surface"),  # (moved from …) on a card
    ("holiday", "surface"),  # 法定节假日 on the day card
    ("makeUp", "surface"),  # 调休上班
    ("white", "holiday"),  # 休
    ("white", "makeUp"),  # 班
    ("white", "markChanged"),  # 有变动 on a calendar day
    ("white", "markOnHoliday"),  # a reception on a holiday
    ("candidate", "keyboard"),  # the keyboard's Pinyin candidates
    ("white", "keyboard"),  # the chosen candidate
]
FLOOR = {"normal": 4.5, "contrast": 7.0}

_COLOR = re.compile(
    r'readonly property color (\w+):\s*(?:contrast \? "(#\w{6})" : "(#\w{6})"|"(#\w{6})")'
)


def palettes() -> dict[str, dict[str, str]]:
    """Theme.qml's colours: {"normal": {name: "#RRGGBB"}, "contrast": {...}}."""
    normal, contrast = {"white": "#FFFFFF"}, {"white": "#FFFFFF"}
    for name, high, low, both in _COLOR.findall(THEME.read_text(encoding="utf-8")):
        normal[name] = low or both
        contrast[name] = high or both
    return {"normal": normal, "contrast": contrast}


def luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_ratio_is_computed_as_wcag_says():
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_the_theme_is_read_whole():
    for palette in palettes().values():
        assert {name for pair in PAIRS for name in pair} <= set(palette)


@pytest.mark.parametrize("palette", ["normal", "contrast"])
def test_every_text_colour_reads_on_its_background(palette):
    colours = palettes()[palette]
    failing = {
        f"{text} on {background}": round(ratio, 2)
        for text, background in PAIRS
        if (ratio := contrast_ratio(colours[text], colours[background])) < FLOOR[palette]
    }
    assert failing == {}, f"below {FLOOR[palette]}:1 in the {palette} palette"


def test_no_visitor_screen_uses_a_colour_outside_the_theme():
    """A colour written into a screen would escape both this test and 高对比."""
    found = {
        path.name: re.findall(r'"#\w{6}"', path.read_text(encoding="utf-8"))
        for path in QML.rglob("*.qml")
        if path != THEME
    }
    assert {name: colours for name, colours in found.items() if colours} == {}


def test_high_contrast_shows_the_theme_on_screen(make_kiosk, size):
    """The palette the test reads is the one the screen draws: home's header in both."""
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    label = "portrait" if size[1] > size[0] else "landscape"
    for palette in ("normal", "contrast"):
        if palette == "contrast":
            visitor.tap("contrastButton")
        image = kiosk.window.grabWindow()
        assert image.pixelColor(5, 5).name().upper() == palettes()[palette]["red"]
        visitor.screenshot(f"contrast-home-{palette}-{label}")
        visitor.tap("scheduleButton")
        visitor.tap("previousMonth")  # October: the National Day holiday and its make-up days
        visitor.tap("day_2026-10-05")
        visitor.screenshot(f"contrast-schedule-{palette}-{label}")
        visitor.tap("homeButton")
