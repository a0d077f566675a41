# SPDX-License-Identifier: GPL-3.0-or-later
"""The sync worker and its client in this process, against a fake central server on
127.0.0.1 (real HTTP, faults on cue). tests/e2e runs the same worker against the real server,
through a proxy that makes the same faults."""

from __future__ import annotations

import json
import socket
import struct
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kiosk.demo import demo_snapshot
from kiosk.domain.snapshot import snapshot_to_document
from kiosk.store import outbox
from kiosk.store.database import open_database
from kiosk.store.sync_state import get_state
from kiosk.sync.enrolment import enrol
from kiosk.sync.policy import SyncTiming, read_retries
from kiosk.sync.worker import SyncState, SyncWorker

STATION = "demo-station"
FAST = SyncTiming(poll_seconds=3600, first_retry_seconds=0.02, longest_wait_seconds=0.05)
HTTP_TIMEOUT = (2.0, 0.5)  # the "timeout" fault answers nothing for longer


class FakeCentral:
    """The API the kiosk uses (docs/sync-api.md), kept in memory, served over HTTP on
    127.0.0.1. `faults` are taken one per request: "500" (a server error), "reset" (the
    connection is reset instead of answered), "timeout" (no answer), "lose_answer" (the server
    does the work, then closes the connection without answering)."""

    def __init__(self) -> None:
        self.document = snapshot_to_document(demo_snapshot()) | {"cursor": "c1"}
        self.stored: dict[str, dict] = {}  # events by uuid, each kept once
        self.received: list[str] = []  # every uuid in every batch, as sent
        self.heartbeats: list[dict] = []
        self.faults: list[str] = []
        self.device = ("", "")
        self.released = threading.Event()  # ends the "timeout" fault's wait
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def close(self) -> None:
        self.released.set()
        self._server.shutdown()
        self._server.server_close()

    def _handle(self, path: str, headers, body: object) -> tuple[int, object, dict[str, str]]:
        if path == "/api/v1/enrol":
            self.device = (body["device_id"], body["device_token"])
            answer = {"station_id": STATION, "server_public_key": "k" * 44}
            return 201, answer | {"device_id": self.device[0], "device_token": self.device[1]}, {}
        if headers.get("Authorization") != f"Bearer {self.device[1]}":
            return 401, {"detail": "unknown device"}, {}
        if path == f"/api/v1/stations/{STATION}/events":
            results = []
            for event in body["events"]:
                self.received.append(event["uuid"])
                known = event["uuid"] in self.stored
                self.stored.setdefault(event["uuid"], event)
                results.append(
                    {"uuid": event["uuid"], "status": "duplicate" if known else "created"}
                )
            return 200, {"results": results}, {}
        if path == f"/api/v1/stations/{STATION}/snapshot":
            if headers.get("If-None-Match") == '"c1"':
                return 304, None, {}
            return 200, self.document, {"ETag": '"c1"'}
        if path == f"/api/v1/stations/{STATION}/heartbeat":
            self.heartbeats.append(body)
            return 200, {}, {}
        return 404, {"detail": "not found"}, {}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        central = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                data = self.rfile.read(length) if length else b""
                fault = central.faults.pop(0) if central.faults else ""
                if fault == "reset":  # RST, no FIN: the kiosk reads "connection reset"
                    linger = struct.pack("ii", 1, 0)
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                    self.connection.close()  # before socketserver's shutdown() sends a FIN
                    self.close_connection = True
                    return
                if fault == "timeout":
                    central.released.wait(30)
                    self.close_connection = True
                    return
                if fault == "500":
                    return self._answer(500, {"detail": "internal error"}, {})
                body = json.loads(data) if data else None
                status, answer, headers = central._handle(
                    urlsplit(self.path).path, self.headers, body
                )
                if fault == "lose_answer":
                    self.close_connection = True
                    return
                self._answer(status, answer, headers)

            def _answer(self, status: int, body: object, headers: dict[str, str]) -> None:
                data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode()
                self.send_response(status)
                for name, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(name, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _serve  # noqa: N815

        return Handler


@pytest.fixture
def server() -> Iterator[FakeCentral]:
    made = FakeCentral()
    yield made
    made.close()


@pytest.fixture
def database(tmp_path: Path, server: FakeCentral) -> Path:
    path = tmp_path / "kiosk.sqlite3"
    enrol(path, server.url, "ABCD-EFGH")
    return path


def queue_appeals(database: Path, count: int) -> list[str]:
    uuids = [f"appeal-{i}" for i in range(count)]
    with open_database(database).begin() as connection:
        for uuid in uuids:
            outbox.add_event(connection, "appeal", uuid, datetime(2026, 11, 23, 9, 30), {"n": uuid})
    return uuids


@pytest.fixture
def worker(qtbot, tmp_path: Path, database: Path, server: FakeCentral):
    made = SyncWorker(
        database,
        tmp_path / "photos",
        timing=FAST,
        http_timeout=HTTP_TIMEOUT,
    )
    states: list[str] = []
    made.stateChanged.connect(states.append)
    made.states = states  # type: ignore[attr-defined]
    made.stations = []  # type: ignore[attr-defined]
    made.snapshotApplied.connect(made.stations.append)
    yield made
    made.stop()


def synced(qtbot, worker: SyncWorker, start) -> None:
    """Start a cycle and wait until one ends online (a failed cycle retries by itself)."""
    with qtbot.waitSignal(
        worker.stateChanged, timeout=10000, check_params_cb=lambda s: s == SyncState.ONLINE
    ):
        start()


def retries(database: Path) -> dict[str, int]:
    with open_database(database).read() as connection:
        return read_retries(get_state(connection, "retry_counts"))


def test_an_enrolled_kiosk_sends_its_outbox_pulls_its_station_and_reports(
    qtbot, worker, server, database
):
    uuids = queue_appeals(database, 3)
    synced(qtbot, worker, worker.start)
    assert list(server.stored) == uuids
    assert server.heartbeats[-1]["outbox"] == {"pending": 0, "sent": 3, "quarantined": 0}
    assert [s.station.name for s in worker.stations] == [demo_snapshot().station.name]
    # Nothing new: the next cycle sends nothing and the station is not downloaded again.
    received = len(server.received)
    synced(qtbot, worker, worker.sync_now)
    assert len(server.received) == received


def test_faults_are_retried_counted_by_cause_and_nothing_is_lost_or_sent_twice(
    qtbot, worker, server, database
):
    uuids = queue_appeals(database, 2)
    # Push: a server error, nobody there, a timeout, then the batch stored but its answer lost.
    server.faults = ["500", "reset", "timeout", "lose_answer"]
    synced(qtbot, worker, worker.start)
    assert worker.states.count(SyncState.OFFLINE) == 4
    assert retries(database) == {"server_error": 1, "unreachable": 1, "timeout": 1, "cut_off": 1}
    # The batch whose answer was lost came again; the server kept each event once.
    assert server.received == uuids + uuids
    assert list(server.stored) == uuids
    with open_database(database).read() as connection:
        assert outbox.counts(connection).pending == 0
    assert server.heartbeats[-1]["retries"] == retries(database)


def test_a_lost_enrolment_answer_is_sent_again_with_the_same_identity(tmp_path, server):
    server.faults = ["lose_answer"]
    enrolment = enrol(tmp_path / "kiosk.sqlite3", server.url, "ABCD-EFGH")
    assert (enrolment.device_id, enrolment.device_token) == server.device
