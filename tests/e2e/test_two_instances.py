# SPDX-License-Identifier: GPL-3.0-or-later
"""Two central server instances on one PostgreSQL behind a round-robin proxy (issue 18, §2;
docs/deploy-central.md): they start together (one migrates, the other waits for it), a kiosk
syncs through both, the phone pages' rate limits count across both, and killing one
mid-run loses nothing."""

from __future__ import annotations

import contextlib
import http.client
import itertools
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from central.launch import CentralServer, running_central
from central.models import Appeal
from kiosk.domain.tracking import display, new_tracking_code
from kiosk.store.database import open_database
from kiosk.sync.enrolment import enrol
from kiosk.ui.sync import Sync
from tests.e2e.conftest import Kiosk
from tests.helpers.phone import Phone

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class RoundRobin:
    """Each request goes to the next instance; one that refuses the connection is skipped
    (what nginx's `proxy_next_upstream error` does). Counts what each instance answered."""

    def __init__(self, upstreams: list[str]) -> None:
        self.upstreams = [urlsplit(u) for u in upstreams]
        self.answered: Counter[int] = Counter()
        self.kiosk_answered: Counter[int] = Counter()  # of the kiosk API (/api/v1/stations/)
        self._turn = itertools.count()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> RoundRobin:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def forward(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                for _ in proxy.upstreams:
                    with proxy._lock:
                        index = next(proxy._turn) % len(proxy.upstreams)
                    upstream = proxy.upstreams[index]
                    connection = http.client.HTTPConnection(
                        upstream.hostname, upstream.port, timeout=30
                    )
                    try:
                        connection.connect()
                    except OSError:
                        continue  # that instance is down: the next one
                    try:
                        connection.request(self.command, self.path, body, headers)
                        answer = connection.getresponse()
                        content = answer.read()
                    except OSError:
                        break  # died while answering: the client is told, and tries again
                    finally:
                        connection.close()
                    with proxy._lock:
                        proxy.answered[index] += 1
                        if self.path.startswith("/api/v1/stations/"):
                            proxy.kiosk_answered[index] += 1
                    self.send_response(answer.status)
                    for key, value in answer.getheaders():
                        if key.lower() not in HOP_BY_HOP:
                            self.send_header(key, value)
                    self.send_header("Content-Length", str(len(content)))
                    self.end_headers()
                    self.wfile.write(content)
                    return
                with contextlib.suppress(OSError):  # the client gave up first
                    self.send_error(502)

            do_GET = do_POST = do_PUT = do_DELETE = forward

        return Handler


@pytest.fixture
def instances(tmp_path, postgres) -> Iterator[list[CentralServer]]:
    """Two servers on one new, empty PostgreSQL database, started at the same moment, with one
    data folder (one server.key: the sealing key both must hold)."""
    url = postgres.create_database("two_instances")
    with ExitStack() as stack, ThreadPoolExecutor(2) as pool:
        started = [
            pool.submit(
                stack.enter_context,
                running_central(tmp_path / "central", "--address-limit", "2", database_url=url),
            )
            for _ in range(2)
        ]
        yield [future.result() for future in started]


def test_two_instances_share_the_work_the_limits_and_lose_nothing_when_one_dies(
    instances, tmp_path, qapp, qtbot
):
    first, second = instances
    first.cli("station", "create", "--id", "qinghe", "--kind", "station", "--name", "青禾联络站")
    with RoundRobin([first.url, second.url]) as proxy:
        # The phone pages' limit for one address (--address-limit 2: 6 lookups in 10 minutes)
        # counts the requests both instances answered.
        phone = Phone(proxy.url)
        code = display(new_tracking_code())
        phone.get(f"/p/{code}")
        refused = [phone.submit(f"/p/{code}", {"last4": "abcd"}).status_code for _ in range(7)]
        assert refused == [400] * 6 + [429], refused
        assert proxy.answered[0] >= 3 and proxy.answered[1] >= 3

        output = first.cli("enrolment-code", "--station", "qinghe").stdout
        data_dir = tmp_path / "kiosk"
        enrol(data_dir / "kiosk.sqlite3", proxy.url, output.split(": ", 1)[1].split()[0])
        kiosk = Kiosk(data_dir, open_database(data_dir / "kiosk.sqlite3"), Sync(lambda s: None))
        kiosk.sync._show_snapshot = kiosk.snapshots.append
        try:
            made = kiosk.queue_appeals(600)  # six batches
            kiosk.start_worker()
            # Both instances have answered the kiosk (its requests alternate between them).
            qtbot.waitUntil(
                lambda: kiosk.counts().sent >= 200 and len(proxy.kiosk_answered) == 2,
                timeout=60_000,
            )
            assert kiosk.counts().pending > 0
            first.process.kill()  # mid-run, without a goodbye
            first.process.wait()
            qtbot.waitUntil(lambda: kiosk.counts().pending == 0, timeout=60_000)
            assert kiosk.counts().quarantined == 0
            qtbot.waitUntil(lambda: bool(kiosk.snapshots), timeout=20_000)
        finally:
            kiosk.stop()

    with second.open_database() as database, database.reader() as session:
        stored = session.scalar(select(func.count()).select_from(Appeal))
        texts = set(session.scalars(select(Appeal.text)))
    assert stored == len(made) == 600
    assert texts == {personal["text"] for _, personal in made}  # sealed with the shared key
