# SPDX-License-Identifier: GPL-3.0-or-later
"""The phone pages' tests run against a real server on each engine (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from central.launch import running_central
from tests.central.phone_fixtures import PhoneStation, demo_station
from tests.helpers.postgres import engines_under_test

HERE = Path(__file__).parent


@pytest.fixture(scope="session", params=engines_under_test())
def phone_station(request, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PhoneStation]:
    """A server of its own with the demo station, for the phone pages. Its limits are high
    enough for every test from one address (the limits have a test of their own)."""
    url = ""
    if request.param == "postgresql":
        template = request.getfixturevalue("postgres_template")
        url = request.getfixturevalue("postgres").create_database("phone", template)
    folder = tmp_path_factory.mktemp(f"phone-central-{request.param}")
    limits = ("--address-limit", "100000", "--mobile-limit", "1000")
    with running_central(folder, *limits, database_url=url) as server:
        yield demo_station(server)


def pytest_collection_modifyitems(config, items) -> None:
    """Chromium tests check what pages look like and do, not what the database keeps: they
    run on SQLite only (each costs seconds; the HTTP tests cover both engines)."""
    chromium_on_postgresql = [
        item
        for item in items
        if item.path.is_relative_to(HERE)
        and "browser" in getattr(item, "fixturenames", ())
        and "[postgresql" in item.nodeid
    ]
    if chromium_on_postgresql:
        config.hook.pytest_deselected(items=chromium_on_postgresql)
        items[:] = [item for item in items if item not in chromium_on_postgresql]
