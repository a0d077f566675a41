# SPDX-License-Identifier: GPL-3.0-or-later
"""What a starting kiosk has not done by its first frame (issue 12: the first frame sooner).

PySide builds all ~95 Python enums of its `Qt` namespace the first time anything names `Qt`
(25-45 ms of the interpreter): start-up leaves that for later (kiosk/ui/qtenums.py). Nor are
the modules of what opens after the first frame (the database, the sync worker, QR codes)
imported before it. Each kiosk runs in a process of its own (tests/first_frame_probe.py),
on a demo database seeded beforehand, windowed and full screen (the kiosk's own mode:
frameless, no cursor).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    from kiosk.demo import seed_demo_station
    from kiosk.store.database import open_database

    data = tmp_path_factory.mktemp("first-frame") / "data"
    data.mkdir()
    database = open_database(data / "kiosk.sqlite3")  # migrated here, not in the kiosk
    seed_demo_station(database, data / "photos")
    database.close()
    return data


def at_first_frame(data_dir: Path, *arguments: str) -> dict:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(data_dir.parent / "config"),  # no configuration file; Pinyin's
    )
    result = subprocess.run(
        [sys.executable, "-m", "tests.first_frame_probe", str(data_dir), *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = [
        line.removeprefix("at-first-frame ")
        for line in result.stdout.splitlines()
        if line.startswith("at-first-frame ")
    ]
    assert result.returncode == 0 and found, result.stdout + result.stderr[-3000:]
    return json.loads(found[0])


@pytest.mark.parametrize("arguments", [("--windowed", "1920x1080"), ()], ids=["windowed", "kiosk"])
def test_no_qt_enums_nor_later_modules_before_the_first_frame(seeded, arguments):
    state = at_first_frame(seeded, *arguments)
    assert state["qt_enums_built"] is False
    assert state["deferred_imported"] == []
    # The Qt modules were loaded ahead of Main.qml, by the engine made with the application.
    assert state["qt_modules_loaded_first"] in ("Ready", "")


def qt_modules_imported(path: Path) -> set[str]:
    return set(re.findall(r"^import ((?:Qt)[\w.]*)", path.read_text(), re.MULTILINE))


def test_the_qt_modules_loaded_ahead_are_those_the_screens_import():
    """qml/QtModules.qml is loaded first so that the screens find their Qt modules loaded: a
    module a screen imports that it lacks would load again in Main.qml's own wait."""
    ahead = qt_modules_imported(ROOT / "kiosk" / "qml" / "QtModules.qml")
    screens = set().union(
        *(qt_modules_imported(path) for path in (ROOT / "kiosk" / "qml" / "Kiosk").rglob("*.qml"))
    )
    assert screens <= ahead, f"not in kiosk/qml/QtModules.qml: {sorted(screens - ahead)}"
    assert "QtQuick.VirtualKeyboard.Plugins" in ahead  # the keyboard's languages, its heaviest


def test_the_collector_waits_while_the_kiosk_imports_qt_and_its_screens(seeded):
    """What start-up imports and makes lives as long as the kiosk: the cyclic collector's
    passes over it (61 young and 5 middle-aged ones while kiosk.app was imported) wait until
    start-up is done (kiosk.app.settle_memory)."""
    probe = (
        "import gc, sys\n"
        "seen = []\n"
        "def hook(event, args):\n"
        "    if event == 'import' and args[0] == 'kiosk.app' and not seen:\n"
        "        seen.append(gc.isenabled())\n"
        "        print('collector-on-at-kiosk.app', gc.isenabled(), flush=True)\n"
        "        import os; os._exit(0)\n"
        "sys.addaudithook(hook)\n"
        "from kiosk.__main__ import main\n"
        "main(['--demo', '--data-dir', sys.argv[1]])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(seeded)],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "collector-on-at-kiosk.app False" in result.stdout, result.stdout + result.stderr
