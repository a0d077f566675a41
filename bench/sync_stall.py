# SPDX-License-Identifier: GPL-3.0-or-later
"""The GUI thread of the real kiosk while it syncs 10,000 appeals (issue 12 §3).

Each run: a fresh `python -m central serve` on 127.0.0.1 (SQLite, the demo station), a kiosk
enrolled with it and 10,000 sealed appeals queued in its outbox; then the real kiosk (its
QML, offscreen, 1920x1080) starts with its sync worker, which pushes them (batches of 200)
and pulls the station snapshot that now carries the progress of 10,000 appeals. A 5 ms timer
on the GUI thread records the longest gap between its ticks: on the wall clock (`stall`),
in the GUI thread's own CPU time (`busy`) and in the CPU time of all the kiosk's threads
within the gap (`kiosk_cpu`: what a quiet machine would see at most), labelled with what
the worker was doing then (pushing, pulling the snapshot, storing its progress) or what the
GUI thread ran (showing the snapshot).
From the worker's start until the progress of every appeal is stored and the snapshot
shown. Median of 5.

    python bench/sync_stall.py [RUNS]
"""

from __future__ import annotations

import functools
import gc
import importlib.util
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

APPEALS = 10_000
RUNS = 5


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(f"{name}_bench", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class Phases:
    """What the worker (or the GUI thread) is doing, for the stall watch's labels."""

    def __init__(self, watch) -> None:
        self.watch = watch
        self.seconds: dict[str, float] = {}

    def wrap(self, owner: object, name: str, label: str) -> None:
        function = getattr(owner, name)

        @functools.wraps(function)
        def labelled(*args, **kwargs):
            before, self.watch.where = self.watch.where, label
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - started
                self.watch.where = before

        setattr(owner, name, labelled)


def one_run(app, scratch: Path, out=print) -> dict[str, tuple[float, float, float]]:
    from PySide6.QtCore import QEventLoop, QTimer

    from central.launch import running_central
    from kiosk import app as kiosk_app
    from kiosk.app import Backends
    from kiosk.config import Config
    from kiosk.store.database import open_database
    from kiosk.sync import worker as sync_worker
    from kiosk.sync.client import CentralClient
    from kiosk.sync.enrolment import enrol

    endurance = _bench("endurance")
    push = _bench("sync")
    with running_central(scratch / "central") as server:
        printed = server.cli("demo-station").stdout
        code = re.search(r"enrolment code for \S+: (\S+)", printed).group(1)
        config = Config(data_dir=scratch / "kiosk", fullscreen=False, width=1920, height=1080)
        enrol(config.database_path, server.url, code)
        push.queue(config.database_path, APPEALS)

        watch = endurance.StallWatch()
        phases = Phases(watch)
        watch.where = "idle"
        phases.wrap(sync_worker.SyncWorker, "_push", "worker: push")
        phases.wrap(CentralClient, "snapshot", "worker: pull the snapshot")
        phases.wrap(sync_worker, "apply_extras", "worker: store progress")
        phases.wrap(sync_worker, "store_station", "worker: store the station")
        phases.wrap(Backends, "show", "gui: show the snapshot")

        kiosk = kiosk_app.build_kiosk(app, config)
        kiosk_app.show(kiosk, config)
        loop = QEventLoop()
        shown = []

        database = open_database(config.database_path)

        def progress_stored() -> None:
            with database.read() as connection:
                (count,) = connection.execute("SELECT count(*) FROM appeal_progress").fetchone()
            if count == APPEALS:
                shown.append(time.perf_counter())
                loop.quit()

        def check() -> None:
            if kiosk.backends.sync.pending == 0 and kiosk.backends.sync.state == "online":
                progress_stored()

        poll = QTimer(interval=50)
        poll.timeout.connect(check)
        QTimer.singleShot(600_000, loop.quit)  # never hang a benchmark
        gc.collect()
        started = time.perf_counter()
        watch.start()
        poll.start()
        loop.exec()
        poll.stop()
        if not shown:
            raise SystemExit("the 10,000 appeals' progress did not arrive within 10 minutes")
        watch.stop()
        first = {
            label: (wall, cpu, watch.process_by_where.get(label, 0.0))
            for label, (wall, cpu) in watch.by_where.items()
        }
        out(f"# synced in {shown[0] - started:.1f} s; worker: {phases.seconds}")
        kiosk.close()
        kiosk.window.close()
        kiosk.engine.deleteLater()
        database.close()
    return first


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    from kiosk.app import prepare_environment

    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    prepare_environment()
    app = QGuiApplication(["sync-stall"])
    print(f"# load average before: {os.getloadavg()[0]:.2f}", file=sys.stderr)
    results = []
    for _ in range(runs):
        scratch = Path(tempfile.mkdtemp(prefix="kiosk-sync-stall-"))
        os.environ.setdefault("XDG_CONFIG_HOME", str(scratch / "config"))
        result = one_run(app, scratch, out=lambda text: print(text, file=sys.stderr))
        print(f"# {result}", file=sys.stderr)
        results.append(result)
    figures = {"stall": 0, "busy": 1, "kiosk_cpu": 2}
    for figure, index in figures.items():
        longest = [max(values[index] for values in r.values()) for r in results]
        print(f"sync_10k_gui_{figure}_ms: {statistics.median(longest):.0f} ms")
    for label in sorted({label for r in results for label in r}):
        name = re.sub(r"[^a-z]+", "_", label).strip("_")
        for figure, index in figures.items():
            median = statistics.median(r.get(label, (0, 0, 0))[index] for r in results)
            print(f"sync_10k_gui_{figure}_{name}_ms: {median:.0f} ms")
    print(f"# load average after: {os.getloadavg()[0]:.2f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
