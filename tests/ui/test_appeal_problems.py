# SPDX-License-Identifier: GPL-3.0-or-later
"""What goes wrong while a visitor fills in a form: a plain message, nothing typed is lost,
nothing half-saved; and a visitor who walks away leaves nothing behind."""

from collections.abc import Callable

from kiosk.store.database import Database, connect, open_database
from tests.ui.test_appeal import MOBILE, fill_appeal, wait_for_keyboard

QUICK = {"idle_timeout_seconds": 1, "idle_prompt_seconds": 1}


def _to_text_step(kiosk):
    visitor = kiosk.visitor
    visitor.tap("appealButton")
    visitor.tap("category_1")
    return visitor.find("appealText")


def test_bad_text_gets_a_message_next_to_the_field_and_stays(make_kiosk, qtbot):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    field = _to_text_step(kiosk)
    cases = {
        "   \n  ": "不能为空",
        "电梯坏了" * 2000: "最多500个字",  # a huge paste
        "电梯坏了😡": "表情",
        "电梯\x07坏了": "控制字符",
        "电梯\u202e坏了": "方向标记",
    }
    for text, message in cases.items():
        field.setProperty("text", text)  # what a paste does
        visitor.tap("nextButton")
        assert message in visitor.text("textProblem"), text[:10]
        assert visitor.find("formScreen_text")  # still on this step
        assert field.property("text") == text  # nothing typed is lost
    field.setProperty("text", "电梯坏了" * 2000)
    assert "8000 / 500" in visitor.text("textCounter")
    visitor.tap("nextButton")
    assert "最多500个字" in visitor.text("textProblem")
    visitor.screenshot("appeal-text-too-long")


def test_a_wrong_phone_number_gets_a_message_and_stays(make_kiosk, qtbot):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    _to_text_step(kiosk)
    visitor.tap("callbackButton")  # the call-back path: only a number
    for digit in "1234567":
        visitor.tap(f"key_{digit}")
    visitor.tap("nextButton")
    assert "11位" in visitor.text("phoneProblem")
    assert visitor.text("phoneDisplay") == "1234567"
    visitor.screenshot("callback-wrong-number")
    for _ in range(7):
        visitor.tap("key_erase")
    for digit in "057188881234":  # a landline with its area code is fine
        visitor.tap(f"key_{digit}")
    visitor.tap("nextButton")
    assert visitor.find("consentButton")


def _fill_the_disk(database: Database, monkeypatch) -> Callable[[], None]:
    """Make the database file unable to grow (SQLite's own "database or disk is full"),
    first using up its free pages and the room in the outbox's last page. Returns what
    frees the space again."""
    with database.begin() as connection:
        n = 0
        while True:
            connection.execute(
                "INSERT INTO outbox (kind, item_uuid, payload, created_at, attempts) "
                "VALUES ('filler', ?, zeroblob(4000), '2026-01-01 00:00:00', 0)",
                (f"filler-{n}",),
            )
            n += 1
            if connection.execute("PRAGMA freelist_count").fetchone()[0] == 0 and n > 2:
                break
    with database.read() as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]

    def limited(path):
        connection = connect(path)
        connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection

    monkeypatch.setattr("kiosk.store.database.connect", limited)
    database.close()  # each thread connects again, limited

    def free_space() -> None:
        monkeypatch.setattr("kiosk.store.database.connect", connect)
        database.close()

    return free_space


def appeals_and_their_events(tmp_path) -> tuple[int, int]:
    with open_database(tmp_path / "data" / "kiosk.sqlite3").read() as connection:
        [(appeals,)] = connection.execute("SELECT count(*) FROM appeal")
        [(events,)] = connection.execute("SELECT count(*) FROM outbox WHERE kind = 'appeal'")
    return appeals, events


def test_a_full_disk_keeps_the_form_and_saves_nothing_then_saving_works(
    make_kiosk, qtbot, tmp_path, monkeypatch
):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    fill_appeal(kiosk, qtbot)
    free_space = _fill_the_disk(kiosk.backends.intake._service.database, monkeypatch)

    visitor.tap("submitButton")
    assert "存储空间已满" in visitor.text("submitProblem")
    assert visitor.find("formScreen_review")  # no receipt
    assert kiosk.backends.intake.property("text") == "路灯坏"
    assert kiosk.backends.intake.property("phone") == MOBILE
    visitor.screenshot("appeal-disk-full")
    assert appeals_and_their_events(tmp_path) == (0, 0)

    free_space()  # the technician frees some space
    visitor.tap("submitButton")
    assert visitor.find("receiptScreen")
    assert appeals_and_their_events(tmp_path) == (1, 1)


def test_a_half_filled_form_is_gone_from_screen_and_memory_when_the_visitor_walks_away(
    make_kiosk, qtbot, tmp_path
):
    kiosk = make_kiosk(**QUICK)
    visitor = kiosk.visitor
    field = _to_text_step(kiosk)
    visitor.tap(field)
    wait_for_keyboard(visitor, qtbot)
    visitor.type_pinyin("dian", "电")
    form = kiosk.backends.intake
    assert form.property("text") == "电" and form.property("category")

    with qtbot.waitSignal(kiosk.backends.idle.walkedAway, timeout=6000):
        pass
    stack = visitor.find("stack")
    qtbot.waitUntil(lambda: stack.property("depth") == 1)
    assert form.property("text") == "" and form.property("category") == ""
    visitor.tap("appealButton")
    visitor.tap("category_1")
    assert visitor.text("appealText") == ""
    assert appeals_and_their_events(tmp_path) == (0, 0)
