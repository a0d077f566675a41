# SPDX-License-Identifier: GPL-3.0-or-later
"""Test-wide setup: real Qt offscreen, only the fonts the kiosk ships, a private Pinyin folder."""

import os
import tempfile
from pathlib import Path

import pytest

_SCRATCH = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))

# Before Qt starts (this file is imported before any test module).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
# The Pinyin engine learns into $XDG_CONFIG_HOME: keep it out of the user's home.
os.environ["XDG_CONFIG_HOME"] = str(_SCRATCH / "config")
# A fontconfig that knows no system fonts: Chinese must render with the font the kiosk ships,
# as on a fresh machine, even where the machine has CJK fonts installed.
_FONTS_CONF = _SCRATCH / "fonts.conf"
_FONTS_CONF.write_text(
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
    f"<fontconfig><cachedir>{_SCRATCH / 'fontconfig-cache'}</cachedir></fontconfig>\n",
    encoding="utf-8",
)
os.environ["FONTCONFIG_FILE"] = str(_FONTS_CONF)
# 朗读 speaks through Qt's mock engine: the speech daemon can hang without an audio device.
os.environ.setdefault("KIOSK_SPEECH_ENGINE", "mock")


@pytest.fixture(scope="session")
def qapp_cls():
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication


# The real kiosk, built as a visitor meets it (used by tests/ui and tests/e2e). Imported after
# the environment above is set, so that nothing of Qt's starts without it.
from datetime import datetime  # noqa: E402

from central.launch import CentralServer  # noqa: E402
from kiosk.app import build_kiosk  # noqa: E402
from kiosk.config import Config  # noqa: E402
from tests.helpers.qt import Visitor  # noqa: E402

# Admin commands (`server.cli(...)`) run in the test's own process: the same `central.cli.main`
# without a new interpreter's second of imports. `central_command` still runs one as a process
# (tests/central/cli/test_cli.py).
CentralServer.commands_in_process = True

LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
# A Monday with a reception day (2026-11-23): two deputies of the rotation are on duty.
MONDAY_MORNING = datetime(2026, 11, 23, 9, 30)


class FakeClock:
    """The wall clock is a boundary we do not control: tests set the time."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return FakeClock(MONDAY_MORNING)


@pytest.fixture
def make_kiosk(qapp, qtbot, tmp_path, clock):
    """Build the real kiosk on the demo station in a window of the given size, shown."""
    made = []

    def make(size=LANDSCAPE, language="zh_CN", **settings):
        width, height = size
        config = Config(
            data_dir=tmp_path / "data",
            demo=True,
            fullscreen=False,
            width=width,
            height=height,
            language=language,
            **settings,
        )
        kiosk = build_kiosk(qapp, config, now=clock)
        made.append(kiosk)
        kiosk.window.resize(width, height)
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        kiosk.visitor = Visitor(qtbot, kiosk.window)
        return kiosk

    yield make
    # The input method is the application's, not the window's: the next test starts with it hidden.
    qapp.inputMethod().hide()
    for kiosk in made:
        kiosk.close()
        kiosk.window.close()
        kiosk.engine.deleteLater()


@pytest.fixture(params=[LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def size(request):
    return request.param


# PostgreSQL for the central tests (tests/helpers/postgres.py): one throwaway cluster per test
# process, started when a test first asks for it, and a migrated template to copy databases from.
import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402

from central.core.config import DATABASE_FILE, Settings  # noqa: E402
from central.core.db import Database, open_database  # noqa: E402
from tests.helpers.postgres import PostgresCluster, engines_under_test  # noqa: E402


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    cluster = PostgresCluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def postgres_template(postgres, tmp_path_factory) -> str:
    """The name of a database migrated to the newest schema, to copy (never opened after)."""
    url = postgres.create_database("migrated")
    open_database(Settings(data_dir=tmp_path_factory.mktemp("pg"), database_url=url)).dispose()
    return "migrated"


# The engines the service and API tests run on (docs/testing.md): each such test runs once on
# SQLite and once on PostgreSQL; CENTRAL_TEST_ENGINES=sqlite leaves PostgreSQL out.
ENGINES = engines_under_test()


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def migrated(tmp_path_factory) -> Path:
    """A migrated empty SQLite database, copied for each test (Alembic costs a second a time)."""
    folder = tmp_path_factory.mktemp("migrated")
    open_database(Settings(data_dir=folder)).dispose()
    return folder / DATABASE_FILE


@pytest.fixture
def fresh_settings(engine, tmp_path, request) -> Settings:
    """Settings naming an empty, migrated database of this test's own on `engine`."""
    if engine == "sqlite":
        shutil.copy(request.getfixturevalue("migrated"), tmp_path / DATABASE_FILE)
        return Settings(data_dir=tmp_path)
    template = request.getfixturevalue("postgres_template")
    url = request.getfixturevalue("postgres").copy_of(template)
    return Settings(data_dir=tmp_path, database_url=url)


@pytest.fixture
def fresh_database(fresh_settings) -> Iterator[Database]:
    """The service layer's sessions on `fresh_settings`, closed after the test."""
    database = open_database(fresh_settings)
    try:
        yield database
    finally:
        database.dispose()
