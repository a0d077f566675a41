# SPDX-License-Identifier: GPL-3.0-or-later
"""A running kiosk never loads SQLAlchemy, Alembic or asyncio (issue 12: ~27 MB of its PSS),
nor requests and urllib3 (~120 ms of its start, ~4 MB); the demo kiosk, which talks to no
server, not even ssl (libssl, libcrypto).

Its store is the standard library's sqlite3 (kiosk.store.database); Alembic, on SQLAlchemy,
is imported only to migrate a database whose schema is behind. Its HTTP client is the
standard library's http.client (kiosk.sync.client), imported at the first request.

Each kiosk here runs in a process of its own, on a database migrated beforehand by the test,
so that no other test's imports count: the demo kiosk with home complete, a sync cycle run
and a visitor's appeal saved; and an enrolled kiosk running the station's journeys against a
real central server (a deputy signs in and out, an appeal is saved and sent, the station
pulled).

    python -m tests.test_no_sqlalchemy demo|journeys <data dir>

runs one such kiosk and prints `modules <JSON list>`: the unwanted packages it had loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNWANTED = ("sqlalchemy", "alembic", "asyncio", "requests", "urllib3")
UNWANTED_IN_DEMO = (*UNWANTED, "ssl", "_ssl")
STEP_TIMEOUT_MS = 60_000


def loaded_unwanted(unwanted: tuple[str, ...] = UNWANTED) -> list[str]:
    """The unwanted packages this process has imported (any of their modules)."""
    return sorted({name.split(".")[0] for name in sys.modules} & set(unwanted))


def run_kiosk(mode: str, data_dir: Path) -> dict:
    """`mode`'s kiosk in a new interpreter: what it printed, and the unwanted modules."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.test_no_sqlalchemy", mode, str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = result.stdout.splitlines()
    found = [line.removeprefix("modules ") for line in lines if line.startswith("modules ")]
    assert result.returncode == 0 and found, result.stdout + result.stderr[-3000:]
    return {"output": result.stdout, "modules": json.loads(found[-1])}


def test_the_demo_kiosk_runs_without_sqlalchemy_asyncio_requests_or_ssl(tmp_path):
    from kiosk.demo import seed_demo_station
    from kiosk.store.database import open_database

    data = tmp_path / "data"
    data.mkdir()
    database = open_database(data / "kiosk.sqlite3")  # migrated here, not in the kiosk
    seed_demo_station(database, data / "photos")
    database.close()

    ran = run_kiosk("demo", data)
    assert "appeal saved" in ran["output"]
    assert ran["modules"] == []


def test_an_enrolled_kiosk_runs_its_journeys_without_sqlalchemy_asyncio_or_requests(tmp_path):
    from central.launch import running_central
    from kiosk.sync.enrolment import enrol

    data = tmp_path / "data"
    with running_central(tmp_path / "central") as server:
        output = server.cli("demo-station").stdout
        code = output.split("enrolment code for demo-station: ")[1].split()[0]
        enrol(data / "kiosk.sqlite3", server.url, code)  # migrates the new database here
        ran = run_kiosk("journeys", data)
    assert "All journeys passed." in ran["output"]
    assert ran["modules"] == []


# --- the kiosk's process ------------------------------------------------------------------------


def _demo(data_dir: Path) -> int:
    """The demo kiosk: home complete, a sync cycle, a visitor's appeal saved, another cycle."""
    from PySide6.QtCore import Q_ARG, QDeadlineTimer, QEventLoop, QMetaObject, QPointF, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from kiosk.app import build_kiosk, prepare_environment, show
    from kiosk.config import Config
    from kiosk.journeys import fill_sample_appeal
    from kiosk.startup_report import images_loaded

    prepare_environment()
    app = QGuiApplication(sys.argv[:1])
    config = Config(data_dir=data_dir, demo=True, fullscreen=False)
    kiosk = build_kiosk(app, config)
    show(kiosk, config)
    window, backends = kiosk.window, kiosk.backends

    def wait(what: str, done) -> None:
        deadline = QDeadlineTimer(STEP_TIMEOUT_MS)
        while not done():
            if deadline.hasExpired():
                raise SystemExit(f"not within {STEP_TIMEOUT_MS // 1000} s: {what}")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    def visible(name: str):
        found, todo = [], [window.contentItem()]
        while todo:
            item = todo.pop()
            if item.objectName() == name and item.isVisible():
                found.append(item)
            todo.extend(item.childItems())
        return found[-1] if found else None

    cycles: list[int] = []  # the worker reports its counts at the end of every cycle

    def a_sync_cycle() -> None:
        before = len(cycles)
        backends.sync.syncNow()
        wait("a sync cycle", lambda: len(cycles) > before)

    try:
        wait(
            "home complete, the database open",
            lambda: (
                backends.presence.presence_known
                and backends.sync.state != "starting"
                and backends.sign_in.ready
                and images_loaded(window)
            ),
        )
        print("home complete", flush=True)
        wait("the sync worker", lambda: kiosk.sync_thread is not None)
        kiosk.sync_thread.worker.outboxChanged.connect(lambda *counts: cycles.append(1))
        a_sync_cycle()

        form = backends.intake
        QMetaObject.invokeMethod(window, "startForm", Q_ARG("QVariant", "appeal"))
        fill_sample_appeal(form, form.property("categories")[0])
        QMetaObject.invokeMethod(window, "showForm", Q_ARG("QVariant", "review"))
        wait("the submit button", lambda: visible("submitButton") is not None)
        button = visible("submitButton")
        centre = button.mapToScene(QPointF(button.width() / 2, button.height() / 2))
        QTest.mouseClick(
            window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre.toPoint()
        )
        wait("the receipt", lambda: visible("receiptScreen") is not None)
        print(f"appeal saved: {form.property('code')}", flush=True)
        a_sync_cycle()  # the appeal is in the outbox now
    finally:
        kiosk.close()  # the sync thread stopped, the pool's work (the contact check) done
        window.close()
    return 0


def _journeys(data_dir: Path) -> int:
    from kiosk.config import Config
    from kiosk.journeys import run_journeys

    config = Config(data_dir=data_dir, fullscreen=False, width=1920, height=1080)
    return run_journeys(config, "demo-06")


def main(mode: str, data_dir: str) -> int:
    status = {"demo": _demo, "journeys": _journeys}[mode](Path(data_dir))
    unwanted = UNWANTED_IN_DEMO if mode == "demo" else UNWANTED
    print(f"modules {json.dumps(loaded_unwanted(unwanted))}", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
