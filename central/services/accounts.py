# SPDX-License-Identifier: GPL-3.0-or-later
"""Console accounts: passwords (argon2id), a lockout that grows, server-side sessions with an
idle expiry, and a forced password change on first login (DESIGN.md §10)."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from central.core.security import token_hash
from central.models import Account, ConsoleSession, Region, Station
from central.services import audit
from central.services.audit import Who
from central.services.permissions import Role
from kiosk.domain.hashing import hasher, matches
from kiosk.domain.lockout import CONSOLE_LOGIN

MIN_PASSWORD = 10
IDLE_EXPIRY = timedelta(minutes=30)
LONGEST_SESSION = timedelta(hours=12)
# Refresh "last seen" at most this often: a write per page view would be wasteful.
SEEN_GRANULARITY = timedelta(seconds=60)
LOGIN_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")

_hasher = hasher()  # argon2id with the library's recommended costs (kiosk.domain.hashing)


class AccountError(ValueError):
    """Bad input for an account; the message says what to change."""


def check_password(password: str, login: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password has at least {MIN_PASSWORD} characters")
    if password.lower() == login.lower():
        raise AccountError("the password must not be the login name")


def new_password() -> str:
    """A one-time password for a new or reset account (to be changed at first login)."""
    return "-".join(secrets.token_hex(3) for _ in range(3))


@dataclass(frozen=True)
class NewAccount:
    login: str
    display_name: str
    role: str
    mobile: str = ""
    region_id: int | None = None
    station_id: str | None = None
    deputy_id: str | None = None


def create_account(
    session: Session, new: NewAccount, password: str, *, now: datetime, who: Who | None = None
) -> Account:
    login = new.login.strip().lower()
    if not LOGIN_PATTERN.fullmatch(login):
        raise AccountError("a login name is 2-64 of a-z, 0-9, '.', '_', '-'")
    try:
        role = Role(new.role)
    except ValueError:
        raise AccountError(f"no role {new.role}; the roles are {', '.join(Role)}") from None
    if not new.display_name.strip():
        raise AccountError("a display name is needed")
    if new.region_id is not None and new.station_id is not None:
        raise AccountError("the scope is a region or a station, not both")
    if new.region_id is not None and session.get(Region, new.region_id) is None:
        raise AccountError(f"no region {new.region_id}")
    if new.station_id is not None and session.get(Station, new.station_id) is None:
        raise AccountError(f"no station {new.station_id}")
    if role is Role.STAFF and new.station_id is None:
        raise AccountError("a staff account belongs to a station (--station)")
    if role is Role.DEPUTY and not new.deputy_id:
        raise AccountError("a deputy account needs the deputy's id (--deputy)")
    if session.scalar(select(Account.id).where(Account.login == login)) is not None:
        raise AccountError(f"the login {login} is taken")
    check_password(password, login)
    if who is not None and who.account.role != Role.ADMIN:
        raise AccountError("only an admin creates accounts")
    account = Account(
        login=login,
        display_name=new.display_name.strip(),
        mobile=new.mobile.strip(),
        role=role,
        region_id=new.region_id,
        station_id=new.station_id,
        deputy_id=new.deputy_id or None,
        password_hash=_hasher.hash(password),
        must_change_password=True,
        failures=0,
        lockouts=0,
        created_at=now,
    )
    session.add(account)
    session.flush()
    audit.record(session, who, "account.create", login, f"role {role}", now=now, login="cli")
    return account


def find_account(session: Session, login: str) -> Account | None:
    return session.scalars(
        select(Account).where(Account.login == login.strip().lower())
    ).one_or_none()


def list_accounts(session: Session) -> list[Account]:
    return list(session.scalars(select(Account).order_by(Account.login)))


def disable_account(session: Session, account: Account, *, now: datetime, who: Who | None) -> None:
    account.disabled_at = now
    session.execute(delete(ConsoleSession).where(ConsoleSession.account_id == account.id))
    audit.record(session, who, "account.disable", account.login, now=now, login="cli")


def reset_password(
    session: Session, account: Account, password: str, *, now: datetime, who: Who | None
) -> None:
    """A new one-time password: changed at the next login; the lockout is lifted."""
    check_password(password, account.login)
    account.password_hash = _hasher.hash(password)
    account.must_change_password = True
    account.failures = 0
    account.locked_until = None
    account.disabled_at = None
    session.execute(delete(ConsoleSession).where(ConsoleSession.account_id == account.id))
    audit.record(session, who, "account.reset_password", account.login, now=now, login="cli")


def count_failure(account: Account, now: datetime) -> datetime | None:
    """Count a wrong password (or hand-over code) for `account`; when the account is locked.

    Five wrong tries lock it for a minute, and each later lock lasts twice as long as the one
    before (up to a day); a right password resets the count of locks.
    """
    account.failures += 1
    if account.failures < CONSOLE_LOGIN.tries:
        return None
    account.locked_until = now + CONSOLE_LOGIN.wait(account.lockouts)
    account.lockouts += 1
    account.failures = 0
    return account.locked_until


def hash_password(password: str) -> str:
    """argon2id with the library's recommended costs (the hash every account keeps)."""
    return _hasher.hash(password)


