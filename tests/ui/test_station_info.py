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


def test_the_stations_own_photo_heads_its_page(make_kiosk, size, tmp_path):
    """The photo published in the console (issue 15 §1), as the sync worker leaves it."""
    from PIL import Image, ImageDraw

    from kiosk.domain.station import STATION_PHOTO_MARKER

    photos = tmp_path / "data" / "photos"
    photos.mkdir(parents=True, exist_ok=True)
    door = Image.new("RGB", (800, 360), (246, 238, 226))
    ImageDraw.Draw(door).rectangle((300, 60, 500, 360), fill=(179, 38, 30))
    door.save(photos / "abc123.png")
    (photos / STATION_PHOTO_MARKER).write_text("abc123.png")
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("stationInfoButton")
    photo = visitor.find("stationPhoto")
    assert photo.isVisible() and photo.property("height") > 100
    visitor.screenshot("station-info-photo")
