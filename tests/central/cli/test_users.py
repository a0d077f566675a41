# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m central user|region|department`: the first admin, the tree, the departments."""

from __future__ import annotations

import re


def test_the_first_admin_is_made_on_the_command_line(central):
    made = central.cli("user", "create", "first-admin", "--name", "王主任", "--role", "admin")
    assert re.search(r"one-time password: \S+", made.stdout)
    listed = central.cli("user", "list").stdout
    assert re.search(r"first-admin\s+admin\s+all\s+new\s+王主任", listed)
    taken = central.cli("user", "create", "first-admin", "--name", "x", "--role", "admin", ok=False)
    assert taken.returncode == 1 and "the login first-admin is taken" in taken.stderr
    staff = central.cli("user", "create", "lone-staff", "--name", "x", "--role", "staff", ok=False)
    assert "a staff account belongs to a station (--station)" in staff.stderr
    reset = central.cli("user", "reset-password", "first-admin").stdout
    assert "one-time password" in reset
    assert "is disabled" in central.cli("user", "disable", "first-admin").stdout
    assert "no account nobody" in central.cli("user", "disable", "nobody", ok=False).stderr


def test_regions_and_departments(central, new_station):
    station = new_station()
    district = central.cli("region", "add", "测试区", "--level", "district").stdout
    district_id = district.split()[1].rstrip(":")
    central.cli("region", "add", "测试街道", "--level", "street", "--parent", district_id)
    assert "测试街道 (street)" in central.cli("region", "list").stdout
    placed = central.cli("region", "place", station, district_id).stdout
    assert f"station {station} is in region {district_id}" in placed
    wrong = central.cli("region", "add", "市", "--level", "city", "--parent", district_id, ok=False)
    assert "a city cannot sit under a district" in wrong.stderr
    added = central.cli("department", "add", "区住建局", "--region", district_id).stdout
    assert "区住建局" in added
    again = central.cli("department", "add", "区住建局", "--region", district_id, ok=False)
    assert "on the list already" in again.stderr
