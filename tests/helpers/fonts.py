# SPDX-License-Identifier: GPL-3.0-or-later
"""Which characters the font the kiosk ships can draw (read with fontTools, no Qt).

Tests for UI strings, translations and demo data can use ``missing_characters`` to
make sure nothing they show would fall back to a box.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FONT_FAMILY = "Noto Sans CJK SC"


def shipped_font_path(weight: str = "Regular") -> Path:
    """Path of the shipped subset font of ``weight`` ("Regular" or "Bold")."""
    return FONT_DIR / f"NotoSansCJKsc-{weight}.subset.otf"


@functools.cache
def _code_points(path: Path) -> frozenset[int]:
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _needs_glyph(char: str) -> bool:
    # Whitespace and control/format characters (newline, tab, ZWSP, BOM ...) are laid
    # out without a glyph of their own.
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf")


def missing_characters(text: str, font_path: Path | None = None) -> set[str]:
    """The characters of ``text`` the shipped (Regular) font has no glyph for."""
    covered = _code_points(font_path or shipped_font_path())
    return {c for c in text if _needs_glyph(c) and ord(c) not in covered}
