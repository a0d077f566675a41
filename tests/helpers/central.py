# SPDX-License-Identifier: GPL-3.0-or-later
"""A real central server in a subprocess (central.launch), and a kiosk's side of the API.

The server listens on a port the kernel picks (``--port 0``) and says which on its ready line,
so there is no window in which another process could take a port chosen in advance.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import requests
from nacl.public import PublicKey, SealedBox

from central.launch import CentralServer

CHINA = timezone(timedelta(hours=8))


@dataclass
class EnrolledKiosk:
    """A kiosk's side of the API: its token, station and the server's sealing key."""

    url: str
    station_id: str
    device_id: str
    token: str
    server_public_key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        headers = self.headers | kwargs.pop("headers", {})
        return requests.get(self.url + path, headers=headers, timeout=30, **kwargs)

    def post(self, path: str, body: Any) -> requests.Response:
        return requests.post(self.url + path, json=body, headers=self.headers, timeout=30)

    def snapshot(self, etag: str | None = None, station_id: str | None = None):
        headers = {"If-None-Match": etag} if etag else {}
        return self.get(
            f"/api/v1/stations/{station_id or self.station_id}/snapshot", headers=headers
        )

    def post_events(self, events: list[Any], station_id: str | None = None):
        return self.post(
            f"/api/v1/stations/{station_id or self.station_id}/events", {"events": events}
        )

    def seal(self, personal: Any) -> str:
        box = SealedBox(PublicKey(base64.b64decode(self.server_public_key)))
        return base64.b64encode(box.encrypt(json.dumps(personal).encode())).decode()

    def appeal_event(self, tracking_code: str, **personal: Any) -> dict[str, Any]:
        """An appeal as the kiosk's outbox sends it, with a fresh uuid."""
        contact = {
            "name": "测试居民",
            "mobile": "00012345678",
            "text": "路灯不亮",
            "address": "文昌社区3幢",
            "consent": True,
        } | personal
        return {
            "uuid": str(uuid.uuid4()),
            "kind": "appeal",
            "created_at": datetime.now(CHINA).isoformat(timespec="seconds"),
            "body": {
                "tracking_code": tracking_code,
                "category": "交通出行",
                "block": "文昌社区",
                "target_deputy_id": None,
                "channel": "kiosk",
                "sealed": self.seal(contact),
            },
        }


def enrol(url: str, code: str, device_name: str = "test kiosk") -> requests.Response:
    return requests.post(
        url + "/api/v1/enrol",
        json={"enrolment_code": code, "device_name": device_name},
        timeout=30,
    )


def enrolment_code(server: CentralServer, station_id: str) -> str:
    """A fresh code from the admin command line's output."""
    output = server.cli("enrolment-code", "--station", station_id).stdout
    return output.split(": ", 1)[1].split()[0]


def put_on_roster(server: CentralServer, station_id: str, *deputy_ids: str) -> None:
    """Make `deputy_ids` the station's roster (a kiosk's deputy events must name them)."""
    roster = server.data_dir / f"roster-{station_id}-{uuid.uuid4().hex[:8]}.json"
    entries = [{"id": d, "name": f"代表 {d}", "levels": ["city"]} for d in deputy_ids]
    roster.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    server.cli("roster", "import", "--station", station_id, str(roster))
