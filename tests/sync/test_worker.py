# SPDX-License-Identifier: GPL-3.0-or-later
"""The sync worker and its client in this process, against a fake central server that a
requests transport carries (no socket, faults on cue). tests/e2e runs the same worker against
the real server over HTTP, through a proxy that makes the same faults."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3.response import HTTPResponse

from kiosk.demo import demo_snapshot
from kiosk.domain.snapshot import snapshot_to_document
from kiosk.store import outbox
from kiosk.store.database import open_database
from kiosk.store.sync_state import get_state
from kiosk.sync.enrolment import enrol
from kiosk.sync.policy import SyncTiming, read_retries
from kiosk.sync.worker import SyncState, SyncWorker

URL = "http://central.test"
STATION = "demo-station"
FAST = SyncTiming(poll_seconds=3600, first_retry_seconds=0.02, longest_wait_seconds=0.05)


class FakeCentral(BaseAdapter):
    """The API the kiosk uses (docs/sync-api.md), kept in memory. `faults` are taken one per
    request: "500" (a server error), "reset" (nobody answers), "timeout", "lose_answer" (the
    server does the work, then the connection drops before the answer)."""

    def __init__(self) -> None:
        super().__init__()
        self.document = snapshot_to_document(demo_snapshot()) | {"cursor": "c1"}
        self.stored: dict[str, dict] = {}  # events by uuid, each kept once
        self.received: list[str] = []  # every uuid in every batch, as sent
        self.heartbeats: list[dict] = []
        self.faults: list[str] = []
        self.device = ("", "")
        self._builder = HTTPAdapter()

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        fault = self.faults.pop(0) if self.faults else ""
        if fault == "reset":
            raise requests.ConnectionError("connection refused")
        if fault == "timeout":
            raise requests.ReadTimeout("read timed out")
        if fault == "500":
            return self._answer(request, 500, {"detail": "internal error"})
        status, body, headers = self._handle(request, urlsplit(request.url).path)
        if fault == "lose_answer":
            raise requests.exceptions.ChunkedEncodingError("the connection closed mid-answer")
        return self._answer(request, status, body, headers)

    def close(self) -> None:
        self._builder.close()

    def _handle(self, request, path: str) -> tuple[int, object, dict[str, str]]:
        body = json.loads(request.body) if request.body else None
        if path == "/api/v1/enrol":
            self.device = (body["device_id"], body["device_token"])
            answer = {"station_id": STATION, "server_public_key": "k" * 44}
            return 201, answer | {"device_id": self.device[0], "device_token": self.device[1]}, {}
        if request.headers.get("Authorization") != f"Bearer {self.device[1]}":
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
            if request.headers.get("If-None-Match") == '"c1"':
                return 304, None, {}
            return 200, self.document, {"ETag": '"c1"'}
        if path == f"/api/v1/stations/{STATION}/heartbeat":
            self.heartbeats.append(body)
            return 200, {}, {}
        return 404, {"detail": "not found"}, {}

    def _answer(self, request, status: int, body: object, headers: dict[str, str] | None = None):
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode()
        raw = HTTPResponse(
            body=io.BytesIO(data),
            status=status,
            headers={"Content-Type": "application/json", **(headers or {})},
            preload_content=False,
        )
        return self._builder.build_response(request, raw)


@pytest.fixture
def server() -> FakeCentral:
    return FakeCentral()


@pytest.fixture
def database(tmp_path: Path, server: FakeCentral) -> Path:
    path = tmp_path / "kiosk.sqlite3"
    enrol(path, URL, "ABCD-EFGH", allow_plain_http=True, transport=server)
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
        allow_plain_http=True,
        transport=server,
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
    enrolment = enrol(
        tmp_path / "kiosk.sqlite3", URL, "ABCD-EFGH", allow_plain_http=True, transport=server
    )
    assert (enrolment.device_id, enrolment.device_token) == server.device
