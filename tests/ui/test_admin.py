# SPDX-License-Identifier: GPL-3.0-or-later
"""The technician's way in: five taps in home's top-left corner within 3 s, the admin PIN
(with a lockout that a restart does not reset), and the panel. And the visitors' way out,
closed: no closing, no shortcuts, no context menus."""

from datetime import timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtTest import QTest

from kiosk.app import lock_down
from kiosk.store.admin_pin import DEMO_ADMIN_PIN, hash_pin
from kiosk.store.database import open_database
from kiosk.store.sync_state import set_state
from kiosk.sync.policy import count_retry
from tests.helpers.qt import descendants


def corner_taps(kiosk, count, clock=None, gap=timedelta(0)):
    for _ in range(count):
        kiosk.visitor.settle()
        QTest.mouseClick(
            kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(20, 20)
        )
        if clock is not None:
            clock.now += gap


def enter_pin(visitor, pin):
    """Tap the digits and OK, and wait for the verdict (checked off the GUI thread)."""
    for digit in pin:
        visitor.tap(f"pinKey_{digit}")
    visitor.tap("pinKey_ok")
    visitor.qtbot.waitUntil(
        lambda: shows(visitor, "adminScreen") or "…" not in visitor.text("pinMessage"),
        timeout=10000,
    )


def shows(visitor, name) -> bool:
    visitor.settle()
    return any(
        i.objectName() == name and i.isVisible() for i in descendants(visitor.window.contentItem())
    )


def test_five_taps_in_the_corner_ask_for_the_pin_and_the_demo_pin_opens_the_panel(
    make_kiosk, size, qtbot
):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    corner_taps(kiosk, 4)
    assert not shows(visitor, "adminPinScreen")
    corner_taps(kiosk, 1)
    assert shows(visitor, "adminPinScreen")
    visitor.screenshot("admin-pin")

    enter_pin(visitor, DEMO_ADMIN_PIN)
    assert shows(visitor, "adminScreen")
    admin = kiosk.backends.admin
    qtbot.waitUntil(lambda: not admin.gathering and "log" in admin.diagnostics, timeout=15000)
    assert visitor.text("adminDatabase") == "完好"
    assert visitor.text("adminOutbox") == "待发送 0 · 已发送 0 · 已隔离 0"
    assert "未登记" in visitor.text("adminServer")
    assert "MB" in visitor.text("adminDisk")
    visitor.screenshot("admin-panel")


def test_the_panel_counts_sync_retries_by_cause(make_kiosk, qtbot, tmp_path):
    kiosk = make_kiosk()
    stored = None
    for cause in ("timeout", "timeout", "server_error", "cut_off"):
        stored = count_retry(stored, cause)
    with open_database(tmp_path / "data" / "kiosk.sqlite3").begin() as connection:
        set_state(connection, "retry_counts", stored)
    corner_taps(kiosk, 5)
    enter_pin(kiosk.visitor, DEMO_ADMIN_PIN)
    admin = kiosk.backends.admin
    qtbot.waitUntil(lambda: not admin.gathering and "log" in admin.diagnostics, timeout=15000)
    assert kiosk.visitor.text("adminRetries") == "连不上 0 · 超时 2 · 中断 1 · 服务器出错 1"


def test_slow_taps_do_not_count(make_kiosk, clock):
    kiosk = make_kiosk()
    corner_taps(kiosk, 5, clock, gap=timedelta(seconds=1))
    assert not shows(kiosk.visitor, "adminPinScreen")


def test_wrong_pins_lock_the_pad_and_a_restart_does_not_reset_it(make_kiosk, clock):
    kiosk = make_kiosk(admin_pin_hash=hash_pin("135790"))
    visitor = kiosk.visitor
    corner_taps(kiosk, 5)
    enter_pin(visitor, DEMO_ADMIN_PIN)  # a configured PIN replaces the demo's
    assert "还可再试 2 次" in visitor.text("pinMessage")
    enter_pin(visitor, "111111")
    enter_pin(visitor, "222222")
    assert "30 秒后再试" in visitor.text("pinMessage")
    visitor.screenshot("admin-pin-locked")
    kiosk.close()
    kiosk.window.close()

    again = make_kiosk(admin_pin_hash=hash_pin("135790"))
    corner_taps(again, 5)
    assert "秒后再试" in again.visitor.text("pinMessage")
    enter_pin(again.visitor, "135790")  # the pad ignores it while locked
    assert not shows(again.visitor, "adminScreen")
    clock.now += timedelta(seconds=31)
    again.backends.admin.refreshLock()
    enter_pin(again.visitor, "135790")
    assert shows(again.visitor, "adminScreen")


def test_the_language_switches_to_english_and_back(make_kiosk, qtbot):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    corner_taps(kiosk, 5)
    enter_pin(visitor, DEMO_ADMIN_PIN)
    visitor.tap("adminEnglish")
    qtbot.waitUntil(lambda: visitor.text("adminSyncNow") == "Sync now")
    visitor.tap("homeButton")
    assert visitor.text("findDeputyButton") == "Find a deputy"
    corner_taps(kiosk, 5)
    enter_pin(visitor, DEMO_ADMIN_PIN)
    visitor.tap("adminChinese")
    visitor.tap("homeButton")
    assert visitor.text("findDeputyButton") == "找代表"


