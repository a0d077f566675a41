# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk's duty console points the deputy to their workspace (issue 14 §2): the counts the
snapshot carries ("3 件待回复，1 件已超期", no personal data) and a QR code a phone reads
(decoded from the screen), in landscape and portrait; call-back requests taken at this kiosk
today are marked, without the number."""

from __future__ import annotations

from datetime import timedelta

from kiosk.domain.appeals import Appeal
from kiosk.domain.tracking import display
from kiosk.store.appeals import record_appeal
from kiosk.store.sync_state import apply_extras
from tests.helpers.desk import shown, sign_in
from tests.helpers.qt import decode_qr_codes, descendants
from tests.ui.test_deputy_desk import NOT_ON_DUTY, ON_DUTY, database

WORKSPACE = "https://rd.example.gov.cn/console/my"


def pulled(tmp_path, work: dict) -> None:
    """What a pull brings: the counts per deputy and the workspace link."""
    document = {
        "deputy_work": work,
        "links": {"progress": "https://rd.example.gov.cn/p/{code}", "workspace": WORKSPACE},
    }
    with database(tmp_path).begin() as connection:
        apply_extras(connection, document)


def test_the_duty_console_shows_my_counts_and_a_qr_code_of_my_workspace(
    make_kiosk, qtbot, tmp_path, clock, size
):
    kiosk = make_kiosk(size)
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.ready)
    pulled(
        tmp_path,
        {
            ON_DUTY: {"open": 3, "overdue": 1, "due_soon": 1},
            NOT_ON_DUTY: {"open": 1, "overdue": 0, "due_soon": 0},
            "broken": {"open": -1, "overdue": "x"},  # skipped, nothing else lost
        },
    )
    with database(tmp_path).begin() as connection:
        callback = Appeal.new(
            "demo-station", "社会保障", clock.now - timedelta(minutes=5), request="callback"
        )
        record_appeal(connection, callback, b"sealed")
    sign_in(kiosk, qtbot, ON_DUTY)
    visitor = kiosk.visitor
    assert visitor.text("workCounts") == "3 件待回复，1 件已超期"
    name = "duty-console-work-" + ("portrait" if size[1] > size[0] else "landscape")
    qr = visitor.find("workspaceQr")  # drawn on Qt's loader thread, a moment later
    qtbot.waitUntil(lambda: qr.property("progress") == 1.0, timeout=10000)
    visitor.settle()
    image = visitor.screenshot(name)
    assert WORKSPACE in decode_qr_codes(image)
    row = visitor.find(f"walkIn_{display(callback.tracking_code)}")
    texts = {item.property("text") for item in descendants(row)}
    assert {"请回电", "社会保障", display(callback.tracking_code)} <= texts
    assert not any(t and "138" in str(t) for t in texts)  # no number on the public screen


def test_counts_follow_the_deputy_and_nothing_waiting_says_so(make_kiosk, qtbot, tmp_path):
    kiosk = make_kiosk()
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.ready)
    pulled(tmp_path, {NOT_ON_DUTY: {"open": 2, "overdue": 0, "due_soon": 1}})
    sign_in(kiosk, qtbot, ON_DUTY)  # not listed: nothing waits for them
    assert kiosk.visitor.text("workCounts") == "没有待回复的事项"
    kiosk.visitor.tap("signOutButton")
    sign_in(kiosk, qtbot, NOT_ON_DUTY)
    assert kiosk.visitor.text("workCounts") == "2 件待回复，1 件临期"


def test_without_counts_from_the_server_the_console_shows_none(make_kiosk, qtbot):
    kiosk = make_kiosk()
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.ready)
    sign_in(kiosk, qtbot, ON_DUTY)
    assert shown(kiosk.visitor, "deputyConsoleScreen")
    assert not shown(kiosk.visitor, "workBlock")
