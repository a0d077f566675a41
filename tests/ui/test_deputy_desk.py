# SPDX-License-Identifier: GPL-3.0-or-later
"""Duty deputies at the real kiosk: PIN sign-in by taps, lockouts, present marks, the console,
reception records, automatic sign-outs, the station's figures."""

from __future__ import annotations

import base64
import json
from datetime import date, datetime, timedelta

import pytest

from kiosk.demo import DEMO_PIN
from kiosk.domain.appeals import Appeal
from kiosk.domain.appointments import Appointment
from kiosk.domain.tracking import display
from kiosk.store.appeals import record_appeal
from kiosk.store.appointments import record_appointment
from kiosk.store.database import open_database
from kiosk.store.rows import AppointmentRow, AttendanceRow, fetch, fetch_one
from kiosk.store.sync_state import apply_extras
from tests.conftest import MONDAY_MORNING, PORTRAIT
from tests.helpers.desk import open_pad, shown, sign_in, type_pin
from tests.helpers.qt import descendants

ON_DUTY = "demo-06"  # 赵珺瑶: on the Monday rotation of 2026-11-23 (with demo-07)
NOT_ON_DUTY = "demo-01"  # 林嘉禾


def database(tmp_path):
    return open_database(tmp_path / "data" / "kiosk.sqlite3")


def events(tmp_path, kind):
    with database(tmp_path).read() as connection:
        rows = connection.execute("SELECT payload FROM outbox WHERE kind = ? ORDER BY id", (kind,))
        return [json.loads(payload) for (payload,) in rows]


def attendance(tmp_path):
    with database(tmp_path).read() as connection:
        rows = fetch(connection, AttendanceRow, "SELECT * FROM attendance ORDER BY id")
        return [(r.deputy_id, r.action, r.reason, r.at) for r in rows]


def test_a_duty_deputy_signs_in_by_taps_and_home_shows_them_present(
    make_kiosk, qtbot, tmp_path, size
):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.ready)
    assert not shown(visitor, f"duty_{ON_DUTY}") or not _present_on_home(visitor, ON_DUTY)
    visitor.tap("deputySignInButton")
    visitor.screenshot("deputy-chooser")
    visitor.tap(f"choose_{ON_DUTY}")
    for digit in DEMO_PIN[:3]:
        visitor.tap(f"pinKey_{digit}")
    assert visitor.text("pinDots") == "●●●"
    visitor.screenshot("deputy-pin-pad")
    for digit in DEMO_PIN[3:]:
        visitor.tap(f"pinKey_{digit}")
    visitor.tap("pinOk")
    qtbot.waitUntil(lambda: shown(visitor, "deputyConsoleScreen"), timeout=5000)
    assert visitor.text("consoleDeputyName") == "赵珺瑶"
    assert visitor.text("noAppointments") == "暂无约见申请"
    visitor.screenshot("deputy-console")

    # One sign-in, saved with its outbox event in the same transaction.
    assert attendance(tmp_path) == [(ON_DUTY, "sign_in", "pin", MONDAY_MORNING)]
    [event] = events(tmp_path, "attendance")
    assert event["body"] == {"deputy_id": ON_DUTY, "action": "sign_in", "reason": "pin"}
    assert datetime.fromisoformat(event["created_at"]).replace(tzinfo=None) == MONDAY_MORNING
    assert datetime.fromisoformat(event["created_at"]).tzinfo is not None

    visitor.tap("homeButton")  # the deputy stays signed in
    assert _present_on_home(visitor, ON_DUTY)
    assert not _present_on_home(visitor, "demo-07")
    visitor.screenshot("home-deputy-present")


def _present_on_home(visitor, deputy_id):
    tile = visitor.find(f"duty_{deputy_id}")
    return any(item.property("present") is True for item in descendants(tile) if item is not tile)


def test_an_unscheduled_deputy_who_signs_in_shows_as_present_on_home(make_kiosk, qtbot, tmp_path):
    kiosk = make_kiosk()
    sign_in(kiosk, qtbot, NOT_ON_DUTY)
    kiosk.visitor.tap("homeButton")
    assert kiosk.visitor.text("adHocPresent") == "今天另有代表在站：林嘉禾"
    kiosk.visitor.screenshot("home-ad-hoc-present")
    # Signing in again from home opens the console without a second sign-in.
    sign_in(kiosk, qtbot, NOT_ON_DUTY)
    assert [a[1] for a in attendance(tmp_path)] == ["sign_in"]


