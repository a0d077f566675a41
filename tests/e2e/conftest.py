# SPDX-License-Identifier: GPL-3.0-or-later
"""A kiosk's sync worker on its real thread, talking to a real central server subprocess
through a fault-injecting proxy on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from central.launch import CentralServer, running_central
from kiosk.app import connect_sync
from kiosk.domain.appeals import Appeal
from kiosk.store import outbox
from kiosk.store.appeals import record_appeal
from kiosk.store.database import Database, open_database
from kiosk.store.sealing import seal
from kiosk.store.sync_state import get_state
from kiosk.sync.enrolment import enrol
from kiosk.sync.policy import SyncTiming, read_retries
from kiosk.sync.worker import SyncThread, SyncWorker
from kiosk.ui.sync import Sync
from tests.helpers.faulty_proxy import FaultyProxy

CHINA = timezone(timedelta(hours=8))


@dataclass
class Station:
    """The server side: a station on a running central server (restartable)."""

    data_dir: Path
    station_id: str
    stack: ExitStack
    server: CentralServer | None = None
    database_url: str = ""  # empty: SQLite in data_dir

    def start(self) -> CentralServer:
        self.server = self.stack.enter_context(
            running_central(self.data_dir, database_url=self.database_url)
        )
        return self.server

    def kill(self) -> None:
        assert self.server is not None
        self.server.process.kill()
        self.server.process.wait()

    def cli(self, *args: str, stdin: str | None = None):
        assert self.server is not None
        return self.server.cli(*args, stdin=stdin)

    def query(self, sql: str, **params) -> list:
        """Rows of the server's database, opened as its admin commands open it (any engine)."""
        assert self.server is not None
        with self.server.open_database() as database, database.reader() as session:
            return list(session.execute(text(sql), params))


@dataclass
class Kiosk:
    """The kiosk side: its database, its worker on a QThread, and what the UI was told."""

    data_dir: Path
    database: Database
    sync: Sync
    thread: SyncThread | None = None
    snapshots: list = field(default_factory=list)

    def start_worker(self) -> None:
        worker = SyncWorker(
            self.data_dir / "kiosk.sqlite3",
            self.data_dir / "photos",
            timing=SyncTiming(first_retry_seconds=0.2, longest_wait_seconds=0.2),
            http_timeout=(2, 2),
        )
        connect_sync(worker, self.sync)
        self.thread = SyncThread(worker)
        self.thread.start()

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.stop()
        self.database.close()

    def queue_appeals(self, count: int, start: int = 0) -> list[tuple[Appeal, dict]]:
        with self.database.read() as connection:
            [(key,)] = connection.execute("SELECT server_public_key FROM enrolment").fetchall()
        made = []
        with self.database.begin() as connection:
            for i in range(start, start + count):
                appeal = Appeal.new(
                    "ignored-by-server", "交通出行", datetime.now(CHINA), block="文昌社区"
                )
                personal = {
                    "name": f"访客{i}",
                    "mobile": f"1380000{i:04d}",
                    "text": f"第{i}号：路口红绿灯时间太短",
                    "address": "",
                    "consent": True,
                }
                record_appeal(connection, appeal, seal(key, personal))
                made.append((appeal, personal))
        return made

    def counts(self) -> outbox.OutboxCounts:
        with self.database.read() as connection:
            return outbox.counts(connection)

    def retries(self) -> dict[str, int]:
        with self.database.read() as connection:
            return read_retries(get_state(connection, "retry_counts"))

    def payloads(self) -> dict[str, bytes]:
        with self.database.read() as connection:
            return dict(connection.execute("SELECT item_uuid, payload FROM outbox").fetchall())


@pytest.fixture
def station_engine() -> str:
    """The engine under the `station` fixture's server. SQLite; a module whose tests run on
    both engines overrides it with `@pytest.fixture(params=ENGINES)` (docs/testing.md)."""
    return "sqlite"


@pytest.fixture
def station(tmp_path, station_engine, request) -> Iterator[Station]:
    url = ""
    if station_engine == "postgresql":
        template = request.getfixturevalue("postgres_template")
        url = request.getfixturevalue("postgres").copy_of(template)
    with ExitStack() as stack:
        station = Station(tmp_path / "central", "qinghe", stack, database_url=url)
        station.start()
        station.cli(
            "station", "create", "--id", "qinghe", "--kind", "station", "--name", "青禾测试联络站"
        )
        yield station


@pytest.fixture
def proxy(station) -> Iterator[FaultyProxy]:
    with FaultyProxy(station.server.url, hang_seconds=3) as proxy:
        yield proxy


@pytest.fixture
def kiosk(qapp, tmp_path, station, proxy) -> Iterator[Kiosk]:
    """A kiosk enrolled (through the proxy) at the station."""
    output = station.cli("enrolment-code", "--station", station.station_id).stdout
    code = output.split(": ", 1)[1].split()[0]
    data_dir = tmp_path / "kiosk"
    enrol(data_dir / "kiosk.sqlite3", proxy.url, code)
    kiosk = Kiosk(data_dir, open_database(data_dir / "kiosk.sqlite3"), Sync(lambda s: None))
    kiosk.sync._show_snapshot = kiosk.snapshots.append
    yield kiosk
    kiosk.stop()


def canonical(payload: bytes) -> str:
    """What the server keeps of an event: kind + created_at + body, canonical JSON."""
    event = json.loads(payload)
    del event["uuid"]
    return json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
