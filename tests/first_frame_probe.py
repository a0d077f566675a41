# SPDX-License-Identifier: GPL-3.0-or-later
"""One starting kiosk, looked at as its first frame is swapped (tests/test_first_frame_imports.py):

    python -m tests.first_frame_probe <data dir> [--windowed 1920x1080]

prints `at-first-frame <JSON>`. Not a test module: it imports nothing the kiosk does not (pytest
itself imports `uuid`, one of the modules looked for).
"""

from __future__ import annotations

import json
import os
import sys

# Imported after the first frame, on the opening thread or when first used: `uuid` (it imports
# `platform`) with the first record, `secrets` and `hmac` (OpenSSL's hashes) with the first code.
DEFERRED = (
    "qrcode",
    "kiosk.store.database",
    "kiosk.sync.worker",
    "sqlalchemy",
    "alembic",
    "uuid",
    "secrets",
    "hmac",
)


def _state(engines: list) -> dict:
    import PySide6.QtCore

    return {
        # PySide makes a module's classes when first used: `Qt` is in the module's dict once built.
        "qt_enums_built": "Qt" in vars(PySide6.QtCore),
        "deferred_imported": sorted(name for name in DEFERRED if name in sys.modules),
        # "" while its component has not yet reported (Main.qml's load waited for the same
        # modules: it has loaded them all the same).
        "qt_modules_loaded_first": engines[0].qt_modules_status if engines else None,
    }


def main(data_dir: str, *arguments: str) -> int:
    import kiosk.app
    from kiosk.__main__ import main as kiosk_main
    from kiosk.ui.firstframe import AfterFirstFrame

    class Observed(AfterFirstFrame):
        """Start-up's work after the first frame (its first AfterFirstFrame, the database's),
        preceded by a look at the process: nothing after the first frame has begun yet."""

        def __init__(self, window, task) -> None:
            def observed() -> None:
                print(f"at-first-frame {json.dumps(_state(engines))}", flush=True)
                os._exit(0)  # the kiosk locks its window against closing: no way out but this

            super().__init__(window, observed)

    engines = []  # the one start_engine made
    start_engine = kiosk.app.start_engine
    kiosk.app.start_engine = lambda: engines.append(start_engine()) or engines[0]
    kiosk.app.AfterFirstFrame = Observed
    return kiosk_main(["--demo", "--data-dir", data_dir, *arguments])


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
