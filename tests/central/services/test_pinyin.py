# SPDX-License-Identifier: GPL-3.0-or-later
"""Names in Pinyin as the server computes them for the kiosks' search (issue 16 §5)."""

from central.services.pinyin import name_pinyin
from kiosk.demo import demo_snapshot


def test_surnames_read_as_surnames():
    assert name_pinyin("曾国藩") == ["zeng", "guo", "fan"]
    assert name_pinyin("仇英") == ["qiu", "ying"]


def test_the_rosters_override_wins_when_it_fits_the_name():
    assert name_pinyin("罗晟", "Luo Sheng") == ["luo", "sheng"]
    assert name_pinyin("罗晟", "luo") == ["luo", "cheng"]  # one syllable for two characters


def test_the_demo_stations_pinyin_is_what_the_server_computes():
    overrides = {"罗晟": "luo sheng"}  # 晟 in a name reads shèng
    for deputy in demo_snapshot().deputies:
        computed = name_pinyin(deputy.name, overrides.get(deputy.name, ""))
        assert tuple(computed) == deputy.pinyin, deputy.name
