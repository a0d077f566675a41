# SPDX-License-Identifier: GPL-3.0-or-later
"""What keeps the phone pages from being abused: rate limits, CSRF tokens, signed access to a
progress page, and the lockout after wrong last-4 answers (docs/phone-pages.md).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from limits import RateLimitItemPerSecond
from limits.storage import Storage, storage_from_string
from limits.strategies import SlidingWindowCounterRateLimiter
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from central.core.config import LOOKUP_CODE_FAILURES, LOOKUP_FAILURES, LOOKUP_LOCK_MINUTES
from central.models import LookupFailure
from kiosk.domain.lockout import Lockout


class RateLimiter:
    """At most `limit` hits per key in a sliding window of `window` seconds (the kept library
    `limits`, sliding-window-counter strategy: two counters a key, the previous window's
    weighted by how much of it is still inside; its moving-window strategy keeps an empty
    list for every key ever seen in memory storage, so it is not used).

    `storage` is a `limits` storage URI. "memory://" keeps counts in this process: keys are
    forgotten once their window is over (memory stays bounded; a hit costs microseconds with
    100,000 keys), but behind several server processes each counts for itself. A shared
    storage ("redis://HOST", "memcached://HOST", with its client library installed) counts
    across processes; so does "database" (DatabaseCounter below), the server's default.
    Keys are hashed before they are kept, so a mobile number never sits in storage as a key.
    """

    def __init__(
        self,
        name: str,
        limit: int,
        window: float,
        storage: str = "memory://",
        sessions: sessionmaker[Session] | None = None,
    ) -> None:
        self.limit = limit
        self.window = window
        self._name = name
        if storage == DATABASE_STORAGE:
            if sessions is None:
                raise ValueError("the database storage needs the database's sessions")
            self._counter: DatabaseCounter | None = DatabaseCounter(
                sessions, limit, max(1, round(window))
            )
            self.storage: DatabaseCounter | Storage = self._counter
            return
        self._counter = None
        # The name keeps limiters that count the same key (an address) apart in one storage.
        self._item = RateLimitItemPerSecond(limit, max(1, round(window)), namespace=name)
        self._limiter = SlidingWindowCounterRateLimiter(_storage(storage))
        self.storage = self._limiter.storage

    def _key(self, key: str) -> str:
        if self._counter is not None:  # one table for every limiter: the name in the hash
            return hashlib.sha256(f"rate|{self._name}|{key}".encode()).hexdigest()
        return hashlib.sha256(key.encode()).hexdigest()

    def allowed(self, key: str, session: Session | None = None) -> bool:
        """Is there room for one more hit? (Does not count it.) `session`: count in the
        caller's transaction (the database storage; on SQLite a second writer would wait)."""
        if self._counter is not None:
            return self._counter.allowed(self._key(key), session)
        return self._limiter.test(self._item, self._key(key))

    def hit(self, key: str, session: Session | None = None) -> bool:
        """Count a hit; False (not counted) if the limit is reached."""
        if self._counter is not None:
            return self._counter.hit(self._key(key), session)
        return self._limiter.hit(self._item, self._key(key))


# `serve --rate-limit-storage database` (the default): counts in the server's own database.
DATABASE_STORAGE = "database"


