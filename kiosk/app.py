# SPDX-License-Identifier: GPL-3.0-or-later
"""Wiring: fonts, translations, the database, the QML engine and its backends, the window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The kiosk's pure layers before Qt: once PySide6 is imported it reads the source of every
# module imported after it, looking for "PySide6" (its `__feature__` switch): from source,
# 20-40 ms of start-up for these and the standard library they use (docs/performance.md).
# The screens' domain modules are imported here for that reason only.
import kiosk.domain.appeals  # noqa: F401 (before Qt, see above)
import kiosk.domain.appointments  # noqa: F401
import kiosk.domain.attendance  # noqa: F401
import kiosk.domain.forms  # noqa: F401
import kiosk.store.admin_pin  # noqa: F401
from kiosk.config import Config
from kiosk.domain.station import StationSnapshot
from kiosk.domain.stationtime import station_zone, wall_clock
from kiosk.printer import PrinterSettings
from kiosk.store.disk import below_floor
from kiosk.store.station_read import read_station

# isort: split
from PySide6.QtCore import (
    QLocale,
    QObject,
    QThread,
    QTranslator,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine, QQmlComponent
from PySide6.QtQuick import QQuickWindow

from kiosk.ui.admin import Admin, Lockdown
from kiosk.ui.appointments import Appointments
from kiosk.ui.console import DutyConsole
from kiosk.ui.dates import use_time_zone
from kiosk.ui.firstframe import AfterFirstFrame
from kiosk.ui.idle import Idle
from kiosk.ui.intake import IntakeForm
from kiosk.ui.keyboard import forget_learned_words
from kiosk.ui.offthread import OffThread, wait_for_work
from kiosk.ui.presence import Presence
from kiosk.ui.printing import ReceiptPrinter
from kiosk.ui.progress import ProgressLookup
from kiosk.ui.qrcodes import QrImageProvider
from kiosk.ui.qtenums import (
    FRAMELESS_WINDOW_HINT,
    WINDOW,
    WINDOW_STAYS_ON_TOP_HINT,
    blank_cursor,
)
from kiosk.ui.reading import Reading
from kiosk.ui.rules import PinRules  # noqa: F401 (registers the QML singleton)
from kiosk.ui.schedule import ScheduleCalendar
from kiosk.ui.setup import Setup
from kiosk.ui.sign_in import SignIn
from kiosk.ui.speech import ReadAloud
from kiosk.ui.station import Clock, DayTurnover, Roster, Station
from kiosk.ui.sync import Sync

if TYPE_CHECKING:
    from kiosk.store.database import Database

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
    # Qt Quick's software renderer, chosen rather than left to the machine: with Mesa's OpenGL
    # on a kiosk PC Qt would pick OpenGL (1,272 ms to the first frame, 241 MB) over software
    # (~450 ms, ~110 MB); docs/decisions.md. A technician may set another (e.g. `rhi` where a
    # GPU measures better) in the service's environment.
    os.environ.setdefault("QT_QUICK_BACKEND", "software")


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


def switch_language(
    app: QGuiApplication, engine: QQmlApplicationEngine, backends: Backends, language: str
) -> None:
    """Show the running kiosk in `language`: QML's words, and the dates made in Python."""
    install_translation(app, language)
    engine.retranslate()
    backends.relabel()


