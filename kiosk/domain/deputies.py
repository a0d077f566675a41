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

    def matches(self, query: str) -> bool:
        """Does a visitor's search text find this deputy (name, constituency or block)?

        Every word of the query must appear somewhere; case and surrounding space are ignored.
        """
        haystack = " ".join((self.name, self.constituency, *self.blocks)).casefold()
        return all(word in haystack for word in query.casefold().split())
