# SPDX-License-Identifier: GPL-3.0-or-later
"""Deputies' names in Pinyin, computed when a roster is saved (issue 16 §5).

The kiosk matches what visitors type (zhou, zhouxiao, zxz) against these syllables; it never
converts itself (pypinyin costs ~200 ms to import). pypinyin reads characters as words; a
surname often reads differently (单 shàn, 曾 zēng, 仇 qiú), and the roster's `pinyin` column
overrides the whole name where a person knows better (罗晟 luo sheng).
"""

from __future__ import annotations

# Surnames pypinyin reads as the common word: the first character of a name.
SURNAMES = {
    "单": "shan", "曾": "zeng", "仇": "qiu", "解": "xie", "查": "zha", "区": "ou", "朴": "piao",
    "盖": "ge", "乐": "yue", "覃": "qin", "缪": "miao", "召": "shao", "尉": "yu", "种": "chong",
    "万": "wan", "华": "hua", "任": "ren", "员": "yun", "秘": "bi", "繁": "po", "冼": "xian",
}  # fmt: skip


def name_pinyin(name: str, override: str = "") -> list[str]:
    """The syllables of `name`, one per character (toneless, lower case).

    `override` ("luo sheng") wins when it gives one syllable per character of the name.
    """
    chosen = override.casefold().split()
    if chosen and len(chosen) == len(name) and all(s.isascii() and s.isalpha() for s in chosen):
        return chosen
    from pypinyin import Style, lazy_pinyin  # its dictionaries: 0.3 s, only when needed

    syllables = [s.casefold() for s in lazy_pinyin(name, style=Style.NORMAL, v_to_u=False)]
    if name[:1] in SURNAMES and syllables:
        syllables[0] = SURNAMES[name[:1]]
    return [s for s in syllables if s.isascii() and s.isalpha()]
