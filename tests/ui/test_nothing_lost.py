# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing a visitor did is lost by one tap too many (issue 16 §2)."""

from datetime import datetime

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.test_appeal import wait_for_keyboard
from tests.ui.test_progress import _look_up


def _centre(item):
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()


def _callback_to_consent(visitor):
    visitor.tap("appealButton")
    visitor.tap("category_4")
    visitor.tap("callbackButton")
    for digit in "13800001234":
        visitor.tap(f"key_{digit}")
    visitor.tap("nextButton")


def _depth(visitor):
    return visitor.find("stack").property("depth")


def test_a_double_tap_on_submit_keeps_the_receipt(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    _callback_to_consent(visitor)
    where = _centre(visitor.find("consentButton"))
    visitor.tap("consentButton")  # 同意并提交
    assert visitor.find("receiptScreen")
    # The finger comes down again where 同意并提交 was, then on 完成, 返回 and 首页.
    QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    for name in ("doneButton", "backButton", "homeButton"):
        visitor.tap(name)
    assert visitor.shows("receiptScreen") and not visitor.shows("askDialog")
    assert visitor.text("receiptCode")
    visitor.screenshot("receipt-just-submitted")
    done = visitor.find("doneButton")
    qtbot.waitUntil(lambda: done.isEnabled(), timeout=4000)
    visitor.tap("doneButton")
    qtbot.waitUntil(lambda: _depth(visitor) == 1)


def test_leaving_a_receipt_by_back_asks_first(make_kiosk, qtbot):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    _callback_to_consent(visitor)
    visitor.tap("consentButton")
    back = visitor.find("backButton")
    qtbot.waitUntil(lambda: back.isEnabled(), timeout=4000)
    code = visitor.text("receiptCode")
    visitor.tap("backButton")
    assert code in visitor.text("askDetail")
    visitor.screenshot("receipt-leave-asked")
    visitor.tap("askStay")
    assert visitor.text("receiptCode") == code
    visitor.tap("backButton")
    visitor.tap("askLeave")
    qtbot.waitUntil(lambda: _depth(visitor) == 1)


def test_home_mid_appeal_asks_before_discarding(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("appealButton")
    visitor.tap("category_0")
    visitor.tap("appealText")
    wait_for_keyboard(visitor, qtbot)
    visitor.type_pinyin("lu", "路")
    # The character reaches the form through the text field's binding before Home is tapped.
    qtbot.waitUntil(lambda: kiosk.backends.intake.property("hasInput"))
    visitor.tap("homeButton")
    assert visitor.text("askTitle") == "放弃填写的内容？"
    visitor.screenshot("appeal-discard-asked")
    visitor.tap("askStay")
    assert visitor.text("appealText") == "路"
    visitor.tap("homeButton")
    visitor.tap("askLeave")
    qtbot.waitUntil(lambda: _depth(visitor) == 1)
    assert not kiosk.backends.intake.property("hasInput")


def test_home_with_nothing_entered_does_not_ask(make_kiosk, qtbot):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    visitor.tap("appealButton")
    visitor.tap("homeButton")
    qtbot.waitUntil(lambda: _depth(visitor) == 1)


def test_declining_consent_says_what_it_means_and_what_else_to_do(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    _callback_to_consent(visitor)
    visitor.tap("declineButton")
    detail = visitor.text("askDetail")
    assert "不会保存" in detail and kiosk.backends.station.property("phone") in detail
    visitor.screenshot("consent-declined")
    visitor.tap("askStay")
    assert visitor.find("consentButton")
    visitor.tap("declineButton")
    visitor.tap("askLeave")
    qtbot.waitUntil(lambda: _depth(visitor) == 1)
    assert not kiosk.backends.intake.property("hasInput")


def test_an_appointment_receipt_says_with_whom_and_when_and_back_keeps_the_day(
    make_kiosk, qtbot, size
):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("appointmentButton")
    visitor.tap("chooseDeputy_demo-02")
    visitor.tap("day_0")
    visitor.tap("backButton")
    assert visitor.find("day_0").property("selected")
    visitor.tap("day_0")
    visitor.tap("nameField")
    wait_for_keyboard(visitor, qtbot)
    visitor.type_pinyin("li", "李")
    visitor.tap("doneTyping")
    qtbot.waitUntil(lambda: not visitor.keyboard_is_open())
    for digit in "13600004321":
        visitor.tap(f"key_{digit}")
    visitor.tap("nextButton")
    visitor.tap("consentButton")
    # The receipt shows at once; its contact check (argon2id) is made on a thread after.
    with qtbot.waitSignal(kiosk.backends.intake.checkKept, timeout=20000):
        visitor.tap("submitButton")
    meeting = visitor.text("receiptMeeting")
    assert "周晓喆" in meeting and "12月17日" in meeting and "14:30" in meeting
    visitor.screenshot("appointment-receipt-meeting")
    code = visitor.text("receiptCode").replace("-", "")
    visitor.finish_receipt()
    # 查询进度 says the same.
    _look_up(kiosk, code, "4321")
    meeting = visitor.text("resultMeeting")
    assert "周晓喆" in meeting and "12月17日" in meeting and "14:30" in meeting
    visitor.screenshot("appointment-progress-meeting")


def test_home_shows_a_moved_reception_day(make_kiosk, clock):
    clock.now = datetime(2026, 12, 16, 9, 30)  # the next reception: 17th, moved from the 15th
    kiosk = make_kiosk()
    assert "12月15日" in kiosk.visitor.text("movedFrom")
    kiosk.visitor.screenshot("home-moved-day")
