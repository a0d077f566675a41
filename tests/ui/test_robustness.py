# SPDX-License-Identifier: GPL-3.0-or-later
"""A really damaged database: the kiosk starts anyway, clean, and says so in the admin panel
and the log; the damaged file is kept. And the log rotates."""

import logging
import subprocess
import sys

from kiosk.store.admin_pin import DEMO_ADMIN_PIN
from tests.store.test_recovery import smash_table
from tests.ui.test_admin import corner_taps, enter_pin


def test_a_damaged_database_is_moved_aside_and_admin_says_so(make_kiosk, tmp_path, qtbot, caplog):
    first = make_kiosk()
    first.close()  # the sync worker lets go of the database
    first.window.close()
    database = tmp_path / "data" / "kiosk.sqlite3"
    smash_table(database, "station_snapshot")

    caplog.set_level(logging.INFO)
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    qtbot.waitUntil(lambda: any(tmp_path.joinpath("data").glob("kiosk.sqlite3.damaged-*")))
    assert visitor.text("stationName") == "青禾街道人大代表联络站"  # the demo, seeded anew
    assert "is damaged" in caplog.text and "moved aside" in caplog.text

    corner_taps(kiosk, 5)
    enter_pin(visitor, DEMO_ADMIN_PIN)
    admin = kiosk.backends.admin
    qtbot.waitUntil(lambda: "recovery" in admin.diagnostics, timeout=15000)
    assert "kiosk.sqlite3.damaged-" in visitor.text("adminRecovery")
    assert visitor.text("adminDatabase") == "完好"
    visitor.screenshot("admin-recovered")


def test_the_log_rotates_at_a_megabyte_keeping_five(tmp_path):
    script = (
        "import logging, sys\n"
        "from pathlib import Path\n"
        "from kiosk.app import start_logging\n"
        "from kiosk.config import Config\n"
        "start_logging(Config(data_dir=Path(sys.argv[1])))\n"
        "for i in range(120000): logging.getLogger('kiosk').info('line %06d of a long log', i)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, timeout=120)
    logs = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert logs == ["kiosk.log", *(f"kiosk.log.{i}" for i in range(1, 6))]
    assert all(p.stat().st_size <= 1_000_000 for p in (tmp_path / "logs").iterdir())
