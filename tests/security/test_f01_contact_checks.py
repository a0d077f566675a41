# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 1 (High): the last 4 digits of a visitor's mobile must not be recoverable from what
a kiosk holds (its files, its snapshot) in less than hours of CPU per record."""

from __future__ import annotations

import re
import time
from datetime import datetime

import requests

from kiosk.domain.appeals import Appeal
from kiosk.domain.tracking import contact_check, contact_check_matches, new_tracking_code
from kiosk.store.appeals import keep_contact_check, record_appeal
from kiosk.store.database import open_database
from kiosk.store.sync_state import apply_extras
from tests.helpers.central import CHINA

HOUR = 3600.0
HEX_CHECK = re.compile(rb"\b[0-9a-f]{64}\b")
ARGON2_CHECK = re.compile(
    rb"\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}"
)


def recovery_seconds(check: bytes, code: str) -> float:
    """CPU seconds to try all 10,000 last-4 digits against one stored check (measured: the
    whole search for a cheap check, three guesses times 10,000 for a costly one). Infinite
    for a hex string that is no check of `code` (a snapshot's cursor, say)."""
    text = check.decode()
    if HEX_CHECK.fullmatch(check):
        import hashlib

        started = time.process_time()
        hits = [
            guess
            for guess in range(10_000)
            if hashlib.sha256(f"{code}:{guess:04d}".encode()).hexdigest() == text
        ]
        return time.process_time() - started if hits else float("inf")
    started = time.process_time()
    for guess in ("0000", "0001", "0002"):
        contact_check_matches(text, code, guess)
    return (time.process_time() - started) / 3 * 10_000


def test_a_kiosks_files_and_snapshot_cost_hours_per_record_to_recover_the_digits(kiosk, tmp_path):
    # An appeal this kiosk took (sent to the server) and one left at another kiosk of the
    # station (the server has it, this kiosk never saw it).
    own, other = new_tracking_code(), new_tracking_code()
    for code, mobile in ((own, "13912345678"), (other, "13800002468")):
        answer = kiosk.post_events([kiosk.appeal_event(code, mobile=mobile)])
        assert answer.json()["results"][0]["status"] == "created"
    snapshot = kiosk.snapshot()
    assert snapshot.status_code == 200

    # The kiosk: the snapshot applied as the sync applies it; its own appeal as the form
    # keeps it (the contact check is made after the receipt).
    database = open_database(tmp_path / "kiosk.sqlite3")
    with database.begin() as connection:
        apply_extras(connection, snapshot.json())
        appeal = Appeal.new("s", "交通出行", datetime(2026, 11, 23, 9, tzinfo=CHINA))
        record_appeal(connection, appeal, b"sealed")
        keep_contact_check(
            connection, appeal.tracking_code, contact_check(appeal.tracking_code, "5678")
        )
    files = b"".join(p.read_bytes() for p in tmp_path.glob("kiosk.sqlite3*"))
    held = files + snapshot.content

    checks = [(m.group(), code) for code in (own, other) for m in HEX_CHECK.finditer(held)]
    checks += [(m.group(), appeal.tracking_code) for m in ARGON2_CHECK.finditer(held)]
    assert checks, "the kiosk's own receipt needs a check it can test offline"
    costs = {check: recovery_seconds(check, code) for check, code in checks}
    cheapest = min(costs.values())
    print(f"\ncontact check recovery: {cheapest:.0f} s CPU per record (all 10,000 guesses)")
    assert cheapest >= 1 * HOUR


def test_the_kiosk_asks_the_server_about_what_it_did_not_take_and_learns_nothing_else(kiosk):
    code = new_tracking_code()
    kiosk.post_events([kiosk.appeal_event(code, mobile="13800001357")])

    def ask(code_text: str, last4: str) -> requests.Response:
        return kiosk.post(
            f"/api/v1/stations/{kiosk.station_id}/lookups", {"code": code_text, "last4": last4}
        )

    found = ask(code, "1357").json()
    assert found["found"] is True and found["progress"]["state"] == "received"
    assert "mobile" not in str(found) and "13800001357" not in str(found)
    wrong, unknown = ask(code, "1358").json(), ask(new_tracking_code(), "1357").json()
    assert wrong == unknown == {"found": False, "locked_until": None, "progress": None}
    for _ in range(5):
        ask(code, "0000")
    assert ask(code, "1357").json()["locked_until"]  # the same lockout as the phone page
    # No token, no answer.
    anonymous = requests.post(
        f"{kiosk.url}/api/v1/stations/{kiosk.station_id}/lookups",
        json={"code": code, "last4": "1357"},
        timeout=10,
    )
    assert anonymous.status_code == 401


def test_the_snapshot_holds_no_contact_checks_and_only_recent_kiosk_appeals(kiosk):
    kiosk.post_events([kiosk.appeal_event(new_tracking_code()) for _ in range(2)])
    document = kiosk.snapshot().json()
    assert len(document["appeals"]) == 2
    assert all("contact_check" not in entry for entry in document["appeals"])
    assert all("contact_check" not in entry for entry in document["appointments"])


def test_the_check_of_an_appeal_goes_once_the_server_has_it_and_lists_it_no_more(tmp_path):
    from kiosk.store import outbox
    from kiosk.store.rows import OutboxItemRow, fetch

    database = open_database(tmp_path / "kiosk.sqlite3")
    made = [Appeal.new("s", "交通出行", datetime(2026, 10, 1, 9, tzinfo=CHINA)) for _ in range(3)]
    finished, open_, unsent = made
    with database.begin() as connection:
        for appeal in made:
            record_appeal(connection, appeal, b"sealed", contact_check="$argon2id$stand-in")
        sent = fetch(
            connection, OutboxItemRow, "SELECT * FROM outbox WHERE item_uuid != ?", (unsent.uuid,)
        )
        outbox.mark_sent(connection, sent, datetime(2026, 10, 1, 10))
    with database.begin() as connection:
        listed = {"tracking_code": open_.tracking_code, "state": "assigned", "steps": []}
        apply_extras(connection, {"appeals": [listed], "appointments": []})
    with database.read() as connection:
        rows = connection.execute("SELECT tracking_code, contact_check FROM appeal")
        checks = {code: check for code, check in rows}
    assert checks[finished.tracking_code] is None  # the server has it, finished: asked there
    assert checks[open_.tracking_code] and checks[unsent.tracking_code]  # still needed here
