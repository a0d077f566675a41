# SPDX-License-Identifier: GPL-3.0-or-later
"""10,000 queued appeals to a local central server, and how long the GUI thread ever stalls.

Each run: a fresh `python -m central serve` on 127.0.0.1 (SQLite, the demo station), a fresh
kiosk database enrolled with it, 10,000 sealed appeals queued in its outbox; then the real
SyncWorker on its own thread pushes them (batches of 200) while a 5 ms QTimer on the GUI
thread (offscreen QGuiApplication) records the longest gap between its ticks, minus 5 ms.
The time runs from the thread's start to the first report of an empty outbox. Median of 5.
Before the clock starts, the start-up heap is frozen (gc.freeze), as the kiosk does.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication

from central.launch import running_central
from kiosk.domain.appeals import Appeal
from kiosk.store.appeals import record_appeal
from kiosk.store.database import open_database
from kiosk.store.sealing import seal
from kiosk.sync.enrolment import enrol
from kiosk.sync.worker import SyncThread, SyncWorker

APPEALS = 10_000
RUNS = 5
TICK_MS = 5
CHINA = timezone(timedelta(hours=8))


def queue(database_path: Path, count: int) -> None:
    database = open_database(database_path)
    with database.read() as connection:
        (key,) = connection.execute("SELECT server_public_key FROM enrolment").fetchone()
    with database.begin() as connection:
        for i in range(count):
            appeal = Appeal.new("demo-station", "交通出行", datetime.now(CHINA), block="文昌社区")
            personal = {
                "name": f"访客{i}",
                "mobile": f"138{i:08d}",
                "text": "路灯坏了",
                "address": "",
                "consent": True,
            }
            record_appeal(connection, appeal, seal(key, personal))
    database.close()


class Finish(QObject):
    """Ends the run on the GUI thread when the worker reports an empty outbox."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__()
        self.app = app
        self.started = 0.0
        self.after: float | None = None

    @Slot(int, int, int)
    def counted(self, pending: int, sent: int, quarantined: int) -> None:
        if pending == 0 and self.after is None:
            self.after = time.perf_counter() - self.started
            if sent != APPEALS or quarantined:
                print(f"sent {sent}, quarantined {quarantined}", file=sys.stderr)
                self.app.exit(1)
            self.app.quit()


def one_run(app: QGuiApplication, scratch: Path) -> tuple[float, float]:
    with running_central(scratch / "central") as server:
        output = server.cli("demo-station").stdout
        code = output.split("enrolment code for demo-station: ")[1].split()[0]
        kiosk = scratch / "kiosk"
        enrol(kiosk / "kiosk.sqlite3", server.url, code)
        queue(kiosk / "kiosk.sqlite3", APPEALS)

        longest = 0
        clock = QElapsedTimer()
        ticker = QTimer(interval=TICK_MS, timerType=Qt.TimerType.PreciseTimer)

        def tick() -> None:
            nonlocal longest
            longest = max(longest, clock.restart() - TICK_MS)

        ticker.timeout.connect(tick)
        worker = SyncWorker(kiosk / "kiosk.sqlite3", kiosk / "photos")
        thread = SyncThread(worker)
        finish = Finish(app)
        worker.outboxChanged.connect(finish.counted)  # a slot of a GUI-thread object: queued
        QTimer.singleShot(600_000, lambda: app.exit(1))  # never hang a benchmark
        gc.collect()
        gc.freeze()  # as the kiosk does once it has started (kiosk/app.py)
        clock.start()
        ticker.start()
        started = time.perf_counter()
        thread.start()
        finish.started = started
        code = app.exec()
        ticker.stop()
        thread.stop()
        if code != 0 or finish.after is None:
            raise SystemExit("the outbox did not empty within 10 minutes")
        return finish.after, float(longest)


def main() -> int:
    app = QGuiApplication(["bench"])
    runs = [one_run(app, Path(tempfile.mkdtemp(prefix="kiosk-sync-bench-"))) for _ in range(RUNS)]
    print(f"sync_10k_appeals_s: {statistics.median(r[0] for r in runs):.1f} s")
    print(f"sync_gui_longest_stall_ms: {statistics.median(r[1] for r in runs):.0f} ms")
    return 0


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
