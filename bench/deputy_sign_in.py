# SPDX-License-Identifier: GPL-3.0-or-later
"""A duty deputy's sign-in: how long the PIN check takes, and how long the GUI thread is busy.

- ``pin_verify_ms``: argon2id verify of a PIN against a hash with the server's costs
  (argon2-cffi's defaults: t=3, m=64 MiB, p=4), median of 5. Runs on its own thread.
- ``sign_in_gui_busy_ms``: the longest the GUI thread is busy in one go during a sign-in
  (the tap on "Sign in", then the answer: wrong-PIN bookkeeping or the attendance + outbox
  transaction), median of 5 sign-ins.
- ``sign_in_total_ms``: tap on "Sign in" to the console opening (check included), median of 5.
- ``record_save_ms``: saving a reception record (seal + record + outbox, one transaction, and
  the console read again), off the GUI thread: the tap to the answer shown.
  The GUI thread's share of this and of the other writes: bench/gui_busy.py.

Run from the repository: ``.venv/bin/python bench/deputy_sign_in.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 5


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QElapsedTimer

    from kiosk.demo import DEMO_PIN, DEMO_PIN_HASH, seed_demo_station
    from kiosk.domain.pins import pin_hasher
    from kiosk.services.desk import DutyDesk
    from kiosk.store.database import open_database
    from kiosk.ui.console import DutyConsole
    from kiosk.ui.presence import Presence
    from kiosk.ui.sign_in import SignIn

    hasher = pin_hasher()  # its costs are the stored hash's own (argon2 reads them from it)
    times = []
    for _ in range(RUNS + 1):
        start = time.perf_counter()
        hasher.verify(DEMO_PIN_HASH, DEMO_PIN)
        times.append((time.perf_counter() - start) * 1000)
    print(f"pin_verify_ms: {statistics.median(times[1:]):.0f} ms")

    app = QCoreApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-desk-"))
    database = open_database(folder / "kiosk.sqlite3")
    seed_demo_station(database, folder / "photos")
    rows = [{"key": f"demo-{i:02d}", "name": "", "photo": ""} for i in range(1, 16)]
    presence = Presence(datetime.now, lambda: rows)
    console = DutyConsole(datetime.now, lambda: rows, presence)
    sign_in = SignIn(datetime.now, lambda: rows, presence, console)
    service = DutyDesk(database, True, datetime.now)
    presence.attach(service)
    console.attach(service)
    sign_in.attach(service)

    busy, totals, saves = [], [], []
    for run in range(RUNS + 1):
        deputy = f"demo-{run + 1:02d}"
        sign_in.choose(deputy)
        timer = QElapsedTimer()
        timer.start()
        tap = time.perf_counter()
        sign_in.enterPin(DEMO_PIN)
        longest = (time.perf_counter() - tap) * 1000
        while not console.isOpen:
            before = time.perf_counter()
            app.processEvents()
            longest = max(longest, (time.perf_counter() - before) * 1000)
            time.sleep(0.001)
        totals.append(timer.elapsed())
        busy.append(longest)
        start = time.perf_counter()
        saved: list[str] = []
        console.recordSaved.connect(saved.append)
        problem = console.saveRecord(2, "加装电梯", "三幢居民反映进度慢", "")
        assert problem == "", problem
        while not saved:  # saved off the GUI thread
            app.processEvents()
            time.sleep(0.001)
        saves.append((time.perf_counter() - start) * 1000)
        console.recordSaved.disconnect(saved.append)
        assert saved == [""], saved
        console.signOut()
        while console.isOpen:
            app.processEvents()
            time.sleep(0.001)
    print(f"sign_in_gui_busy_ms: {statistics.median(busy[1:]):.1f} ms")
    print(f"sign_in_total_ms: {statistics.median(totals[1:]):.0f} ms")
    print(f"record_save_ms: {statistics.median(saves[1:]):.1f} ms")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
