# SPDX-License-Identifier: GPL-3.0-or-later
"""The phone pages' guards on their own: limits, rating access, the words of every page."""

import re
import threading
import time
from pathlib import Path

from sqlalchemy import select

from central.models import LookupFailure
from central.services.guards import AccessSigner, RateLimiter, csrf_ok
from central.web.phone.text import TEXT, translator


def test_a_limit_counts_per_key_in_a_sliding_window():
    limiter = RateLimiter("test-window", 2, 1)
    assert limiter.hit("a") and limiter.hit("a")
    assert not limiter.hit("a") and not limiter.allowed("a")
    assert limiter.hit("b")  # another address or number has its own count
    deadline = time.monotonic() + 5
    while not limiter.allowed("a"):  # the window moves on (the library reads the clock)
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert limiter.hit("a")


def test_limits_of_the_same_key_are_counted_apart():
    forms, lookups = RateLimiter("test-forms", 1, 60), RateLimiter("test-lookups", 1, 60)
    assert forms.hit("10.0.0.1") and lookups.hit("10.0.0.1")


def test_a_limit_keeps_no_key_in_the_clear():
    limiter = RateLimiter("test-clear", 1, 60)
    limiter.hit("13800138000")
    assert "13800138000" not in repr(vars(limiter.storage))


def test_the_database_counter_is_shared_and_exact_under_concurrent_hits(fresh_database):
    """`--rate-limit-storage database` (the default): every process and instance on one
    database counts together; concurrent hits never let more than the limit through."""
    first = RateLimiter("test-db", 50, 600, "database", fresh_database.writer)
    second = RateLimiter("test-db", 50, 600, "database", fresh_database.writer)  # elsewhere
    allowed = []

    def hit(limiter: RateLimiter) -> None:
        for _ in range(20):
            allowed.append(limiter.hit("10.0.0.1"))

    threads = [threading.Thread(target=hit, args=(lim,)) for lim in (first, second) * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 50 and not first.allowed("10.0.0.1")
    assert second.allowed("10.0.0.2")
    with fresh_database.reader() as session:
        keys = " ".join(session.scalars(select(LookupFailure.key)))
    assert "10.0.0.1" not in keys  # hashed, as in memory


def test_rating_access_is_for_one_code_one_browser_one_version_and_expires():
    signer = AccessSigner(b"k" * 32, minutes=30)
    token = signer.sign("K7QM4XPD8", "browser-1", 5, now=1000)
    assert signer.version("K7QM4XPD8", "browser-1", token, now=1000 + 29 * 60) == 5
    assert signer.version("K7QM4XPD8", "browser-1", token, now=1000 + 31 * 60) is None
    assert signer.version("222222222", "browser-1", token, now=1000) is None
    assert signer.version("K7QM4XPD8", "browser-2", token, now=1000) is None
    assert signer.version("K7QM4XPD8", "", token, now=1000) is None
    assert AccessSigner(b"x" * 32).version("K7QM4XPD8", "browser-1", token, now=1000) is None
    for garbage in ("garbage", "1.2", "¹.5.00", token.replace(".5.", ".6.")):
        assert signer.version("K7QM4XPD8", "browser-1", garbage, now=1000) is None


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
