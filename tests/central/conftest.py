# SPDX-License-Identifier: GPL-3.0-or-later
"""One real central server for all the central tests; a fresh station and kiosk per test."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

import pytest

from central.launch import CentralServer, running_central
from tests.central.console_fixtures import ConsoleSite, console_site
from tests.central.phone_fixtures import PhoneStation, demo_station
from tests.helpers.central import EnrolledKiosk, enrol, enrolment_code
from tests.helpers.postgres import engines_under_test

_station_numbers = itertools.count(1)
ENGINES = engines_under_test()


@pytest.fixture(scope="session", params=ENGINES)
def engine_central(request, tmp_path_factory) -> Iterator[CentralServer]:
    """A real server on each engine (the service and API tests' `central`)."""
    url = ""
    if request.param == "postgresql":
        template = request.getfixturevalue("postgres_template")
        url = request.getfixturevalue("postgres").create_database("central", template)
    folder = tmp_path_factory.mktemp(f"central-{request.param}")
    with running_central(folder, database_url=url) as server:
        yield server


@pytest.fixture(scope="session")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with running_central(tmp_path_factory.mktemp("central")) as server:
        yield server


def _create_station(central: CentralServer) -> tuple[str, str]:
    """A new station and an enrolment code for it (one command: each costs a second)."""
    station_id = f"station-{next(_station_numbers)}"
    output = central.cli(
        "station",
        "create",
        "--id",
        station_id,
        "--kind",
        "station",
        "--name",
        f"测试联络站 {station_id}",
        "--enrolment-code",
    ).stdout
    return station_id, output.split(f"enrolment code for {station_id}: ")[1].split()[0]


@pytest.fixture
def new_station(central: CentralServer) -> Callable[[], str]:
    """Create a station of its own for a test; returns its id."""
    return lambda: _create_station(central)[0]


@pytest.fixture
def new_kiosk(central: CentralServer) -> Callable[..., EnrolledKiosk]:
    """Enrol a kiosk at a new station, or at `station_id`."""

    def create(station_id: str | None = None) -> EnrolledKiosk:
        if station_id is None:
            station_id, code = _create_station(central)
        else:
            code = enrolment_code(central, station_id)
        answer = enrol(central.url, code)
        assert answer.status_code == 201, answer.text
        body = answer.json()
        return EnrolledKiosk(
            url=central.url,
            station_id=station_id,
            device_id=body["device_id"],
            token=body["device_token"],
            server_public_key=body["server_public_key"],
        )

    return create


@pytest.fixture
def kiosk(new_kiosk) -> EnrolledKiosk:
    return new_kiosk()


@pytest.fixture(scope="session")
def shared_kiosk(central: CentralServer) -> EnrolledKiosk:
    """One kiosk for the tests that only add events with fresh uuids (enrolling costs ~1 s)."""
    station_id, code = _create_station(central)
    body = enrol(central.url, code).json()
    return EnrolledKiosk(
        url=central.url,
        station_id=station_id,
        device_id=body["device_id"],
        token=body["device_token"],
        server_public_key=body["server_public_key"],
    )


@pytest.fixture(scope="session")
def phone_station(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PhoneStation]:
    """A server of its own with the demo station, for the phone pages. Its limits are high
    enough for every test from one address (the limits have a test of their own)."""
    folder = tmp_path_factory.mktemp("phone-central")
    with running_central(folder, "--address-limit", "100000", "--mobile-limit", "1000") as s:
        yield demo_station(s)


@pytest.fixture(scope="session")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleSite]:
    """A server of its own for the console: two stations in a district, accounts of each role."""
    with running_central(tmp_path_factory.mktemp("console-central")) as server:
        yield console_site(server)
