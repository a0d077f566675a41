# SPDX-License-Identifier: GPL-3.0-or-later
"""An appeal typed at the real kiosk reaches the station group's robot (a real HTTP receiver
on 127.0.0.1) through the real server's notification worker: code, category, due date and a
link to the console; never the visitor's name, mobile or words."""

from kiosk.app import build_kiosk
from kiosk.config import Config
from kiosk.domain.tracking import display
from kiosk.sync.enrolment import enrol
from tests.conftest import LANDSCAPE
from tests.helpers.qt import Visitor
from tests.helpers.receivers import HttpReceiver
from tests.ui.test_appeal import wait_for_keyboard


def test_an_appeal_left_at_the_kiosk_is_announced_in_the_station_group(
    qapp, qtbot, tmp_path, station
):
    with HttpReceiver() as robot:
        added = station.cli(
            "notify", "channels", "add", "--kind", "webhook_wecom",
            "--station", station.station_id, "--name", "青禾站工作群", "--quiet", "",
            "--target", robot.url + "/cgi-bin/webhook/send?key=STATIONKEY",
        )  # fmt: skip
        assert "channel 1 added" in added.stdout
        output = station.cli("enrolment-code", "--station", station.station_id).stdout
        code = output.split(": ", 1)[1].split()[0]
        data_dir = tmp_path / "kiosk"
        enrol(data_dir / "kiosk.sqlite3", station.server.url, code)
        config = Config(
            data_dir=data_dir, fullscreen=False, width=LANDSCAPE[0], height=LANDSCAPE[1]
        )
        kiosk = build_kiosk(qapp, config)
        try:
            kiosk.window.resize(*LANDSCAPE)
            kiosk.window.show()
            qtbot.waitExposed(kiosk.window)
            visitor = Visitor(qtbot, kiosk.window)
            qtbot.waitUntil(lambda: kiosk.backends.station.property("ready"), timeout=20_000)

            visitor.tap("appealButton")
            category = visitor.text("category_2")
            visitor.tap("category_2")
            visitor.tap("appealText")
            wait_for_keyboard(visitor, qtbot)
            visitor.type_pinyin("la", "垃")
            visitor.type_pinyin("ji", "圾")
            visitor.tap("nextButton")
            visitor.tap("placeField")
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

            # The kiosk's sync takes it to the server; the server's worker to the robot.
            [request] = robot.wait_for(1, timeout=30)
            assert request.path == "/cgi-bin/webhook/send"
            content = request.json()["markdown"]["content"]
            assert content.startswith(
                f"**【新诉求】**青禾测试联络站收到一件“{category}”诉求，编号{display(tracking_code)}，"
            )
            assert content.endswith(
                f"[在工作台处理]({station.server.url}/console/appeals/{tracking_code})"
            )
            for personal in ("赵", "15900001111", "1111", "垃圾", "桥"):
                assert personal not in request.text

            # Recorded once the robot has answered: one try, sent.
            def recorded() -> bool:
                rows = station.query("SELECT state, attempts FROM notice")
                return [tuple(row) for row in rows] == [("sent", 1)]

            qtbot.waitUntil(recorded, timeout=10_000)
        finally:
            kiosk.close()
            kiosk.window.close()
            kiosk.engine.deleteLater()
