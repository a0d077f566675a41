# SPDX-License-Identifier: GPL-3.0-or-later
"""How long the GUI thread is busy in one go while a deputy or a visitor saves something, with
100,000 appeals in the kiosk's database (the figures and the console's walk-ins read past them).

The real kiosk (demo station, offscreen, the clock on Monday 2026-11-23 09:30), driven by taps
on its screens. For each operation the GUI thread's own CPU time in its longest gap between
ticks of a 5 ms timer (bench/endurance.py StallWatch: other processes' load does not count)
from the tap until the screen shows the result and three frames more; median of 5 after a
warm-up run:

- ``gui_busy_sign_in_ms``: a duty deputy's PIN → the console
- ``gui_busy_record_ms``: 保存记录 on a reception record → the console again
- ``gui_busy_answer_ms``: 确认 on an appointment request → its new state
- ``gui_busy_sign_out_ms``: 签退 → home
- ``gui_busy_submit_ms``: 提交 on an appeal's review → the receipt

Run from a checkout: ``.venv/bin/python bench/gui_busy.py`` (the kiosk is imported from the
current folder: run it from an older checkout to measure that one).
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import statistics
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, os.getcwd() if Path("kiosk").is_dir() else str(BENCH.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

APPEALS = 100_000
RUNS = 5
NOW = datetime(2026, 11, 23, 9, 30)
ON_DUTY = "demo-06"


def seed(database: Path, count: int = APPEALS) -> None:
    """`count` appeals taken here earlier this month (the clock says 2026-11-23), written
    straight into the kiosk's database (tests/ui/test_console_responsive.py seeds with it too):
    what the figures count and the console's walk-ins read past."""
    start = datetime(2026, 11, 1)
    with sqlite3.connect(database) as connection:
        connection.executemany(
            "INSERT INTO appeal (uuid, tracking_code, station_id, category, block, sealed, "
            "created_at, state, request) VALUES (?, ?, 'demo-station', '交通出行', '文昌社区', "
            "x'00', ?, 'sent', 'appeal')",
            (
                (f"seed-{i}", f"S{i:08d}", str(start + timedelta(seconds=17 * i)))
                for i in range(count)
            ),
        )


def main() -> int:
    from PySide6.QtCore import Q_ARG, QEventLoop, QMetaObject, QPointF, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from kiosk.app import build_kiosk, prepare_environment, show
    from kiosk.config import Config
    from kiosk.demo import DEMO_PIN
    from kiosk.domain.appointments import Appointment
    from kiosk.domain.tracking import display
    from kiosk.journeys import fill_sample_appeal
    from kiosk.store.appointments import record_appointment
    from kiosk.store.database import open_database

    # After the kiosk's own imports: these put their own checkout first on sys.path.
    StallWatch = importlib.import_module("endurance").StallWatch  # noqa: N806
    submit = importlib.import_module("submit")
    visible, wait_frame = submit.visible, submit.wait_frame
    import kiosk.ui.sign_in

    print(f"# the kiosk from {Path(kiosk.ui.sign_in.__file__).parent.parent}")
    prepare_environment()
    app = QGuiApplication(["bench"])
    data = Path(tempfile.mkdtemp(prefix="kiosk-gui-busy-"))
    config = Config(data_dir=data, demo=True, fullscreen=False)
    kiosk = build_kiosk(app, config, now=lambda: NOW, sync=False)
    show(kiosk, config)
    window, form = kiosk.window, kiosk.backends.intake
    sign_in, console = kiosk.backends.sign_in, kiosk.backends.console

    def wait(until, timeout_ms: int = 20_000) -> None:
        loop = QEventLoop()
        poll = QTimer(interval=5)
        poll.timeout.connect(lambda: until() and loop.quit())
        poll.start()
        QTimer.singleShot(timeout_ms, loop.quit)
        if not until():
            loop.exec()
        poll.stop()

    wait(lambda: sign_in.property("ready"))
    seed(config.database_path)
    database = open_database(config.database_path)

    def asked(run: int) -> str:
        """A visitor's request to the duty deputy, listed first (the earliest made)."""
        made = NOW.astimezone() - timedelta(hours=run + 1)
        appointment = Appointment.new(ON_DUTY, NOW.date(), "demo-weekly", made)
        with database.begin() as connection:
            record_appointment(connection, appointment, b"sealed", "check")
        return appointment.code

    stack = visible(window, "stack")

    def screen() -> str:  # cheap: no walk through the items (the watch would count it)
        return stack.property("currentItem").objectName()

    def state(code: str) -> str:
        rows = kiosk.backends.appointments.requests.rows()
        return next((r["requestState"] for r in rows if r["key"] == code), "")

    def call(name: str, *args: str) -> None:
        QMetaObject.invokeMethod(window, name, *(Q_ARG("QVariant", a) for a in args))

    def tapped(name: str, done) -> float:
        """Tap `name`, wait for `done()` and three frames: the GUI thread's busiest gap."""
        wait_frame(window)
        item = visible(window, name)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        watch = StallWatch()
        watch.start()
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        wait(done)
        for _ in range(3):
            wait_frame(window)
        watch.stop()
        if not done():
            raise SystemExit(f"{name}: the screen never showed the result")
        return watch.longest_cpu_ms

    busy: dict[str, list[float]] = {
        k: [] for k in ("sign_in", "record", "answer", "sign_out", "submit")
    }
    for run in range(RUNS + 1):
        code = asked(run)
        call("showDeputySignIn")
        wait_frame(window)
        sign_in.choose(ON_DUTY)
        wait(lambda: not sign_in.busy)
        for digit in DEMO_PIN:
            key = visible(window, f"pinKey_{digit}")
            centre = key.mapToScene(QPointF(key.width() / 2, key.height() / 2)).toPoint()
            QTest.mouseClick(
                window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
            )
        busy["sign_in"].append(tapped("pinOk", lambda: screen() == "deputyConsoleScreen"))

        call("showReceptionRecord")
        wait_frame(window)
        visible(window, "topicField").setProperty("text", "加装电梯")
        records = console.property("recordsToday")
        busy["record"].append(
            tapped(
                "saveRecordButton",
                lambda records=records: (
                    screen() == "deputyConsoleScreen"
                    and console.property("recordsToday") == records + 1
                ),
            )
        )
        busy["answer"].append(
            tapped(f"confirm_{display(code)}", lambda code=code: state(code) == "confirmed")
        )
        busy["sign_out"].append(tapped("signOutButton", lambda: screen() == "homeScreen"))

        call("startForm", "appeal")
        fill_sample_appeal(form, "交通出行", f"第{run}号：路口红绿灯坏了")
        call("showForm", "review")
        busy["submit"].append(tapped("submitButton", lambda: screen() == "receiptScreen"))
        call("showHome")
    for name, values in busy.items():
        print(f"gui_busy_{name}_ms: {statistics.median(values[1:]):.1f} ms")
    load = os.getloadavg()[0]
    print(f"# machine load (1 min): {load:.2f} on {os.cpu_count()} cores")
    kiosk.close()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
