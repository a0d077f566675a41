# SPDX-License-Identifier: GPL-3.0-or-later
"""A central server for the console's tests: the demo station (A) and a second station (B),
each in a street of one district, a department, kiosks at both, and accounts of each role.
Staff sign in over real HTTP as a browser would (cookies, forms with their CSRF tokens)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import requests
from argon2 import PasswordHasher

from central.core.config import Settings
from central.core.db import open_database
from central.launch import CentralServer
from central.models import Appointment, AppointmentStep
from central.services import accounts, regions
from central.services.accounts import NewAccount
from tests.central.phone_fixtures import STATION, demo_station
from tests.helpers.central import EnrolledKiosk, enrol, enrolment_code
from tests.helpers.phone import field_value, page_text

STATION_B = "station-b"
FIRST_PASSWORD = "first password 1"
PASSWORD = "a good long password"
LOGINS = {
    "chief": ("admin", {}),
    "reviewer": ("reviewer", {"region": "district"}),
    "staff-a": ("staff", {"station_id": STATION}),
    "staff-b": ("staff", {"station_id": STATION_B}),
    "viewer": ("viewer", {"region": "district"}),
    "locked": ("viewer", {"region": "district"}),
    "journey": ("reviewer", {"region": "district"}),
    "tech": ("technician", {"region": "district"}),
}


@dataclass
class ConsoleSite:
    server: CentralServer
    kiosk_a: EnrolledKiosk
    kiosk_b: EnrolledKiosk
    department_id: int
    passwords: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.server.url

    def appeal(self, kiosk: EnrolledKiosk, code: str, **personal: Any) -> None:
        """An appeal as a kiosk sends it (sealed personal part), stored by the server."""
        answer = kiosk.post_events([kiosk.appeal_event(code, **personal)])
        assert answer.json()["results"][0]["status"] == "created", answer.text

    def callback(self, kiosk: EnrolledKiosk, code: str, mobile: str) -> None:
        """A visitor who could not type asks to be called back (no text)."""
        event = kiosk.appeal_event(code, mobile=mobile, text="")
        event["body"]["request"] = "callback"
        answer = kiosk.post_events([event])
        assert answer.json()["results"][0]["status"] == "created", answer.text

    def staff(self, login: str) -> Staff:
        """A browser signed in as `login` (its first sign-in changes the password)."""
        return self.staff_at(login, "/console/")

    def staff_at(self, login: str, start: str) -> Staff:
        """As `staff`, for an account whose start page is `start` (a technician's: the fleet)."""
        person = Staff(self.url)
        password = self.passwords.get(login, FIRST_PASSWORD)
        person.sign_in(login, password)
        if "/console/password" in person.last_url:
            person.post("/console/password", {"old": password, "new": PASSWORD})
            self.passwords[login] = PASSWORD
        assert person.last_url.endswith(start), person.text
        return person


def console_site(server: CentralServer) -> ConsoleSite:
    phone = demo_station(server)
    server.cli("station", "create", "--id", STATION_B, "--kind", "station", "--name", "城南联络站")
    answer = enrol(server.url, enrolment_code(server, STATION_B)).json()
    kiosk_b = EnrolledKiosk(
        url=server.url,
        station_id=STATION_B,
        device_id=answer["device_id"],
        token=answer["device_token"],
        server_public_key=answer["server_public_key"],
    )
    # Seeded in process on the server's own database: quicker than a command each.
    now = datetime.now(UTC)
    database = open_database(Settings(data_dir=server.data_dir))
    quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    saved, accounts._hasher = accounts._hasher, quick
    try:
        with database.writer.begin() as session:
            district = regions.add_region(session, "城东区", "district")
            for name, station in (("文昌街道", STATION), ("城南街道", STATION_B)):
                street = regions.add_region(session, name, "street", district.id)
                regions.place_station(session, station, street.id)
            department = regions.add_department(session, "区交通运输局", district.id)
            for login, (role, given) in LOGINS.items():
                scope = dict(given)
                region = district.id if scope.pop("region", None) else None
                new = NewAccount(login, f"{login}的名字", role, region_id=region, **scope)
                accounts.create_account(session, new, FIRST_PASSWORD, now=now)
            department_id = department.id
    finally:
        accounts._hasher = saved
    return ConsoleSite(server, phone.kiosk, kiosk_b, department_id)


def seed_appointment(site: ConsoleSite, code: str, day: date) -> None:
    """A visitor's appointment request with the demo station's first deputy."""
    database = open_database(Settings(data_dir=site.server.data_dir))
    now = datetime.now(UTC)
    with database.writer.begin() as session:
        appointment = Appointment(
            station_id=STATION,
            code=code,
            deputy_id="demo-01",
            day=day,
            channel="qr",
            created_at=now,
            state="requested",
            contact_name="钱女士",
            contact_mobile="13700137000",
            topic="小区停车难，想当面反映",
        )
        appointment.steps.append(AppointmentStep(state="requested", at=now, actor="qr"))
        session.add(appointment)


class Staff:
    """A staff member's browser without the browser: cookies kept, forms posted with the
    CSRF token of the page last loaded."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = requests.Session()
        self.page = ""
        self.last_url = ""
        self.status = 0

    def _keep(self, answer: requests.Response) -> requests.Response:
        self.page, self.last_url, self.status = answer.text, answer.url, answer.status_code
        return answer

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self._keep(self.http.get(self.url + path, timeout=30, **kwargs))

    def post(self, path: str, fields: dict[str, str] | None = None) -> requests.Response:
        data = {"csrf": field_value(self.page, "csrf")} | (fields or {})
        return self._keep(self.http.post(self.url + path, data=data, timeout=30))

    def sign_in(self, login: str, password: str) -> requests.Response:
        self.get("/console/login")
        return self.post("/console/login", {"login": login, "password": password})

    @property
    def text(self) -> str:
        return page_text(self.page)

    def codes(self) -> list[str]:
        """The tracking codes the inbox lists."""
        return re.findall(r'<tr data-code="([^"]+)"', self.page)


def new_code() -> str:
    from kiosk.domain.tracking import new_tracking_code

    return new_tracking_code()


def fresh_mobile() -> str:
    return "139" + str(uuid.uuid4().int)[:8]
