# SPDX-License-Identifier: GPL-3.0-or-later
"""The phone pages' guards on their own: limits, rating access, the words of every page."""

import re
from pathlib import Path

from central.services.guards import AccessSigner, RateLimiter, csrf_ok
from central.web.phone.text import TEXT, translator


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_limit_counts_per_key_in_a_sliding_window():
    clock = Clock()
    limiter = RateLimiter(2, 60, clock=clock)
    assert limiter.hit("a") and limiter.hit("a")
    assert not limiter.hit("a") and not limiter.allowed("a")
    assert limiter.hit("b")  # another address or number has its own count
    clock.now += 61
    assert limiter.hit("a")


def test_a_limit_keeps_no_key_in_the_clear():
    limiter = RateLimiter(1, 60)
    limiter.hit("13800138000")
    assert "13800138000" not in repr(limiter._hits)


def test_rating_access_is_for_one_code_and_expires():
    signer = AccessSigner(b"k" * 32, minutes=30)
    token = signer.sign("K7QM4XPD8", now=1000)
    assert signer.valid("K7QM4XPD8", token, now=1000 + 29 * 60)
    assert not signer.valid("K7QM4XPD8", token, now=1000 + 31 * 60)
    assert not signer.valid("222222222", token, now=1000)
    assert not AccessSigner(b"x" * 32).valid("K7QM4XPD8", token, now=1000)
    assert not signer.valid("K7QM4XPD8", "garbage", now=1000)


def test_csrf_needs_both_halves_equal():
    assert csrf_ok("abc", "abc")
    assert not csrf_ok("abc", "abd") and not csrf_ok(None, "abc") and not csrf_ok("", "")


def test_every_word_the_templates_use_exists_in_both_languages():
    templates = Path(__file__).resolve().parents[3] / "central" / "web" / "templates"
    used = set()
    for template in templates.glob("*.html"):
        used |= set(re.findall(r'_\("([a-z0-9_]+)"\)', template.read_text()))
    assert used and used <= TEXT.keys()
    for zh, en in TEXT.values():
        assert zh and en
    assert translator("en")("wrong_last4", left=2).endswith("2 tries left.")
    assert "还可以再试2次" in translator("zh")("wrong_last4", left=2)
