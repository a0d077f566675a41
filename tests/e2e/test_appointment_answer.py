# SPDX-License-Identifier: GPL-3.0-or-later
"""A visitor's appointment request and the duty deputy's answer from the console reach a real
central server: the appointment is confirmed there, and the kiosk keeps showing it so."""

from __future__ import annotations

from datetime import date, timedelta

from central.launch import running_central
from kiosk.domain.appointments import Appointment
from kiosk.domain.tracking import contact_check, display
from kiosk.services.sealing import sealing_key
from kiosk.store.appointments import record_appointment
from kiosk.store.database import open_database
from kiosk.store.sealing import seal
from kiosk.sync.enrolment import enrol
from tests.conftest import MONDAY_MORNING
from tests.helpers.desk import sign_in
from tests.helpers.qt import descendants

ON_DUTY = "demo-06"


def test_a_deputys_confirmation_reaches_the_server(make_kiosk, qtbot, tmp_path):
    with running_central(tmp_path / "central") as server:
        output = server.cli("demo-station").stdout
        code = output.split("enrolment code for demo-station: ")[1].split()[0]
        database = tmp_path / "data" / "kiosk.sqlite3"
        enrol(database, server.url, code)
        # A visitor's request, saved as the kiosk's form saves it (sealed for this server).
        appointment = Appointment.new(
            ON_DUTY,
            date(2026, 12, 17),
            "demo-contact-day",
            MONDAY_MORNING.astimezone() - timedelta(hours=1),
        )
        with open_database(database).begin() as connection:
            personal = {"name": "李", "mobile": "13600004321", "topic": "加装电梯", "consent": True}
            sealed = seal(sealing_key(connection, demo=False), personal)
            record_appointment(
                connection, appointment, sealed, contact_check(appointment.code, "4321")
            )

        kiosk = make_kiosk()
        qtbot.waitUntil(lambda: kiosk.backends.sync.state == "online", timeout=20_000)

        def listed() -> str:
            return server.cli("appointments", "list", "--station", "demo-station").stdout

        qtbot.waitUntil(lambda: display(appointment.code) in listed(), timeout=20_000)
        sign_in(kiosk, qtbot, ON_DUTY)
        kiosk.visitor.tap(f"confirm_{display(appointment.code)}")
        kiosk.backends.sync.syncNow()

        def confirmed() -> bool:
            return f"{display(appointment.code)}  confirmed" in listed()

        qtbot.waitUntil(confirmed, timeout=20_000)
        assert "1 appointments" in listed()
        # Pulls after the answer keep the confirmed state on the console.
        kiosk.backends.sync.syncNow()
        qtbot.waitUntil(lambda: kiosk.backends.sync.pending == 0, timeout=20_000)
        states = [
            item.property("text")
            for item in descendants(kiosk.visitor.find(f"appointment_{display(appointment.code)}"))
        ]
        assert "已确认" in states
        kiosk.close()
