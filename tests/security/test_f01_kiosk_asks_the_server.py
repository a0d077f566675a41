# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 1, the kiosk's side: a code this kiosk did not take (another kiosk's, a phone's) is
looked up through the server, a real one on 127.0.0.1, since the kiosk keeps no check of it."""

from __future__ import annotations

from central.launch import running_central
from kiosk.domain.tracking import new_tracking_code
from kiosk.sync.enrolment import enrol
from tests.helpers.central import EnrolledKiosk, enrolment_code
from tests.helpers.central import enrol as enrol_over_http


def test_a_code_taken_elsewhere_is_looked_up_through_the_server(make_kiosk, qtbot, tmp_path):
    with running_central(tmp_path / "central") as server:
        output = server.cli("demo-station").stdout
        code = output.split("enrolment code for demo-station: ")[1].split()[0]
        enrol(tmp_path / "data" / "kiosk.sqlite3", server.url, code)
        # Another kiosk of the station took an appeal.
        other = enrol_over_http(server.url, enrolment_code(server, "demo-station")).json()
        elsewhere = EnrolledKiosk(
            server.url,
            "demo-station",
            other["device_id"],
            other["device_token"],
            other["server_public_key"],
        )
        taken = new_tracking_code()
        posted = elsewhere.post_events([elsewhere.appeal_event(taken, mobile="13500002468")])
        assert posted.json()["results"][0]["status"] == "created"

        kiosk = make_kiosk()
        qtbot.waitUntil(lambda: kiosk.backends.sync.state == "online", timeout=20_000)
        lookup = kiosk.backends.progress
        with qtbot.waitSignal(lookup.finished, timeout=20_000) as wrong:
            lookup.lookUp(taken, "2469")
        assert wrong.args == [False] and lookup.property("problem") == "mismatch"
        with qtbot.waitSignal(lookup.finished, timeout=20_000) as right:
            lookup.lookUp(taken, "2468")
        assert right.args == [True]
        assert lookup.property("result")["state"] == "received"
