# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk's device token: in a file of its own beside the database, mode 0600, never in
kiosk.sqlite3 (issue 17 §13). A database copied off the kiosk (a backup, a support bundle)
then carries no credential; a token found in the database of an older version is moved out.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from sqlite3 import Connection

from kiosk.store.rows import EnrolmentRow, fetch_one

FILE_NAME = "device-token"


def token_path(database_path: Path) -> Path:
    return database_path.with_name(FILE_NAME)


def write_token(database_path: Path, token: str) -> None:
    """Replace the token file at once (written aside, synced, renamed), mode 0600."""
    path = token_path(database_path)
    temporary = path.with_name(f".{FILE_NAME}.{os.getpid()}.{threading.get_ident()}")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as file:
        file.write(token)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def read_token(database_path: Path) -> str:
    try:
        return token_path(database_path).read_text(encoding="ascii").strip()
    except (FileNotFoundError, UnicodeDecodeError):
        return ""


def load_enrolment(connection: Connection, database_path: Path) -> EnrolmentRow | None:
    """This kiosk's enrolment with its token from the file. A token still in the database
    is moved to the file first (in a transaction of its own: call outside one)."""
    row = fetch_one(connection, EnrolmentRow, "SELECT * FROM enrolment LIMIT 1")
    if row is None:
        return None
    if row.device_token:
        write_token(database_path, row.device_token)
        connection.execute("UPDATE enrolment SET device_token = ''")
        # secure_delete zeroed the old value in the page; the checkpoint puts that page in
        # the database file, over the one that still had the token.
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    row.device_token = read_token(database_path)
    return row


def server_public_key(connection: Connection) -> str | None:
    """The server's key kept at enrolment (what visitors' data is sealed to), if enrolled."""
    row = connection.execute("SELECT server_public_key FROM enrolment LIMIT 1").fetchone()
    return row[0] if row and row[0] else None
