# SPDX-License-Identifier: GPL-3.0-or-later
"""The security suite (issue 17): one test per finding, each failing before its fix. It uses
the central tests' real server and enrolled kiosks."""

from tests.central.conftest import (  # noqa: F401
    central,
    kiosk,
    new_kiosk,
    new_station,
    phone_station,
    shared_kiosk,
)
