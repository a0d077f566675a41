# SPDX-License-Identifier: GPL-3.0-or-later
"""Every JSON route of the OpenAPI document fuzzed with schemathesis against a real server on
127.0.0.1 (serve --api-docs): no 500, no answer that breaks its documented schema. A few
examples per operation, as the kiosk (its device token, its own station) and as staff (a
signed-in console session with its CSRF token), so the fuzzing reaches past the doors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

from central.launch import running_central
from tests.central.console_fixtures import (
    FIRST_PASSWORD,
    PASSWORD,
    ConsoleSite,
    Staff,
    console_site,
)

EXAMPLES = 8
# A well-formed request may still be refused for what it says (an enrolment code nobody
# issued): that is the server's answer, not a fault.
EXCLUDED = [positive_data_acceptance]


@pytest.fixture(scope="module")
def fuzzed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleSite]:
    # Limits high enough that the fuzzing is not simply refused as too many.
    with running_central(
        tmp_path_factory.mktemp("fuzzed"), "--api-docs", "--address-limit", "100000"
    ) as server:
        yield console_site(server)


@pytest.fixture(scope="module")
def staff_session(fuzzed_site: ConsoleSite) -> tuple[requests.Session, str]:
    staff = Staff(fuzzed_site.url)  # the one-time password changed, as staff do first
    staff.sign_in("chief", FIRST_PASSWORD)
    staff.post("/console/password", {"old": FIRST_PASSWORD, "new": PASSWORD})
    session = requests.Session()
    url = fuzzed_site.url + "/console/api/login"
    body = session.post(url, json={"login": "chief", "password": PASSWORD}, timeout=30)
    assert body.status_code == 200 and not body.json()["must_change_password"], body.text
    return session, body.json()["csrf"]


def operations(url: str) -> list:
    schema = schemathesis.openapi.from_url(url + "/openapi.json")
    return [result.ok() for result in schema.get_all_operations()]


def test_no_route_fails_or_breaks_its_schema(fuzzed_site, staff_session):
    kiosk = fuzzed_site.kiosk_a
    found = operations(fuzzed_site.url)
    assert len(found) >= 10
    failures: dict[str, str] = {}
    for operation in found:

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def call(case) -> None:
            headers = {"Authorization": f"Bearer {kiosk.token}"}
            session = None
            if case.path.startswith("/console/api"):
                session, csrf = staff_session
                headers = {"X-CSRF-Token": csrf}
            if case.path == "/console/api/login":
                session = requests.Session()  # a fuzzed login must not sign staff out
            if case.path_parameters and "station_id" in case.path_parameters:
                case.path_parameters["station_id"] = kiosk.station_id  # past the door
            case.call_and_validate(
                session=session, headers=headers, timeout=30, excluded_checks=EXCLUDED
            )

        try:
            call()
        except (Exception, BaseExceptionGroup) as error:  # each operation's, reported below
            failures[operation.label] = f"{type(error).__name__}: {error}"[:1500]
    assert not failures, "\n\n".join(f"{label}\n{text}" for label, text in failures.items())
