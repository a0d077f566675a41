# SPDX-License-Identifier: GPL-3.0-or-later
"""`kiosk --self-test` from source: a healthy demo kiosk passes; a damaged database or a
missing translation fails with a report that says what is wrong and what to do."""

import io
import re

from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.config import Config
from kiosk.selftest import glyph_cells_differ, run_self_test


def self_test(tmp_path, **settings) -> tuple[int, str]:
    config = Config(data_dir=tmp_path / "data", demo=True, fullscreen=False, **settings)
    out = io.StringIO()
    code = run_self_test(config, "test", tmp_path / "home.png", out=out)
    return code, out.getvalue()


def test_a_healthy_kiosk_passes_every_check(qapp, tmp_path):
    code, report = self_test(tmp_path)
    assert code == 0, report
    for name in ("database", "fonts", "translation", "interface", "home", "station data"):
        assert re.search(rf"\[ok  \] {name}:", report), report
    assert report.strip().endswith("All 10 checks passed.")
    image = QImage(str(tmp_path / "home.png"))
    assert image.width() == 1920 and image.height() == 1080


def test_a_damaged_database_fails_and_is_left_as_it_is(qapp, tmp_path):
    database = tmp_path / "data" / "kiosk.sqlite3"
    database.parent.mkdir()
    garbage = b"SQLite format 3\x00" + bytes(range(256)) * 64
    database.write_bytes(garbage)
    code, report = self_test(tmp_path)
    assert code == 1
    assert re.search(r"\[FAIL\] database: .*kiosk\.sqlite3 is damaged", report), report
    assert "moves it aside (kept) and starts clean at its next start" in report
    assert "FAILED: 1 of 9 checks (database)" in report
    assert database.read_bytes() == garbage  # the self-test only looks
    assert "[ok  ] home:" in report  # the screens still come up, from nothing


def test_a_language_without_a_translation_fails(qapp, tmp_path, monkeypatch):
    # zh_TW ships a translation now (issue 16): a build that lost its .qm files must fail.
    monkeypatch.setattr("kiosk.app.TRANSLATIONS_DIR", tmp_path / "no-translations")
    code, report = self_test(tmp_path, language="zh_TW")
    assert code == 1
    assert re.search(r"\[FAIL\] translation: .*kiosk_zh_TW\.qm is missing", report), report


def test_the_glyph_check_tells_boxes_from_glyphs():
    # The same hollow box eleven times: what a missing font draws. Cells 57 px wide, so each
    # grey row has padding; the check once read a freed image's bytes and saw eleven glyphs now
    # and again, so it is asked many times.
    cell = 57
    image = QImage(11 * cell, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#A31F1F"))
    painter = QPainter(image)
    painter.setPen(QColor("white"))
    for i in range(11):
        painter.drawRect(i * cell + 8, 12, 40, 56)
    painter.end()
    for _ in range(200):
        assert not glyph_cells_differ(image, (0, 0, 11 * cell, 80), 11)


def test_an_exception_logged_while_the_screens_come_up_fails_the_self_test(
    qapp, tmp_path, monkeypatch
):
    """As in a bundle missing kiosk.store.attendance: home shows, deputies cannot sign in."""
    import kiosk.services.desk

    class NotBundled:
        def __getattr__(self, name: str):
            raise ModuleNotFoundError("No module named 'kiosk.store.not_bundled'")

    self_test(tmp_path)  # a first start: seeds the station, home reads it next
    monkeypatch.setattr(kiosk.services.desk, "store", NotBundled())
    code, report = self_test(tmp_path)
    assert code == 1
    assert "[ok  ] home:" in report
    assert re.search(r"\[FAIL\] errors logged: \d+ during the self-test", report), report
    assert "No module named 'kiosk.store.not_bundled'" in report
