# SPDX-License-Identifier: GPL-3.0-or-later
"""The short paths: "call me back" for visitors who cannot type, and 约见代表 (issue 4)."""

import json

from kiosk.domain.tracking import contact_check_matches, display
from kiosk.store.database import open_database
from kiosk.store.rows import AppealRow, AppointmentRow, OutboxItemRow, fetch
from tests.helpers.qt import decode_qr_codes
from tests.ui.test_appeal import wait_for_keyboard


def _shot(visitor, size, name):
    visitor.screenshot(f"{name}-{'portrait' if size[1] > size[0] else 'landscape'}")


def test_a_visitor_who_cannot_type_asks_to_be_called_back(make_kiosk, qtbot, size, tmp_path):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("appealButton")
    visitor.tap("category_4")  # 教育
    visitor.tap("callbackButton")
    for digit in "13800001234":
        visitor.tap(f"key_{digit}")
    _shot(visitor, size, "callback-1-number")
    visitor.tap("nextButton")
    _shot(visitor, size, "callback-2-consent")
    visitor.tap("consentButton")
    assert visitor.find("receiptScreen")
    _shot(visitor, size, "callback-3-receipt")

    with open_database(tmp_path / "data" / "kiosk.sqlite3").read() as connection:
        [appeal] = fetch(connection, AppealRow, "SELECT * FROM appeal")
        [item] = fetch(connection, OutboxItemRow, "SELECT * FROM outbox")
    assert visitor.text("receiptCode") == display(appeal.tracking_code)
    assert (appeal.category, appeal.request) == ("教育", "callback")
    body = json.loads(item.payload)["body"]
    assert body["request"] == "callback" and body["category"] == "教育"
    assert b"13800001234" not in item.payload


def test_a_visitor_asks_to_meet_a_deputy_on_one_of_their_reception_days(
    make_kiosk, qtbot, size, tmp_path
):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("appointmentButton")
    _shot(visitor, size, "appointment-1-deputy")
    visitor.tap("chooseDeputy_demo-02")  # 周晓喆: the contact day, third Tuesday
    _shot(visitor, size, "appointment-2-day")
    visitor.tap("day_0")
    visitor.tap("nameField")
    wait_for_keyboard(visitor, qtbot)
    visitor.type_pinyin("li", "李")
    visitor.tap("doneTyping")
    qtbot.waitUntil(lambda: not visitor.keyboard_is_open())
    for digit in "13600004321":
        visitor.tap(f"key_{digit}")
    _shot(visitor, size, "appointment-3-contact")
    visitor.tap("nextButton")
    visitor.tap("consentButton")
    _shot(visitor, size, "appointment-4-review")
    visitor.tap("submitButton")
    image = visitor.screenshot("appointment-receipt")

    with open_database(tmp_path / "data" / "kiosk.sqlite3").read() as connection:
        [appointment] = fetch(connection, AppointmentRow, "SELECT * FROM appointment")
        [item] = fetch(connection, OutboxItemRow, "SELECT * FROM outbox")
    assert visitor.text("receiptCode") == display(appointment.code)
    assert appointment.deputy_id == "demo-02"
    # The third Tuesday of December, which the demo station moved to Thursday the 17th.
    assert appointment.date.isoformat() == "2026-12-17"
    assert appointment.schedule_id == "demo-contact-day"

    def kept():
        with open_database(tmp_path / "data" / "kiosk.sqlite3").read() as connection:
            [(check,)] = connection.execute(
                "SELECT contact_check FROM appointment WHERE code = ?", (appointment.code,)
            )
            return check

    qtbot.waitUntil(lambda: kept() is not None, timeout=20000)  # made after the receipt
    assert contact_check_matches(kept(), appointment.code, "4321")
    event = json.loads(item.payload)
    assert event["kind"] == "appointment"
    assert {k: event["body"][k] for k in ("code", "deputy_id", "date", "channel")} == {
        "code": appointment.code,
        "deputy_id": "demo-02",
        "date": "2026-12-17",
        "channel": "kiosk",
    }
    assert f"https://qinghe.example/p/{appointment.code}" in decode_qr_codes(image)
    assert b"13600004321" not in item.payload


def test_back_from_the_call_back_path_returns_to_the_full_appeal(make_kiosk, qtbot):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    visitor.tap("appealButton")
    visitor.tap("category_0")
    visitor.tap("callbackButton")
    assert "第2步，共3步" in visitor.text("stepProgress")
    visitor.tap("backButton")
    assert "第2步，共7步" in visitor.text("stepProgress")
    assert kiosk.backends.intake.property("kind") == "appeal"
