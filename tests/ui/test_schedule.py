# SPDX-License-Identifier: GPL-3.0-or-later
"""The schedule screen (接待日安排), driven by taps as a visitor would, in both orientations."""

from datetime import datetime


def open_schedule(kiosk):
    visitor = kiosk.visitor
    visitor.tap("scheduleButton")
    assert visitor.find("scheduleScreen").isVisible()
    return visitor


def test_the_month_shows_reception_days_and_a_day_shows_who_is_on_duty(make_kiosk, size):
    kiosk = make_kiosk(size)
    visitor = open_schedule(kiosk)
    assert visitor.text("monthTitle") == "2026年11月"
    # Today (Monday 23rd) is selected: the weekly reception with 赵珺瑶 and 孙昇.
    assert visitor.find("scheduleDeputy_demo-06").isVisible()
    visitor.screenshot("schedule-month")
    # Friday the 27th: the themed group reception with an invited department.
    visitor.tap("day_2026-11-27")
    assert "优化营商环境" in [t for t in _texts(visitor.find("dayCard")) if "优化营商环境" in t][0]
    assert "区市场监督管理局" in visitor.text("invitedDepartments")
    visitor.screenshot("schedule-group-day")
    visitor.tap("scheduleDeputy_demo-01")
    assert visitor.text("deputyName") == "林嘉禾"


def _texts(item):
    from tests.helpers.qt import descendants

    return [
        i.property("text")
        for i in descendants(item)
        if isinstance(i.property("text"), str) and i.isVisible()
    ]


def test_holidays_moves_and_cancellations_are_marked_month_by_month(make_kiosk, size):
    kiosk = make_kiosk(size)
    visitor = open_schedule(kiosk)
    visitor.tap("day_2026-11-30")
    assert any("本次接待取消" in t for t in _texts(visitor.find("dayCard")))
    visitor.screenshot("schedule-cancelled")
    # October: the National Day break; Monday the 5th's reception moves to Thursday the 8th.
    visitor.tap("previousMonth")
    assert visitor.text("monthTitle") == "2026年10月"
    visitor.tap("day_2026-10-05")
    assert "法定节假日：国庆节" in visitor.text("dayHoliday")
    assert any("因国庆节顺延至10月8日" in t for t in _texts(visitor.find("dayCard")))
    visitor.tap("day_2026-10-10")
    assert "调休上班日" in visitor.text("dayHoliday")
    visitor.screenshot("schedule-national-day")
    # December: the contact day moved from the 15th to the 17th, with its reason; the list.
    visitor.tap("nextMonth")
    visitor.tap("nextMonth")
    visitor.tap("listView")
    texts = _texts(visitor.find("monthList"))
    assert any("改期至12月17日" in t and "二楼会议室维修" in t for t in texts)
    moved = [r for r in kiosk.backends.schedule.monthReceptions.rows() if r["status"] == "moved"]
    assert [(r["day"], r["originalDay"]) for r in moved] == [("12月17日 星期四", "12月15日 星期二")]
    visitor.screenshot("schedule-list")
    # January 2027: the holiday table has no 2027 yet, and says so.
    visitor.tap("monthView")
    visitor.tap("nextMonth")
    assert "2027年节假日安排尚未发布" in visitor.text("holidaysMissingText")
    visitor.screenshot("schedule-2027")
    visitor.tap("thisMonth")
    assert visitor.text("monthTitle") == "2026年11月"


def test_the_home_screen_skips_a_cancelled_reception(make_kiosk, clock):
    clock.now = datetime(2026, 11, 28, 10, 0)  # Saturday before the cancelled Monday
    kiosk = make_kiosk()
    upcoming = kiosk.backends.roster.upcoming
    days = [upcoming.get(i)["day"] for i in range(upcoming.count)]
    assert "11月30日 星期一" not in days
    assert kiosk.backends.roster.dutyDay == "12月7日 星期一"


def test_a_swipe_on_the_calendar_changes_the_month_too(make_kiosk):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtTest import QTest

    kiosk = make_kiosk()
    visitor = open_schedule(kiosk)
    grid = visitor.find("monthGrid")
    start = grid.mapToScene(QPointF(grid.width() * 0.8, grid.height() / 2)).toPoint()
    window = kiosk.window
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 21):
        QTest.mouseMove(window, start - QPoint(step * 30, 0), 10)
    QTest.mouseRelease(
        window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start - QPoint(600, 0)
    )
    assert visitor.text("monthTitle") == "2026年12月"


def test_in_large_text_a_days_number_stays_above_its_mark(make_kiosk, size):
    """大字 in landscape leaves short cells: the number shrank to the room instead of
    running under the 接待 mark (issue 16 §1)."""
    from PySide6.QtCore import QPointF

    from tests.helpers.qt import descendants

    kiosk = make_kiosk(size)
    kiosk.visitor.tap("largeTextButton")
    visitor = open_schedule(kiosk)
    mark = visitor.find("mark_2026-11-27")
    cell = visitor.find("day_2026-11-27")
    number = next(i for i in descendants(cell) if i.objectName() == "dayNumber")
    bottom = number.mapToScene(QPointF(0, number.property("paintedHeight"))).y()
    assert bottom <= mark.mapToScene(QPointF(0, 0)).y() + 1
    assert number.property("fontInfo").property("pixelSize").toInt() >= 20
