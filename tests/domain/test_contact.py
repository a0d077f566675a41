# SPDX-License-Identifier: GPL-3.0-or-later
"""The rules for what visitors type (kiosk.domain.contact), with hypothesis."""

import string

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.contact import (
    TEXT_LIMIT,
    Problem,
    check_name,
    check_phone,
    check_text,
    check_topic,
    normalise_phone,
)
from kiosk.domain.mobile import last_four

mobiles = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text(string.digits, min_size=9, max_size=9),
)
landlines = st.builds(
    lambda area, number: f"0{area}{number}",
    st.text(string.digits, min_size=2, max_size=3),
    st.text(string.digits, min_size=7, max_size=8),
)
chinese = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1)


@given(mobiles)
def test_every_mainland_mobile_is_accepted_however_it_is_spaced(mobile):
    assert check_phone(mobile) is None
    spaced = f"+86 {mobile[:3]}-{mobile[3:7]} {mobile[7:]}"
    assert check_phone(spaced) is None
    assert normalise_phone(spaced) == mobile
    assert last_four(spaced) == mobile[-4:]


@given(landlines)
def test_a_landline_with_its_area_code_is_accepted(landline):
    assert check_phone(landline) is None
    assert check_phone(landline, landline=False) == Problem.PHONE_LENGTH


@given(st.text(string.digits, min_size=1, max_size=20))
def test_digits_that_are_neither_are_refused_with_a_reason(digits):
    is_mobile = len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789"
    is_landline = digits[0] == "0" and 10 <= len(digits) <= 12
    problem = check_phone(digits)
    assert (problem is None) == (is_mobile or is_landline)
    if digits.startswith("1") and not is_mobile:
        assert problem == Problem.MOBILE_FORMAT


def test_phone_problems_have_names():
    assert check_phone("") == Problem.EMPTY
    assert check_phone("   ") == Problem.EMPTY
    assert check_phone("1390000abcd") == Problem.PHONE_DIGITS
    assert check_phone("１３９１２３４５６７８") == Problem.PHONE_DIGITS  # full-width digits
    assert check_phone("12012345678") == Problem.MOBILE_FORMAT
    assert check_phone("12345") == Problem.MOBILE_FORMAT
    assert check_phone("88881234") == Problem.PHONE_LENGTH  # no area code


@given(chinese.filter(lambda t: len(t) <= TEXT_LIMIT))
def test_ordinary_chinese_text_is_fine(text):
    assert check_text(text) is None
    assert check_text(text[:400] + "\n第二段\t完") is None


@given(st.text(" \t\n\u3000", max_size=50))
def test_whitespace_only_is_empty(text):
    assert check_text(text) == Problem.EMPTY
    assert check_name(text) == Problem.EMPTY
    assert check_topic(text) is None  # an appointment's topic is optional


@given(st.integers(TEXT_LIMIT + 1, 50_000))
def test_too_long_is_said_so_even_for_a_huge_paste(length):
    assert check_text("字" * length) == Problem.TOO_LONG


@given(chinese, st.sampled_from(["😀", "👍🏻", "🇨🇳", "❤️", "☎"]), chinese)
def test_emoji_anywhere_is_refused(before, emoji, after):
    assert check_text(before[:200] + emoji + after[:200]) == Problem.EMOJI


@given(chinese, st.sampled_from(["\x00", "\x07", "\x1b", "\x7f", "\r"]), chinese)
def test_control_characters_are_refused(before, control, after):
    assert check_text(before[:200] + control + after[:200]) == Problem.CONTROL


@given(chinese, st.sampled_from(list("\u202e\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c")))
def test_bidi_marks_are_refused(text, mark):
    assert check_text(text[:200] + mark) == Problem.BIDI
    assert check_name("王" + mark) == Problem.BIDI


def test_names_have_one_line_and_a_short_limit():
    assert check_name("王阿姨") is None
    assert check_name("王\n阿姨") == Problem.CONTROL
    assert check_name("王" * 31) == Problem.TOO_LONG
