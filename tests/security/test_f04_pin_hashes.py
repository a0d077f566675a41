# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 4: every kiosk holds its deputies' PIN hashes; an offline search of them must cost
many hours per deputy, and PINs can be rotated on request."""

from __future__ import annotations

import contextlib
import csv
import re
import time

from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from sqlalchemy import update

from central.models import Deputy

HOURS = 3600.0


def _roster(central, kiosk, tmp_path) -> None:
    roster = tmp_path / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, ["id", "name", "levels"])
        writer.writeheader()
        writer.writerow({"id": "d1", "name": "王赟", "levels": "city"})
        writer.writerow({"id": "d2", "name": "许燊", "levels": "county"})
    central.cli("roster", "import", "--station", kiosk.station_id, str(roster))


def _shortest_pin_accepted(central, kiosk) -> int:
    for digits in range(4, 9):
        pin = "13579246"[:digits]
        answer = central.cli(
            "pin",
            "set",
            "--station",
            kiosk.station_id,
            "--deputy",
            "d1",
            stdin=pin + "\n",
            ok=False,
        )
        if answer.returncode == 0:
            return digits
    raise AssertionError("no PIN accepted")


def test_searching_a_deputys_pin_from_a_kiosk_costs_a_day_of_cpu_or_more(central, kiosk, tmp_path):
    _roster(central, kiosk, tmp_path)
    digits = _shortest_pin_accepted(central, kiosk)
    (deputy, _) = kiosk.snapshot().json()["deputies"]
    held = deputy["pin_hash"]
    assert held.startswith("$argon2id$")
    hasher = PasswordHasher()
    started = time.process_time()
    for guess in range(3):
        with contextlib.suppress(VerifyMismatchError):
            hasher.verify(held, f"{guess:0{digits}d}")
    per_guess = (time.process_time() - started) / 3
    search = per_guess * 10**digits
    print(f"\npin search: {digits} digits, {per_guess * 1000:.0f} ms CPU a guess,", end=" ")
    print(f"{search / HOURS:.0f} h CPU per deputy (all PINs)")
    assert search >= 24 * HOURS


def test_pins_are_rotated_on_request_and_weak_old_hashes_never_reach_a_kiosk(
    central, kiosk, tmp_path
):
    _roster(central, kiosk, tmp_path)
    central.cli("pin", "set", "--station", kiosk.station_id, "--deputy", "d1", stdin="246813\n")
    before = kiosk.snapshot().json()["deputies"][0]["pin_hash"]

    output = central.cli("pin", "rotate", "--station", kiosk.station_id).stdout
    pins = dict(re.findall(r"^(d\d)\s.*new PIN: (\d{6})$", output, re.MULTILINE))
    assert set(pins) == {"d1", "d2"}
    after = {d["id"]: d["pin_hash"] for d in kiosk.snapshot().json()["deputies"]}
    assert after["d1"] != before
    assert all(PasswordHasher().verify(after[d], pin) for d, pin in pins.items())

    # A hash made with the old, cheaper costs stays on the server.
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("13579246")
    with central.open_database() as database, database.writer.begin() as session:
        # (The revision moves by itself: central.core.revisions.)
        session.execute(
            update(Deputy)
            .where(Deputy.station_id == kiosk.station_id, Deputy.deputy_id == "d2")
            .values(pin_hash=weak)
        )
    deputies = {d["id"]: d["pin_hash"] for d in kiosk.snapshot().json()["deputies"]}
    assert deputies["d2"] is None and deputies["d1"] == after["d1"]
