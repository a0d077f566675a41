# SPDX-License-Identifier: GPL-3.0-or-later
"""A duty deputy signs in at the real kiosk, enrolled with a real central server: the PIN hash
comes from the server's snapshot, and the attendance event and a reception record reach it."""

from __future__ import annotations

import sqlite3

from central.launch import running_central
from kiosk.demo import DEMO_PIN
from kiosk.sync.enrolment import enrol
from tests.conftest import MONDAY_MORNING
from tests.helpers.central import CHINA
from tests.helpers.desk import open_pad, shown, type_pin

ON_DUTY = "demo-06"


def _rows(database, sql):
    with sqlite3.connect(database) as db:
        return db.execute(sql).fetchall()


def test_a_sign_in_and_a_reception_record_reach_the_server(make_kiosk, qtbot, tmp_path):
    with running_central(tmp_path / "central") as server:
        output = server.cli("demo-station").stdout
        code = output.split("enrolment code for demo-station: ")[1].split()[0]
        enrol(tmp_path / "data" / "kiosk.sqlite3", server.url, code)

        kiosk = make_kiosk()
        qtbot.waitUntil(lambda: kiosk.backends.sync.state == "online", timeout=20_000)
        open_pad(kiosk, qtbot, ON_DUTY)
        type_pin(kiosk, qtbot, DEMO_PIN)  # checked against the hash the server sent
        qtbot.waitUntil(lambda: shown(kiosk.visitor, "deputyConsoleScreen"))
        kiosk.visitor.tap("newRecordButton")
        kiosk.visitor.find("topicField").setProperty("text", "加装电梯")
        kiosk.visitor.find("notesField").setProperty("text", "3幢居民反映进度慢")
        kiosk.visitor.tap("saveRecordButton")
        qtbot.waitUntil(lambda: shown(kiosk.visitor, "deputyConsoleScreen"))
        kiosk.backends.sync.syncNow()

        def arrived():
            return _rows(server.database, "SELECT count(*) FROM reception_record")[0][0] == 1

        qtbot.waitUntil(arrived, timeout=20_000)
        assert _rows(server.database, "SELECT deputy_id, action, reason FROM attendance") == [
            (ON_DUTY, "sign_in", "pin")
        ]
        assert _rows(server.database, "SELECT visitors, topic, notes FROM reception_record") == [
            (1, "加装电梯", "3幢居民反映进度慢")  # sealed on the kiosk, opened by the server
        ]
        listed = server.cli("attendance", "list", "--station", "demo-station").stdout
        # The kiosk's local time, in the server's listing in China time.
        at = MONDAY_MORNING.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
        assert f"{at}  sign_in   pin           demo-06 赵珺瑶" in listed
        kiosk.close()
