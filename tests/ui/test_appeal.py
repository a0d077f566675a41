# SPDX-License-Identifier: GPL-3.0-or-later
"""A visitor leaves an appeal at the kiosk, step by step, offline (issue 4)."""

from kiosk.domain.tracking import contact_check_matches, display
from kiosk.store.database import open_database
from kiosk.store.rows import AppealRow, OutboxItemRow, fetch
from tests.helpers.qt import decode_qr_codes

MOBILE = "13912345678"


def _check_of(tmp_path, code):
    with open_database(tmp_path / "data" / "kiosk.sqlite3").read() as connection:
        row = connection.execute(
            "SELECT contact_check FROM appeal WHERE tracking_code = ?", (code,)
        ).fetchone()
    return row[0] if row else None


def _tap_digits(visitor, digits):
    for digit in digits:
        visitor.tap(f"key_{digit}")


def wait_for_keyboard(visitor, qtbot):
    """The Pinyin keyboard is up and its letter keys laid out (it slides in)."""
    qtbot.waitUntil(lambda: visitor.keyboard_is_open() and "a" in visitor.keyboard_keys())


def fill_appeal(kiosk, qtbot, shots=None):
    """Home → category → text (Pinyin) → place → deputy → contact → consent → review."""
    visitor = kiosk.visitor

    def shot(name):
        if shots:
            visitor.screenshot(f"{shots}-{name}")

    visitor.tap("appealButton")
    shot("1-category")
    visitor.tap("category_0")  # 交通出行
    visitor.tap("appealText")
    wait_for_keyboard(visitor, qtbot)
    visitor.type_pinyin("lu", "路")
    visitor.type_pinyin("deng", "灯")
    visitor.type_pinyin("huai", "坏")
    assert "3 / 500" in visitor.text("textCounter")
    shot("2-text")
    visitor.tap("nextButton")
    shot("3-place")
    visitor.tap("block_0")
    visitor.tap("nextButton")
    shot("4-deputy")
    visitor.tap("chooseDeputy_demo-02")
    visitor.tap("nameField")
    wait_for_keyboard(visitor, qtbot)
    visitor.type_pinyin("zhang", "张")
    visitor.tap("doneTyping")
    qtbot.waitUntil(lambda: not visitor.keyboard_is_open())
    _tap_digits(visitor, MOBILE)
    shot("5-contact")
    visitor.tap("nextButton")
    shot("6-consent")
    visitor.tap("consentButton")
    shot("7-review")


def test_a_visitor_leaves_an_appeal_and_gets_a_receipt_saved_with_its_outbox_row(
    make_kiosk, qtbot, size, tmp_path
):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    label = "appeal-" + ("portrait" if size[1] > size[0] else "landscape")
    fill_appeal(kiosk, qtbot, shots=label)
    visitor.tap("submitButton")
    code_text = visitor.text("receiptCode")
    image = visitor.screenshot(f"{label}-8-receipt")
    assert "2026年11月26日" in visitor.text("replyBy")  # Monday + 3 working days

    with open_database(tmp_path / "data" / "kiosk.sqlite3").read() as connection:
        [appeal] = fetch(connection, AppealRow, "SELECT * FROM appeal")
        [item] = fetch(connection, OutboxItemRow, "SELECT * FROM outbox")
    assert display(appeal.tracking_code) == code_text
    assert (appeal.category, appeal.block, appeal.target_deputy_id) == (
        "交通出行",
        "文昌社区",
        "demo-02",
    )
    # The contact check is made after the receipt: salted argon2id, never the bare digits.
    qtbot.waitUntil(lambda: _check_of(tmp_path, appeal.tracking_code) is not None, timeout=20000)
    assert contact_check_matches(
        _check_of(tmp_path, appeal.tracking_code), appeal.tracking_code, "5678"
    )
    assert item.kind == "appeal" and item.item_uuid == appeal.uuid
    assert f"https://qinghe.example/p/{appeal.tracking_code}" in decode_qr_codes(image)
    # Sealed: nothing the visitor typed is in the clear anywhere in the file.
    raw = b"".join(p.read_bytes() for p in (tmp_path / "data").glob("kiosk.sqlite3*"))
    for secret in (MOBILE, "路灯坏", "张"):
        assert secret.encode() not in raw