def test_wrong_pins_lock_the_deputy_with_a_growing_delay_that_survives_a_restart(
    make_kiosk, qtbot, clock, tmp_path
):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    open_pad(kiosk, qtbot, ON_DUTY)
    for _ in range(4):
        type_pin(kiosk, qtbot, "654321")
        assert visitor.text("pinMessage") == "未能签到，请重试。"
        assert visitor.text("pinDots") == ""  # cleared for the next try
    type_pin(kiosk, qtbot, "654321")  # the fifth: locked for a minute
    assert visitor.text("pinMessage") == "尝试次数过多，请等待 60 秒。"
    assert not visitor.find("pinKey_1").isEnabled()
    visitor.screenshot("deputy-pin-locked")

    clock.now += timedelta(seconds=59)
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.waitSeconds == 1)
    assert not visitor.find("pinOk").isEnabled()
    clock.now += timedelta(seconds=1)
    qtbot.waitUntil(lambda: visitor.find("pinKey_1").isEnabled())
    assert visitor.text("pinMessage") == ""

    type_pin(kiosk, qtbot, "111111")  # wrong again: two minutes now
    assert visitor.text("pinMessage") == "尝试次数过多，请等待 2 分钟。"

    # A restart does not lift the lock.
    kiosk.close()
    kiosk.window.close()
    clock.now += timedelta(seconds=60)
    kiosk = make_kiosk()
    open_pad(kiosk, qtbot, ON_DUTY)
    assert kiosk.backends.sign_in.waitSeconds == 60
    assert not kiosk.visitor.find("pinOk").isEnabled()
    clock.now += timedelta(seconds=60)
    qtbot.waitUntil(lambda: kiosk.visitor.find("pinKey_1").isEnabled())
    type_pin(kiosk, qtbot, DEMO_PIN)  # the right PIN works once the wait is over
    qtbot.waitUntil(lambda: shown(kiosk.visitor, "deputyConsoleScreen"))
    assert attendance(tmp_path)[-1][:3] == (ON_DUTY, "sign_in", "pin")


def test_wrong_pins_across_deputies_slow_the_whole_pad(make_kiosk, qtbot, clock):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    for deputy_id in ("demo-01", "demo-02"):
        open_pad(kiosk, qtbot, deputy_id)
        for _ in range(4):
            type_pin(kiosk, qtbot, "000000")
        visitor.tap("chooseAnother")
    # Eight wrong PINs in a few minutes, no deputy locked: a third deputy waits 5 s.
    open_pad(kiosk, qtbot, "demo-03")
    assert kiosk.backends.sign_in.waitSeconds == 5
    assert visitor.text("pinMessage") == "尝试次数过多，请等待 5 秒。"
    clock.now += timedelta(seconds=5)
    qtbot.waitUntil(lambda: visitor.find("pinKey_1").isEnabled())
    type_pin(kiosk, qtbot, "000000")  # the ninth: 10 s
    assert kiosk.backends.sign_in.waitSeconds == 10


def test_a_deputy_without_a_pin_gets_the_same_answer_as_a_wrong_pin(make_kiosk, qtbot, tmp_path):
    kiosk = make_kiosk()
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.ready)
    with database(tmp_path).begin() as connection:  # the server sent no hash for demo-02
        connection.execute(
            "UPDATE station_snapshot SET document = json_set(document, (SELECT"
            " '$.deputies[' || d.key || '].pin_hash' FROM json_each(document, '$.deputies') d"
            " WHERE json_extract(d.value, '$.id') = 'demo-02'), NULL)"
        )
    open_pad(kiosk, qtbot, "demo-02")
    type_pin(kiosk, qtbot, DEMO_PIN)
    assert kiosk.visitor.text("pinMessage") == "未能签到，请重试。"
    assert attendance(tmp_path) == []


