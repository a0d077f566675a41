# SPDX-License-Identifier: GPL-3.0-or-later
"""What the admin panel shows a technician, gathered off the GUI thread: the server and
whether it answers, the last pull and push, the outbox, disk space, the database's health,
earlier recoveries from a damaged database, and the end of the log."""

from __future__ import annotations

import shutil
from collections import deque
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.store import outbox
from kiosk.store.database import open_database
from kiosk.store.disk import below_floor
from kiosk.store.recovery import damage, read_recoveries
from kiosk.store.sync_state import get_state
from kiosk.sync.client import CentralClient, Unreachable, tls_problem
from kiosk.sync.policy import read_retries

LOG_LINES = 100


def _time_text(value: str | datetime | None) -> str:
    if value is None:
        return ""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return f"{moment:%Y-%m-%d %H:%M:%S}"


def server_reachable(url: str, ca_bundle: str = "", allow_plain_http: bool = False) -> str:
    """ "" when the server answers over HTTP(S) at all, else why not (in a technician's words)."""
    try:
        client = CentralClient(
            url, ca_bundle=ca_bundle, allow_plain_http=allow_plain_http, timeout=(5, 10)
        )
    except ValueError as error:
        return str(error)
    try:
        client.status("/api/v1/")
    except Unreachable as failed:
        problem = tls_problem(failed)
        if problem == "certificate":
            return "TLS: the server's certificate is not trusted"
        cause = failed.__cause__
        if problem:
            return f"TLS: the secure connection failed ({getattr(cause, 'reason', '') or cause})"
        return type(cause).__name__ if cause is not None else str(failed)
    finally:
        client.close()
    return ""


def last_log_lines(log_file: Path, count: int = LOG_LINES) -> list[str]:
    try:
        with log_file.open(encoding="utf-8", errors="replace") as file:
            return [line.rstrip("\n") for line in deque(file, maxlen=count)]
    except OSError:
        return []


def gather(
    database_path: Path,
    log_file: Path,
    server_url: str = "",
    ca_bundle: str = "",
    allow_plain_http: bool = False,
) -> dict[str, Any]:
    """Every fact for the panel, as strings and numbers QML can show. Never raises."""
    facts: dict[str, Any] = {
        "serverUrl": server_url,
        "stationId": "",
        "enrolled": False,
        "lastPull": "",
        "lastPush": "",
        "pending": 0,
        "sent": 0,
        "quarantined": 0,
        "databaseProblem": "",
        "recovery": "",
        "snapshotRefused": "",  # why the server's latest station was not taken
        "retries": read_retries(None),  # syncs retried since installation, by cause
    }
    usage = shutil.disk_usage(database_path.parent if database_path.parent.exists() else "/")
    facts["diskFreeMb"] = usage.free // 1_000_000
    facts["diskFreePercent"] = round(100 * usage.free / usage.total) if usage.total else 0
    facts["diskLow"] = below_floor(database_path.parent)  # new appeals are refused
    facts["databaseProblem"] = damage(database_path) or ""
    if recoveries := read_recoveries(database_path):
        latest = recoveries[-1]
        facts["recovery"] = f"{_time_text(latest.at)} → {latest.moved_to}"
    if not facts["databaseProblem"]:
        try:
            database = open_database(database_path)
            try:
                with database.read() as connection:
                    counts = outbox.counts(connection)
                    facts.update(pending=counts.pending, sent=counts.sent)
                    facts["quarantined"] = counts.quarantined
                    facts["lastPull"] = _time_text(get_state(connection, "last_pull"))
                    facts["snapshotRefused"] = get_state(connection, "snapshot_refused") or ""
                    facts["retries"] = read_retries(get_state(connection, "retry_counts"))
                    (last_sent,) = connection.execute("SELECT max(sent_at) FROM outbox").fetchone()
                    facts["lastPush"] = _time_text(last_sent)
                    enrolment = connection.execute(
                        "SELECT station_id, server_url FROM enrolment LIMIT 1"
                    ).fetchone()
            finally:
                database.close()
            if enrolment is not None:
                facts.update(
                    enrolled=True,
                    stationId=enrolment["station_id"],
                    serverUrl=enrolment["server_url"],
                )
        except Exception as error:  # the panel shows it; it must never fail to open
            facts["databaseProblem"] = f"{type(error).__name__}: {error}"
    facts["serverProblem"] = (
        server_reachable(facts["serverUrl"], ca_bundle, allow_plain_http)
        if facts["serverUrl"]
        else "no server configured"
    )
    facts["log"] = "\n".join(last_log_lines(log_file))
    return facts
