# SPDX-License-Identifier: GPL-3.0-or-later
"""Start of the kiosk to its first frame of home, to home complete, and its memory (PSS).

`startup_first_frame_ms`: a new `python -m kiosk --demo` process (from source), with Qt's
software renderer, against a demo database seeded beforehand; the kiosk prints the wall
time of its first frameSwapped (KIOSK_REPORT_FIRST_FRAME=1, kiosk/startup_report.py) and the
figure is that minus the time just before the spawn. `startup_home_complete_ms`: the same to
the first frame with everything home draws final: who is present (read from the database),
the connection state and every photo. `startup_database_ready_ms`: to the database open
for the services (sign-in, forms; the station read from it replaces the quick-start copy).
`startup_gui_stall_ms`: the longest time the GUI thread's event loop did not answer in the
first 10 s. `startup_pss_mb`: /proc/PID/smaps_rollup 5 s after the spawn (sync worker running).
Each offscreen and under Xvfb 1920x1080 (`_xvfb`), and the stall again with 100,000 appeals in
the local database (`_100k`).
`keyboard_open_pss_mb`: the same kiosk once a visitor has opened the Pinyin keyboard (it loads
on first use). `bundle_first_frame_ms`, `bundle_home_complete_ms`, `bundle_pss_mb`: the same
for the packaged bundle (dist/kiosk/kiosk, `make package`), offscreen and under Xvfb (`_xvfb`),
and `bundle_size_mb` its size; skipped without a bundle.
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
from dataclasses import dataclass
from pathlib import Path

# This tree's kiosk, not whichever the environment installed: the seeding and the keyboard
# run import it (`python -m kiosk` finds it from the working folder: run this from the root).
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RUNS = 5
PSS_AFTER_SECONDS = 5.0


def seed(data_dir: Path, appeals: int = 0) -> None:
    from kiosk.demo import seed_demo_station
    from kiosk.store.database import open_database

    database = open_database(data_dir / "kiosk.sqlite3")
    seed_demo_station(database, data_dir / "photos")
    database.close()
    if appeals:
        sys.path.insert(0, str(Path(__file__).parent))
        import submit  # bench/submit.py: 100,000 sealed appeals and their outbox rows

        assert appeals == submit.EXISTING
        submit.seed(data_dir / "kiosk.sqlite3")


def pss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no Pss line")


@dataclass
class Start:
    first_frame_ms: float
    home_complete_ms: float
    gui_stall_ms: float
    pss_mb: float
    database_ready_ms: float = float("inf")
    gui_stall_at_s: float = 0.0  # when the longest stall ended, after the first frame


def start_once(command: list[str], env: dict[str, str]) -> Start:
    started = time.time()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    marks: dict[str, float] = {}
    pss = 0.0
    try:
        assert process.stdout is not None
        for line in process.stdout:
            name, _, value = line.partition(" ")
            if name in (
                "first-frame",
                "home-complete",
                "gui-stall",
                "database-ready",
                "gui-stall-at",
            ):
                marks[name] = float(value)
            if name in ("home-complete", "gui-stall") and not pss:
                time.sleep(max(0.0, started + PSS_AFTER_SECONDS - time.time()))
                pss = pss_mb(process.pid)
            if name == "gui-stall":
                break
        else:
            raise RuntimeError(f"the kiosk exited ({process.wait()}) before reporting")
        return Start(
            (marks["first-frame"] - started) * 1000,
            (marks.get("home-complete", float("inf")) - started) * 1000,
            marks["gui-stall"],
            pss,
            (marks.get("database-ready", float("inf")) - started) * 1000,
            marks.get("gui-stall-at", 0.0),
        )
    finally:
        process.terminate()
        process.wait(timeout=10)


class Xvfb:
    """A virtual 1920x1080 screen for the runs under X (`with Xvfb() as display:`)."""

    def __enter__(self) -> str:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        return f":{number}"

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def screenshots(command: list[str], env: dict[str, str], folder: Path) -> list[Path]:
    """Start the kiosk under X and grab the screen every 100 ms of its first second (from
    another process, so the kiosk's own GUI thread does no extra work)."""
    folder.mkdir(parents=True, exist_ok=True)
    grabber = subprocess.Popen(
        [sys.executable, __file__, "--grab", str(folder)],
        env={**env, "QT_QPA_PLATFORM": "xcb"},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert grabber.stdout is not None
    grabber.stdout.readline()  # "ready": its Qt is up
    kiosk = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    grabber.stdin = None
    grabber.wait(timeout=30)
    kiosk.terminate()
    kiosk.wait(timeout=10)
    return sorted(folder.glob("*.png"))


def grab(folder: Path) -> None:
    """In this process: grab the whole X screen at 0, 100, ..., 1000 ms after "ready"."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([])
    screen = app.primaryScreen()
    shots = []
    print("ready", flush=True)
    start = time.monotonic()

    def shoot() -> None:
        shots.append((time.monotonic() - start, screen.grabWindow(0).toImage()))
        if len(shots) == 11:
            app.quit()
        else:  # every 100 ms from the start, whatever a grab took
            QTimer.singleShot(
                max(0, int((start + len(shots) * 0.1 - time.monotonic()) * 1000)), shoot
            )

    QTimer.singleShot(0, shoot)
    app.exec()
    for index, (elapsed, image) in enumerate(shots):  # saved afterwards: PNG is slow
        image.save(str(folder / f"{index:02d}_{int(elapsed * 1000):04d}ms.png"))


def forget_fonts() -> None:
    """Drop the font files from the page cache, so that the warm-up run reads them as a kiosk
    does after boot: through FreeType's map, in small pieces. A file just written whole (by a
    git checkout, say) sits in the cache in 2 MB folios, and this kernel (6.18) then maps the
    whole folio around every glyph read: the fonts would count 12 MB instead of 2.6 MB
    (docs/fonts.md, "Memory")."""
    for path in [*ROOT.glob("assets/fonts/*.otf"), *ROOT.glob("dist/kiosk/**/fonts/*.otf")]:
        with path.open("rb") as file:
            os.posix_fadvise(file.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def measure(command: list[str], env: dict[str, str]) -> list[Start]:
    forget_fonts()
    start_once(command, env)  # warm-up: page cache, bytecode, fontconfig and QML caches
    return [start_once(command, env) for _ in range(RUNS)]


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


def first_second() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    seed(scratch / "data")
    folder = Path("screenshots") / "startup"
    for old in folder.glob("*.png"):
        old.unlink()
    with Xvfb() as display:
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
        command = [sys.executable, "-m", "kiosk", "--demo", "--data-dir", str(scratch / "data")]
        screenshots([*command, "--windowed", "1920x1080"], env, folder)  # warm-up
        for old in folder.glob("*.png"):
            old.unlink()
        shots = screenshots([*command, "--windowed", "1920x1080"], env, folder)
    print("\n".join(str(shot) for shot in shots))
    return 0


def median(values) -> float:
    return statistics.median(values)


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    data_dir = scratch / "data"
    seed(data_dir)
    big_dir = scratch / "data-100k"
    seed(big_dir, appeals=100_000)
    fonts_conf = scratch / "fonts.conf"
    fonts_conf.write_text(
        f"<fontconfig><cachedir>{scratch / 'fontconfig'}</cachedir></fontconfig>\n"
    )
    # A kiosk runs compiled modules (the bundle holds them; from source Python caches them):
    # the warm-up run writes the cache even where the shell asks Python not to.
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_REPORT_FIRST_FRAME": "1",
        "XDG_CONFIG_HOME": str(scratch / "config"),
        "FONTCONFIG_FILE": str(fonts_conf),
    }

    def kiosk(data: Path) -> list[str]:
        return [sys.executable, "-m", "kiosk", "--demo", "--data-dir", str(data)] + [
            "--windowed",
            "1920x1080",
        ]

    bundle = Path(__file__).resolve().parents[1] / "dist" / "kiosk" / "kiosk"
    bundle_command = [str(bundle), *kiosk(data_dir)[3:]]
    bundle_runs: dict[str, list[Start]] = {}
    print(f"# load average before: {os.getloadavg()[0]:.2f}", file=sys.stderr)
    results: dict[str, list[Start]] = {"": measure(kiosk(data_dir), env)}
    results["_100k"] = measure(kiosk(big_dir), env)
    with Xvfb() as display:
        x_env = {**env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
        results["_xvfb"] = measure(kiosk(data_dir), x_env)
        results["_xvfb_100k"] = measure(kiosk(big_dir), x_env)
        if bundle.exists():
            bundle_runs["_xvfb"] = measure(bundle_command, x_env)
        shots = screenshots(kiosk(data_dir), x_env, Path("screenshots") / "startup")
        print(
            f"# {len(shots)} screenshots of the first second in screenshots/startup",
            file=sys.stderr,
        )
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
    if bundle.exists():
        bundle_runs = {"": measure(bundle_command, env), **bundle_runs}
    else:
        print("no bundle in dist/kiosk (make package): its figures are skipped", file=sys.stderr)
    for suffix, runs in results.items():
        print(f"startup_first_frame{suffix}_ms: {median(r.first_frame_ms for r in runs):.0f} ms")
        print(
            f"startup_home_complete{suffix}_ms: {median(r.home_complete_ms for r in runs):.0f} ms"
        )
        print(
            f"startup_database_ready{suffix}_ms: {median(r.database_ready_ms for r in runs):.0f} ms"
        )
        print(f"startup_gui_stall{suffix}_ms: {median(r.gui_stall_ms for r in runs):.0f} ms")
        print(f"startup_pss{suffix}_mb: {median(r.pss_mb for r in runs):.0f} MB")
    print(f"keyboard_open_pss_mb: {median(keyboard):.0f} MB")
    for suffix, runs in bundle_runs.items():
        print(f"bundle_first_frame{suffix}_ms: {median(r.first_frame_ms for r in runs):.0f} ms")
        print(f"bundle_home_complete{suffix}_ms: {median(r.home_complete_ms for r in runs):.0f} ms")
        print(f"bundle_pss{suffix}_mb: {median(r.pss_mb for r in runs):.0f} MB")
    if bundle_runs:
        size = sum(p.lstat().st_size for p in bundle.parent.rglob("*") if p.is_file())
        print(f"bundle_size_mb: {size / 1e6:.0f} MB")
    print(f"# load average after: {os.getloadavg()[0]:.2f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--keyboard-open"]:
        keyboard_open(Path(sys.argv[2]))
        sys.exit(0)
    if sys.argv[1:2] == ["--first-second"]:  # only the screenshots
        sys.exit(first_second())
    if sys.argv[1:2] == ["--grab"]:
        grab(Path(sys.argv[2]))
        sys.exit(0)
    sys.exit(main())