class LoginRefused(ValueError):
    """Wrong login or password, or locked: `locked_until` says until when."""

    def __init__(self, locked_until: datetime | None = None) -> None:
        super().__init__("locked" if locked_until else "wrong")
        self.locked_until = locked_until


def _verify(password_hash: str, password: str) -> bool:
    return matches(password_hash, password, _hasher)


def authenticate(
    session: Session, login: str, password: str, *, now: datetime, address: str
) -> Account:
    """The account for a right login and password; LoginRefused otherwise.

    A refusal changes data too (the count of failures, the audit line): the caller catches
    it inside its transaction and commits.

    Five wrong passwords lock the account for a minute, and each later lock lasts twice as
    long as the one before (up to a day); a right password resets the count of locks.
    """
    account = find_account(session, login) if login.strip() else None
    if account is None or account.disabled_at is not None:
        # Checked against a stand-in, so a wrong login takes as long as a wrong password.
        matches(None, password, _hasher)
        audit.record(session, None, "login.failed", login[:64], now=now, address=address)
        raise LoginRefused()
    if account.locked_until is not None and account.locked_until > now:
        audit.record(session, None, "login.locked", account.login, now=now, address=address)
        raise LoginRefused(account.locked_until)
    if not _verify(account.password_hash, password):
        audit.record(session, None, "login.failed", account.login, now=now, address=address)
        raise LoginRefused(count_failure(account, now))
    account.failures = 0
    account.lockouts = 0
    account.locked_until = None
    account.last_login_at = now
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
    return account


def change_password(
    session: Session, account: Account, old: str, new: str, *, now: datetime, address: str
) -> None:
    if not _verify(account.password_hash, old):
        raise AccountError("the current password is not right")
    if old == new:
        raise AccountError("the new password must differ from the old one")
    check_password(new, account.login)
    account.password_hash = _hasher.hash(new)
    account.must_change_password = False
    audit.record(session, Who(account, address), "password.change", account.login, now=now)


@dataclass(frozen=True)
class OpenedSession:
    token: str  # for the cookie; only its hash is stored
    csrf: str


def open_session(
    session: Session, account: Account, *, now: datetime, address: str
) -> OpenedSession:
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(24)
    session.add(
        ConsoleSession(
            token_hash=token_hash(token),
            account_id=account.id,
            csrf=csrf,
            created_at=now,
            last_seen_at=now,
            address=address[:64],
        )
    )
    audit.record(session, Who(account, address), "login", account.login, now=now)
    return OpenedSession(token, csrf)


def session_account(
    session: Session, token: str, *, now: datetime
) -> tuple[Account, ConsoleSession] | None:
    """The account of a live session (idle under 30 minutes, younger than 12 hours)."""
    if not token:
        return None
    row = session.get(ConsoleSession, token_hash(token))
    if row is None:
        return None
    if now - row.last_seen_at > IDLE_EXPIRY or now - row.created_at > LONGEST_SESSION:
        return None
    account = session.get(Account, row.account_id)
    if account is None or account.disabled_at is not None:
        return None
    return account, row


def needs_touch(row: ConsoleSession, now: datetime) -> bool:
    return now - row.last_seen_at > SEEN_GRANULARITY


def touch_session(session: Session, row_hash: str, *, now: datetime) -> None:
    """Mark a session as seen now (and forget the expired ones while here)."""
    row = session.get(ConsoleSession, row_hash)
    if row is not None:
        row.last_seen_at = now
    session.execute(delete(ConsoleSession).where(ConsoleSession.last_seen_at < now - IDLE_EXPIRY))


def close_session(session: Session, token: str, *, now: datetime, who: Who) -> None:
    session.execute(delete(ConsoleSession).where(ConsoleSession.token_hash == token_hash(token)))
    audit.record(session, who, "logout", who.account.login, now=now)
