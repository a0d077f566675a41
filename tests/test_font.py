# SPDX-License-Identifier: GPL-3.0-or-later
"""The shipped Chinese font covers what the kiosk shows, and carries its licence."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from tests.helpers.fonts import FONT_FAMILY, missing_characters, shipped_font_path

REQUIRED_SAMPLES = (
    "代表之家代表联络站代表联系点找代表反映问题约见代表查询进度站点介绍今日值班接待日"
    "码上找代表用微信扫一扫全国人大代表省市区县乡镇繁體中文"
    # Name characters: all but 晟 婧 淼 鑫 are outside GB2312, so a GB2312 subset shows boxes.
    "喆堃赟燊珺昇玥彧翀婧琇旻晟湉淼犇垚鑫"
    "０１２３４５６７８９，。！？、：；「」《》（）—…"
)
# CJK Extension A, kept on purpose (docs/fonts.md): late-encoded simplified characters of
# the 通用规范汉字表 and rare name characters.
EXT_A_SAMPLES = "䲟䴓䶮"
PRINTABLE_ASCII = "".join(chr(c) for c in range(0x20, 0x7F))


def test_regular_covers_required_samples():
    assert shipped_font_path().is_file()
    assert missing_characters(REQUIRED_SAMPLES + PRINTABLE_ASCII) == set()


def test_regular_covers_extension_a():
    assert missing_characters(EXT_A_SAMPLES) == set()


def test_bold_covers_what_regular_covers():
    bold = shipped_font_path("Bold")
    if not bold.exists():
        pytest.skip("only Regular is shipped; Qt synthesises bold")
    with TTFont(shipped_font_path(), lazy=True) as regular, TTFont(bold, lazy=True) as heavy:
        assert set(heavy.getBestCmap()) == set(regular.getBestCmap())


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_family_name_is_the_one_the_app_asks_for(weight):
    path = shipped_font_path(weight)
    if not path.exists():
        pytest.skip(f"{weight} not shipped")
    with TTFont(path, lazy=True) as font:
        assert font["name"].getDebugName(1) == FONT_FAMILY
        assert font["name"].getDebugName(2) == weight


def test_missing_characters_reports_gaps_and_ignores_layout_characters():
    # Hangul and CJK Extension B are deliberately not in the subset.
    assert missing_characters("代表한\U00020000") == {"한", "\U00020000"}
    assert missing_characters("代 表\n\t\u200b\ufeff") == set()


def test_licence_is_beside_the_font():
    licence = shipped_font_path().parent / "OFL.txt"
    text = licence.read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "Adobe" in text


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_common_glyphs_come_first_and_none_calls_a_subroutine(weight):
    # Home draws a few hundred characters; together at the start of the file they map a small
    # part of it, not most (docs/fonts.md, "Memory"; build/subset_font.py arrange()).
    with TTFont(shipped_font_path(weight), lazy=True) as font:
        cmap, order = font.getBestCmap(), font.getGlyphOrder()
        glyph_id = {name: index for index, name in enumerate(order)}
        common = [glyph_id[cmap[ord(c)]] for c in "的一是代表联络站繁體中文０，。Aa1"]
        rare = [glyph_id[cmap[ord(c)]] for c in EXT_A_SAMPLES + "喆堃赟"]
        assert max(common) < 8000 < min(rare)
        cff = font["CFF "].cff
        assert len(cff.GlobalSubrs) == 0
        for font_dict in cff.topDictIndex[0].FDArray:
            assert not getattr(font_dict.Private, "Subrs", None)
