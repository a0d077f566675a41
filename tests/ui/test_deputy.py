# SPDX-License-Identifier: GPL-3.0-or-later
from PySide6.QtCore import QRectF

from kiosk.demo import demo_snapshot
from tests.helpers.qt import decode_qr_codes


def test_the_deputy_page_shows_a_qr_code_a_phone_reads_as_the_deputys_url(make_kiosk, size):
    deputy = demo_snapshot().deputy("demo-06")
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    kiosk.window.showDeputy(deputy.id)
    assert visitor.text("deputyName") == deputy.name
    qr = visitor.find("qrCode")
    # Large enough for a phone held at arm's length, crisp (whole pixels per module).
    assert qr.width() >= 400
    screen = visitor.screenshot("deputy")
    assert decode_qr_codes(screen) == [deputy.qr_url]
    rect = qr.mapRectToScene(QRectF(0, 0, qr.width(), qr.height())).toRect()
    assert decode_qr_codes(screen.copy(rect)) == [deputy.qr_url]


def test_back_returns_to_where_the_visitor_was_and_home_goes_home(make_kiosk):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    visitor.tap("findDeputyButton")
    visitor.tap("deputy_demo-01")
    assert visitor.text("deputyName") == "林嘉禾"
    visitor.tap("backButton")
    assert visitor.find("directoryScreen").isVisible()
    visitor.tap("deputy_demo-03")
    visitor.tap("homeButton")
    assert visitor.find("homeScreen").isVisible()
    assert visitor.find("stack").property("depth") == 1


def test_a_deputy_page_lists_their_own_reception_days(make_kiosk):
    kiosk = make_kiosk()
    page = kiosk.backends.roster.deputy("demo-02")  # 周晓喆: the third-Tuesday contact day
    # December's contact day is moved from the 15th to the 17th in the demo.
    assert [r["day"] for r in page["receptions"]][:2] == ["12月17日 星期四", "1月19日 星期二"]
    assert kiosk.backends.roster.deputy("no-such-deputy") == {}
