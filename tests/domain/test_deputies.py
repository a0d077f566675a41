# SPDX-License-Identifier: GPL-3.0-or-later
import pytest

from kiosk.domain.deputies import Deputy, Level, parse_levels


def test_levels_come_highest_first_without_repeats():
    assert parse_levels("township, city,national,city") == (
        Level.NATIONAL,
        Level.CITY,
        Level.TOWNSHIP,
    )
    assert parse_levels("") == ()


def test_an_unknown_level_is_refused():
    with pytest.raises(ValueError):
        parse_levels("galactic")


DEPUTY = Deputy(
    id="d1",
    name="周晓喆",
    levels=(Level.PROVINCIAL,),
    constituency="青禾街道第二选区",
    blocks=("望江社区", "Riverside Park"),
)


@pytest.mark.parametrize(
    "query", ["周", "晓喆", "第二选区", "望江", "riverside", "  周  望江 ", ""]
)
def test_a_visitor_finds_a_deputy_by_name_constituency_or_block(query):
    assert DEPUTY.matches(query)


@pytest.mark.parametrize("query", ["林", "第三选区", "周 林"])
def test_other_text_does_not_find_the_deputy(query):
    assert not DEPUTY.matches(query)


def test_latin_letters_find_a_name_by_its_pinyin_or_initials():
    from kiosk.domain.deputies import Deputy, Level

    zhou = Deputy("d2", "周晓喆", (Level.PROVINCIAL,), pinyin=("zhou", "xiao", "zhe"))
    for typed in ("zxz", "zx", "zhou", "zhouxiao", "Zhou Xiao", "xiaozhe", "zhouxiaozhe"):
        assert zhou.matches(typed), typed
    for typed in ("zz", "zhoux1", "xiaozhou", "wang"):
        assert not zhou.matches(typed), typed