class Backends:
    """The composition root: the backends of one QML engine, made before QML loads and handed
    to it by their `create` (kiosk/ui/singletons.py); the services (kiosk/services) once the
    database is open."""

    setup: Setup  # first-run enrolment (make_setup), and the admin panel (make_admin)
    admin: Admin

    def __init__(
        self,
        photo_dir: Path,
        now: Callable[[], datetime],
        idle_seconds: tuple[int, int] = (90, 15),
        demo: bool = False,
        language: str = "zh_CN",
        printer: PrinterSettings | None = None,
    ) -> None:
        self.demo = demo
        self._now = now
        self.clock = Clock(now)
        self.idle = Idle(*idle_seconds)
        self.station = Station(photo_dir)
        self.roster = Roster(photo_dir)
        self.sync = Sync(self.show)
        self.schedule = ScheduleCalendar(self.roster)
        # The duty desk: who is present, a deputy's console, its requests, the sign-in.
        deputies = self.roster.deputies.rows
        self.presence = Presence(now, deputies)
        self.console = DutyConsole(now, deputies, self.presence)
        self.appointments = Appointments(self.console, self.presence)
        self.sign_in = SignIn(now, deputies, self.presence, self.console)
        self.intake = IntakeForm()
        self.progress = ProgressLookup(now)
        self.reading = Reading(language)
        self.speech = ReadAloud()
        self.speech.language = lambda: self.reading.language
        self.printer = ReceiptPrinter(printer)
        # A visitor who walked away leaves nothing behind, on screen or in memory.
        self.idle.walkedAway.connect(self.intake.clear)
        self.idle.walkedAway.connect(self.progress.clear)
        self.idle.walkedAway.connect(self.reading.reset)
        self.idle.walkedAway.connect(self.speech.stop)
        self.idle.walkedAway.connect(self.printer.reset)
        self.intake.saved.connect(self.sync.syncNow)
        self.turnover = DayTurnover()
        self.clock.turned.connect(self._new_day)

    def show(self, snapshot: StationSnapshot | None) -> None:
        self.turnover.cancel()  # a day's rows still being worked out are the old station's
        self.station.show(snapshot)
        self.roster.show(snapshot, self.clock.today())
        self.schedule.show(snapshot, self.clock.today())
        self.presence.show(snapshot)
        self.console.refresh()  # requests made on phones arrive with the pull
        self.intake.show(snapshot)

    def use_database(self, database: Database, presence=None) -> None:
        """The local database is open: the forms can save and look up, deputies sign in
        (`presence`: what the desk shows, read already: kiosk.services.desk.read_presence).
        The services own the transactions; the screens' objects only call them."""
        from kiosk.services.desk import DutyDesk
        from kiosk.services.intake import Intake
        from kiosk.services.progress import Lookups
        from kiosk.ui.dates import station_zone_in_use

        self.intake.use_service(Intake(database, self.demo, self._now, station_zone_in_use))
        self.progress.use_service(Lookups(database))
        desk = DutyDesk(database, self.demo, self._now)
        self.presence.attach(desk, presence)
        self.console.attach(desk)
        self.sign_in.attach(desk)  # last: sign-in is ready once the rest is

    def use_demo_database(self, database: Database) -> None:
        """First run chose demo mode: the demo station's own database, sealed with the demo key."""
        self.demo = True
        self.use_database(database)

    def relabel(self) -> None:
        """The language changed: words made here (dates, weekdays) are made again, now."""
        self.turnover.cancel()
        self.clock.relabel()
        self.roster.show_day(self.clock.today())
        self.schedule.show(self.schedule.snapshot, self.clock.today())
        self.presence.show(self.roster.snapshot)
        self.console.refresh()

    def _new_day(self) -> None:
        """The date moved on: the day's rows are worked out off the GUI thread, then shown."""
        today = self.clock.today()
        snapshot = self.roster.snapshot
        month, selected = self.schedule.month_on(today)
        read_presence = self.presence.day_reader(snapshot, today)
        roster, schedule, presence, console = (
            self.roster,
            self.schedule,
            self.presence,
            self.console,
        )

        def work() -> Callable[[], None]:
            rows = roster.day_rows(snapshot, today)
            calendar = schedule.month_rows(snapshot, today, month, selected)
            presence_day = read_presence()

            def swap() -> None:
                roster.show_rows(rows)
                schedule.show_rows(snapshot, calendar)
                presence.show_day(presence_day)
                console.refresh()

            return swap

        def fallback() -> None:  # the work failed (logged): as before, on the GUI thread
            roster.show_day(today)
            schedule.show(snapshot, today)
            presence.show(snapshot)
            console.refresh()

        self.turnover.start(work, fallback)


