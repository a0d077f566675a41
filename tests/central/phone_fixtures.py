# SPDX-License-Identifier: GPL-3.0-or-later
"""The demo station (deputies, photos, reception days) on a central server for the phone
page tests, and a kiosk enrolled there to read the station's snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from central.launch import CentralServer
from tests.helpers.central import EnrolledKiosk, enrol

STATION = "demo-station"


@dataclass
class PhoneStation:
    server: CentralServer
    kiosk: EnrolledKiosk

    @property
    def url(self) -> str:
        return self.server.url

    def snapshot(self) -> dict:
        answer = self.kiosk.snapshot()
        assert answer.status_code == 200, answer.text
        return answer.json()

    def cli(self, *args: str) -> str:
        return self.server.cli(*args).stdout


def demo_station(server: CentralServer) -> PhoneStation:
    output = server.cli("demo-station").stdout
    code = output.split(f"enrolment code for {STATION}: ")[1].split()[0]
    body = enrol(server.url, code).json()
    kiosk = EnrolledKiosk(
        url=server.url,
        station_id=STATION,
        device_id=body["device_id"],
        token=body["device_token"],
        server_public_key=body["server_public_key"],
    )
    return PhoneStation(server, kiosk)