def test_the_console_shows_todays_walk_ins_and_records_a_reception(
    make_kiosk, qtbot, tmp_path, clock, size
):
    kiosk = make_kiosk(size)
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.ready)
    with database(tmp_path).begin() as connection:
        today = Appeal.new(
            "demo-station", "交通出行", clock.now - timedelta(minutes=20), block="文昌社区"
        )
        yesterday = Appeal.new("demo-station", "环境保护", clock.now - timedelta(days=1))
        record_appeal(connection, today, b"sealed")
        record_appeal(connection, yesterday, b"sealed")
    sign_in(kiosk, qtbot, ON_DUTY)
    visitor = kiosk.visitor
    row = visitor.find(f"walkIn_{display(today.tracking_code)}")
    texts = {item.property("text") for item in descendants(row)}
    assert {"09:10", "交通出行", "文昌社区", display(today.tracking_code)} <= texts
    assert not shown(visitor, f"walkIn_{display(yesterday.tracking_code)}")
    visitor.screenshot("deputy-console-walk-ins")

    visitor.tap("newRecordButton")
    visitor.tap("moreVisitors")
    visitor.tap(f"link_{display(today.tracking_code)}")
    visitor.tap("saveRecordButton")  # no topic yet: said, and nothing lost
    assert visitor.text("topicProblem") == "请填写接待主题。"
    assert visitor.text("visitorCount") == "2"
    assert visitor.find(f"link_{display(today.tracking_code)}").property("selected")
    visitor.tap("topicField")
    qtbot.waitUntil(visitor.keyboard_is_open)
    visitor.type_pinyin("dian", "电")
    visitor.type_pinyin("ti", "梯")
    visitor.find("notesField").setProperty("text", "长" * 2001)
    visitor.screenshot("reception-record")
    visitor.tap("saveRecordButton")
    assert visitor.text("notesProblem") == "记录内容太长（最多2000字）。"
    visitor.screenshot("reception-record-problem")
    assert visitor.text("topicField") == "电梯"
    assert events(tmp_path, "reception_record") == []

    visitor.find("notesField").setProperty("text", "张阿姨反映3幢加装电梯进度")
    visitor.find("codesField").setProperty("text", "K7Q-M4X-PD9")  # a typing mistake
    visitor.tap("saveRecordButton")
    assert visitor.text("codesProblem") == "追踪码有误，请核对。"
    visitor.find("codesField").setProperty("text", "")
    visitor.tap("saveRecordButton")
    qtbot.waitUntil(lambda: shown(visitor, "deputyConsoleScreen"))
    # The day's figures are read off the GUI thread: shown when they arrive.
    qtbot.waitUntil(lambda: visitor.text("recordsToday") == "今天已登记 1 条接待记录")

    [event] = events(tmp_path, "reception_record")
    body = event["body"]
    assert body["deputy_id"] == ON_DUTY
    assert body["visitors"] == 2
    assert body["topic"] == "电梯"
    assert body["tracking_codes"] == [today.tracking_code]
    assert base64.b64decode(body["sealed"])  # the notes, sealed
    assert "张阿姨" not in json.dumps(event, ensure_ascii=False)


def test_the_console_left_untouched_signs_the_deputy_out(make_kiosk, qtbot, clock, tmp_path):
    kiosk = make_kiosk(console_idle_seconds=120)
    sign_in(kiosk, qtbot, ON_DUTY)
    clock.now += timedelta(seconds=100)
    kiosk.visitor.tap("consoleDeputyName")  # a touch restarts the wait
    clock.now += timedelta(seconds=110)
    qtbot.waitUntil(lambda: shown(kiosk.visitor, "stillThereOverlay"))  # 10 s left: warned
    kiosk.visitor.screenshot("deputy-console-still-there")
    kiosk.visitor.tap("stillHereButton")
    qtbot.waitUntil(lambda: not shown(kiosk.visitor, "stillThereOverlay"))
    assert shown(kiosk.visitor, "deputyConsoleScreen")
    clock.now += timedelta(seconds=120)
    qtbot.waitUntil(lambda: shown(kiosk.visitor, "homeScreen"))
    assert not _present_on_home(kiosk.visitor, ON_DUTY)
    assert [a[1:] for a in attendance(tmp_path)] == [
        ("sign_in", "pin", MONDAY_MORNING),
        ("sign_out", "idle", MONDAY_MORNING + timedelta(seconds=330)),
    ]
    assert [e["body"]["reason"] for e in events(tmp_path, "attendance")] == ["pin", "idle"]


