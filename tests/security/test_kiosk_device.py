# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk as a device: the X server lets no one switch to another console or kill it, and
the service may write only its data folder and gain no privileges (systemd-analyze scores it)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

BUILD = Path(__file__).resolve().parents[2] / "build"
UNIT = BUILD / "station-kiosk.service"


def _service() -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.lstrip().startswith(("#", "[")):
            key, _, value = line.partition("=")
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def test_the_x_server_allows_no_vt_switch_and_no_zap():
    config = (BUILD / "10-station-kiosk.conf").read_text(encoding="utf-8")
    assert re.search(r'Option\s+"DontVTSwitch"\s+"true"', config)
    assert re.search(r'Option\s+"DontZap"\s+"true"', config)
    install = (BUILD / "install-debian.sh").read_text(encoding="utf-8")
    assert "/etc/X11/xorg.conf.d/10-station-kiosk.conf" in install
    session = (BUILD / "kiosk-session").read_text(encoding="utf-8")
    commands = [line for line in session.splitlines() if line and not line.startswith("#")]
    assert commands[-1] == "exec /opt/station-kiosk/kiosk"  # no window manager, no terminal


def test_the_service_writes_only_its_data_folder_and_gains_no_privileges():
    unit = _service()
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "ReadWritePaths": "/var/lib/station-kiosk",
        "UMask": "0077",
        "CapabilityBoundingSet": "",
    }.items():
        assert unit.get(key) == [value], key
    assert "-nolisten tcp" in unit["ExecStart"][0]


def test_systemd_analyze_scores_the_unit_ok():
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed here")
    result = subprocess.run(
        [analyze, "security", "--offline=true", str(UNIT)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=BUILD,
    )
    found = re.search(r"Overall exposure level for \S+: ([0-9.]+) (\w+)", result.stdout)
    assert found, result.stdout + result.stderr
    print(f"\nsystemd-analyze security: {found.group(1)} {found.group(2)}")
    assert float(found.group(1)) <= 3.0
