# SPDX-License-Identifier: GPL-3.0-or-later
"""Home's duty card: the deputies on duty are the most visible thing, names whole (issue 16 §2)."""

from datetime import datetime

from tests.helpers.desk import sign_in
from tests.helpers.layout import unreadable_texts

# 冯翀 and 吴婧怡 are on duty on Monday 7 December.
DUTY_DAY = datetime(2026, 12, 7, 9, 30)


def _duty_card_problems(kiosk):
    card = kiosk.visitor.find("todayCard")
    return unreadable_texts(card, (kiosk.window.width(), kiosk.window.height()))


def test_duty_deputies_names_are_whole(make_kiosk, clock, size):
    clock.now = DUTY_DAY
    kiosk = make_kiosk(size)
    kiosk.visitor.screenshot("home-duty-names")
    assert _duty_card_problems(kiosk) == []
    # Photos, not icons (they were ~70 px tall): the "also here" line takes a row.
    assert kiosk.visitor.find("duty_demo-11").height() >= 150


def test_with_a_deputy_signed_in_the_duty_card_stays_readable(make_kiosk, clock, qtbot, size):
    clock.now = DUTY_DAY
    kiosk = make_kiosk(size)
    sign_in(kiosk, qtbot, "demo-11")
    sign_in_other = "demo-03"  # not on today's roster: the "also here" line appears
    kiosk.visitor.tap("homeButton")
    sign_in(kiosk, qtbot, sign_in_other)
    kiosk.visitor.tap("homeButton")
    qtbot.waitUntil(lambda: kiosk.visitor.shows("homeScreen"))
    kiosk.visitor.screenshot("home-duty-signed-in")
    assert _duty_card_problems(kiosk) == []
    # Photos, not icons (they were ~70 px tall): the "also here" line takes a row.
    assert kiosk.visitor.find("duty_demo-11").height() >= 150


def test_six_deputies_on_a_group_reception_day_all_fit_with_whole_names(make_kiosk, clock, size):
    clock.now = datetime(2026, 11, 27, 9, 0)  # the last Friday: 组团接待, six deputies
    kiosk = make_kiosk(size)
    kiosk.visitor.screenshot("home-duty-group-day")
    assert _duty_card_problems(kiosk) == []
    tiles = [kiosk.visitor.find(f"duty_demo-{n:02d}") for n in (1, 3, 4, 8, 13, 14)]
    assert all(tile.height() >= 100 for tile in tiles)
