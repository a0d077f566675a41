# SPDX-License-Identifier: GPL-3.0-or-later
"""The sync worker's pull of one whole snapshot, stored: CPU time (issue 19 §5).

The worker's `_pull` with a client that answers at once with the document (no network):
parsing it, storing the station's row (kiosk.store.station) and the pull's other parts
(appeals' progress), in one transaction. For the demo station, the demo station with 10,000
appeals' progress, and a station of 2,000 deputies. CPU time of this process (the figure a
loaded machine distorts least), median of 7 pulls after one warm-up.

    python bench/snapshot_store.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kiosk.demo import demo_snapshot  # noqa: E402
from kiosk.domain.snapshot import snapshot_to_document  # noqa: E402
from kiosk.store.database import open_database  # noqa: E402
from kiosk.sync.worker import SyncWorker  # noqa: E402

RUNS = 7


def document(deputies: int, appeals: int) -> dict:
    """A pulled document as the server sends it (docs/sync-api.md), photos left out."""
    snapshot = demo_snapshot()
    base = snapshot.deputies
    many = tuple(replace(base[i % len(base)], id=f"d{i}") for i in range(deputies))
    built = snapshot_to_document(replace(snapshot, deputies=many))
    for deputy in built["deputies"]:
        deputy.update(photo="", photo_url=None, pin_hash=None)
    step = {"state": "submitted", "at": "2026-11-23T09:00:00+08:00", "note": ""}
    built.update(
        cursor="c" * 64,
        categories=["交通出行"],
        appointments=[],
        appeals=[
            {"tracking_code": f"K{i:08d}", "state": "accepted", "due_on": "2026-12-21",
             "steps": [step]}
            for i in range(appeals)
        ],
    )  # fmt: skip
    return built


class AtOnce:
    """The client's `snapshot` call, answered with the document."""

    def __init__(self, answer: dict) -> None:
        self.answer = answer

    def snapshot(self, station_id: str, etag: str | None, since: str | None = None):
        return self.answer, '"e"'


def pull_cpu_ms(deputies: int, appeals: int) -> float:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    worker = SyncWorker(folder / "kiosk.sqlite3", folder / "photos")
    worker._database = open_database(folder / "kiosk.sqlite3")
    client = AtOnce(document(deputies, appeals))
    times = []
    for _ in range(RUNS + 1):
        start = time.process_time()
        worker._pull(client, "demo-station")  # type: ignore[arg-type]
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times[1:])


def main() -> int:
    print(f"# load average before: {os.getloadavg()[0]:.2f}", file=sys.stderr)
    for deputies, appeals in ((15, 0), (15, 10_000), (2_000, 0)):
        name = f"snapshot_store_{deputies}_deputies_{appeals}_appeals_cpu_ms"
        print(f"{name}: {pull_cpu_ms(deputies, appeals):.0f} ms")
    print(f"# load average after: {os.getloadavg()[0]:.2f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