def test_a_locked_down_kiosk_ignores_closing_shortcuts_and_context_menus(make_kiosk):
    kiosk = make_kiosk()
    lock_down(kiosk, cursor_hidden=False)
    window, visitor = kiosk.window, kiosk.visitor
    for key, modifier in (
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ):
        QTest.keyClick(window, key, modifier)
    window.close()  # what a window manager's Alt+F4 does
    assert window.isVisible()
    assert shows(visitor, "homeScreen")

    visitor.tap("findDeputyButton")
    field = visitor.find("searchField")
    centre = field.mapToScene(field.boundingRect().center()).toPoint()
    QTest.mouseClick(window, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, centre)
    menu_key = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, centre, window.mapToGlobal(centre)
    )
    QGuiApplication.sendEvent(window, menu_key)
    visitor.settle()
    # TextField's copy/paste menu opens as a popup window of its own (Qt 6.9+).
    popups = [w for w in QGuiApplication.topLevelWindows() if w is not window and w.isVisible()]
    assert popups == []


def test_full_screen_is_frameless_on_top_and_without_a_cursor(qapp, qtbot, tmp_path, clock):
    from kiosk.app import build_kiosk, show
    from kiosk.config import Config

    config = Config(data_dir=tmp_path / "data", demo=True)  # fullscreen, cursor hidden
    kiosk = build_kiosk(qapp, config, now=clock, sync=False)
    try:
        show(kiosk, config)
        qtbot.waitExposed(kiosk.window)
        flags = kiosk.window.flags()
        assert flags & Qt.WindowType.FramelessWindowHint
        assert flags & Qt.WindowType.WindowStaysOnTopHint
        assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
        kiosk.window.close()
        assert kiosk.window.isVisible()
    finally:
        QGuiApplication.restoreOverrideCursor()
        kiosk.close()
        kiosk.window.close()
        kiosk.engine.deleteLater()


def _open_panel(kiosk, qtbot):
    corner_taps(kiosk, 5)
    enter_pin(kiosk.visitor, DEMO_ADMIN_PIN)
    admin = kiosk.backends.admin
    qtbot.waitUntil(lambda: not admin.gathering and "log" in admin.diagnostics, timeout=15000)


def test_five_taps_on_the_corner_badge_itself_open_the_pin_pad(make_kiosk, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    for _ in range(5):
        visitor.tap("stationKindBadge")
    assert shows(visitor, "adminPinScreen")


def test_sync_now_on_a_kiosk_not_enrolled_says_so(make_kiosk, qtbot):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    _open_panel(kiosk, qtbot)
    visitor.tap("adminSyncNow")
    assert visitor.text("adminSyncNote") == "正在与服务器同步…"
    qtbot.waitUntil(lambda: "未登记" in visitor.text("adminSyncNote"), timeout=10000)


def test_sync_now_shows_the_new_pull_time_when_the_pull_is_done(make_kiosk, qtbot, tmp_path):
    from kiosk.store.database import open_database
    from kiosk.store.sync_state import set_state

    kiosk = make_kiosk()
    visitor = kiosk.visitor
    _open_panel(kiosk, qtbot)
    # An enrolled kiosk's worker, played by the test: it pulls when asked.
    kiosk.sync_thread.stop()
    kiosk.sync_thread = None
    sync = kiosk.backends.sync
    sync.set_state("online")

    def pull():
        with open_database(tmp_path / "data" / "kiosk.sqlite3").begin() as connection:
            set_state(connection, "last_pull", "2026-11-23T09:30:05")

    sync.syncNowRequested.connect(pull)
    visitor.tap("adminSyncNow")
    assert visitor.text("adminSyncNote") == "正在与服务器同步…"
    qtbot.waitUntil(lambda: "09:30:05" in visitor.text("adminSyncNote"), timeout=10000)
    assert "09:30:05" in visitor.text("adminSyncNote")
    assert visitor.find("adminSyncNow").isEnabled()
    visitor.screenshot("admin-synced")


def test_closing_the_kiosk_program_asks_first(make_kiosk, qtbot):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    _open_panel(kiosk, qtbot)
    quits = []
    QGuiApplication.instance().aboutToQuit.connect(lambda: quits.append(1))
    visitor.tap("adminExit")
    assert shows(visitor, "askDialog") and not quits
    visitor.screenshot("admin-exit-asked")
    visitor.tap("askStay")
    assert shows(visitor, "adminScreen")


def test_the_language_in_use_is_marked_not_filled_like_the_primary_action(make_kiosk, qtbot):
    kiosk = make_kiosk()
    _open_panel(kiosk, qtbot)
    chinese = kiosk.visitor.find("adminChinese")
    assert chinese.property("marked") and not chinese.property("selected")


def test_the_admin_pad_takes_as_many_digits_as_the_pin_rule_allows(make_kiosk):
    """kiosk.domain.pins: at most 12 digits (a 13th tap adds nothing)."""
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    corner_taps(kiosk, 5)
    for _ in range(13):
        visitor.tap("pinKey_1")
    assert visitor.text("pinDots") == "●" * 12
