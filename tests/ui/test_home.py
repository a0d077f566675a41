# SPDX-License-Identifier: GPL-3.0-or-later
from datetime import datetime


def test_home_shows_the_station_today_and_the_next_reception_days(make_kiosk, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    assert visitor.text("stationName") == "青禾街道人大代表联络站"
    # Monday 2026-11-23 is a reception day: the rotation puts 赵珺瑶 and 孙昇 on duty.
    assert visitor.find("duty_demo-06").isVisible()
    assert visitor.find("duty_demo-07").isVisible()
    upcoming = kiosk.backends.roster.upcoming
    assert upcoming.count == 6
    assert upcoming.get(0)["day"] == "11月27日 星期五"
    assert upcoming.get(0)["title"] == "组团接待"
    for button in ("findDeputyButton", "stationInfoButton"):
        assert visitor.find(button).height() >= 90  # touch target, DESIGN.md §3
    visitor.screenshot("home")


def test_a_day_without_reception_shows_who_comes_on_the_next_one(make_kiosk, clock, size):
    clock.now = datetime(2026, 11, 24, 10, 0)  # a Tuesday without reception
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    assert not kiosk.backends.roster.dutyIsToday
    message = visitor.text("noReceptionToday")
    assert "今天没有安排接待" in message and "11月27日 星期五" in message
    # Friday's group reception: six deputies, 林嘉禾 first.
    assert kiosk.backends.roster.dutyReceptions.get(0)["title"] == "组团接待"
    assert visitor.find("duty_demo-01").isVisible()
    visitor.screenshot("home-no-reception")


def test_the_clock_moves_on_and_the_duty_roster_follows_the_date(make_kiosk, clock, qtbot):
    clock.now = datetime(2026, 11, 23, 23, 59)
    kiosk = make_kiosk()
    roster = kiosk.backends.roster
    assert roster.dutyIsToday
    assert roster.dutyDay == "11月23日 星期一"
    clock.now = datetime(2026, 11, 24, 0, 0)
    qtbot.waitUntil(lambda: kiosk.backends.clock.time == "00:00")
    # The new day's rows are worked out off the GUI thread and follow a moment later.
    qtbot.waitUntil(lambda: roster.dutyDay == "11月27日 星期五")
    assert not roster.dutyIsToday
    assert kiosk.backends.clock.date == "2026年11月24日 星期二"


def test_tapping_a_duty_deputy_opens_their_page(make_kiosk):
    kiosk = make_kiosk()
    kiosk.visitor.tap("duty_demo-06")
    assert kiosk.visitor.text("deputyName") == "赵珺瑶"
