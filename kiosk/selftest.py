# SPDX-License-Identifier: GPL-3.0-or-later
"""`kiosk --self-test`: what a technician runs to see whether this kiosk can work.

Checks, in order: the configuration and the data folder, the database (SQLite's integrity
check, read-only: the self-test never changes or moves it), the shipped fonts (they load and
draw Chinese), the translation, the QML interface (loads without a warning), the first frame
of home (the station's name drawn as glyphs, not boxes), the station's data from the database
(what deputies need to sign in), the Pinyin keyboard, and that no error was logged meanwhile
(a logged exception fails the self-test even when the screens came up). Prints one
line per check and exits non-zero when any failed. Renders offscreen unless QT_QPA_PLATFORM
says otherwise: it checks the program, not the screen, and shows nothing to visitors.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from kiosk import __version__
from kiosk.config import Config

# Characters every screen needs: the shipped font must draw them.
SAMPLE_TEXT = "人大代表联络站找代表反映问题查询进度站点介绍今日值班"
FIRST_FRAME_TIMEOUT_MS = 30_000
# Harmless messages from Qt itself (the same as in pyproject's qt_log_ignore, and why).
_HARMLESS = re.compile(
    r"Couldn't (load|resolve) pipewire-0\.3"  # no PipeWire: the keyboard's key sounds
    r"|PinyinDecoderService::init\(\): creating directory"  # its learning dictionary
    r"|overrides a member of the base object"  # Qt's own PopupList
)


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


@dataclass
class Report:
    checks: list[Check] = field(default_factory=list)
    out: TextIO = sys.stdout

    def add(self, name: str, ok: bool, detail: str) -> bool:
        self.checks.append(Check(name, ok, detail))
        mark = "ok  " if ok else "FAIL"
        lines = detail.splitlines() or [""]
        print(f"  [{mark}] {name}: {lines[0]}", file=self.out)
        for line in lines[1:]:
            print(f"         {line}", file=self.out)
        self.out.flush()
        return ok

    @property
    def failed(self) -> list[Check]:
        return [check for check in self.checks if not check.ok]


def check_data_folder(config: Config) -> tuple[bool, str]:
    try:
        config.data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=config.data_dir, prefix=".self-test-"):
            pass
    except OSError as error:
        return False, f"data folder {config.data_dir} is not writable: {error.strerror}"
    free = shutil.disk_usage(config.data_dir).free
    return True, f"data in {config.data_dir} ({free / 1e9:.1f} GB free)"


def check_database(path: Path) -> tuple[bool, str]:
    """Read-only: SQLite's integrity check and the schema version."""
    from kiosk.store.database import SCHEMA_HEAD

    if not path.exists():
        return True, f"{path.name} does not exist yet (made at the first start)"
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as error:
        return False, f"{path} cannot be opened: {error}"
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            return False, (
                f"{path} is damaged: {'; '.join(problems[:3])}\n"
                "the kiosk moves it aside (kept) and starts clean at its next start"
            )
        has_version = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        row = (
            connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if (has_version)
            else None
        )
    except sqlite3.Error as error:
        return False, (
            f"{path} is damaged: {error}\n"
            "the kiosk moves it aside (kept) and starts clean at its next start"
        )
    finally:
        connection.close()
    revision = row[0] if row else "none"
    upgrade = "" if revision == SCHEMA_HEAD else f", upgraded to {SCHEMA_HEAD} at the next start"
    size = path.stat().st_size / 1e6
    return True, f"{path.name} intact ({size:.1f} MB, schema {revision}{upgrade})"


def check_fonts() -> tuple[bool, str]:
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from kiosk.app import ASSETS_DIR, FONT_FILES

    loaded = []
    for name in FONT_FILES:
        path = ASSETS_DIR / "fonts" / name
        if not path.is_file():
            return False, f"the font file {path} is missing: Chinese would show as boxes"
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            return False, f"the font file {path} cannot be loaded (damaged?)"
        family = QFontDatabase.applicationFontFamilies(font_id)[0]
        metrics = QFontMetrics(QFont(family))
        missing = [c for c in SAMPLE_TEXT if not metrics.inFontUcs4(ord(c))]
        if missing:
            return False, f"{name} lacks the characters {''.join(missing)}"
        loaded.append(name)
    return True, f"{', '.join(loaded)} load and draw Chinese"


