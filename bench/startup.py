# SPDX-License-Identifier: GPL-3.0-or-later
"""Cold-process start of the kiosk to its first frame of home, and its memory 5 s later.

Runs `python -m kiosk --demo` (from source) offscreen with Qt's software renderer, 5 times
after one warm-up run, against a demo database seeded beforehand. The kiosk prints the wall
time of its first frameSwapped (KIOSK_REPORT_FIRST_FRAME=1); the figure is that time minus
the time just before the process was spawned. PSS is read from /proc/PID/smaps_rollup 5 s
after the spawn. Prints medians, one `name: value unit` line each (DESIGN.md §7).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
PSS_AFTER_SECONDS = 5.0


def seed(data_dir: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from kiosk.store.database import open_database;"
            "from kiosk.demo import seed_demo_station; d = Path(sys.argv[1]);"
            "seed_demo_station(open_database(d / 'kiosk.sqlite3'), d / 'photos')",
            str(data_dir),
        ],
        check=True,
    )


def pss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no Pss line")


def one_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    started = time.time()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("first-frame "):
                first_frame_ms = (float(line.split()[1]) - started) * 1000
                break
        else:
            raise RuntimeError(f"the kiosk exited ({process.wait()}) before its first frame")
        time.sleep(max(0.0, started + PSS_AFTER_SECONDS - time.time()))
        return first_frame_ms, pss_mb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    data_dir = scratch / "data"
    seed(data_dir)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_REPORT_FIRST_FRAME": "1",
        "XDG_CONFIG_HOME": str(scratch / "config"),
    }
    command = [
        sys.executable,
        "-m",
        "kiosk",
        "--demo",
        "--data-dir",
        str(data_dir),
        "--windowed",
        "1920x1080",
    ]
    one_run(command, env)  # warm-up: page cache, Python bytecode, fontconfig cache
    runs = [one_run(command, env) for _ in range(RUNS)]
    print(f"startup_first_frame_ms: {statistics.median(r[0] for r in runs):.0f} ms")
    print(f"startup_pss_mb: {statistics.median(r[1] for r in runs):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
