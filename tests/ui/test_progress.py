# SPDX-License-Identifier: GPL-3.0-or-later
"""查询进度: a tracking code and the last 4 digits → what became of it, from local data for
what this kiosk took (the server is asked about the rest: tests/security)."""

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QThreadPool

from kiosk.domain.tracking import new_tracking_code
from kiosk.store.database import open_database
from kiosk.store.sync_state import apply_extras, set_state
from tests.helpers.qt import descendants


def _call_me_back(kiosk, mobile):
    visitor = kiosk.visitor
    visitor.tap("appealButton")
    visitor.tap("category_0")
    visitor.tap("callbackButton")
    for digit in mobile:
        visitor.tap(f"key_{digit}")
    visitor.tap("nextButton")
    # The receipt shows at once; its contact check (argon2id) is made on a thread after.
    with visitor.qtbot.waitSignal(kiosk.backends.intake.checkKept, timeout=20000):
        visitor.tap("consentButton")
    return visitor.text("receiptCode").replace("-", "")


def _look_up(kiosk, code, last4, shot=""):
    visitor = kiosk.visitor
    visitor.tap("progressButton")
    for char in code[:8]:
        visitor.tap(f"key_{char}")
    if shot:
        visitor.screenshot(f"progress-code-{shot}")
    visitor.tap(f"key_{code[8]}")
    for digit in last4:  # the keypad turned to digits after the ninth character
        visitor.tap(f"key_{digit}")
    with visitor.qtbot.waitSignal(kiosk.backends.progress.finished, timeout=20000):
        visitor.tap("lookUpButton")
        if shot:  # the check takes about a second: the button says so meanwhile
            visitor.screenshot(f"progress-checking-{shot}")


def test_a_receipt_can_be_looked_up_at_once_and_after_the_server_moved_it_on(
    make_kiosk, qtbot, size, tmp_path
):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    label = "portrait" if size[1] > size[0] else "landscape"
    code = _call_me_back(kiosk, "13700005555")
    visitor.finish_receipt()

    _look_up(kiosk, code, "5555", shot=label)
    assert "等待发送" in visitor.text("resultState")
    assert "尚未收到" in visitor.text("lastSync")  # offline: it says how old the data is
    visitor.screenshot(f"progress-unsent-{label}")

    # A pull brings the server's progress for this code.
    database = open_database(tmp_path / "data" / "kiosk.sqlite3")
    with database.begin() as connection:
        apply_extras(
            connection,
            {
                "appeals": [
                    {
                        "tracking_code": code,
                        "state": "assigned",
                        "due_on": "2026-11-26",
                        "steps": [
                            {"state": "received", "at": "2026-11-23T09:31:00+08:00", "note": ""},
                            {
                                "state": "assigned",
                                "at": "2026-11-23T14:00:00+08:00",
                                "note": "已交林嘉禾代表办理",
                            },
                        ],
                    }
                ]
            },
        )
        set_state(connection, "last_pull", datetime(2026, 11, 23, 15, 0).isoformat())
    visitor.tap("lookUpAnother")
    visitor.tap("backButton")
    _look_up(kiosk, code, "5555")
    assert "已交代表办理" in visitor.text("resultState")
    # Due on Thursday 26 November: by the kiosk's clock (days before) it is on time (green).
    assert "2026年11月26日" in visitor.text("resultDue") and "按期" in visitor.text("resultDue")
    assert "15:00" in visitor.text("lastSync")
    shown = [
        item.property("text")
        for item in descendants(visitor.find("progressScreen"))
        if isinstance(item.property("text"), str)
    ]
    assert any("已交林嘉禾代表办理" in text for text in shown)
    visitor.screenshot(f"progress-assigned-{label}")


