# SPDX-License-Identifier: GPL-3.0-or-later
"""The fleet over plain HTTP: the JSON API gives technicians what the page shows, within their
scope; others are refused; bad requests lose nothing and never answer 500."""

from __future__ import annotations

from tests.central.console_fixtures import ConsoleSite


def test_the_fleet_api_lists_the_kiosks_in_scope_with_their_causes(console: ConsoleSite):
    tech = console.staff_at("tech", "/console/fleet")
    answer = tech.get("/console/api/fleet")
    assert answer.status_code == 200, answer.text
    rows = {row["device_id"]: row for row in answer.json()}
    assert {console.kiosk_a.device_id, console.kiosk_b.device_id} <= set(rows)
    row = rows[console.kiosk_b.device_id]
    assert row["station"] == "城南联络站" and row["region"] == "城南街道"
    assert row["colour"] in ("green", "yellow", "red") and isinstance(row["causes"], list)


def test_others_are_refused_and_bad_requests_are_plain(console: ConsoleSite):
    viewer = console.staff("viewer")
    assert viewer.get("/console/api/fleet").status_code == 403
    assert viewer.get("/console/fleet").status_code == 403
    tech = console.staff_at("tech", "/console/fleet")
    assert tech.get("/console/fleet/no-such-kiosk").status_code == 403
    tech.get("/console/fleet")
    answer = tech.post("/console/fleet/enrolment-code", {"station": "no-such-station"})
    assert answer.status_code == 400 and "没有这个联络站" in tech.text
    tech.get("/console/fleet")
    answer = tech.post(f"/console/fleet/{console.kiosk_a.device_id}/revoke", {})
    assert answer.status_code == 400 and "请先勾选确认" in tech.text
    tech.get("/console/fleet")
    assert tech.post("/console/privacy", {"mobile": "13900000000"}).status_code == 403
