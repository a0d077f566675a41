# SPDX-License-Identifier: GPL-3.0-or-later
"""How a deputy gets into the console (issue 14 §1): station staff hand over a one-time code
(a link shown as a QR code), the deputy opens it on their phone and sets a password.

- A code is valid 24 hours and once; only its SHA-256 is stored; handing over a new one
  voids the older ones of that account.
- A code has the link's number in front ("12-K7QM-4XPD-AB9C"): wrong codes for a link count
  against its account with the console's growing login lockout (accounts.count_failure);
  codes that name no link count against the address (guards, as the progress page's check).
- A lost phone: staff disable the account (its sessions end); a new hand-over enables it again.
- Never the kiosk's 4-8 digit PIN: that one only signs in at the station's screen.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from central.core.security import token_hash
from central.models import Account, ConsoleSession, Deputy, SignInLink, Station
from central.services import accounts, audit, guards
from central.services.accounts import AccountError, OpenedSession
from central.services.audit import Who
from central.services.permissions import Action, Refused, Role, require, scope_of

VALID_FOR = timedelta(hours=24)
# The tracking codes' alphabet: no 0/O, 1/I to misread when typed from a screen.
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_CHARACTERS = 12  # 60 bits
_CODE = re.compile(r"(\d{1,9})-([" + ALPHABET + r"]{" + str(CODE_CHARACTERS) + r"})")


class HandOverError(ValueError):
    """A hand-over or a code that cannot be used; the message says why in plain words."""


class CodeRefused(ValueError):
    """A wrong, used or expired code; `locked_until` when too many wrong ones were tried."""

    def __init__(self, locked_until: datetime | None = None) -> None:
        super().__init__("locked" if locked_until else "wrong")
        self.locked_until = locked_until


@dataclass(frozen=True)
class StationDeputy:
    """A deputy on a station's roster and the state of their console account."""

    station_id: str
    station_name: str
    deputy_id: str
    name: str
    login: str  # "" when no account yet
    state: str  # none | waiting (a code is out) | active | disabled
    code_expires: datetime | None


@dataclass(frozen=True)
class HandedOver:
    login: str
    name: str
    code: str  # shown once, as text and as a QR code of `path`
    expires_at: datetime

    @property
    def path(self) -> str:
        return f"/console/welcome/{self.code}"


def login_for(station_id: str, deputy_id: str) -> str:
    """The login name a deputy's account gets: station and deputy, in the login's letters."""
    text = re.sub(r"[^a-z0-9._-]+", "-", f"{station_id}.{deputy_id}".lower()).strip("-._")
    return text[:64] if len(text) >= 2 else f"d-{text}"


def _hash(code: str) -> str:
    return token_hash(code)


def _normalise(text: str) -> str:
    """Any spelling of a code: spaces, lower case, dashes between groups."""
    letters = re.sub(r"[^0-9A-Za-z]", "", text).upper()
    return f"{letters[:-CODE_CHARACTERS]}-{letters[-CODE_CHARACTERS:]}"


def display_code(code: str) -> str:
    number, _, rest = code.partition("-")
    return number + "-" + "-".join(rest[i : i + 4] for i in range(0, len(rest), 4))


def _station_in_scope(session: Session, who: Who, station_id: str) -> Station:
    require(who.account, Action.HAND_OVER)
    station = session.get(Station, station_id)
    if station is None or not scope_of(session, who.account).covers(station_id):
        raise Refused("this station is not yours")
    return station


def station_deputies(session: Session, who: Who, *, now: datetime) -> list[StationDeputy]:
    """The deputies of the stations in scope, with their accounts (staff: their station)."""
    require(who.account, Action.HAND_OVER)
    scope = scope_of(session, who.account)
    query = select(Deputy, Station.name).join(Station, Station.id == Deputy.station_id)
    if scope.station_ids is not None:
        query = query.where(Deputy.station_id.in_(sorted(scope.station_ids)))
    rows = session.execute(query.order_by(Station.name, Deputy.position).limit(500)).all()
    found = {
        (a.station_id, a.deputy_id): a
        for a in session.scalars(
            select(Account).where(
                Account.role == Role.DEPUTY,
                Account.station_id.in_({d.station_id for d, _ in rows}),
            )
        )
    }
    waiting = dict(
        session.execute(
            select(SignInLink.account_id, SignInLink.expires_at).where(
                SignInLink.used_at.is_(None), SignInLink.expires_at > now
            )
        ).all()
    )
    out = []
    for deputy, station_name in rows:
        account = found.get((deputy.station_id, deputy.deputy_id))
        if account is None:
            state, expires = "none", None
        elif account.disabled_at is not None:
            state, expires = "disabled", None
        elif account.id in waiting:
            state, expires = "waiting", waiting[account.id]
        else:
            state, expires = "active", None
        out.append(
            StationDeputy(
                deputy.station_id,
                station_name,
                deputy.deputy_id,
                deputy.name,
                account.login if account else "",
                state,
                expires,
            )
        )
    return out