def test_wrong_codes_and_digits_get_plain_messages_and_guessing_is_slowed(make_kiosk, qtbot, clock):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    code = _call_me_back(kiosk, "13700006666")
    visitor.finish_receipt()

    typo = code[:-1] + ("2" if code[-1] != "2" else "3")
    _look_up(kiosk, typo, "6666")
    assert "不是有效的查询码" in visitor.text("lookupProblem")
    visitor.tap("homeButton")

    # An unknown code and wrong digits get the same words (no server here to ask).
    _look_up(kiosk, new_tracking_code(), "6666")
    unknown = visitor.text("lookupProblem")
    assert "相符" in unknown
    visitor.screenshot("progress-not-found")
    visitor.tap("homeButton")

    for attempt in range(4):
        _look_up(kiosk, code, f"{1000 + attempt}")
        assert visitor.text("lookupProblem") == unknown
        visitor.tap("homeButton")
    _look_up(kiosk, code, "6666")  # even the right digits wait now
    assert "1分钟后再试" in visitor.text("lookupProblem")
    visitor.screenshot("progress-locked")
    visitor.tap("homeButton")
    clock.now = datetime(2026, 11, 23, 9, 31, 30)  # a minute after the fifth miss
    _look_up(kiosk, code, "6666")
    assert "等待发送" in visitor.text("resultState")


def test_a_lookup_left_on_screen_is_wiped_when_the_visitor_walks_away(make_kiosk, qtbot):
    # Long enough for the contact check (about a second of CPU, more on a busy machine).
    kiosk = make_kiosk(idle_timeout_seconds=6, idle_prompt_seconds=1)
    visitor = kiosk.visitor
    code = _call_me_back(kiosk, "13700007777")
    visitor.finish_receipt()
    _look_up(kiosk, code, "7777")
    assert kiosk.backends.progress.property("result")
    with qtbot.waitSignal(kiosk.backends.idle.walkedAway, timeout=15000):
        pass
    qtbot.waitUntil(lambda: visitor.find("stack").property("depth") == 1)
    assert kiosk.backends.progress.property("result") == {}
    visitor.tap("progressButton")
    assert visitor.text("codeText") == ""


def test_a_lookup_still_running_when_the_visitor_walks_away_shows_the_next_one_nothing(
    make_kiosk, qtbot
):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    progress = kiosk.backends.progress
    code = _call_me_back(kiosk, "13700006666")
    visitor.finish_receipt()
    visitor.tap("progressButton")
    for char in code:
        visitor.tap(f"key_{char}")
    for digit in "6666":
        visitor.tap(f"key_{digit}")
    visitor.tap("lookUpButton")
    assert progress.property("busy")  # the check runs on the pool for about a second
    kiosk.backends.idle.walkedAway.emit()
    qtbot.waitUntil(lambda: visitor.find("stack").property("depth") == 1)
    assert not progress.property("busy")
    # The answer comes back for a visitor who has gone: it is not shown, now or later.
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=20000)
    QCoreApplication.processEvents()  # the answer's queued signal is delivered
    assert progress.property("result") == {} and not progress.property("busy")
    visitor.tap("progressButton")
    assert visitor.text("codeText") == ""


def test_every_time_shown_is_on_the_stations_clock_whatever_the_pcs_zone(
    make_kiosk, qtbot, tmp_path, monkeypatch
):
    import time

    # The station PC runs on UTC; the server's steps come with their offset (here UTC).
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        kiosk = make_kiosk()
        visitor = kiosk.visitor
        code = _call_me_back(kiosk, "13700008888")
        visitor.finish_receipt()
        database = open_database(tmp_path / "data" / "kiosk.sqlite3")
        with database.begin() as connection:
            apply_extras(
                connection,
                {
                    "appeals": [
                        {
                            "tracking_code": code,
                            "state": "received",
                            "due_on": "2026-12-07",
                            "steps": [
                                {"state": "received", "at": "2026-12-02T16:37:00+00:00", "note": ""}
                            ],
                        }
                    ]
                },
            )
            # The sync worker notes its pulls on the station's clock (naive).
            set_state(connection, "last_pull", datetime(2026, 12, 3, 0, 37).isoformat())
        _look_up(kiosk, code, "8888")
        shown = [
            item.property("text")
            for item in descendants(visitor.find("progressScreen"))
            if isinstance(item.property("text"), str)
        ]
        assert any("12月3日" in text and "00:37" in text for text in shown)
        assert "2026年12月3日" in visitor.text("lastSync") and "00:37" in visitor.text("lastSync")
    finally:
        monkeypatch.undo()
        time.tzset()
