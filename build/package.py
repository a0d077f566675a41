# SPDX-License-Identifier: GPL-3.0-or-later
"""`make package`: build the one-dir bundle dist/kiosk with kiosk.spec; print its time and size.

Prints `package_seconds: N s` and `bundle_size_mb: N MB` (DESIGN.md §7: <= 200 MB).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "kiosk"


def size_mb(folder: Path) -> float:
    """Bytes of the files in `folder` (links not followed), in MB (10^6)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            "--distpath",
            str(ROOT / "dist"),
            str(ROOT / "kiosk.spec"),
        ],
        cwd=ROOT,
    )
    if result.returncode != 0:
        return result.returncode
    print(f"package_seconds: {time.monotonic() - started:.0f} s")
    print(f"bundle_size_mb: {size_mb(BUNDLE):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