class KioskEngine(QQmlApplicationEngine):
    """The QML engine, with the kiosk's QML module and image providers, carrying the backends
    its singletons hand to QML (set before it loads Main.qml)."""

    backends: Backends

    def __init__(self) -> None:
        super().__init__()
        self.qml_warnings: list[str] = []  # kept for the self-test (they also go to stderr)
        self.warnings.connect(self._note_warnings)
        self._qt_modules: QQmlComponent | None = None
        self.qt_modules_status = ""  # "Ready" once the early load is done, or "Error"
        # Set up here, before any loading starts: while QML's thread loads modules these
        # calls wait for it (addImportPath took 40 ms during the Qt modules' load).
        self.addImageProvider("qr", QrImageProvider())
        self.addImageProvider("qrquick", QrImageProvider(mask_pattern=0))
        self.addImportPath(str(QML_DIR))

    def start_loading_qt_modules(self) -> None:
        """Start loading, on QML's loader thread, the Qt Quick modules the kiosk's QML imports
        (qml/QtModules.qml): ~70 ms of plugin loading. Main.qml's load used to wait for it
        with the GUI thread idle; now it runs while the GUI thread makes the backends, and
        Main.qml's load waits only for what is left (docs/performance.md)."""
        self._qt_modules = QQmlComponent(
            self,
            QUrl.fromLocalFile(str(QML_DIR / "QtModules.qml")),
            QQmlComponent.CompilationMode.Asynchronous,
            self,  # the engine's child: it goes before the engine does
        )
        self._qt_modules.statusChanged.connect(self._qt_modules_loaded)

    @Slot()
    def _qt_modules_loaded(self) -> None:
        modules = self._qt_modules
        if modules is None or modules.isLoading():
            return
        self._qt_modules = None
        self.qt_modules_status = modules.status().name
        if modules.isError():
            # Main.qml's own load (or the keyboard's, in the self-test) says which screen needs
            # the missing module; this says which module.
            log.warning("a Qt module failed to load: %s", modules.errorString())
        modules.deleteLater()  # not now: it is emitting the signal that called this

    @Slot(list)
    def _note_warnings(self, errors: list) -> None:
        self.qml_warnings.extend(error.toString() for error in errors)


@dataclass
class Kiosk:
    engine: KioskEngine
    window: QQuickWindow
    backends: Backends
    sync_thread: QThread | None = None
    lockdown: Lockdown | None = None
    opener: InBackground | None = None
    closed: bool = False

    def start_sync(self, config: Config) -> None:
        """Start the sync worker on its own thread (the database must be open already)."""
        from kiosk.sync.policy import SyncTiming
        from kiosk.sync.worker import SyncThread, SyncWorker

        timing = SyncTiming(
            config.sync_poll_seconds,
            config.sync_first_retry_seconds,
            config.sync_longest_wait_seconds,
        )
        worker = SyncWorker(
            config.database_path,
            config.photo_dir,
            now=wall_clock(station_zone(config.time_zone)),  # naive times: the station's clock
            timing=timing,
            ca_bundle=config.server_ca_bundle,
            allow_plain_http=config.allow_plain_http,
        )
        connect_sync(worker, self.backends.sync)
        self.backends.progress.use_server(worker.look_up)
        self.sync_thread = SyncThread(worker)
        self.sync_thread.start()

    def close(self) -> None:
        """Stop the sync thread (it finishes the request under way) before the engine goes."""
        self.closed = True
        self.backends.idle.stop()
        if self.opener is not None:
            self.opener.wait(30)  # the database is not left half-migrated
        if self.lockdown is not None:
            self.lockdown.exit_allowed = True
        if self.sync_thread is not None:
            self.sync_thread.stop()
            self.sync_thread = None
        # The admin panel's checks and first-run enrolment run on the pool: let them end
        # (each has its own network timeouts) before the objects they report to go.
        wait_for_work(30_000)
        OffThread.forget_all()  # their answers are not shown: the screens are going


def connect_sync(worker: QObject, sync: Sync) -> None:
    """The worker reports to the UI's Sync object, and takes "sync now" from it (queued)."""
    worker.stateChanged.connect(sync.set_state)
    worker.outboxChanged.connect(sync.set_counts)
    worker.snapshotApplied.connect(sync.apply_snapshot)
    sync.syncNowRequested.connect(worker.sync_now)


def open_station(
    config: Config, shown: StationSnapshot | None
) -> tuple[StationSnapshot | None, Database]:
    """Open the database (replacing a damaged one, migrating it, seeding the demo station)
    and read the station.

    Checking the file for damage reads all of it, and a migration imports Alembic and
    SQLAlchemy (over half a second), which is why start-up reads the station with a plain
    read-only query first (kiosk.store.station_read) and opens the database after the first
    frame. `shown` is the station start-up read that way.
    """
    from kiosk.store.database import open_database
    from kiosk.store.recovery import recover_if_damaged
    from kiosk.store.station import load_station

    recover_if_damaged(
        config.database_path, datetime.now(), lambda: open_database(config.database_path)
    )
    database = open_database(config.database_path)
    if config.demo:
        from kiosk.demo import seed_demo_station

        seed_demo_station(database, config.photo_dir)
    # Kiosks before the station was stored once kept a copy here (kiosk.store.station).
    (config.data_dir / "station.json").unlink(missing_ok=True)
    with database.read() as connection:
        snapshot = load_station(connection)
    return snapshot, database


