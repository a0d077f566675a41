# SPDX-License-Identifier: GPL-3.0-or-later
"""The API's tests run against a real server on each engine (SQLite and PostgreSQL)."""

import pytest


@pytest.fixture(scope="session")
def central(engine_central):
    return engine_central
