# SPDX-License-Identifier: GPL-3.0-or-later
"""A copy of the last station snapshot as JSON, so the screens can start before the database.

Opening the database costs over half a second at start-up (importing SQLAlchemy), so the
kiosk shows this copy first and replaces it with the database's snapshot right after the first
frame. It is derived data: written whenever the station is read from the database, and a
missing or damaged copy only means a slower start. This module imports no SQLAlchemy.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from kiosk.domain.snapshot import InvalidSnapshot, snapshot_from_document, snapshot_to_document
from kiosk.domain.station import StationSnapshot

log = logging.getLogger(__name__)


def read_station_cache(path: Path) -> StationSnapshot | None:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return snapshot_from_document(document)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, InvalidSnapshot) as error:
        log.warning("ignoring the station copy %s: %s", path, error)
        return None


def write_station_cache(path: Path, snapshot: StationSnapshot) -> None:
    """Replace the copy atomically: a power cut leaves the old copy or the new, never half."""
    temporary = path.with_suffix(".tmp")
    text = json.dumps(snapshot_to_document(snapshot), ensure_ascii=False, separators=(",", ":"))
    with open(temporary, "w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