class DatabaseCounter:
    """The sliding-window counter of `limits`, kept in the server's database (the table of
    lookup_failure, whose rows are exactly "a count per key and window"): every server process
    and instance on one database shares the counts, and a restart forgets none.

    A hit is one transaction: add one to this window's row (an upsert: concurrent hits on one
    key queue on its row), read the previous window's, and roll back if the weighted sum is
    over the limit, so a refused hit is not counted (as in `limits`).
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        limit: int,
        window: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._sessions = sessions
        self._limit = limit
        self._window = window
        self._clock = clock

    def _weighted(self, session: Session, key: str, now: float, current: int) -> float:
        slot = int(now // self._window)
        previous = session.scalar(
            select(LookupFailure.failures).where(
                LookupFailure.key == key, LookupFailure.slot == slot - 1
            )
        )
        elapsed = (now % self._window) / self._window
        return (previous or 0) * (1 - elapsed) + current

    def allowed(self, key: str, session: Session | None = None) -> bool:
        now = self._clock()
        if session is not None:
            return self._room(session, key, now)
        with self._sessions() as own:
            return self._room(own, key, now)

    def _room(self, session: Session, key: str, now: float) -> bool:
        current = session.scalar(
            select(LookupFailure.failures).where(
                LookupFailure.key == key, LookupFailure.slot == int(now // self._window)
            )
        )
        return self._weighted(session, key, now, current or 0) + 1 <= self._limit

    def hit(self, key: str, session: Session | None = None) -> bool:
        now = self._clock()
        if session is not None:  # in the caller's transaction, undone alone if refused
            savepoint = session.begin_nested()
            if self._count(session, key, now):
                savepoint.commit()
                return True
            savepoint.rollback()
            return False
        with self._sessions() as own:
            own.begin()
            if self._count(own, key, now):
                own.commit()
                return True
            own.rollback()
            return False

    def _count(self, session: Session, key: str, now: float) -> bool:
        slot = int(now // self._window)
        session.execute(delete(LookupFailure).where(LookupFailure.expires <= int(now)))
        insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
        # Kept one window more: the next window weighs this one's count.
        expires = (slot + 2) * self._window
        current = session.execute(
            insert(LookupFailure)
            .values(key=key, slot=slot, failures=1, expires=expires)
            .on_conflict_do_update(
                index_elements=["key", "slot"],
                set_={"failures": LookupFailure.failures + 1},
            )
            .returning(LookupFailure.failures)
        ).scalar_one()
        return self._weighted(session, key, now, current) <= self._limit


_STORAGES: dict[str, Storage] = {}
_STORAGES_LOCK = threading.Lock()


def _storage(uri: str) -> Storage:
    """One storage per URI in a process (a memory storage runs a thread of its own)."""
    with _STORAGES_LOCK:
        if uri not in _STORAGES:
            storage = storage_from_string(uri)
            if not isinstance(storage, Storage):
                raise ValueError(f"{uri}: an asyncio storage; the guards count synchronously")
            _STORAGES[uri] = storage
        return _STORAGES[uri]


def new_csrf_token() -> str:
    return secrets.token_urlsafe(24)


def csrf_ok(cookie: str | None, field: str | None) -> bool:
    """Double-submit check: the form's hidden token equals the page's own cookie."""
    if not cookie or not field:
        return False
    return hmac.compare_digest(cookie, field)


class AccessSigner:
    """Proof that this browser passed a code's last-4 check a short while ago (for rating),
    without the digits travelling again or appearing in a URL.

    Bound to the browser (its CSRF cookie: the proof does not work from another browser) and
    to the record's version (its number of steps): it rates once, and a record that moved
    on (rated, reopened, closed again) needs a new lookup.
    """

    def __init__(self, secret: bytes, minutes: int = 30) -> None:
        self._secret = secret
        self._lifetime = minutes * 60

    def _mac(self, code: str, browser: str, expires: str, version: str) -> str:
        text = f"{code}|{browser}|{expires}|{version}".encode()
        return hmac.new(self._secret, text, hashlib.sha256).hexdigest()

    def sign(self, code: str, browser: str, version: int, now: float | None = None) -> str:
        expires = str(int((now or time.time()) + self._lifetime))
        return f"{expires}.{version}.{self._mac(code, browser, expires, str(version))}"

    def version(
        self, code: str, browser: str | None, token: str, now: float | None = None
    ) -> int | None:
        """The record version the proof was given for, if it is this browser's and fresh."""
        expires, version, mac = (token.split(".") + ["", ""])[:3]
        if not browser or not all(re.fullmatch(r"[0-9]{1,12}", p) for p in (expires, version)):
            return None
        if int(expires) < (now or time.time()):
            return None
        if not hmac.compare_digest(self._mac(code, browser, expires, version), mac):
            return None
        return int(version)


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


# The owner's own path stays open: a stranger's wrong answers for a code lock that code for
# the stranger's address, not for everyone. Against guessing from many addresses, a ceiling
# per code alone, much higher and slower: LOOKUP_CODE_FAILURES a day. (The name keeps their
# counts apart in one table.)
PER_ADDRESS_AND_CODE = (
    "address+code",
    Lockout.per_window(LOOKUP_FAILURES, timedelta(minutes=LOOKUP_LOCK_MINUTES)),
)
PER_CODE = ("code", Lockout.per_window(LOOKUP_CODE_FAILURES, timedelta(days=1)))


class LookupLockout:
    """Wrong last-4 answers per (address, code) and per code, counted in the database
    (lookup_failure) with one atomic statement per count; rows of ended windows are deleted
    as new ones come, so the table holds only the windows in progress."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _keys(self, code: str, address: str, now: datetime) -> list[tuple[Lockout, str, int]]:
        stamp = int(now.timestamp())
        keys = []
        for (name, lockout), subject in (
            (PER_ADDRESS_AND_CODE, f"{address}|{code}"),
            (PER_CODE, code),
        ):
            text = f"{name}|{subject}".encode()
            keys.append(
                (
                    lockout,
                    hmac.new(self._secret, text, hashlib.sha256).hexdigest(),
                    stamp // lockout.window_seconds,
                )
            )
        return keys

    def locked_until(
        self, session: Session, code: str, address: str, now: datetime
    ) -> datetime | None:
        """When the lockout for this code from this address ends, if it is locked now."""
        until = None
        for lockout, key, window in self._keys(code, address, now):
            failures = session.scalar(
                select(LookupFailure.failures).where(
                    LookupFailure.key == key, LookupFailure.slot == window
                )
            )
            if failures is not None and failures >= lockout.tries:
                ends = datetime.fromtimestamp((window + 1) * lockout.window_seconds, UTC)
                until = max(until, ends) if until else ends
        return until

    def record_failure(self, session: Session, code: str, address: str, now: datetime) -> int:
        """Count a wrong answer; the tries left before a lockout (0: locked now)."""
        stamp = int(now.timestamp())
        session.execute(delete(LookupFailure).where(LookupFailure.expires <= stamp))
        insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
        left = []
        for lockout, key, window in self._keys(code, address, now):
            statement = (
                insert(LookupFailure)
                .values(
                    key=key, slot=window, failures=1, expires=(window + 1) * lockout.window_seconds
                )
                .on_conflict_do_update(
                    index_elements=["key", "slot"],
                    set_={"failures": LookupFailure.failures + 1},
                )
                .returning(LookupFailure.failures)
            )
            failures = session.execute(statement).scalar_one()
            left.append(lockout.tries_left(failures))
        return min(left)
