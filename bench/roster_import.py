# SPDX-License-Identifier: GPL-3.0-or-later
"""Time reading and checking a large roster and a calendar, as `roster import`, the console's
preview and `.ics` import do (median of 5 runs, in process; no database):

- roster_csv_gbk_2000_ms: a 2,000-deputy CSV saved by Chinese Excel (GBK), read and checked,
- roster_xlsx_2000_ms: the same roster as an .xlsx workbook,
- ics_outlook_import_ms: an Outlook calendar (VTIMEZONE, RRULE, EXDATE, an exception) read
  into schedules through icalendar,
- ics_export_ms: the demo station's schedules written as .ics.
"""

from __future__ import annotations

import csv
import io
import os
import statistics
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook  # noqa: E402

from central.services.ical import export_calendar, import_calendar  # noqa: E402
from central.services.rosters import parse_roster, read_table  # noqa: E402
from kiosk.demo import demo_snapshot  # noqa: E402
from tests.helpers.calendars import outlook  # noqa: E402

RUNS = 5
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
LEVELS = ("市、区", "区", "乡镇", "全国人大代表", "省")


def rows() -> list[list[str]]:
    table = [["序号", "姓名", "性别", "层级", "选区", "联系片区", "职务"]]
    for n in range(2000):
        name = SURNAMES[n % 20] + "嘉禾建国晓玥"[n % 5] + "东西南北中"[n // 100 % 5]
        table.append(
            [
                str(n + 1),
                name,
                "女",
                LEVELS[n % 5],
                f"第{n % 40 + 1}选区",
                "文昌社区、禾丰社区",
                "主任",
            ]
        )
    return table


def median_ms(work) -> float:
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        work()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    table = rows()
    out = io.StringIO()
    csv.writer(out).writerows(table)
    gbk = out.getvalue().encode("gbk")
    book = Workbook()
    for row in table:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    xlsx = buffer.getvalue()
    calendar = outlook(
        date(2026, 12, 7), date(2026, 12, 28), date(2026, 12, 14), date(2027, 12, 27)
    )
    snapshot = demo_snapshot()
    names = {d.id: d.name for d in snapshot.deputies}
    now = datetime(2026, 12, 3, tzinfo=UTC)
    print(f"# load average {os.getloadavg()[0]:.2f} (2 cores shared)")
    results = {
        "roster_csv_gbk_2000": median_ms(lambda: parse_roster(read_table("r.csv", gbk), None)),
        "roster_xlsx_2000": median_ms(lambda: parse_roster(read_table("r.xlsx", xlsx), None)),
        "ics_outlook_import": median_ms(lambda: import_calendar(calendar, set())),
        "ics_export": median_ms(
            lambda: export_calendar("demo", "青禾", snapshot.schedules, names, now)
        ),
    }
    for name, value in results.items():
        print(f"{name}: {value:.1f} ms")


if __name__ == "__main__":
    main()
