# SPDX-License-Identifier: GPL-3.0-or-later
import pytest

from tests.helpers.qt import descendants


def test_station_info_shows_contact_details_figures_rules_and_notices(make_kiosk, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("stationInfoButton")
    assert visitor.find("stationInfoScreen").isVisible()
    station = kiosk.backends.station
    assert station.address.startswith("青禾街道文昌路88号")
    assert station.rules.count == 4
    assert station.notices.count == 3
    figures = [item.property("text") for item in descendants(visitor.find("figures"))]
    assert {"1,286", "1,203", "99.2%"} <= set(figures)
    visitor.screenshot("station-info")


def test_a_long_page_scrolls_with_buttons_not_only_by_dragging(make_kiosk):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    visitor.tap("stationInfoButton")
    visitor.tap("nextPage")
    page = visitor.find("stationInfoPage")
    assert page.property("contentY") > 0
    visitor.tap("previousPage")
    assert page.property("contentY") == pytest.approx(0)
