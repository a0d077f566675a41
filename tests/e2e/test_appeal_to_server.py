# SPDX-License-Identifier: GPL-3.0-or-later
"""An appeal typed at the real kiosk reaches the real central server, personal part intact."""

from kiosk.app import build_kiosk
from kiosk.config import Config
from kiosk.domain.tracking import display
from kiosk.sync.enrolment import enrol
from tests.central.console_fixtures import Staff
from tests.conftest import LANDSCAPE
from tests.helpers.qt import Visitor
from tests.ui.test_appeal import wait_for_keyboard


def test_an_appeal_left_at_the_kiosk_arrives_at_the_server(qapp, qtbot, tmp_path, station):
    output = station.cli("enrolment-code", "--station", station.station_id).stdout
    code = output.split(": ", 1)[1].split()[0]
    data_dir = tmp_path / "kiosk"
    enrol(data_dir / "kiosk.sqlite3", station.server.url, code)
    config = Config(data_dir=data_dir, fullscreen=False, width=LANDSCAPE[0], height=LANDSCAPE[1])
    kiosk = build_kiosk(qapp, config)
    try:
        kiosk.window.resize(*LANDSCAPE)
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        visitor = Visitor(qtbot, kiosk.window)
        qtbot.waitUntil(lambda: kiosk.backends.station.property("ready"), timeout=20_000)

        visitor.tap("appealButton")
        category = visitor.text("category_2")  # the server's list of categories, pulled
        visitor.tap("category_2")
        visitor.tap("appealText")
        wait_for_keyboard(visitor, qtbot)
        visitor.type_pinyin("la", "垃")
        visitor.type_pinyin("ji", "圾")
        visitor.tap("nextButton")
        visitor.tap("placeField")  # this station lists no communities: the visitor types one
        visitor.type_pinyin("qiao", "桥")
        visitor.tap("nextButton")
        visitor.tap("anyDeputyButton")
        visitor.tap("nameField")
        visitor.type_pinyin("zhao", "赵")
        visitor.tap("doneTyping")
        qtbot.waitUntil(lambda: not visitor.keyboard_is_open())
        for digit in "15900001111":
            visitor.tap(f"key_{digit}")
        visitor.tap("nextButton")
        visitor.tap("consentButton")
        visitor.tap("submitButton")
        tracking_code = visitor.text("receiptCode").replace("-", "")

        query = (
            "SELECT category, block, contact_name, contact_mobile, text FROM appeal "
            "WHERE tracking_code = :code"
        )
        # No "sync now" needed: a submission wakes the sync worker by itself.
        qtbot.waitUntil(lambda: bool(station.query(query, code=tracking_code)), timeout=20_000)
        assert tuple(station.query(query, code=tracking_code)[0]) == (
            category,
            "桥",
            "赵",
            "15900001111",
            "垃圾",
        )

        # Station staff find it in the console, read it and accept it (issue 13).
        made = station.cli(
            "user", "create", "reviewer", "--name", "李工委", "--role", "reviewer"
        ).stdout
        password = made.split("one-time password: ")[1].split()[0]
        staff = Staff(station.server.url)
        staff.sign_in("reviewer", password)
        staff.post("/console/password", {"old": password, "new": "a new password"})
        staff.post("/console/", {"q": display(tracking_code)})
        assert staff.codes() == [tracking_code]
        staff.get(f"/console/appeals/{tracking_code}")
        assert "垃圾" in staff.text and "159****1111" in staff.text
        staff.post(f"/console/appeals/{tracking_code}/act", {"action": "accept", "note": "已受理"})
        assert staff.last_url.endswith(f"/console/appeals/{tracking_code}?done=accept")
        state = "SELECT state FROM appeal WHERE tracking_code = :code"
        assert station.query(state, code=tracking_code)[0][0] == "accepted"
    finally:
        kiosk.close()
        kiosk.window.close()
        kiosk.engine.deleteLater()
