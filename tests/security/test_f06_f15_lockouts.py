# SPDX-License-Identifier: GPL-3.0-or-later
"""Findings 6 and 15: knowing a code kept its owner locked out, knowing a mobile blocked its
owner's messages; the lockout rows piled up and were counted read-modify-write. Now a code
locks per (address, code) with a much higher, slower ceiling per code; a mobile's allowance
is per (address, mobile) with a higher one per mobile; counts are one atomic statement in
windows whose rows are deleted once over."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from requests.adapters import HTTPAdapter
from sqlalchemy import select

from central.core.config import LOOKUP_CODE_FAILURES, LOOKUP_FAILURES
from central.launch import running_central
from central.models import LookupFailure
from central.services.guards import LookupLockout
from tests.central.phone_fixtures import demo_station
from tests.central.web.phone.test_pages import leave_message, message, new_mobile
from tests.helpers.phone import Phone

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


class FromAddress(HTTPAdapter):
    """Connections from another loopback address: another visitor, as the server sees it."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def phone_from(url: str, address: str) -> Phone:
    phone = Phone(url)
    phone.http.mount("http://", FromAddress(address))
    return phone


def wrong(mobile: str) -> str:
    return "0000" if mobile[-4:] != "0000" else "1111"


def test_a_stranger_locking_a_code_does_not_lock_out_its_owner(phone_station):
    owner = Phone(phone_station.url)
    mobile = new_mobile()
    code = leave_message(owner, mobile=mobile)
    stranger = phone_from(phone_station.url, "127.0.0.2")  # another address, this machine
    stranger.get(f"/p/{code}")
    for _ in range(LOOKUP_FAILURES + 2):
        stranger.submit(f"/p/{code}", {"last4": wrong(mobile)})
    assert "错误次数太多" in stranger.text  # the stranger is locked out...

    owner.get(f"/p/{code}")
    answer = owner.submit(f"/p/{code}", {"last4": mobile[-4:]})
    assert answer.status_code == 200 and "已受理登记" in owner.text  # ...the owner is not


def test_the_owner_s_own_lookups_do_not_reset_the_count(fresh_database):
    """Looking up one's own receipt between guesses buys no more guesses (the kiosk's rule)."""
    database = fresh_database
    lockout = LookupLockout(b"k" * 32)
    with database.writer.begin() as session:
        for _ in range(LOOKUP_FAILURES - 1):
            lockout.record_failure(session, "222222222", "10.0.0.1", NOW)
        assert lockout.locked_until(session, "222222222", "10.0.0.1", NOW) is None
        assert lockout.record_failure(session, "222222222", "10.0.0.1", NOW) == 0
        assert lockout.locked_until(session, "222222222", "10.0.0.1", NOW)
        assert lockout.locked_until(session, "222222222", "10.0.0.2", NOW) is None


def test_many_addresses_meet_the_ceiling_per_code(fresh_database):
    database = fresh_database
    lockout = LookupLockout(b"k" * 32)
    with database.writer.begin() as session:
        for n in range(LOOKUP_CODE_FAILURES):
            lockout.record_failure(session, "222222222", f"10.0.{n}.1", NOW)
        until = lockout.locked_until(session, "222222222", "10.9.9.9", NOW)
        assert until is not None and until - NOW <= timedelta(days=1)
    print(f"\nguesses per code per day: before 480 (5 a quarter hour), now {LOOKUP_CODE_FAILURES}")


def test_rows_are_bounded_and_cleaned(fresh_database):
    database = fresh_database
    lockout = LookupLockout(b"k" * 32)
    with database.writer.begin() as session:
        for n in range(500):  # unknown codes, one miss each
            lockout.record_failure(session, f"C{n:08d}", "10.0.0.1", NOW)
    with database.writer.begin() as session:
        lockout.record_failure(session, "222222222", "10.0.0.1", NOW + timedelta(days=2))
    with database.reader() as session:
        rows = session.execute(select(LookupFailure.key, LookupFailure.failures)).all()
    assert len(rows) == 2  # the old windows' 1,000 rows are gone
    assert all("222222222" not in key and "10.0.0.1" not in key for key, _ in rows)


def test_the_count_is_atomic_across_concurrent_writers(fresh_database):
    database = fresh_database
    lockout = LookupLockout(b"k" * 32)

    def guess() -> None:
        for _ in range(20):
            with database.writer.begin() as session:
                lockout.record_failure(session, "222222222", "10.0.0.1", NOW)

    threads = [threading.Thread(target=guess) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with database.reader() as session:
        counts = sorted(session.query(LookupFailure.failures).all())
    assert [c for (c,) in counts] == [80, 80]


def test_a_stranger_sending_with_a_mobile_does_not_block_its_owner(tmp_path):
    with running_central(tmp_path, "--mobile-limit", "2") as server:
        station = demo_station(server)
        mobile = "13700002222"
        stranger = phone_from(station.url, "127.0.0.3")
        for text in ("一", "二"):
            leave_message(stranger, mobile=mobile, text=text)
        stranger.get("/d/demo-01")
        answer = stranger.submit("/d/demo-01", message(mobile=mobile, text="三"))
        assert answer.status_code == 429  # the stranger's allowance for this mobile is spent
        owner = Phone(station.url)
        leave_message(owner, mobile=mobile, text="我自己的留言")  # the owner still gets through
