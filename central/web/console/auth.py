# SPDX-License-Identifier: GPL-3.0-or-later
"""Who is signed in to the console: the session cookie (HttpOnly, SameSite=Strict, Secure
behind TLS), its idle expiry, the forced password change, and CSRF on every change."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request

from central.core.db import Database
from central.core.security import token_hash
from central.models import Account
from central.services import accounts
from central.services.audit import Who

SESSION_COOKIE = "console_session"
LOGIN_CSRF_COOKIE = "console_login_csrf"
COOKIE_PATH = "/console"


class LoginNeeded(Exception):
    """No live session: pages go to the login page, the API answers 401."""


class PasswordChangeNeeded(Exception):
    """First sign-in (or after a reset): nothing but the password page until it is changed."""


class CsrfFailed(Exception):
    """A change without this session's CSRF token (403)."""


@dataclass(frozen=True)
class ConsoleUser:
    account: Account
    csrf: str
    token: str
    address: str

    @property
    def who(self) -> Who:
        return Who(self.account, self.address)


def database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def clock(request: Request) -> datetime:
    """The server's now; tests of the console may replace app.state.clock."""
    now: Callable[[], datetime] = getattr(request.app.state, "clock", None) or (
        lambda: datetime.now(UTC)
    )
    return now()


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def secure_cookies(request: Request) -> bool:
    """Cookies only over HTTPS: behind a TLS proxy (serve --behind-tls-proxy) or on HTTPS."""
    return request.app.state.settings.secure_cookies or request.url.scheme == "https"


def _signed_in(request: Request, *, allow_password_change: bool) -> ConsoleUser:
    token = request.cookies.get(SESSION_COOKIE, "")
    now = clock(request)
    db = database(request)
    with db.reader() as session:
        found = accounts.session_account(session, token, now=now)
    if found is None:
        raise LoginNeeded()
    account, row = found
    if accounts.needs_touch(row, now):
        with db.writer.begin() as session:
            accounts.touch_session(session, token_hash(token), now=now)
    if account.must_change_password and not allow_password_change:
        raise PasswordChangeNeeded()
    return ConsoleUser(account, row.csrf, token, client_address(request))


def current_user(request: Request) -> ConsoleUser:
    return _signed_in(request, allow_password_change=False)


def user_changing_password(request: Request) -> ConsoleUser:
    return _signed_in(request, allow_password_change=True)


CurrentUser = Annotated[ConsoleUser, Depends(current_user)]
PasswordUser = Annotated[ConsoleUser, Depends(user_changing_password)]


def check_csrf(user: ConsoleUser, sent: str | None) -> None:
    if not sent or not hmac.compare_digest(sent, user.csrf):
        raise CsrfFailed()
