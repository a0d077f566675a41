# SPDX-License-Identifier: GPL-3.0-or-later
"""Console accounts in process: passwords, the growing lockout, sessions and their expiry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from central.models import AuditEntry
from central.services import accounts
from central.services.accounts import AccountError, LoginRefused, NewAccount
from tests.central.services.conftest import FRIDAY, PASSWORD


def login(world, password, *, now=FRIDAY):
    return accounts.authenticate(world.session, "staff-a", password, now=now, address="10.0.0.7")


def test_the_lockout_grows_with_each_series_of_wrong_passwords(world):
    for _ in range(4):
        with pytest.raises(LoginRefused) as refused:
            login(world, "wrong password")
        assert refused.value.locked_until is None
    with pytest.raises(LoginRefused) as refused:
        login(world, "wrong password")
    assert refused.value.locked_until == FRIDAY + timedelta(minutes=1)
    # Locked: even the right password is refused until then.
    with pytest.raises(LoginRefused):
        login(world, PASSWORD, now=FRIDAY + timedelta(seconds=30))
    later = FRIDAY + timedelta(minutes=2)
    for _ in range(5):
        with pytest.raises(LoginRefused) as refused:
            login(world, "wrong password", now=later)
    assert refused.value.locked_until == later + timedelta(minutes=2)  # twice as long
    account = login(world, PASSWORD, now=later + timedelta(minutes=3))
    assert account.login == "staff-a" and account.lockouts == 0
    failed = world.session.scalars(
        select(AuditEntry.address).where(AuditEntry.action == "login.failed")
    ).all()
    assert len(failed) == 10 and set(failed) == {"10.0.0.7"}


def test_unknown_logins_and_disabled_accounts_are_refused_alike(world):
    with pytest.raises(LoginRefused):
        accounts.authenticate(world.session, "nobody", PASSWORD, now=FRIDAY, address="x")
    accounts.disable_account(world.session, world.accounts["staff-a"], now=FRIDAY, who=None)
    with pytest.raises(LoginRefused):
        login(world, PASSWORD)


def test_sessions_expire_when_idle_and_the_first_login_forces_a_new_password(world):
    account = login(world, PASSWORD)
    assert account.must_change_password
    opened = accounts.open_session(world.session, account, now=FRIDAY, address="x")
    found = accounts.session_account(
        world.session, opened.token, now=FRIDAY + timedelta(minutes=29)
    )
    assert found is not None and found[1].csrf == opened.csrf
    assert (
        accounts.session_account(world.session, opened.token, now=FRIDAY + timedelta(minutes=31))
        is None
    )
    assert accounts.session_account(world.session, "forged", now=FRIDAY) is None
    with pytest.raises(AccountError, match="at least 10"):
        accounts.change_password(world.session, account, PASSWORD, "short", now=FRIDAY, address="x")
    accounts.change_password(
        world.session, account, PASSWORD, "a much better one", now=FRIDAY, address="x"
    )
    assert not account.must_change_password


def test_accounts_are_checked_before_they_are_made(world):
    def make(**fields):
        new = NewAccount(**({"login": "new", "display_name": "新", "role": "staff"} | fields))
        return accounts.create_account(world.session, new, PASSWORD, now=FRIDAY)

    with pytest.raises(AccountError, match="belongs to a station"):
        make()
    with pytest.raises(AccountError, match="no role"):
        make(role="king")
    with pytest.raises(AccountError, match="taken"):
        make(login="admin", station_id="a")
    with pytest.raises(AccountError, match="deputy's id"):
        make(role="deputy", station_id="a")
    assert make(station_id="a").password_hash.startswith("$argon2id$")
