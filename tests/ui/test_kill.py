# SPDX-License-Identifier: GPL-3.0-or-later
"""Shown receipt ⇒ on disk: a kiosk killed the instant its receipt appeared keeps the appeal
and its outbox row, and the database is intact (DESIGN.md §5, §8)."""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_an_appeal_whose_receipt_was_shown_survives_sigkill(tmp_path):
    data = tmp_path / "data"
    codes = []
    for _ in range(3):  # each run finds the earlier appeals still there
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.kiosk_submit", str(data)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        try:
            for line in child.stdout:
                if line.startswith("receipt "):
                    child.send_signal(signal.SIGKILL)
                    codes.append(line.split()[1])
                    break
        finally:
            child.kill()
            child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL

        database = sqlite3.connect(data / "kiosk.sqlite3")
        try:
            assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            saved = {
                row[0]
                for row in database.execute(
                    "SELECT a.tracking_code FROM appeal a "
                    "JOIN outbox o ON o.item_uuid = a.uuid AND o.kind = 'appeal'"
                )
            }
        finally:
            database.close()
        assert saved == set(codes)
