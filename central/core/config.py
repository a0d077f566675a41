# SPDX-License-Identifier: GPL-3.0-or-later
"""Where the server keeps its data, which database it uses, and its fixed rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta, timezone
from pathlib import Path

# Stations, deadlines and steps are in China Standard Time (no daylight saving).
CHINA_TIME = timezone(timedelta(hours=8), "CST")
ENROLMENT_CODE_DAYS = 7
MAX_EVENTS_PER_BATCH = 500
DATABASE_FILE = "central.sqlite3"
SERVER_KEY_FILE = "server.key"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str = ""  # empty: the SQLite file in data_dir

    @property
    def resolved_database_url(self) -> str:
        if not self.database_url:
            return f"sqlite:///{self.data_dir / DATABASE_FILE}"
        # A bare postgresql:// URL means psycopg 3 here (the `postgres` extra), not psycopg2.
        if self.database_url.startswith("postgresql://"):
            return "postgresql+psycopg://" + self.database_url.removeprefix("postgresql://")
        return self.database_url

    @property
    def server_key_path(self) -> Path:
        return self.data_dir / SERVER_KEY_FILE