def check_translation(app, language: str) -> tuple[bool, str]:
    from PySide6.QtCore import QCoreApplication

    from kiosk.app import TRANSLATIONS_DIR, install_translation

    if language == "en":
        install_translation(app, language)
        return True, "English (the source text; nothing to load)"
    path = TRANSLATIONS_DIR / f"kiosk_{language}.qm"
    if not path.is_file():
        return False, f"{path} is missing (build it with make translations)"
    if install_translation(app, language) is None:
        return False, f"{path} cannot be loaded"
    source = "Find a deputy"
    translated = QCoreApplication.translate("HomeScreen", source)
    if translated == source:
        return False, f"{path} loads but does not translate the home screen"
    return True, f"{language}: {path.name} ({source} → {translated})"


def _wait(app, done: Callable[[], bool], timeout_ms: int) -> bool:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(timeout_ms)
    while not done():
        if deadline.hasExpired():
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    return True


def _items(window):
    found, todo = [], [window.contentItem()]
    while todo:
        item = todo.pop()
        found.append(item)
        todo.extend(item.childItems())
    return found


def _named(window, name: str):
    return next(
        (i for i in _items(window) if i.objectName() == name and i.isVisible()),
        None,
    )


def glyph_cells_differ(image, rect: tuple[int, int, int, int], characters: int) -> bool:
    """Whether the text drawn in `rect` (x, y, width, height) of `image` is real glyphs.

    CJK glyphs are one em wide, so the text cuts into one cell per character; a missing glyph
    is always the same hollow box (or nothing), real glyphs all differ.
    """
    from kiosk.ui.printing import grey_bytes

    x, y, width, height = rect
    cell = width / characters
    seen = set()
    for i in range(characters):
        part = image.copy(int(x + i * cell), y, int(cell), height)
        seen.add(grey_bytes(part))
    return len(seen) == characters


def run_self_test(
    config: Config,
    config_source: str,
    screenshot: Path | None = None,
    out: TextIO = sys.stdout,
) -> int:
    """Run every check, print the report, return the exit status (0: all passed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report = Report(out=out)
    errors = ErrorsLogged()
    with errors:
        _run_checks(config, config_source, screenshot, report)
    report.add(
        "errors logged",
        not errors.seen,
        "none during the self-test"
        if not errors.seen
        else f"{len(errors.seen)} during the self-test:\n" + "\n".join(errors.seen[:10]),
    )
    if report.failed:
        names = ", ".join(check.name for check in report.failed)
        print(f"FAILED: {len(report.failed)} of {len(report.checks)} checks ({names})", file=out)
        return 1
    print(f"All {len(report.checks)} checks passed.", file=out)
    return 0


class ErrorsLogged(logging.Handler):
    """Every error logged and every exception left unhandled (a Qt slot's, a thread's) while
    it is active: any of them fails the self-test, even when the screens still came up (a
    module missing from the bundle is logged, and deputies then cannot sign in)."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = f"{record.name}: {record.getMessage()}"
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            text += f" ({type(error).__name__}: {error})"
        self.seen.append(text)

    def _unhandled(self, kind, error, _traceback) -> None:
        self.seen.append(f"unhandled {kind.__name__}: {error}")
        self._earlier_hook(kind, error, _traceback)

    def _thread_unhandled(self, arguments) -> None:
        self.seen.append(
            f"unhandled in a thread: {arguments.exc_type.__name__}: {arguments.exc_value}"
        )
        self._earlier_thread_hook(arguments)

    def __enter__(self) -> ErrorsLogged:
        import threading

        logging.getLogger().addHandler(self)
        self._earlier_hook, sys.excepthook = sys.excepthook, self._unhandled
        self._earlier_thread_hook, threading.excepthook = (
            threading.excepthook,
            self._thread_unhandled,
        )
        return self

    def __exit__(self, *exc) -> None:
        import threading

        logging.getLogger().removeHandler(self)
        sys.excepthook = self._earlier_hook
        threading.excepthook = self._earlier_thread_hook


def _run_checks(config: Config, config_source: str, screenshot, report: Report) -> None:
    out = report.out
    print(f"Station kiosk self-test, version {__version__}", file=out)
    report.add("configuration", True, config_source)
    report.add("data folder", *check_data_folder(config))
    database_ok = report.add("database", *check_database(config.database_path))

    from PySide6.QtGui import QGuiApplication

    from kiosk.app import prepare_environment

    prepare_environment()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    fonts_ok = report.add("fonts", *check_fonts())
    report.add("translation", *check_translation(app, config.language))
    _check_interface(app, config, database_ok, fonts_ok, screenshot, report)


