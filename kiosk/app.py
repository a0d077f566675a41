# SPDX-License-Identifier: GPL-3.0-or-later
"""Wiring: fonts, translations, the database, the QML engine and its backends, the window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Qt, QThread, QTranslator, Slot
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.config import Config
from kiosk.domain.station import StationSnapshot
from kiosk.store.station_cache import read_station_cache, write_station_cache
from kiosk.ui.qrcodes import QrImageProvider
from kiosk.ui.station import Backends
from kiosk.ui.sync import Sync

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
QML_DIR = PACKAGE_DIR / "qml"
TRANSLATIONS_DIR = PACKAGE_DIR / "translations"


# From source: the repository's assets/; frozen (PyInstaller): bundled beside the package.
ASSETS_DIR = Path(getattr(sys, "_MEIPASS", PACKAGE_DIR.parent)) / "assets"
FONT_FILES = ("NotoSansCJKsc-Regular.subset.otf", "NotoSansCJKsc-Bold.subset.otf")


def prepare_environment() -> None:
    """Settings Qt reads once, before the application object exists."""
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")


def load_fonts() -> str:
    """Load the shipped CJK font (Regular and Bold) as the application's font; return its family.

    Without it a fresh machine shows Chinese as boxes (docs/fonts.md).
    """
    family = ""
    for name in FONT_FILES:
        path = ASSETS_DIR / "fonts" / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"cannot load the shipped font {path}")
        family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPixelSize(28)
    QGuiApplication.setFont(font)
    return family


def install_translation(app: QGuiApplication, language: str) -> QTranslator | None:
    """Use `language` for the UI strings and for dates, replacing any earlier choice."""
    for earlier in app.findChildren(QTranslator):
        app.removeTranslator(earlier)
        earlier.deleteLater()
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return None  # the source strings are English
    translator = QTranslator(app)
    if not translator.load(f"kiosk_{language}", str(TRANSLATIONS_DIR)):
        log.warning(
            "no compiled translation for %s in %s (run make translations)",
            language,
            TRANSLATIONS_DIR,
        )
        return None
    app.installTranslator(translator)
    return translator


class KioskEngine(QQmlApplicationEngine):
    """The QML engine, carrying the backends its singletons hand to QML."""

    def __init__(self, backends: Backends) -> None:
        super().__init__()
        self.backends = backends


@dataclass
class Kiosk:
    engine: KioskEngine
    window: QQuickWindow
    backends: Backends
    sync_thread: QThread | None = None

    def start_sync(self, config: Config) -> None:
        """Start the sync worker on its own thread (the database must be open already)."""
        from kiosk.sync.worker import SyncThread, SyncWorker

        worker = SyncWorker(
            config.database_path,
            config.photo_dir,
            config.station_cache_path,
            ca_bundle=config.server_ca_bundle,
            allow_plain_http=config.allow_plain_http,
        )
        connect_sync(worker, self.backends.sync)
        self.sync_thread = SyncThread(worker)
        self.sync_thread.start()

    def close(self) -> None:
        """Stop the sync thread (it finishes the request under way) before the engine goes."""
        self.backends.idle.stop()
        if self.sync_thread is not None:
            self.sync_thread.stop()
            self.sync_thread = None


def connect_sync(worker: QObject, sync: Sync) -> None:
    """The worker reports to the UI's Sync object, and takes "sync now" from it (queued)."""
    worker.stateChanged.connect(sync.set_state)
    worker.outboxChanged.connect(sync.set_counts)
    worker.snapshotApplied.connect(sync.apply_snapshot)
    sync.syncNowRequested.connect(worker.sync_now)


def open_station(
    config: Config,
    shown: StationSnapshot | None,
    on_open: Callable[[object], None] | None = None,
) -> StationSnapshot | None:
    """Open the database (migrating it, seeding the demo station) and read the station.

    Refreshes the quick-start copy when it differs from `shown`. The first call in a process
    imports SQLAlchemy (over half a second), which is why start-up shows the copy first.
    `on_open` receives the session factory (the forms save through it).
    """
    from kiosk.store.database import open_database
    from kiosk.store.station import load_station

    sessions = open_database(config.database_path)
    if on_open is not None:
        on_open(sessions)
    if config.demo:
        from kiosk.demo import seed_demo_station

        seed_demo_station(sessions, config.photo_dir)
    with sessions() as session:
        snapshot = load_station(session)
    if snapshot is not None and snapshot != shown:
        write_station_cache(config.station_cache_path, snapshot)
    return snapshot


