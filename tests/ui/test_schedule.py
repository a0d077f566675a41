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