def hand_over(
    session: Session, who: Who, station_id: str, deputy_id: str, *, now: datetime
) -> HandedOver:
    """A new one-time code for a deputy of a station in scope (their account made if need be).

    The account cannot sign in with a password until the code is used: its password is
    replaced by one nobody knows, so a found old phone with a remembered password is useless.
    """
    _station_in_scope(session, who, station_id)
    deputy = session.scalars(
        select(Deputy).where(Deputy.station_id == station_id, Deputy.deputy_id == deputy_id)
    ).one_or_none()
    if deputy is None:
        raise HandOverError("choose a deputy of this station's roster")
    account = session.scalars(
        select(Account).where(
            Account.role == Role.DEPUTY,
            Account.station_id == station_id,
            Account.deputy_id == deputy_id,
        )
    ).one_or_none()
    unknown = accounts.hash_password(secrets.token_urlsafe(24))
    if account is None:
        login = login_for(station_id, deputy_id)
        if accounts.find_account(session, login) is not None:
            raise HandOverError(f"the login {login} is taken by another account")
        account = Account(
            login=login,
            display_name=deputy.name,
            role=Role.DEPUTY,
            station_id=station_id,
            deputy_id=deputy_id,
            password_hash=unknown,
            must_change_password=True,
            failures=0,
            lockouts=0,
            created_at=now,
        )
        session.add(account)
        session.flush()
        audit.record(session, who, "account.create", login, "role deputy (hand-over)", now=now)
    else:
        account.password_hash = unknown
        account.must_change_password = True
        account.disabled_at = None
        account.failures = 0
        account.locked_until = None
        session.execute(delete(ConsoleSession).where(ConsoleSession.account_id == account.id))
    # Only the newest code works.
    session.execute(
        update(SignInLink)
        .where(SignInLink.account_id == account.id, SignInLink.used_at.is_(None))
        .values(expires_at=now)
    )
    link = SignInLink(
        code_hash=secrets.token_hex(32),  # replaced below, once the number is known
        account_id=account.id,
        created_at=now,
        created_by=who.account.id,
        expires_at=now + VALID_FOR,
    )
    session.add(link)
    session.flush()
    secret = "".join(secrets.choice(ALPHABET) for _ in range(CODE_CHARACTERS))
    code = f"{link.id}-{secret}"
    link.code_hash = _hash(code)
    audit.record(session, who, "deputy.hand_over", account.login, now=now)
    return HandedOver(account.login, deputy.name, code, link.expires_at)


def _address_key(address: str) -> str:
    # Counted per address only (never per code: a stranger must not lock a deputy out).
    return "hand-over:" + hashlib.sha256(address.encode()).hexdigest()[:14]


# Wrong codes per address, in the lookup lockout's table: 5 in 15 minutes, 50 a day.
_LOCKOUT = guards.LookupLockout(b"hand-over codes")


def check_code(session: Session, code_text: str, *, now: datetime, address: str) -> SignInLink:
    """The live link of a code, or CodeRefused (the failure counted: commit it too)."""
    code = _normalise(code_text)
    key = _address_key(address)
    locked = _LOCKOUT.locked_until(session, key, address, now)
    if locked is not None:
        raise CodeRefused(locked)
    match = _CODE.fullmatch(code)
    link = session.get(SignInLink, int(match.group(1))) if match else None
    account = session.get(Account, link.account_id) if link else None
    if link is None or account is None:
        left = _LOCKOUT.record_failure(session, key, address, now)
        audit.record(session, None, "hand_over.failed", "", now=now, address=address)
        raise CodeRefused(_LOCKOUT.locked_until(session, key, address, now) if left == 0 else None)
    if account.locked_until is not None and account.locked_until > now:
        raise CodeRefused(account.locked_until)
    if not secrets.compare_digest(link.code_hash, _hash(code)):
        audit.record(session, None, "hand_over.failed", account.login, now=now, address=address)
        raise CodeRefused(accounts.count_failure(account, now))
    if link.used_at is not None or link.expires_at <= now or account.disabled_at is not None:
        audit.record(session, None, "hand_over.stale", account.login, now=now, address=address)
        raise CodeRefused()
    return link


def account_of(session: Session, link: SignInLink) -> Account:
    account = session.get(Account, link.account_id)
    assert account is not None
    return account


def redeem(
    session: Session, code_text: str, password: str, *, now: datetime, address: str
) -> tuple[Account, OpenedSession]:
    """Use a code: set the deputy's password and sign them in. AccountError for a password
    that will not do (the code stays usable); CodeRefused for the code."""
    link = check_code(session, code_text, now=now, address=address)
    account = account_of(session, link)
    accounts.check_password(password, account.login)
    account.password_hash = accounts.hash_password(password)
    account.must_change_password = False
    account.failures = 0
    account.lockouts = 0
    account.locked_until = None
    account.last_login_at = now
    link.used_at = now
    audit.record(session, Who(account, address), "hand_over.used", account.login, now=now)
    return account, accounts.open_session(session, account, now=now, address=address)


def disable_deputy(
    session: Session, who: Who, station_id: str, deputy_id: str, *, now: datetime
) -> None:
    """A lost phone: the deputy's account stops working at once (sessions and codes too)."""
    _station_in_scope(session, who, station_id)
    account = session.scalars(
        select(Account).where(
            Account.role == Role.DEPUTY,
            Account.station_id == station_id,
            Account.deputy_id == deputy_id,
        )
    ).one_or_none()
    if account is None:
        raise HandOverError("this deputy has no account yet")
    session.execute(
        update(SignInLink)
        .where(SignInLink.account_id == account.id, SignInLink.used_at.is_(None))
        .values(expires_at=now)
    )
    accounts.disable_account(session, account, now=now, who=who)


__all__ = [
    "AccountError",
    "CodeRefused",
    "HandOverError",
    "HandedOver",
    "StationDeputy",
    "check_code",
    "disable_deputy",
    "display_code",
    "hand_over",
    "redeem",
    "station_deputies",
]
