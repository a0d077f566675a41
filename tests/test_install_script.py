# SPDX-License-Identifier: GPL-3.0-or-later
"""build/install-debian.sh on a system without systemd stops before changing anything."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "build" / "install-debian.sh"


def test_without_systemd_the_install_script_says_so_and_changes_nothing(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("the script checks for root first")
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "kiosk").write_text("#!/bin/sh\n")
    (bundle / "kiosk").chmod(0o755)
    # Only what the checks need: were they to pass, apt-get, useradd and cp are not there to
    # change this machine.
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("id", "dirname"):
        (tools / tool).symlink_to(shutil.which(tool))
    result = subprocess.run(
        ["/bin/sh", str(SCRIPT)],
        env={"PATH": str(tools), "BUNDLE": str(bundle)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert "does not run systemd" in result.stderr
    assert "nothing was changed" in result.stderr
    assert "==" not in result.stdout  # not one step was started
