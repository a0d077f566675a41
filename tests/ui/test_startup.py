# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up shows the station read from the database's one row with plain sqlite3, then
opens (migrates) the database off the GUI thread."""

import os
import sqlite3
from contextlib import closing
from dataclasses import replace

from kiosk.demo import demo_snapshot
from kiosk.store.database import open_database
from kiosk.store.station import replace_station


def test_the_first_start_reads_the_database_and_leaves_no_copy(make_kiosk, tmp_path):
    old_copy = tmp_path / "data" / "station.json"  # what kiosks before 0008 kept
    old_copy.parent.mkdir(parents=True)
    old_copy.write_text("{}")
    kiosk = make_kiosk()
    assert kiosk.visitor.text("stationName") == "青禾街道人大代表联络站"
    assert not old_copy.exists()


def test_the_station_shown_before_the_first_frame_is_the_databases(make_kiosk, tmp_path, qtbot):
    make_kiosk().window.close()  # seeds the database
    renamed = demo_snapshot()
    renamed = replace(renamed, station=replace(renamed.station, name="新站名"))
    database = open_database(tmp_path / "data" / "kiosk.sqlite3")
    with database.begin() as connection:
        replace_station(connection, renamed)
    database.close()

    kiosk = make_kiosk()
    assert kiosk.backends.station.name == "新站名"  # before the first frame: no database open yet
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.ready)
    assert kiosk.visitor.text("stationName") == "新站名"


def test_the_database_opens_off_the_gui_thread_while_home_shows_the_copy(
    make_kiosk, qtbot, monkeypatch
):
    import threading

    import kiosk.app

    make_kiosk().window.close()  # seeds the database
    threads = []
    real_open_station = kiosk.app.open_station

    def open_station(config, shown):
        threads.append(threading.current_thread())
        return real_open_station(config, shown)

    monkeypatch.setattr(kiosk.app, "open_station", open_station)
    started = make_kiosk()
    assert started.visitor.text("stationName") == "青禾街道人大代表联络站"  # plain sqlite3
    qtbot.waitUntil(lambda: started.backends.sign_in.ready)  # deputies can sign in
    assert threads and threading.main_thread() not in threads


def test_start_up_reports_first_frame_home_complete_and_the_longest_stall(
    make_kiosk, qtbot, monkeypatch
):
    import kiosk.startup_report
    from kiosk.startup_report import StartupReport

    monkeypatch.setattr(kiosk.startup_report, "STALL_WINDOW_S", 0.5)
    make_kiosk().window.close()
    started = make_kiosk()
    lines = []
    StartupReport(
        started.window,
        lambda: started.backends.sign_in.ready,
        out=lambda text, flush: lines.append(text.split()),
    )
    started.window.update()
    qtbot.waitUntil(lambda: any(name == "gui-stall" for name, _ in lines), timeout=5000)
    names = [name for name, _ in lines]
    assert names == ["first-frame", "home-complete", "gui-stall-at", "gui-stall"]
    marks = dict(lines)
    assert float(marks["first-frame"]) <= float(marks["home-complete"])
    assert 0 <= float(marks["gui-stall"]) < 500


def test_the_scene_graph_backend_is_software_unless_the_technician_chose(monkeypatch):
    from kiosk.app import prepare_environment

    monkeypatch.delenv("QT_QUICK_BACKEND", raising=False)
    prepare_environment()
    assert os.environ["QT_QUICK_BACKEND"] == "software"
    monkeypatch.setenv("QT_QUICK_BACKEND", "rhi")
    prepare_environment()
    assert os.environ["QT_QUICK_BACKEND"] == "rhi"


def test_home_shows_who_is_present_and_the_connection_state_before_the_orm_opens(
    make_kiosk, qtbot, monkeypatch
):
    """Home's own facts come from a plain sqlite3 read: a deputy signed in before a restart is
    marked present and the connection state is drawn while the database is still opening
    (held here), and a tap meanwhile is answered."""
    import threading

    import kiosk.app
    from tests.helpers.desk import sign_in
    from tests.helpers.qt import descendants

    first = make_kiosk()
    sign_in(first, qtbot, "demo-06")  # on duty on the test's Monday
    first.close()
    first.window.close()

    release = threading.Event()
    real_open_station = kiosk.app.open_station

    def held_open_station(config, shown):
        assert release.wait(30)
        return real_open_station(config, shown)

    monkeypatch.setattr(kiosk.app, "open_station", held_open_station)
    started = make_kiosk()
    visitor = started.visitor

    def present() -> bool:
        tile = visitor.find("duty_demo-06")
        return any(item.property("present") is True for item in descendants(tile))

    def connection_state() -> list:
        if not visitor.shows("syncState"):
            return []
        return [item.property("text") for item in descendants(visitor.find("syncState"))]

    qtbot.waitUntil(present, timeout=5000)
    qtbot.waitUntil(lambda: "未登记到服务器" in connection_state(), timeout=5000)
    assert not started.backends.sign_in.ready  # the database's opening is still held
    visitor.screenshot("startup-home-before-orm")
    visitor.tap("findDeputyButton")  # a visitor's tap is answered meanwhile
    qtbot.waitUntil(lambda: visitor.shows("searchField"), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: started.backends.sign_in.ready, timeout=30000)


def test_a_kiosk_upgraded_from_a_0007_database_shows_its_station_without_a_pull(
    make_kiosk, tmp_path, qtbot, size
):
    """An older kiosk kept its station in tables (and station.json); the upgrade's first start
    migrates them into the one row and shows that station, not the demo's (its deputies' PIN
    hashes come along: tests/store/test_station.py)."""
    from kiosk.demo import DEMO_PIN_HASH
    from kiosk.store.database import upgrade
    from tests.store.test_station import _station_as_0007_kept_it

    ours = demo_snapshot()
    ours = replace(ours, station=replace(ours.station, name="升级前的联络站"))
    path = tmp_path / "data" / "kiosk.sqlite3"
    path.parent.mkdir(parents=True)
    upgrade(path, "0007_contact_checks")
    with closing(sqlite3.connect(path)) as connection, connection:
        _station_as_0007_kept_it(connection, ours, DEMO_PIN_HASH)

    kiosk = make_kiosk(size)
    assert kiosk.visitor.text("stationName") == "升级前的联络站"
    kiosk.visitor.screenshot("startup-upgraded-from-0007")
    qtbot.waitUntil(lambda: kiosk.backends.sign_in.ready)
    assert kiosk.backends.station.name == "升级前的联络站"


def test_a_qt_module_missing_from_the_early_load_is_named_in_the_log(
    qtbot, tmp_path, monkeypatch, caplog
):
    """The engine made with the application loads the Qt modules ahead of Main.qml
    (kiosk/qml/QtModules.qml). A module missing there (a bundle without it) is logged by name;
    the engine is still there to load Main.qml, which says which screen needs it."""
    import kiosk.app

    (tmp_path / "QtModules.qml").write_text(
        "import QtQuick\nimport QtQuick.NoSuchModule\nQtObject {}\n"
    )
    monkeypatch.setattr(kiosk.app, "QML_DIR", tmp_path)
    engine = kiosk.app.start_engine()
    qtbot.waitUntil(lambda: engine.qt_modules_status != "", timeout=10_000)
    assert engine.qt_modules_status == "Error"
    assert 'module "QtQuick.NoSuchModule" is not installed' in caplog.text
