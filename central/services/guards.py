# SPDX-License-Identifier: GPL-3.0-or-later
"""What keeps the phone pages from being abused: rate limits, CSRF tokens, signed access to a
progress page, and the lockout after wrong last-4 answers (docs/phone-pages.md).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from central.core.config import LOOKUP_FAILURES, LOOKUP_LOCK_MINUTES
from central.models import LookupGuard


class RateLimiter:
    """At most `limit` hits per key in a sliding window of `window` seconds, in memory.

    Keys are hashed before they are kept, so a mobile number never sits in memory as a key.
    One process keeps its own counts: behind several workers each counts for itself.
    """

    def __init__(self, limit: int, window: float, clock=time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    def _recent(self, key: str, now: float) -> deque[float]:
        hits = self._hits.setdefault(self._key(key), deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        return hits

    def allowed(self, key: str) -> bool:
        """Is there room for one more hit? (Does not count it.)"""
        with self._lock:
            return len(self._recent(key, self._clock())) < self.limit

    def hit(self, key: str) -> bool:
        """Count a hit; False (not counted) if the limit is reached."""
        with self._lock:
            now = self._clock()
            hits = self._recent(key, now)
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            if len(self._hits) > 100_000:  # forget idle keys now and then
                self._hits = {k: v for k, v in self._hits.items() if v}
            return True


def new_csrf_token() -> str:
    return secrets.token_urlsafe(24)


def csrf_ok(cookie: str | None, field: str | None) -> bool:
    """Double-submit check: the form's hidden token equals the page's own cookie."""
    return bool(cookie) and bool(field) and hmac.compare_digest(cookie, field)  # type: ignore[arg-type]


class AccessSigner:
    """Proof that this browser passed a code's last-4 check a short while ago (for rating),
    without the digits travelling again or appearing in a URL."""

    def __init__(self, secret: bytes, minutes: int = 30) -> None:
        self._secret = secret
        self._lifetime = minutes * 60

    def sign(self, code: str, now: float | None = None) -> str:
        expires = int((now or time.time()) + self._lifetime)
        mac = hmac.new(self._secret, f"{code}|{expires}".encode(), hashlib.sha256).hexdigest()
        return f"{expires}.{mac}"

    def valid(self, code: str, token: str, now: float | None = None) -> bool:
        expires, _, mac = token.partition(".")
        if not (expires.isascii() and expires.isdigit()) or int(expires) < (now or time.time()):
            return False
        expected = hmac.new(self._secret, f"{code}|{expires}".encode(), hashlib.sha256)
        return hmac.compare_digest(expected.hexdigest(), mac)


class SentCodes:
    """The codes this browser was given for what it sent, in a signed cookie (a few, for the
    repeat window): a repeat shows a code again only to the browser that first had it."""

    KEEP = 10

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, text: str) -> str:
        return hmac.new(self._secret, f"sent|{text}".encode(), hashlib.sha256).hexdigest()[:32]

    def read(self, cookie: str | None) -> list[str]:
        codes, _, mac = (cookie or "").rpartition(".")
        if not codes or not hmac.compare_digest(self._mac(codes), mac):
            return []
        return codes.split("-")[-self.KEEP :]

    def add(self, cookie: str | None, code: str) -> str:
        """The cookie's new value with `code` added."""
        codes = "-".join([*self.read(cookie), code][-self.KEEP :])
        return f"{codes}.{self._mac(codes)}"


def locked_until(session: Session, code: str, now: datetime) -> datetime | None:
    """When a code's lockout ends, if it is locked now."""
    guard = session.get(LookupGuard, code)
    if guard is not None and guard.locked_until is not None and guard.locked_until > now:
        return guard.locked_until
    return None


def record_failure(session: Session, code: str, now: datetime) -> int:
    """Count a wrong answer for `code`; the tries left before the lockout (0: locked now)."""
    guard = session.get(LookupGuard, code)
    if guard is None:
        guard = LookupGuard(code=code, failures=0)
        session.add(guard)
    if guard.locked_until is not None and guard.locked_until <= now:
        guard.locked_until = None  # a lockout that ended starts the count again
        guard.failures = 0
    guard.failures += 1
    if guard.failures >= LOOKUP_FAILURES:
        guard.locked_until = now + timedelta(minutes=LOOKUP_LOCK_MINUTES)
        guard.failures = 0
        return 0
    return LOOKUP_FAILURES - guard.failures


def record_success(session: Session, code: str) -> None:
    guard = session.get(LookupGuard, code)
    if guard is not None:
        session.delete(guard)
