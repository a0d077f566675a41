# SPDX-License-Identifier: GPL-3.0-or-later
"""Start of the kiosk to its first frame of home, and its memory (PSS) afterwards.

`startup_first_frame_ms`: a new `python -m kiosk --demo` process (from source), offscreen with
Qt's software renderer, against a demo database seeded beforehand; the kiosk prints the wall
time of its first frameSwapped (KIOSK_REPORT_FIRST_FRAME=1) and the figure is that minus the
time just before the spawn. `startup_pss_mb`: /proc/PID/smaps_rollup 5 s after the spawn.
`keyboard_open_pss_mb`: the same kiosk once a visitor has opened the Pinyin keyboard (it loads
on first use). `bundle_first_frame_ms`: the same as the first figure for the packaged bundle
(dist/kiosk/kiosk, `make package`), and `bundle_size_mb` its size; skipped without a bundle.
Median of 5 runs after one warm-up run. Fonts: only the ones the kiosk ships
(an empty fontconfig), as on a kiosk, where no CJK font is installed.
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
    from kiosk.demo import seed_demo_station
    from kiosk.store.database import open_database

    seed_demo_station(open_database(data_dir / "kiosk.sqlite3"), data_dir / "photos")


def pss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no Pss line")


def start_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    started = time.time()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
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


def keyboard_open(data_dir: Path) -> None:
    """In this process: start the kiosk, open the directory, tap the search field, wait for the
    keyboard, print PSS. (Run as a subprocess of the benchmark, with a deadline.)"""
    from PySide6.QtCore import QPointF, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from kiosk.app import build_kiosk, prepare_environment, show
    from kiosk.config import Config

    prepare_environment()
    app = QGuiApplication([])
    config = Config(data_dir=data_dir, demo=True, fullscreen=False)
    kiosk = build_kiosk(app, config)
    show(kiosk, config)
    window = kiosk.window

    def named(name: str):
        items = [window.contentItem()]
        while items:
            item = items.pop()
            if item.objectName() == name and item.isVisible():
                return item
            items.extend(item.childItems())
        return None

    def step() -> None:
        panel = named("inputPanel")
        if panel is not None and panel.property("active"):
            QTimer.singleShot(1000, lambda: (print(f"pss {pss_mb():.1f}", flush=True), app.quit()))
            return
        field = named("searchField")
        if field is None:
            window.showDirectory()
        else:
            centre = field.mapToScene(QPointF(field.width() / 2, field.height() / 2)).toPoint()
            QTest.mouseClick(
                window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
            )
        QTimer.singleShot(200, step)

    QTimer.singleShot(500, step)
    QTimer.singleShot(30_000, lambda: app.exit(1))  # never hang a benchmark
    code = app.exec()
    kiosk.close()  # the sync thread ends before the process does
    if code != 0:
        raise SystemExit("the keyboard did not open within 30 s")


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    data_dir = scratch / "data"
    seed(data_dir)
    fonts_conf = scratch / "fonts.conf"
    fonts_conf.write_text(
        f"<fontconfig><cachedir>{scratch / 'fontconfig'}</cachedir></fontconfig>\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_REPORT_FIRST_FRAME": "1",
        "XDG_CONFIG_HOME": str(scratch / "config"),
        "FONTCONFIG_FILE": str(fonts_conf),
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
    start_once(command, env)  # warm-up: page cache, bytecode, fontconfig and QML caches
    runs = [start_once(command, env) for _ in range(RUNS)]
    keyboard = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, __file__, "--keyboard-open", str(data_dir)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
        keyboard.append(float(out.split("pss ")[1]))
    bundle = Path(__file__).resolve().parents[1] / "dist" / "kiosk" / "kiosk"
    bundle_runs = []
    if bundle.exists():
        bundle_command = [str(bundle), *command[3:]]
        start_once(bundle_command, env)  # warm-up
        bundle_runs = [start_once(bundle_command, env) for _ in range(RUNS)]
    else:
        print("no bundle in dist/kiosk (make package): its figures are skipped", file=sys.stderr)
    print(f"startup_first_frame_ms: {statistics.median(r[0] for r in runs):.0f} ms")
    print(f"startup_pss_mb: {statistics.median(r[1] for r in runs):.0f} MB")
    print(f"keyboard_open_pss_mb: {statistics.median(keyboard):.0f} MB")
    if bundle_runs:
        print(f"bundle_first_frame_ms: {statistics.median(r[0] for r in bundle_runs):.0f} ms")
        print(f"bundle_pss_mb: {statistics.median(r[1] for r in bundle_runs):.0f} MB")
        size = sum(p.lstat().st_size for p in bundle.parent.rglob("*") if p.is_file())
        print(f"bundle_size_mb: {size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--keyboard-open"]:
        keyboard_open(Path(sys.argv[2]))
        sys.exit(0)
    sys.exit(main())
