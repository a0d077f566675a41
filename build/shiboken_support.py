# SPDX-License-Identifier: GPL-3.0-or-later
"""Shiboken's signature support as compiled files, not source compiled at every start.

Shiboken (PySide's binding layer) carries its Python support modules (`shibokensupport`:
signatures, `__feature__`) as a zip of source inside its library, and compiles them each time
PySide is imported: 13 `compile()` calls, about 105 million instructions, 7 % of the kiosk's
start to its first frame (docs/performance.md). When a `files.dir` folder sits beside
shiboken6's `__init__.py` it imports them from there instead, as ordinary modules with their
bytecode. Shiboken writes that folder itself when imported with `SBK_EMBED=0`; this script
has it do so and compiles the modules (unchecked-hash bytecode, so that a copy into the
bundle, with other timestamps, is still used).

    python build/shiboken_support.py     # prints the folder (make setup; kiosk.spec)
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
from pathlib import Path
from py_compile import PycInvalidationMode


def support_folder() -> Path:
    """Write (if need be) and compile shiboken6/files.dir; return it."""
    found = subprocess.run(
        [sys.executable, "-c", "import shiboken6; print(shiboken6.__file__)"],
        env={**os.environ, "SBK_EMBED": "0"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    folder = Path(found).parent / "files.dir"
    if not (folder / "shibokensupport").is_dir():
        raise SystemExit(f"shiboken wrote no support files in {folder}")
    if not compileall.compile_dir(
        folder, quiet=1, invalidation_mode=PycInvalidationMode.UNCHECKED_HASH
    ):
        raise SystemExit(f"cannot compile the support files in {folder}")
    return folder


if __name__ == "__main__":
    print(support_folder())