def test_the_sign_out_button_signs_out(make_kiosk, qtbot, tmp_path):
    kiosk = make_kiosk()
    sign_in(kiosk, qtbot, ON_DUTY)
    kiosk.visitor.tap("signOutButton")
    assert kiosk.visitor.find("homeScreen").isVisible()
    assert [a[1:3] for a in attendance(tmp_path)] == [("sign_in", "pin"), ("sign_out", "manual")]
    assert not _present_on_home(kiosk.visitor, ON_DUTY)


def test_closing_time_signs_everyone_out_even_after_a_restart(make_kiosk, qtbot, clock, tmp_path):
    kiosk = make_kiosk(closing_time="17:30")
    sign_in(kiosk, qtbot, ON_DUTY)
    kiosk.visitor.tap("homeButton")
    sign_in(kiosk, qtbot, NOT_ON_DUTY)  # and stays on the console
    clock.now = clock.now.replace(hour=17, minute=30)
    qtbot.waitUntil(lambda: shown(kiosk.visitor, "homeScreen"))
    closing = MONDAY_MORNING.replace(hour=17, minute=30)
    assert sorted(a for a in attendance(tmp_path) if a[1] == "sign_out") == [
        (NOT_ON_DUTY, "sign_out", "closing_time", closing),
        (ON_DUTY, "sign_out", "closing_time", closing),
    ]
    assert kiosk.backends.presence.presentIds == []

    # Signed in, then the kiosk was off over the closing time: signed out at it on start.
    clock.now = datetime(2026, 11, 24, 9, 0)
    sign_in(kiosk, qtbot, ON_DUTY)
    kiosk.close()
    kiosk.window.close()
    clock.now = datetime(2026, 11, 25, 8, 0)
    kiosk = make_kiosk(closing_time="17:30")
    # The sign-outs are written off the GUI thread once the database is open.
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.ready and not kiosk.backends.presence.busy)
    assert attendance(tmp_path)[-1] == (
        ON_DUTY,
        "sign_out",
        "closing_time",
        datetime(2026, 11, 24, 17, 30),
    )
    assert kiosk.backends.presence.presentIds == []


def test_station_info_shows_this_months_figures(make_kiosk, qtbot, tmp_path):
    kiosk = make_kiosk()
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.ready)
    with database(tmp_path).begin() as connection:
        for minutes in (5, 10, 15):
            appeal = Appeal.new(
                "demo-station", "交通出行", MONDAY_MORNING - timedelta(minutes=minutes)
            )
            record_appeal(connection, appeal, b"sealed")
    sign_in(kiosk, qtbot, ON_DUTY)
    visitor = kiosk.visitor
    visitor.tap("homeButton")
    visitor.tap("stationInfoButton")
    visitor.tap("nextPage")  # the month's figures are below the station's own

    def figure(name):
        return visitor.find(name).property("value")

    assert (figure("figureReceptionDays"), figure("figurePresent"), figure("figureAppeals")) == (
        "1",
        "1",
        "3",
    )
    assert figure("figureSolved") == "—"
    assert visitor.text("figuresSource") == "办结数和满意率：尚未与服务器同步。"
    visitor.screenshot("station-info-not-synced")

    statistics = {
        "month": "2026-11",
        "appeals_received": 12,
        "appeals_solved": 9,
        "satisfaction_rate": 0.975,
    }
    with database(tmp_path).begin() as connection:
        apply_extras(connection, {"statistics": statistics}, "2026-11-23T08:00:00")
    visitor.tap("homeButton")
    visitor.tap("stationInfoButton")
    visitor.tap("nextPage")
    assert figure("figureSolved") == "9"
    assert figure("figureSatisfaction") == "97.5%"
    assert visitor.text("figuresSource") == "办结数和满意率：2026-11，服务器于 2026-11-23 报告。"
    visitor.screenshot("station-info-month-figures")


