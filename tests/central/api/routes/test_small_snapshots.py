# SPDX-License-Identifier: GPL-3.0-or-later
"""Snapshots that stay small and cheap (issue 18 §3, §4), and the monitoring endpoints (§5):
on SQLite and on PostgreSQL."""

from __future__ import annotations

import gzip
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import requests

from central.models import Appeal, AppealStep
from kiosk.domain.tracking import new_tracking_code
from kiosk.sync.client import CentralClient


def _metric(central, name: str) -> float:
    text = requests.get(central.url + "/metrics", timeout=30).text
    found = re.search(rf"^{re.escape(name)} ([0-9.e+]+)$", text, re.MULTILINE)
    assert found, text
    return float(found.group(1))


def _appeal(station_id: str, state: str, days_ago: int, code: str) -> Appeal:
    at = datetime.now(UTC) - timedelta(days=days_ago)
    appeal = Appeal(
        station_id=station_id,
        tracking_code=code,
        category="交通出行",
        channel="kiosk",
        created_at=at - timedelta(days=3),
        state=state,
    )
    appeal.steps.append(AppealStep(state="received", at=at - timedelta(days=3), actor="kiosk"))
    if state != "received":
        appeal.steps.append(AppealStep(state=state, at=at, actor="staff", note="已处理"))
    return appeal


def test_finished_appeals_leave_the_snapshot_after_90_days_open_ones_stay(central, kiosk):
    codes = {
        "old_closed": new_tracking_code(),
        "old_open": new_tracking_code(),
        "recent_closed": new_tracking_code(),
    }
    with central.open_database() as database, database.writer.begin() as session:
        session.add(_appeal(kiosk.station_id, "closed", 200, codes["old_closed"]))
        session.add(_appeal(kiosk.station_id, "received", 200, codes["old_open"]))
        session.add(_appeal(kiosk.station_id, "closed", 80, codes["recent_closed"]))
    listed = {a["tracking_code"] for a in kiosk.snapshot().json()["appeals"]}
    assert listed == {codes["old_open"], codes["recent_closed"]}


def test_the_kiosk_s_client_gets_the_snapshot_gzipped_and_reads_it(central, kiosk):
    identity = kiosk.get(
        f"/api/v1/stations/{kiosk.station_id}/snapshot", headers={"Accept-Encoding": "identity"}
    )
    assert "Content-Encoding" not in identity.headers
    raw = requests.get(
        f"{central.url}/api/v1/stations/{kiosk.station_id}/snapshot",
        headers=kiosk.headers | {"Accept-Encoding": "gzip"},
        stream=True,
        timeout=30,
    )
    assert raw.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in raw.headers["Vary"]
    sent = raw.raw.read(decode_content=False)
    assert gzip.decompress(sent) == identity.content and len(sent) < len(identity.content)

    # The kiosk's own client (kiosk/sync/client.py) asks for gzip and reads it.
    client = CentralClient(central.url, kiosk.token, allow_plain_http=True)
    document, etag = client.snapshot(kiosk.station_id, None)
    assert document["station"]["id"] == kiosk.station_id and etag == identity.headers["ETag"]
    assert "gzip" in client.headers["Accept-Encoding"]
    assert client.snapshot(kiosk.station_id, etag) is None  # 304, as before
    client.close()


def test_a_storm_of_requests_for_a_changed_station_builds_its_document_once(central, kiosk):
    # Every kiosk of a station reconnecting at once, just after a change.
    kiosk.snapshot()
    with central.open_database() as database, database.writer.begin() as session:
        session.add(_appeal(kiosk.station_id, "received", 0, new_tracking_code()))
    before = _metric(central, "central_snapshot_builds_total")
    with ThreadPoolExecutor(24) as pool:
        answers = list(pool.map(lambda _: kiosk.snapshot(), range(48)))
    assert {a.status_code for a in answers} == {200}
    assert len({a.headers["ETag"] for a in answers}) == 1
    assert _metric(central, "central_snapshot_builds_total") - before == 1


def test_health_and_metrics_for_the_proxy_and_prometheus(central, kiosk):
    health = requests.get(central.url + "/healthz", timeout=30)
    assert health.status_code == 200 and health.text == "ok\n"
    kiosk.snapshot()
    before = _metric(central, "central_events_received_total")
    assert kiosk.post_events([kiosk.appeal_event(new_tracking_code())]).status_code == 200
    assert _metric(central, "central_events_received_total") == before + 1
    text = requests.get(central.url + "/metrics", timeout=30).text
    route = 'route="/api/v1/stations/{station_id}/snapshot"'
    assert re.search(rf'central_http_requests_total{{method="GET",{route},status="200"}} \d', text)
    assert f'central_http_request_seconds_bucket{{method="GET",{route},le="+Inf"}}' in text
    assert "central_notifications_pending " in text
    assert kiosk.station_id not in text and kiosk.token not in text  # templates, not paths
