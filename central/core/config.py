# SPDX-License-Identifier: GPL-3.0-or-later
"""Where the server keeps its data, which database it uses, and its fixed rules."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import timedelta, timezone
from pathlib import Path

# Stations, deadlines and steps are in China Standard Time (no daylight saving).
CHINA_TIME = timezone(timedelta(hours=8), "CST")
ENROLMENT_CODE_DAYS = 7
MAX_EVENTS_PER_BATCH = 500
# Request bodies (central.core.body_limit): a kiosk's batch of 200 events is well under 1 MB;
# an enrolment is a code and a name; a phone page's form a few fields of text.
API_BODY_BYTES = 4_000_000
ENROL_BODY_BYTES = 4_000
FORM_BODY_BYTES = 32_000
# A roster file or photo (5 MB) uploaded in the console, or its copy in the preview (base64).
UPLOAD_BODY_BYTES = 8 * 1024 * 1024
DATABASE_FILE = "central.sqlite3"
SERVER_KEY_FILE = "server.key"

# The phone pages' guards (docs/phone-pages.md). Forms sent from one address, and appeals or
# appointments for one mobile number, per window; a repeat of the same text within
# REPEAT_MINUTES returns the earlier code; LOOKUP_FAILURES wrong last-4 answers lock a code for
# the address that gave them.
ADDRESS_LIMIT = 20
ADDRESS_WINDOW_SECONDS = 600
MOBILE_LIMIT = 5
MOBILE_WINDOW_SECONDS = 3600
# MOBILE_LIMIT counts per (address, mobile); one mobile from all addresses gets this many times.
MOBILE_CEILING = 4
REPEAT_MINUTES = 10
LOOKUP_FAILURES = 5
LOOKUP_LOCK_MINUTES = 15
# Wrong last-4 answers for one code from every address together in a day (issue 17 §6): a
# stranger cannot lock the owner out with 5, and guessing from many addresses still meets a
# ceiling (before: 5 a quarter of an hour, 480 a day).
LOOKUP_CODE_FAILURES = 50
# A kiosk's snapshot lists its station's open appeals and those finished in the last this many
# days (serve --snapshot-appeal-days): years of closed appeals never travel to every kiosk.
SNAPSHOT_APPEAL_DAYS = 90
# The kiosk fleet (docs/fleet.md) and visitors' data rights (docs/privacy.md).
KIOSK_SILENT_HOURS = 24
RETENTION_YEARS = 3  # what the kiosk's consent screen promises


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str = ""  # empty: the SQLite file in data_dir
    # Base URL of the phone pages (QR codes); empty: the server's own http://host:port.
    public_url: str = ""
    address_limit: int = ADDRESS_LIMIT
    mobile_limit: int = MOBILE_LIMIT
    # Where the phone pages' rate limits count: "database" (shared by every process and
    # instance) or a `limits` storage URI (central.services.guards).
    rate_limit_storage: str = "database"
    # /docs and /openapi.json (serve --api-docs), from local files.
    api_docs: bool = False
    # Behind a TLS proxy (serve --behind-tls-proxy): cookies are sent over HTTPS only.
    secure_cookies: bool = False
    kiosk_silent_hours: int = KIOSK_SILENT_HOURS
    retention_years: int = RETENTION_YEARS
    snapshot_appeal_days: int = SNAPSHOT_APPEAL_DAYS

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


# `serve --workers N` hands its settings to the worker processes in this variable.
WORKER_SETTINGS = "CENTRAL_WORKER_SETTINGS"


def settings_text(settings: Settings) -> str:
    return json.dumps(
        {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings)}, default=str
    )


def settings_from_text(text: str) -> Settings:
    values = json.loads(text)
    values["data_dir"] = Path(values["data_dir"])
    return Settings(**values)