@pytest.mark.parametrize("size", [PORTRAIT], ids=["portrait"])
def test_the_record_form_in_portrait_keeps_the_field_above_the_keyboard(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size)
    sign_in(kiosk, qtbot, ON_DUTY)
    kiosk.visitor.tap("newRecordButton")
    kiosk.visitor.tap("topicField")
    qtbot.waitUntil(kiosk.visitor.keyboard_is_open)
    kiosk.visitor.screenshot("reception-record-keyboard")


def _ask(tmp_path, deputy_id, day, schedule_id, at):
    """A visitor's appointment request, as the kiosk's form saves it."""
    appointment = Appointment.new(deputy_id, date.fromisoformat(day), schedule_id, at)
    with database(tmp_path).begin() as connection:
        record_appointment(connection, appointment, b"sealed", "check")
    return appointment


def _texts(visitor, name):
    texts = (item.property("text") for item in descendants(visitor.find(name)))
    return [text for text in texts if text]


def test_the_console_lists_appointment_requests_to_confirm_or_decline(
    make_kiosk, qtbot, tmp_path, clock, size
):
    kiosk = make_kiosk(size)
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.ready)
    asked = clock.now.astimezone() - timedelta(days=2)
    today = _ask(tmp_path, ON_DUTY, "2026-11-23", "demo-weekly", asked)
    later = _ask(tmp_path, ON_DUTY, "2026-12-17", "demo-contact-day", asked)
    past = _ask(tmp_path, ON_DUTY, "2026-11-16", "demo-weekly", asked - timedelta(days=9))
    other = _ask(tmp_path, "demo-07", "2026-11-23", "demo-weekly", asked)
    sign_in(kiosk, qtbot, ON_DUTY)
    visitor = kiosk.visitor
    first, second = f"appointment_{display(today.code)}", f"appointment_{display(later.code)}"
    assert _texts(visitor, first)[:3] == [
        "11月23日 星期一  09:00–11:30",
        display(today.code),
        "待确认",
    ]
    assert _texts(visitor, second)[:3] == [
        "12月17日 星期四  14:30–17:00",
        display(later.code),
        "待确认",
    ]
    assert not shown(visitor, f"appointment_{display(past.code)}")  # before today
    assert not shown(visitor, f"appointment_{display(other.code)}")  # another deputy's
    assert not shown(visitor, "noAppointments")
    visitor.screenshot("deputy-console-appointments")

    visitor.tap(f"confirm_{display(today.code)}")
    assert _texts(visitor, first)[2] == "已确认"
    assert not shown(visitor, f"confirm_{display(today.code)}")
    assert shown(visitor, f"decline_{display(today.code)}")  # the deputy may still call it off
    visitor.tap(f"decline_{display(later.code)}")
    assert _texts(visitor, second)[2] == "已婉拒"
    visitor.screenshot("deputy-console-appointments-answered")

    answers = events(tmp_path, "appointment_answer")
    assert [event["body"] for event in answers] == [
        {"code": today.code, "deputy_id": ON_DUTY, "answer": "confirmed", "note": ""},
        {"code": later.code, "deputy_id": ON_DUTY, "answer": "declined", "note": ""},
    ]
    assert datetime.fromisoformat(answers[0]["created_at"]).tzinfo is not None
    with database(tmp_path).read() as connection:
        states = dict(connection.execute("SELECT code, state FROM appointment").fetchall())
        answered = fetch_one(
            connection, AppointmentRow, "SELECT * FROM appointment WHERE code = ?", (today.code,)
        )
        assert answered is not None
        steps = answered.steps
    assert states == {
        today.code: "confirmed",
        later.code: "declined",
        past.code: "requested",
        other.code: "requested",
    }
    assert [step["state"] for step in steps] == ["requested", "confirmed"]


def test_the_deputy_pad_takes_as_many_digits_as_the_pin_rule_allows(make_kiosk, qtbot):
    """kiosk.domain.pins: a deputy's PIN has at most 8 digits (a 9th tap adds nothing)."""
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    open_pad(kiosk, qtbot, ON_DUTY)
    for _ in range(9):
        visitor.tap("pinKey_1")
    assert visitor.text("pinDots") == "●" * 8