class InBackground(QObject):
    """Runs `work` on a thread of its own and hands its result to `done` on the GUI thread.

    Start-up opens, migrates and reads the database this way, so the GUI thread never waits
    on the disk (or on a migration): the screens fill in when the result arrives.
    `failed` gets the exception instead when `work` raises.
    """

    _finished = Signal(object, object)  # result, exception (from the worker thread, queued)

    def __init__(
        self,
        work: Callable[[], object],
        done: Callable[[object], None],
        failed: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._work, self._done, self._failed = work, done, failed
        # Queued: `_finished` is only emitted from the thread of `_run`, and this object lives
        # on the GUI thread (not named: Qt.ConnectionType builds PySide's `Qt` enums,
        # kiosk/ui/qtenums.py).
        self._finished.connect(self._deliver)
        self._thread: threading.Thread | None = None

    def start(self, name: str) -> None:
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # noqa: BLE001 (reported on the GUI thread)
            self._finished.emit(None, error)
        else:
            self._finished.emit(result, None)

    @Slot(object, object)
    def _deliver(self, result: object, error: object) -> None:
        if isinstance(error, BaseException):
            self._failed(error)
        else:
            self._done(result)


def warm_up_for_gui(sync: bool) -> None:
    """On the opening thread: import and compile what the GUI thread needs next, so that
    attaching the database and starting the sync worker there are quick (imports hold the
    interpreter for tens of ms)."""
    import qrcode  # noqa: F401 (deputy pages, receipts: kept off home's first frame)

    import kiosk.services.desk  # noqa: F401 (the duty desk: attendance, requests)
    import kiosk.services.intake  # noqa: F401
    import kiosk.services.progress  # noqa: F401

    if sync:
        import kiosk.sync.worker  # noqa: F401 (QtNetwork)


def settle_memory() -> None:
    """Start-up's objects (Qt, QML, the modules imported) live as long as the kiosk: keep
    them out of the collector's full passes, which hold every thread, the GUI's included. The
    collector was paused while they were made (`pause_collector`): a full pass in the middle
    of an import on the opening thread would have held the GUI thread too."""
    gc.freeze()
    gc.enable()


def pause_collector() -> None:
    gc.disable()


def make_admin(
    app: QGuiApplication,
    config: Config,
    backends: Backends,
    now: Callable[[], datetime],
    lockdown: Lockdown,
    engine: Callable[[], QQmlApplicationEngine],
    opened: threading.Event | None = None,
) -> Admin:
    """The admin panel's backend, with what it needs of the running kiosk. `opened` is set
    once start-up has opened (recovered, migrated) the database: the panel's checks wait for
    it rather than open a database still being migrated by another thread."""
    from kiosk.store.admin_pin import AdminPin

    def gather() -> dict:
        if opened is not None:
            opened.wait(60)
        # Imported when the panel first opens, on its pool thread: the server check stays off
        # the path to the first frame (docs/performance.md).
        from kiosk.sync.diagnostics import gather

        return gather(
            config.database_path,
            config.log_dir / "kiosk.log",
            config.server_url,
            config.server_ca_bundle,
            config.allow_plain_http,
        )

    def set_language(language: str) -> None:
        # The technician's choice is the station's language: visitors come back to it.
        backends.reading.default_language = language
        backends.reading.setLanguage(language)

    def exit_kiosk() -> None:
        lockdown.exit_allowed = True
        app.quit()

    return Admin(
        AdminPin(config.admin_pin_hash, config.admin_lockout_path, now, demo=config.demo),
        now,
        gather,
        station_name=lambda: backends.station.name,
        set_language=set_language,
        language=config.language,
        exit_kiosk=exit_kiosk,
    )


def make_setup(config: Config, backends: Backends, no_station: bool) -> Setup:
    """First-run enrolment, needed without a server, a station, an enrolment or --demo."""
    from dataclasses import replace

    needed = no_station and not config.demo and not config.server_url
    if needed:  # the database was opened already (no station copy)
        from kiosk.sync.enrolment import is_enrolled

        needed = not is_enrolled(config.database_path)

    def enrol_here(url: str, code: str) -> object:
        from kiosk.sync.enrolment import enrol

        return enrol(
            config.database_path,
            url,
            code,
            ca_bundle=config.server_ca_bundle,
            allow_plain_http=config.allow_plain_http,
        )

    def use_demo() -> None:
        # For this run: the demo station in its own folder, never in the real database.
        demo = replace(config, demo=True, data_dir=config.data_dir / "demo")
        snapshot, database = open_station(demo, None)
        backends.use_demo_database(database)
        backends.show(snapshot)

    return Setup(needed, enrol_here, use_demo, backends.sync.syncNow, config.server_url)


def build_kiosk(
    app: QGuiApplication,
    config: Config,
    *,
    now: Callable[[], datetime] = datetime.now,
    sync: bool = True,
    database: bool = True,
    engine: KioskEngine | None = None,
) -> Kiosk:
    """Load QML over the station's data and return the (not yet shown) window.

    The screens start from the station read from the database with a plain read-only query
    (a few ms); the database is checked, migrated if need be and opened on a thread of its own
    after the first frame (the GUI thread never waits on it). When the plain read finds no
    station (a new kiosk's first start, a database still at an older schema, a damaged one)
    the database is opened, migrated and read before the first frame.
    `database=False` (the self-test, with a damaged database) never opens it. `engine`: one
    made already (`start_engine`), else a new one.
    """
    pause_collector()  # until start-up is done (settle_memory)
    load_fonts()
    install_translation(app, config.language)
    forget_learned_words()
    use_time_zone(station_zone(config.time_zone))
    cached = read_station(config.database_path)
    backends = Backends(
        config.photo_dir,
        now,
        (config.idle_timeout_seconds, config.idle_prompt_seconds),
        demo=config.demo,
        language=config.language,
        printer=PrinterSettings.from_config(config),
    )
    backends.console.idle_timeout = timedelta(seconds=config.console_idle_seconds)
    backends.presence.closing_time = time_of_day.fromisoformat(config.closing_time)
    backends.intake.disk_low = lambda: below_floor(config.data_dir)
    first, first_database = cached, None
    if cached is None and database:
        first, first_database = open_station(config, None)
    backends.show(first)
    backends.setup = make_setup(config, backends, first is None and database)
    made: list[Kiosk] = []  # the kiosk, once QML has loaded

    def opened(result: tuple[Any, Any, Any]) -> None:
        if not made or made[0].closed:  # QML failed to load, or the kiosk closed already
            settle_memory()
            return
        fresh, opened_database, presence = result
        try:
            # A damaged database was replaced meanwhile: what could be salvaged of it.
            if fresh is not None and fresh != cached:
                backends.show(fresh)
            backends.use_database(opened_database, presence)
            if sync:
                made[0].start_sync(config)
        except Exception:
            # Home keeps showing; the log (and the self-test) say what broke.
            log.exception("cannot use the database %s", config.database_path)
        settle_memory()

    def not_opened(error: BaseException) -> None:
        # The screens keep showing the station read; the technician finds the reason in the log.
        log.error("cannot open the database %s", config.database_path, exc_info=error)
        backends.sync.set_state("starting")  # no worker will sync: say nothing about it
        settle_memory()

    def work() -> tuple:
        from kiosk.services.desk import read_presence

        try:
            fresh, opened_database = open_station(config, cached)
        finally:
            database_opened.set()
        # What the desk shows, read here: with 100,000 appeals the month's counts take tens
        # of ms, which the GUI thread would spend when the database is attached.
        presence = read_presence(opened_database, now().date())
        warm_up_for_gui(sync)
        return fresh, opened_database, presence

    def facts_read(facts: Any) -> None:
        if facts is None or not made or made[0].closed:
            return  # home waits for the database (a new or damaged one)
        backends.presence.show_presence(facts.signed_in)
        if sync:
            backends.sync.assume("syncing" if facts.enrolled else "not_enrolled")

    def read_facts() -> Any:
        from kiosk.store.home_facts import read_home_facts  # sqlite3: off the GUI thread too

        return read_home_facts(config.database_path)

    def facts_failed(error: BaseException) -> None:
        log.warning("cannot read who is present at start-up", exc_info=error)

    database_opened = threading.Event()  # recovered and migrated (or not to be opened)
    opener = None
    if first_database is None and database:
        # Home's own facts (who is present, enrolled or not) with a plain read-only query,
        # started before QML loads (a few ms). The database opens after the first frame: its
        # check (and a migration's imports) meanwhile would hold the disk and interpreter the
        # QML engine needs (docs/performance.md).
        InBackground(read_facts, facts_read, facts_failed, parent=app).start("home-facts")
        opener = InBackground(work, opened, not_opened, parent=app)
    lockdown = Lockdown()
    if opener is None:
        database_opened.set()
    qml = engine if engine is not None else KioskEngine()
    qml.backends = backends
    backends.admin = make_admin(app, config, backends, now, lockdown, lambda: qml, database_opened)
    backends.reading.switch_language = lambda language: switch_language(
        app, qml, backends, language
    )
    qml.loadFromModule("Kiosk", "Main")
    roots = qml.rootObjects()
    if not roots:
        reasons = "\n".join(qml.qml_warnings) or "see the messages above"
        raise RuntimeError(f"the QML interface failed to load:\n{reasons}")
    window = roots[0]
    assert isinstance(window, QQuickWindow)
    window.installEventFilter(backends.idle)
    window.installEventFilter(backends.admin)
    lockdown.setParent(window)
    kiosk = Kiosk(qml, window, backends, lockdown=lockdown, opener=opener)
    made.append(kiosk)
    backends.console.watch(window)

    if first_database is not None:  # opened before the first frame (the plain read found none)
        backends.use_database(first_database)
        if sync:

            def start_syncing() -> None:
                kiosk.start_sync(config)
                settle_memory()

            AfterFirstFrame(window, start_syncing)
        else:
            settle_memory()
    elif opener is None:
        settle_memory()
    else:

        def open_after_first_frame() -> None:
            if kiosk.closed:
                database_opened.set()
                settle_memory()  # the collector was paused for the opening
            else:
                opener.start("open-database")

        AfterFirstFrame(window, open_after_first_frame)
    return kiosk


def lock_down(kiosk: Kiosk, cursor_hidden: bool) -> None:
    """Full-screen kiosk mode: frameless, on top, no way out for a visitor (ui/admin.py)."""
    window = kiosk.window
    # Qt.WindowType.Window | FramelessWindowHint | WindowStaysOnTopHint, without naming
    # PySide's `Qt` before the first frame (kiosk/ui/qtenums.py).
    window.setProperty("flags", WINDOW | FRAMELESS_WINDOW_HINT | WINDOW_STAYS_ON_TOP_HINT)
    if kiosk.lockdown is not None:
        window.installEventFilter(kiosk.lockdown)
    if cursor_hidden:
        QGuiApplication.setOverrideCursor(blank_cursor())


def show(kiosk: Kiosk, config: Config) -> None:
    if config.fullscreen:
        lock_down(kiosk, config.cursor_hidden)
        kiosk.window.showFullScreen()
    else:
        if config.cursor_hidden:
            QGuiApplication.setOverrideCursor(blank_cursor())
        kiosk.window.resize(config.width, config.height)
        kiosk.window.show()


def report_startup(kiosk: Kiosk, sync: bool = True) -> None:
    """Print the first frame, home complete and the longest GUI stall (bench/startup.py)."""
    from kiosk.startup_report import StartupReport

    backends = kiosk.backends

    def home_ready() -> bool:
        return backends.presence.presence_known and (not sync or backends.sync.state != "starting")

    StartupReport(kiosk.window, home_ready)

    def database_ready() -> None:  # sign-in and the forms work from now on
        if backends.sign_in.ready:
            backends.sign_in.changed.disconnect(database_ready)
            print(f"database-ready {time.time():.6f}", flush=True)

    backends.sign_in.changed.connect(database_ready)


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


def start_engine() -> KioskEngine:
    """The QML engine, made as soon as the application is, so that the Qt modules load while
    the rest of start-up runs. Not before this module is imported: with PySide 6.11.3 a QML
    singleton registered once any engine exists (the backends register on import, kiosk.ui)
    breaks every later load (docs/decisions.md)."""
    engine = KioskEngine()
    engine.start_loading_qt_modules()
    return engine


def run(config: Config, argv: list[str]) -> int:
    prepare_environment()
    app = QGuiApplication(argv)
    app.setApplicationName("station-kiosk")
    engine = start_engine()
    start_logging(config)
    log.info(
        "starting (data in %s, language %s, demo %s)", config.data_dir, config.language, config.demo
    )
    # The station's wall clock, not the PC's: a PC set to UTC still shows China time.
    kiosk = build_kiosk(app, config, now=wall_clock(station_zone(config.time_zone)), engine=engine)
    if os.environ.get("KIOSK_REPORT_FIRST_FRAME"):
        report_startup(kiosk)
    from kiosk.watchdog import Watchdog

    watchdog = Watchdog(kiosk.window)  # systemd: READY=1 after the first frame, then pings
    show(kiosk, config)
    code = app.exec()
    watchdog.stop()
    kiosk.close()
    del kiosk  # the engine goes before the application
    return code