class AfterFirstFrame(QObject):
    """Runs `task` once, on the GUI thread, after the window's first frame.

    frameSwapped comes from the render thread: the queued connection brings it here.
    """

    def __init__(self, window: QQuickWindow, task: Callable[[], None]) -> None:
        super().__init__(window)
        self._task: Callable[[], None] | None = task
        window.frameSwapped.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _run(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            self.parent().frameSwapped.disconnect(self._run)
            task()


def build_kiosk(
    app: QGuiApplication,
    config: Config,
    *,
    now: Callable[[], datetime] = datetime.now,
    sync: bool = True,
) -> Kiosk:
    """Load QML over the station's data and return the (not yet shown) window.

    The screens start from the quick-start copy of the station when there is one; the
    database is opened right after the first frame and its station replaces the copy.
    """
    load_fonts()
    install_translation(app, config.language)
    cached = read_station_cache(config.station_cache_path)
    backends = Backends(
        config.photo_dir,
        now,
        (config.idle_timeout_seconds, config.idle_prompt_seconds),
        demo=config.demo,
    )
    backends.show(
        cached if cached is not None else open_station(config, None, backends.use_database)
    )
    engine = KioskEngine(backends)
    engine.addImageProvider("qr", QrImageProvider())
    engine.addImageProvider("qrquick", QrImageProvider(mask_pattern=0))
    engine.addImportPath(str(QML_DIR))
    engine.loadFromModule("Kiosk", "Main")
    roots = engine.rootObjects()
    if not roots:
        raise RuntimeError("the QML interface failed to load (see the messages above)")
    window = roots[0]
    assert isinstance(window, QQuickWindow)
    window.installEventFilter(backends.idle)
    kiosk = Kiosk(engine, window, backends)

    def after_first_frame() -> None:
        try:
            if cached is not None:
                backends.show(open_station(config, cached, backends.use_database))
            if sync:
                kiosk.start_sync(config)
            # Start-up's objects (Qt, QML, SQLAlchemy) live as long as the kiosk: keep them out
            # of the collector's full passes, which hold every thread, the GUI's included.
            gc.freeze()
        except Exception:
            # The screens keep showing the copy; the technician finds the reason in the log.
            log.exception("cannot open the database %s", config.database_path)

    AfterFirstFrame(window, after_first_frame)
    return kiosk


def show(kiosk: Kiosk, config: Config) -> None:
    if config.fullscreen:
        kiosk.window.showFullScreen()
    else:
        kiosk.window.resize(config.width, config.height)
        kiosk.window.show()


def report_first_frame(window: QQuickWindow) -> None:
    """Print the wall-clock time of the first frame (bench/startup.py reads it)."""

    def on_frame() -> None:
        print(f"first-frame {time.time():.6f}", flush=True)
        window.frameSwapped.disconnect(on_frame)

    window.frameSwapped.connect(on_frame)


def start_logging(config: Config) -> None:
    """Log to logs/kiosk.log in the data folder (rotated) and warnings to stderr.

    Never log what a visitor typed: names, phone numbers and appeal text stay out of logs.
    """
    from logging.handlers import RotatingFileHandler

    config.log_dir.mkdir(parents=True, exist_ok=True)
    to_file = RotatingFileHandler(
        config.log_dir / "kiosk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    to_stderr = logging.StreamHandler()
    to_stderr.setLevel(logging.WARNING)
    logging.basicConfig(level=logging.INFO, handlers=[to_file, to_stderr])


def run(config: Config, argv: list[str]) -> int:
    start_logging(config)
    log.info(
        "starting (data in %s, language %s, demo %s)", config.data_dir, config.language, config.demo
    )
    prepare_environment()
    app = QGuiApplication(argv)
    app.setApplicationName("station-kiosk")
    kiosk = build_kiosk(app, config)
    if os.environ.get("KIOSK_REPORT_FIRST_FRAME"):
        report_first_frame(kiosk.window)
    show(kiosk, config)
    code = app.exec()
    kiosk.close()
    del kiosk  # the engine goes before the application
    return code
