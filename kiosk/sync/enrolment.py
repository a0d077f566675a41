# SPDX-License-Identifier: GPL-3.0-or-later
"""Enrolling this kiosk with the central server, once, with a one-time code."""

from __future__ import annotations

import secrets
import socket
from datetime import datetime
from pathlib import Path

from kiosk.domain.ids import new_uuid
from kiosk.store.database import open_database
from kiosk.store.device_token import write_token
from kiosk.store.rows import EnrolmentRow, insert
from kiosk.sync.client import CentralClient, Enrolment, Unreachable

ATTEMPTS = 3
# The identity made for each (server, code) in this process: a retry sends the same one.
_identities: dict[tuple[str, str], tuple[str, str]] = {}


def enrol(
    database_path: Path,
    server_url: str,
    code: str,
    *,
    ca_bundle: str = "",
    allow_plain_http: bool = False,
) -> Enrolment:
    """Exchange `code` for a device identity and keep it; raises the client's errors.

    The identity (device id and token) is made here first and sent with the code, so that a
    request whose answer was lost can be sent again and gets the same device: up to
    `ATTEMPTS` times here, and again when the technician retries in this process.
    """
    code = code.strip()
    device_id, device_token = _identities.setdefault(
        (server_url, code), (new_uuid(), secrets.token_urlsafe(32))
    )
    client = CentralClient(server_url, ca_bundle=ca_bundle, allow_plain_http=allow_plain_http)
    try:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                enrolment = client.enrol(
                    code, socket.gethostname(), device_id=device_id, device_token=device_token
                )
                break
            except Unreachable:
                if attempt == ATTEMPTS:
                    raise
    finally:
        client.close()
    write_token(database_path, enrolment.device_token)  # its own file, mode 0600
    database = open_database(database_path)
    try:
        with database.begin() as connection:
            connection.execute("DELETE FROM enrolment")
            connection.execute("DELETE FROM sync_state")  # a new identity starts a fresh pull
            insert(
                connection,
                EnrolmentRow(
                    device_id=enrolment.device_id,
                    device_token="",
                    station_id=enrolment.station_id,
                    server_url=client.base_url,
                    server_public_key=enrolment.server_public_key,
                    enrolled_at=datetime.now(),
                ),
            )
    finally:
        database.close()
    return enrolment


def is_enrolled(database_path: Path) -> bool:
    if not database_path.exists():
        return False
    database = open_database(database_path)
    try:
        with database.read() as connection:
            return connection.execute("SELECT 1 FROM enrolment LIMIT 1").fetchone() is not None
    finally:
        database.close()
