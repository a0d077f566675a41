# SPDX-License-Identifier: GPL-3.0-or-later
"""码上找代表 end to end: the QR code a kiosk shows for a deputy, read from a screenshot as a
phone camera would, opens that deputy's page on the central server (docs/phone-pages.md)."""

import requests

from central.launch import running_central
from kiosk.sync.enrolment import enrol
from tests.helpers.phone import Browser, page_text
from tests.helpers.qt import decode_qr_codes


def test_the_qr_code_on_a_deputys_kiosk_page_opens_their_phone_page(make_kiosk, tmp_path, qtbot):
    with running_central(tmp_path / "central") as server:
        output = server.cli("demo-station").stdout
        code = output.split("enrolment code for demo-station: ")[1].split()[0]
        enrol(tmp_path / "data" / "kiosk.sqlite3", server.url, code)
        kiosk = make_kiosk()
        page_url = f"{server.url}/d/demo-06"
        # The roster import gave no QR URL: the snapshot points at the server's own page.
        qtbot.waitUntil(
            lambda: kiosk.backends.roster.deputy("demo-06").get("qrUrl") == page_url,
            timeout=20_000,
        )
        kiosk.window.showDeputy("demo-06")
        name = kiosk.visitor.text("deputyName")
        (scanned,) = decode_qr_codes(kiosk.visitor.screenshot("deputy-server-qr"))
        assert scanned == page_url

        answer = requests.get(scanned, timeout=30)
        assert answer.status_code == 200
        assert name in page_text(answer.text) and "给代表留言" in page_text(answer.text)
        browser = Browser()
        try:
            browser.open(scanned)
            assert name in browser.text
            browser.screenshot("deputy-from-kiosk-qr")
        finally:
            browser.close()
