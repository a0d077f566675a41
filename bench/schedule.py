# SPDX-License-Identifier: GPL-3.0-or-later
"""Time what the schedule screen and home compute from the demo station (median of 5 runs):

- schedule_month_ms: the Schedule backend shows another month (six weeks of reception days
  with holidays, cancellations and moves, the day's and the month's rows for QML),
- upcoming_200_ms: the next 200 reception days (what a deputy's page filters),
- home_show_day_ms: home's duty roster and next reception days for a new day.

Each run is a fresh process (offscreen QGuiApplication, no window): nothing is cached from
an earlier run but the imports.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

RUNS = 5

CHILD = """
import time
from datetime import date
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from kiosk.demo import demo_snapshot
from kiosk.ui.schedule import ScheduleCalendar
from kiosk.ui.station import Roster

app = QGuiApplication([])
snapshot = demo_snapshot()
today = date(2026, 11, 23)
roster = Roster(Path("/nonexistent"))
roster.show(snapshot, today)
calendar = ScheduleCalendar(roster)
calendar.show(snapshot, today)
t0 = time.perf_counter()
calendar.nextMonth()
month = (time.perf_counter() - t0) * 1000
t0 = time.perf_counter()
snapshot.upcoming_reception_days(today, 200)
upcoming = (time.perf_counter() - t0) * 1000
t0 = time.perf_counter()
roster.show_day(date(2026, 11, 24))
home = (time.perf_counter() - t0) * 1000
print(month, upcoming, home)
"""


def main() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    runs = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True
        ).stdout
        runs.append([float(x) for x in out.split()])
    for i, name in enumerate(("schedule_month_ms", "upcoming_200_ms", "home_show_day_ms")):
        print(f"{name}: {statistics.median(r[i] for r in runs):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
