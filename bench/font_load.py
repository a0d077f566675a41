# SPDX-License-Identifier: GPL-3.0-or-later
"""Time QFontDatabase.addApplicationFont() for the shipped fonts.

Each measurement runs in a fresh process (QT_QPA_PLATFORM=offscreen); the
median of 5 runs is printed as ``font_load_<weight>_ms: 1.2 ms``.  That first
call also pays Qt's one-time font database (fontconfig) initialisation, so
``font_load_<weight>_warm_ms`` times the call after forcing that first with
QFontDatabase.families().  The font families Qt reports go to stderr.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
RUNS = 5

CHILD = """
import sys, time
from PySide6.QtGui import QFontDatabase, QGuiApplication
app = QGuiApplication([])
if sys.argv[2] == "warm":
    QFontDatabase.families()
t0 = time.perf_counter()
font_id = QFontDatabase.addApplicationFont(sys.argv[1])
ms = (time.perf_counter() - t0) * 1000
print(ms)
print(font_id)
print("|".join(QFontDatabase.applicationFontFamilies(font_id)))
"""


def measure(path: Path, mode: str) -> tuple[float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times, families = [], ""
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), mode],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        ms, font_id, families = out.strip().splitlines()[-3:]
        if int(font_id) < 0:
            raise SystemExit(f"Qt failed to load {path}")
        times.append(float(ms))
    return statistics.median(times), families


def main() -> int:
    for path in sorted(FONT_DIR.glob("NotoSansCJKsc-*.subset.otf")):
        weight = path.name.split("-")[1].split(".")[0].lower()
        ms, families = measure(path, "cold")
        print(f"font_load_{weight}_ms: {ms:.1f} ms")
        ms, _ = measure(path, "warm")
        print(f"font_load_{weight}_warm_ms: {ms:.1f} ms")
        print(f"{path.name}: families {families!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
