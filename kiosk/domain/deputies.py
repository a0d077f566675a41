# SPDX-License-Identifier: GPL-3.0-or-later
"""Deputies (人大代表) and their levels."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """People's-congress levels, from the top down; a deputy may sit at several."""

    NATIONAL = "national"  # 全国人大代表
    PROVINCIAL = "provincial"  # 省人大代表
    CITY = "city"  # 市人大代表
    COUNTY = "county"  # 区县人大代表
    TOWNSHIP = "township"  # 乡镇人大代表


LEVEL_ORDER: tuple[Level, ...] = tuple(Level)


def parse_levels(text: str) -> tuple[Level, ...]:
    """'city,national' -> (NATIONAL, CITY): known levels, highest first, no repeats.

    Raises ValueError naming an unknown level.
    """
    levels = set()
    for part in text.split(","):
        part = part.strip()
        if part:
            levels.add(Level(part))
    return tuple(level for level in LEVEL_ORDER if level in levels)


@dataclass(frozen=True)
class Deputy:
    id: str
    name: str
    levels: tuple[Level, ...]
    constituency: str = ""  # 选区
    blocks: tuple[str, ...] = ()  # 联系区块: communities, buildings, companies
    phone: str = ""  # public phone, only if the deputy published one
    occupation: str = ""
    bio: str = ""
    photo: str = ""  # file name in the photo folder
    qr_url: str = ""  # 码上找代表: where the deputy's QR code leads
    # The name's Pinyin, a syllable per character ("zhou", "xiao", "zhe"), computed by the
    # server when the roster is saved (issue 16 §5): the kiosk only matches.
    pinyin: tuple[str, ...] = ()

    def matches(self, query: str) -> bool:
        """Does a visitor's search text find this deputy (name, constituency or block)?

        Every word of the query must appear somewhere; case and surrounding space are ignored.
        Latin letters also match the name's Pinyin: in full (zhou, zhouxiao, zhouxiaozhe) or
        by initials (zxz, zx).
        """
        haystack = " ".join((self.name, self.constituency, *self.blocks)).casefold()
        if all(word in haystack for word in query.casefold().split()):
            return True
        return matches_pinyin(self.pinyin, query)


def matches_pinyin(syllables: tuple[str, ...], query: str) -> bool:
    """Whether Latin letters typed by a visitor spell the start of a name's Pinyin: in full,
    from any syllable on (xiaozhe), or by initials (zxz); tones, case and spaces ignored."""
    letters = "".join(query.casefold().split()).replace("ü", "v")
    if not syllables or not letters.isascii() or not letters.isalpha():
        return False
    syllables = tuple(s.casefold().replace("ü", "v") for s in syllables)
    initials = "".join(s[:1] for s in syllables)
    if initials.startswith(letters):
        return True
    return any("".join(syllables[i:]).startswith(letters) for i in range(len(syllables)))
