# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 15 §1, deputies' kiosk PINs from the console, end to end: station staff give a deputy
a new PIN in real Chromium (shown once), the kiosk receives its hash at the next pull, the old
PIN no longer signs in there and the new one does."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from central.launch import running_central
from kiosk.demo import DEMO_PIN
from kiosk.sync.enrolment import enrol
from tests.helpers.desk import open_pad, shown, type_pin
from tests.helpers.phone import Browser

ON_DUTY = "demo-06"
SHOTS = Path("/tmp/shots-publish")


def hashes(database: Path, deputy_id: str) -> list:
    """The deputy's PIN hash in the kiosk's station snapshot (its one row)."""
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT json_extract(d.value, '$.pin_hash') FROM station_snapshot s,"
            " json_each(s.document, '$.deputies') d WHERE json_extract(d.value, '$.id') = ?",
            (deputy_id,),
        ).fetchall()


def test_a_pin_given_in_the_console_signs_in_at_the_kiosk(make_kiosk, qtbot, tmp_path):
    with running_central(tmp_path / "central") as server:
        output = server.cli("demo-station").stdout
        code = output.split("enrolment code for demo-station: ")[1].split()[0]
        made = server.cli(
            "user", "create", "zhang", "--name", "张站长", "--role", "staff",
            "--station", "demo-station",
        ).stdout  # fmt: skip
        first = re.search(r"one-time password: (\S+)", made)[1]

        browser = Browser(size=(1366, 768), prefix="publish")
        try:
            browser.open(f"{server.url}/console/login")
            browser.type("login", "zhang")
            browser.type("password", first)
            browser.follow("sign-in")
            browser.type("old", first)
            browser.type("new", "a good long password")
            browser.follow("save-password")
            browser.open(f"{server.url}/console/pins")
            browser.follow(f"new-pin-{ON_DUTY}")
            new_pin = browser.find(f"pin-{ON_DUTY}").text
            assert re.fullmatch(r"[0-9]{6}", new_pin)
            path = browser.screenshot("pins-given", full=True)
            SHOTS.mkdir(exist_ok=True)
            (SHOTS / path.name).write_bytes(path.read_bytes())
            browser.open(f"{server.url}/console/pins")
            assert new_pin not in browser.text  # shown once
        finally:
            browser.close()
        with sqlite3.connect(server.database) as db:
            [(server_hash,)] = db.execute(
                "SELECT pin_hash FROM deputy WHERE deputy_id = ?", (ON_DUTY,)
            ).fetchall()

        enrol(tmp_path / "data" / "kiosk.sqlite3", server.url, code)
        kiosk = make_kiosk()
        local = tmp_path / "data" / "kiosk.sqlite3"
        qtbot.waitUntil(lambda: hashes(local, ON_DUTY) == [(server_hash,)], timeout=30_000)

        open_pad(kiosk, qtbot, ON_DUTY)
        type_pin(kiosk, qtbot, DEMO_PIN)
        assert not shown(kiosk.visitor, "deputyConsoleScreen")
        assert kiosk.visitor.text("pinMessage")  # the old PIN is refused, in words
        type_pin(kiosk, qtbot, new_pin)
        qtbot.waitUntil(lambda: shown(kiosk.visitor, "deputyConsoleScreen"), timeout=10_000)
        kiosk.visitor.screenshot("kiosk-signed-in-new-pin").save(
            str(SHOTS / "kiosk-signed-in-new-pin_1920x1080.png")
        )
        kiosk.close()
