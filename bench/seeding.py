# SPDX-License-Identifier: GPL-3.0-or-later
"""What the central benchmarks seed alike: a migrated database filled by bulk inserts
straight through sqlite3 (the ORM would take hours for a million appeals), its stations and
deputies, tracking codes, and a console sign-in over real HTTP."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

from central.core.config import DATABASE_FILE, Settings
from central.core.db import open_database
from kiosk.domain.tracking import ALPHABET, check_character


def bulk_database(folder: Path) -> sqlite3.Connection:
    """`folder`'s database, migrated, opened for bulk inserts (WAL, no fsync)."""
    folder.mkdir(parents=True, exist_ok=True)
    open_database(Settings(data_dir=folder))  # the schema, migrated
    db = sqlite3.connect(folder / DATABASE_FILE)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    return db


def city(db: Any, stations: int) -> Callable[[int], int]:
    """1 city, 10 districts, 100 streets; returns the street of station number i."""
    db.execute("INSERT INTO region (id, parent_id, name, level) VALUES (1, NULL, '市', 'city')")
    db.executemany(
        "INSERT INTO region (id, parent_id, name, level) VALUES (?, 1, ?, 'district')",
        [(2 + d, f"第{d + 1}区") for d in range(10)],
    )
    db.executemany(
        "INSERT INTO region (id, parent_id, name, level) VALUES (?, ?, ?, 'street')",
        [(100 + s, 2 + s // 10, f"第{s + 1}街道") for s in range(100)],
    )
    per_street = max(1, stations // 100)
    return lambda i: 100 + min(99, i // per_street)


def stations(
    db: Any,
    ids: list[str],
    region_of: Callable[[int], int],
    deputies: int,
    deputy_id: Callable[[int, int], str],
) -> None:
    """Stations `ids` (第N联络站) in their regions, each with `deputies` deputies."""
    db.executemany(
        "INSERT INTO station (id, kind, name, address, hours, phone, intro, rules, notices,"
        " opinions_collected, problems_solved, revision, region_id)"
        " VALUES (?, 'station', ?, '', '', '', '', '[]', '[]', 0, 0, 0, ?)",
        [(station, f"第{i + 1}联络站", region_of(i)) for i, station in enumerate(ids)],
    )
    db.executemany(
        "INSERT INTO deputy (station_id, deputy_id, position, name, levels, constituency,"
        " blocks, phone, occupation, bio, qr_url) VALUES (?, ?, ?, ?, '[]', '', '[]', '', '',"
        " '', '')",
        [
            (station, deputy_id(i, k), k, f"代表{i}-{k}")
            for i, station in enumerate(ids)
            for k in range(deputies)
        ],
    )


def tracking_code(n: int) -> str:
    """The n-th valid tracking code (8 characters and the check character)."""
    body = ""
    for _ in range(8):
        n, digit = divmod(n, len(ALPHABET))
        body += ALPHABET[digit]
    return body + check_character(body)


def console_session(url: str, login: str, password: str, lands_on: str) -> requests.Session:
    """A browser's session signed in to the console as `login` (landing on `lands_on`)."""
    http = requests.Session()
    page = http.get(url + "/console/login", timeout=60).text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)[1]
    answer = http.post(
        url + "/console/login",
        data={"csrf": csrf, "login": login, "password": password},
        timeout=60,
    )
    if not answer.url.endswith(lands_on):
        raise RuntimeError(f"{login} cannot sign in; delete the --data folder and run again")
    return http


class BulkWriter:
    """Bulk inserts on either engine: sqlite3 (WAL, no fsync) or psycopg (COPY), the same
    SQL with `?` placeholders for both. Commit with `commit()`, then `close()`."""

    def __init__(self, settings: Settings) -> None:
        open_database(settings).dispose()  # the schema, migrated
        self.postgresql = bool(settings.database_url)
        if self.postgresql:
            import psycopg

            url = settings.resolved_database_url.replace("postgresql+psycopg://", "postgresql://")
            self.db: Any = psycopg.connect(url)
        else:
            self.db = sqlite3.connect(settings.data_dir / DATABASE_FILE)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=OFF")

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.postgresql else sql

    def execute(self, sql: str, parameters: tuple = ()) -> Any:
        return self.db.execute(self._sql(sql), parameters)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if self.postgresql:
            with self.db.cursor() as cursor:
                cursor.executemany(self._sql(sql), rows)
        else:
            self.db.executemany(sql, rows)

    def rows(self, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> None:
        """Many rows into `table` (PostgreSQL: COPY; datetimes aware, in UTC)."""
        if self.postgresql:
            sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
            with self.db.cursor() as cursor, cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join("?" for _ in columns)
        self.db.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
            (tuple(_sqlite_value(value) for value in row) for row in rows),
        )

    def done(self, sequences: tuple[str, ...] = ()) -> None:
        """Commit; the tables' id sequences after the ids given (PostgreSQL); statistics."""
        if self.postgresql:
            for table in sequences:
                self.db.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT max(id) FROM {table}))"
                )
            self.db.commit()
            self.db.autocommit = True
            self.db.execute("VACUUM ANALYZE")
        else:
            self.db.commit()
            self.db.execute("ANALYZE")
        self.db.close()


def _sqlite_value(value: object) -> object:
    # How models.UTCDateTime keeps a datetime on SQLite: UTC, without an offset.
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    return value
