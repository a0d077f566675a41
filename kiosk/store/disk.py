# SPDX-License-Identifier: GPL-3.0-or-later
"""Free space for the kiosk's data: a floor below which new appeals are refused, and a
reserve file the sync worker releases so that the outbox drains even on a full disk.

On a full disk SQLite cannot write, not even to mark an event sent (WAL grows first). The
reserve is a plain file of `RESERVE_BYTES` kept in the data folder while there is room;
deleting it gives the sync worker room to count attempts, mark events sent and purge their
personal data. The floor is above the reserve: forms are refused before the reserve is needed.
"""

from __future__ import annotations

import errno
import logging
import shutil
from pathlib import Path

log = logging.getLogger(__name__)

FREE_SPACE_FLOOR = 64 * 1024 * 1024  # below this a visitor cannot start a new form
RESERVE_BYTES = 16 * 1024 * 1024
RESERVE_NAME = "space-reserve.bin"


def free_bytes(folder: Path) -> int:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return shutil.disk_usage(folder).free


def below_floor(folder: Path) -> bool:
    """Too little room left for new appeals (and the reserve is not counted as room)."""
    return free_bytes(folder) < FREE_SPACE_FLOOR


def is_disk_full(error: BaseException) -> bool:
    """SQLite's "database or disk is full", or the system's ENOSPC."""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    return "disk is full" in str(error) or "No space left" in str(error)


class DiskReserve:
    """The reserve file in `folder`: made when there is room, released on a full disk."""

    def __init__(self, folder: Path, size: int | None = None) -> None:
        self.path = folder / RESERVE_NAME
        self.size = RESERVE_BYTES if size is None else size

    def held(self) -> bool:
        return self.path.exists()

    def keep(self) -> None:
        """Make the reserve if it is missing and the disk has room for it above the floor."""
        if self.held() or free_bytes(self.path.parent) < FREE_SPACE_FLOOR + self.size:
            # Not with the disk this full: the room is better left to the outbox.
            return
        part = self.path.with_suffix(".part")
        try:
            with part.open("wb") as file:
                chunk = b"\0" * (1024 * 1024)
                for _ in range(self.size // len(chunk)):
                    file.write(chunk)
            part.replace(self.path)
        except OSError as error:
            log.warning("cannot keep the disk reserve: %s", error)
            part.unlink(missing_ok=True)

    def release(self) -> bool:
        """Free the reserve; True if it was there."""
        if not self.held():
            return False
        self.path.unlink(missing_ok=True)
        log.warning("disk full: released the %d MB reserve to send the outbox", self.size >> 20)
        return True