def _warnings(kiosk) -> list[str]:
    return [text for text in kiosk.engine.qml_warnings if not _HARMLESS.search(text)]


def _check_interface(app, config, database_ok, fonts_ok, screenshot, report) -> None:
    from kiosk.app import build_kiosk

    # The window the configuration asks for, but never full screen: nothing is shown.
    config = replace(config, fullscreen=False)
    started = time.perf_counter()
    try:
        # A damaged database is left alone (the kiosk itself moves it aside at its start).
        kiosk = build_kiosk(app, config, sync=False, database=database_ok)
    except Exception as error:  # whatever stops QML from loading, the technician reads it
        report.add("interface", False, str(error))
        return
    try:
        if warnings := _warnings(kiosk):
            report.add("interface", False, "QML warnings:\n" + "\n".join(warnings[:10]))
        else:
            report.add("interface", True, "the QML module Kiosk loads without warnings")
        kiosk.engine.qml_warnings.clear()
        _check_first_frame(app, kiosk, config, started, fonts_ok, screenshot, report)
        if database_ok:
            _check_station_data(app, kiosk, report)
        _check_keyboard(app, kiosk, report)
    finally:
        kiosk.close()
        kiosk.window.close()
        # The engine goes now, at a known point, not whenever the collector meets it: the
        # keyboard's input context outlives engines and must not see one vanish mid-event.
        kiosk.engine.deleteLater()
        del kiosk
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _check_first_frame(app, kiosk, config, started, fonts_ok, screenshot, report) -> None:
    window = kiosk.window
    frames = []
    window.frameSwapped.connect(lambda: frames.append(time.perf_counter()))
    window.resize(config.width, config.height)
    window.show()
    if not _wait(app, lambda: len(frames) >= 2, FIRST_FRAME_TIMEOUT_MS):
        report.add("home", False, "no frame within 30 s: the window never rendered")
        return
    image = window.grabWindow()
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(screenshot))
    home = _named(window, "homeScreen")
    name = _named(window, "stationName")
    if home is None or name is None:
        report.add("home", False, "the first frame does not show the home screen")
        return
    text = name.property("text")
    width = int(name.property("contentWidth"))
    origin = name.mapToScene(name.boundingRect().topLeft())
    rect = (int(origin.x()), int(origin.y()), width, int(name.height()))
    drawn = glyph_cells_differ(image, rect, len(text))
    where = f"at {rect[0]},{rect[1]} {rect[2]}x{rect[3]}"
    saved = f"; screenshot {screenshot}" if screenshot else ""
    elapsed = (frames[0] - started) * 1000
    report.add(
        "home",
        drawn and fonts_ok,
        f"first frame {elapsed:.0f} ms after loading began; station name {text!r} {where}"
        + ("" if drawn else " draws as boxes, not glyphs")
        + saved,
    )


def _check_station_data(app, kiosk, report) -> None:
    """The database opens (on its own thread, after home appears) and the desk reads who is
    signed in from it: what duty deputies need to sign in."""
    sign_in, presence = kiosk.backends.sign_in, kiosk.backends.presence
    if not _wait(app, lambda: sign_in.ready, FIRST_FRAME_TIMEOUT_MS):
        report.add("station data", False, "the database did not open within 30 s (see the log)")
        return
    deputies = kiosk.backends.roster.deputies.rowCount()
    report.add(
        "station data",
        True,
        f"database open; {deputies} deputies; duty sign-in ready"
        f" ({len(presence.presentIds)} present)",
    )


def _check_keyboard(app, kiosk, report) -> None:
    """The Pinyin keyboard loads on a visitor's first tap in a text field: load it now."""
    loader = _named(kiosk.window, "keyboardLoader")
    if loader is None:
        report.add("keyboard", False, "the window has no keyboard loader")
        return
    loader.setProperty("active", True)
    loaded = _wait(app, lambda: _named(kiosk.window, "inputPanel") is not None, 10_000)
    if not loaded or _warnings(kiosk):
        lines = ["the Pinyin keyboard did not load", *_warnings(kiosk)[:10]]
        report.add("keyboard", False, "\n".join(lines))
        return
    report.add("keyboard", True, "the Pinyin keyboard (Qt Virtual Keyboard) loads")
