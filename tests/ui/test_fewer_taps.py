# SPDX-License-Identifier: GPL-3.0-or-later
"""Taps a visitor needs for the three journeys (issue 16 §3); the counts are in docs.

Before this work an appeal with a 15-character text took 79 taps (48 of them typing).
"""

from kiosk.store.database import open_database
from tests.ui.test_appeal import wait_for_keyboard

MOBILE = "13912345678"


class Counting:
    """The visitor, counting every tap."""

    def __init__(self, visitor):
        self.visitor = visitor
        self.taps = 0
        tap = visitor.tap

        def counted(target):
            self.taps += 1
            tap(target)

        visitor.tap = counted


def _name_and_number(visitor, qtbot):
    visitor.tap("nameField")
    wait_for_keyboard(visitor, qtbot)
    visitor.type_pinyin("wang", "王")  # 4 letters and the candidate
    visitor.tap("doneTyping")
    qtbot.waitUntil(lambda: not visitor.keyboard_is_open())
    for digit in MOBILE:
        visitor.tap(f"key_{digit}")


def test_taps_for_an_appeal_with_common_phrases(make_kiosk, qtbot, tmp_path, record_property):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    count = Counting(visitor)
    visitor.tap("appealButton")
    visitor.tap("category_0")  # 交通出行
    visitor.tap("phrase_0")  # 路灯坏了
    visitor.tap("phrase_1")  # 红绿灯坏了: combined
    assert kiosk.backends.intake.property("text") == "路灯坏了；红绿灯坏了"
    visitor.screenshot("appeal-phrases")
    visitor.tap("nextButton")
    visitor.tap("block_0")
    visitor.tap("nextButton")
    visitor.tap("anyDeputyButton")
    _name_and_number(visitor, qtbot)
    visitor.tap("nextButton")
    visitor.tap("consentButton")
    visitor.tap("submitButton")
    assert visitor.text("receiptCode")
    record_property("taps", count.taps)
    print(f"taps_appeal_with_phrases: {count.taps} taps")
    assert count.taps <= 33


def test_taps_to_be_called_back_from_home(make_kiosk, record_property):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    count = Counting(visitor)
    visitor.tap("callbackHomeButton")
    visitor.tap("category_4")
    for digit in MOBILE:
        visitor.tap(f"key_{digit}")
    visitor.tap("nextButton")
    visitor.tap("consentButton")
    assert visitor.text("receiptCode")
    print(f"taps_callback_from_home: {count.taps} taps")
    assert count.taps == 15


def test_call_me_back_from_the_first_step(make_kiosk):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    visitor.tap("appealButton")
    visitor.tap("callbackFirstStep")
    assert "第1步，共3步" in visitor.text("stepProgress")
    visitor.tap("category_2")
    assert visitor.find("phonePad")


def test_taps_for_an_appointment(make_kiosk, qtbot, tmp_path):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    count = Counting(visitor)
    visitor.tap("appointmentButton")
    visitor.tap("chooseDeputy_demo-02")
    visitor.tap("day_0")
    _name_and_number(visitor, qtbot)
    visitor.tap("nextButton")
    visitor.tap("consentButton")
    visitor.tap("submitButton")
    assert visitor.text("receiptCode")
    with open_database(tmp_path / "data" / "kiosk.sqlite3").read() as connection:
        assert connection is not None
    print(f"taps_appointment: {count.taps} taps")
    assert count.taps <= 26
