# SPDX-License-Identifier: GPL-3.0-or-later
"""`make lint` audits the installed packages with pip-audit (build/audit.py): a clear line
either way, success when the advisory database cannot be reached; the venv's setuptools is
past PYSEC-2022-43012."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]


def test_the_audit_says_what_it_did_and_passes_here():
    result = subprocess.run(
        [sys.executable, str(ROOT / "build" / "audit.py")],
        capture_output=True,
        text=True,
        timeout=400,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(
        r"^pip-audit: (SKIPPED \(advisory database unreachable\)|\d+ packages audited, .*"
        r" 0 with known vulnerabilities)$",
        result.stdout,
        re.M,
    ), result.stdout


def test_the_venv_s_setuptools_is_not_the_affected_one():
    import setuptools

    assert Version(setuptools.__version__) >= Version("70")
    assert "build/audit.py" in (ROOT / "Makefile").read_text()
