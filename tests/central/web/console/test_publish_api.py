# SPDX-License-Identifier: GPL-3.0-or-later
"""A station's notices and rules over the console's JSON API, over real HTTP (issue 15 §1):
the console's sign-in and CSRF rule, the same scope and checks as /console/stations, refusals
in words naming the field, and every change in the kiosk's next snapshot."""

from __future__ import annotations

from datetime import datetime, timedelta

import requests

from central.core.config import CHINA_TIME
from tests.central.console_fixtures import STATION, STATION_B, ConsoleSite


def signed_in(console: ConsoleSite, login: str) -> tuple[requests.Session, dict[str, str]]:
    console.staff(login)  # the first sign-in sets the account's own password
    api = requests.Session()
    answer = api.post(
        f"{console.url}/console/api/login",
        json={"login": login, "password": console.passwords[login]},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return api, {"X-CSRF-Token": answer.json()["csrf"]}


def kiosk_station(console: ConsoleSite) -> dict:
    return console.kiosk_a.snapshot().json()["station"]


def test_staff_keep_notices_and_rules_over_the_json_api(console: ConsoleSite):
    base = f"{console.url}/console/api/stations/{STATION}"
    assert requests.get(f"{base}/notices", timeout=30).status_code == 401
    api, csrf = signed_in(console, "staff-a")
    today = datetime.now(CHINA_TIME).date()

    notice = {"title": "本周四代表接待日主题：停车难", "body": "欢迎居民来站反映。"}
    notice["shown_from"] = today.isoformat()
    assert api.post(f"{base}/notices", json=notice, timeout=30).status_code == 403  # no CSRF
    wrong = api.post(f"{base}/notices", json=notice | {"shown_from": "下周"}, headers=csrf)
    assert wrong.status_code == 400 and wrong.json()["field"] == "shown_from"
    assert "开始显示" in wrong.json()["detail"]
    english = api.post(
        f"{base}/notices?lang=en", json=notice | {"title": " "}, headers=csrf, timeout=30
    )
    assert english.status_code == 400 and english.json() == {
        "detail": "Please fill in “Title”.",
        "field": "title",
    }
    made = api.post(f"{base}/notices", json=notice, headers=csrf, timeout=30)
    assert made.status_code == 201 and made.json()["state"] == "showing"
    later = notice | {"title": "下周的通知", "shown_from": (today + timedelta(days=7)).isoformat()}
    waiting = api.post(f"{base}/notices", json=later, headers=csrf, timeout=30).json()
    assert waiting["state"] == "waiting"
    listed = api.get(f"{base}/notices", timeout=30).json()["notices"]
    assert [n["id"] for n in listed][:2] == [waiting["id"], made.json()["id"]]
    shown = [n["title"] for n in kiosk_station(console)["notices"]]
    assert notice["title"] in shown and "下周的通知" not in shown

    notice_id = made.json()["id"]
    edited = api.put(
        f"{base}/notices/{notice_id}",
        json=notice | {"title": "本周四接待日改为周五"},
        headers=csrf,
        timeout=30,
    )
    assert edited.status_code == 200 and edited.json()["title"] == "本周四接待日改为周五"
    assert "本周四接待日改为周五" in [n["title"] for n in kiosk_station(console)["notices"]]
    for gone in (notice_id, waiting["id"]):
        assert api.delete(f"{base}/notices/{gone}", headers=csrf, timeout=30).status_code == 204
    assert api.delete(f"{base}/notices/{notice_id}", headers=csrf, timeout=30).status_code == 404
    assert "本周四接待日改为周五" not in [n["title"] for n in kiosk_station(console)["notices"]]

    rule = {"title": "代表轮值制度", "body": "驻站代表每月至少进站一次。"}
    added = api.post(f"{base}/rules", json=rule, headers=csrf, timeout=30)
    assert added.status_code == 201
    rule_id = added.json()["id"]
    rules = api.get(f"{base}/rules", timeout=30).json()["rules"]
    assert rules[-1] == rule | {"id": rule_id}
    assert kiosk_station(console)["rules"][-1] == rule
    changed = api.put(
        f"{base}/rules/{rule_id}", json=rule | {"body": "每月两次。"}, headers=csrf, timeout=30
    )
    assert changed.json()["body"] == "每月两次。"
    assert api.delete(f"{base}/rules/{rule_id}", headers=csrf, timeout=30).status_code == 204
    assert rule["title"] not in [r["title"] for r in kiosk_station(console)["rules"]]

    # Another station's, a station that does not exist, and a viewer: refused.
    other = f"{console.url}/console/api/stations/{STATION_B}/rules"
    assert api.get(other, timeout=30).status_code == 403
    assert api.post(other, json=rule, headers=csrf, timeout=30).status_code == 403
    viewer, viewer_csrf = signed_in(console, "viewer")
    assert viewer.get(f"{base}/notices", timeout=30).status_code == 403
    chief, chief_csrf = signed_in(console, "chief")
    nowhere = f"{console.url}/console/api/stations/nowhere/rules"
    assert chief.get(nowhere, timeout=30).status_code == 404
    assert chief.post(nowhere, json=rule, headers=chief_csrf, timeout=30).status_code == 404
