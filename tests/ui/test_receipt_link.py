# SPDX-License-Identifier: GPL-3.0-or-later
"""A real kiosk that has not pulled the server's links yet gives its receipt without a link:
no demo address on paper or on screen, no QR code to scan; the code's card says how to
follow the case with the code (kiosk/services/links.py, docs/appeals.md)."""

from __future__ import annotations

from datetime import datetime

from kiosk.demo import DEMO_SERVER_PUBLIC_KEY
from kiosk.store.database import open_database
from kiosk.store.rows import EnrolmentRow, insert
from tests.ui.test_appeal import fill_appeal


def test_an_enrolled_kiosk_before_its_first_pull_gives_a_receipt_without_a_link(
    make_kiosk, qtbot, tmp_path, size
):
    kiosk = make_kiosk(size)
    qtbot.waitUntil(lambda: kiosk.backends.intake.ready)
    with open_database(tmp_path / "data" / "kiosk.sqlite3").begin() as connection:
        insert(
            connection,
            EnrolmentRow(
                device_id="k1",
                device_token="t",
                station_id="demo-station",
                server_url="https://10.1.2.3:8443",
                server_public_key=DEMO_SERVER_PUBLIC_KEY,
                enrolled_at=datetime(2026, 11, 20),
            ),
        )
    kiosk.backends.intake._service.demo = False  # as a kiosk enrolled outside demo mode
    visitor = kiosk.visitor
    fill_appeal(kiosk, qtbot)
    visitor.tap("submitButton")
    assert visitor.text("receiptCode")
    assert kiosk.backends.intake.property("progressUrl") == ""
    assert not visitor.shows("receiptQr") and not visitor.shows("scanHint")
    assert "在首页点“查询进度”" in visitor.text("receiptLookUpHint")  # the code's card says how
    visitor.screenshot("receipt-without-link-" + ("portrait" if size[1] > size[0] else "landscape"))
