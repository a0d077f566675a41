# SPDX-License-Identifier: GPL-3.0-or-later
"""Files that hold visitors' data (the kiosk's and the server's databases): readable by the
program's own user only, in a folder only it can open (docs/security.md). One place for both:
the server imports it too."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
# SQLite's companions of a database file (it gives them the database's mode when it makes
# them; set here too in case one was made before).
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def private_folder(path: Path) -> Path:
    """`path` as a folder only this user can open, made (with its parents) if missing."""
    path.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if path.stat().st_mode & 0o777 != FOLDER_MODE:
        os.chmod(path, FOLDER_MODE)
    return path


def private_database(path: Path) -> Path:
    """A SQLite file only this user can read or write, in a private folder; created empty
    with that mode before SQLite opens it, so it is never readable by others, not even for
    a moment."""
    private_folder(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    for file in (path, *(path.with_name(path.name + end) for end in SQLITE_COMPANIONS)):
        try:
            if file.stat().st_mode & 0o777 != FILE_MODE:
                os.chmod(file, FILE_MODE)
        except FileNotFoundError:
            pass
    return path
