# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk's HTTP client (kiosk.sync.client, on http.client) against real servers on
127.0.0.1: one kept-alive connection, reopened when the server closed it; gzip; and the
cause it names when a request fails ("unreachable", "timeout", "cut_off", "server_error").
HTTPS with a CA made here by the openssl command line."""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from central.launch import running_central
from kiosk.sync.client import CentralClient, NotEnrolled, Refused, Unreachable
from kiosk.sync.diagnostics import server_reachable

Answer = Callable[[BaseHTTPRequestHandler], None]


class ScriptedServer:
    """An HTTP/1.1 server on 127.0.0.1 that answers each request with the next of `script`
    (a function of the request handler), else 200 `{"ok": true}`; it records each request's
    path and headers and every connection it accepted."""

    def __init__(self, tls=None) -> None:
        self.script: list[Answer] = []
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.connections = 0
        self.closed_idle = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, scheme: str = "http", host: str = "127.0.0.1") -> str:
        return f"{scheme}://{host}:{self._server.server_address[1]}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        scripted = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                scripted.connections += 1
                super().setup()

            def log_message(self, *args: object) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                self.body = self.rfile.read(length) if length else b""
                scripted.seen.append((self.path, dict(self.headers.items())))
                answer = scripted.script.pop(0) if scripted.script else ok
                answer(self)

            do_GET = do_POST = _serve  # noqa: N815

        return Handler


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, **headers: str) -> None:
    handler.send_response(status)
    for name, value in ({"Content-Type": "application/json"} | headers).items():
        handler.send_header(name.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def ok(handler: BaseHTTPRequestHandler) -> None:
    send(handler, 200, b'{"ok": true}')


def ok_then_close(server: ScriptedServer) -> Answer:
    """Answer, keep the connection open as far as the client knows, then close it while idle
    (what a server's keep-alive timeout does)."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        ok(handler)
        handler.wfile.flush()
        handler.close_connection = True
        handler.finish()
        handler.connection.shutdown(socket.SHUT_RDWR)
        server.closed_idle.set()

    return answer


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    made = ScriptedServer()
    yield made
    made.close()


def test_calls_share_one_kept_alive_connection_with_the_kiosks_headers(server):
    client = CentralClient(server.url() + "/central", "token-1", timeout=(2, 2))
    for _ in range(3):
        assert client.heartbeat("qinghe", {"n": 1}) == {"ok": True}
    assert client.snapshot("qinghe", '"e1"', since="c 1&2") == ({"ok": True}, "")
    assert client.photo("/photos/代表 1.png") == b'{"ok": true}'
    client.close()
    assert server.connections == 1 and client.connections_opened == 1
    assert server.seen[-1][0] == "/central/photos/%E4%BB%A3%E8%A1%A8%201.png"
    path, headers = server.seen[-2]
    assert path == "/central/api/v1/stations/qinghe/snapshot?since=c+1%262"
    assert headers["If-None-Match"] == '"e1"'
    assert headers["Authorization"] == "Bearer token-1"
    assert headers["User-Agent"] == "station-kiosk"
    assert "gzip" in headers["Accept-Encoding"]


def test_a_connection_the_server_closed_while_idle_is_opened_again(server):
    client = CentralClient(server.url(), timeout=(2, 2))
    server.script = [ok_then_close(server)]
    assert client.heartbeat("qinghe", {}) == {"ok": True}
    assert server.closed_idle.wait(5)
    assert client.heartbeat("qinghe", {}) == {"ok": True}  # not a failure
    client.close()
    assert server.connections == 2 and len(server.seen) == 2  # nothing sent twice


def test_a_gzipped_answer_is_read_and_a_304_is_no_document(server):
    document = {"station": {"name": "清河街道代表联络站 " * 100}}
    packed = gzip.compress(json.dumps(document, ensure_ascii=False).encode())
    server.script = [
        lambda h: send(h, 200, packed, Content_Encoding="gzip", ETag='"c7"'),
        lambda h: send(h, 304, b"", ETag='"c7"'),
    ]
    client = CentralClient(server.url(), timeout=(2, 2))
    assert client.snapshot("qinghe", None) == (document, '"c7"')
    assert client.snapshot("qinghe", '"c7"') is None
    client.close()


def test_the_real_server_over_one_connection_with_its_gzipped_snapshot(tmp_path):
    # The server gzips the snapshot (tests/central/api/routes/test_small_snapshots.py).
    with running_central(tmp_path / "central") as central:
        output = central.cli("demo-station").stdout
        code = output.split("enrolment code for demo-station: ")[1].split()[0]
        enrolling = CentralClient(central.url)
        enrolment = enrolling.enrol(code, "test kiosk")
        enrolling.close()
        client = CentralClient(central.url, enrolment.device_token)
        document, etag = client.snapshot(enrolment.station_id, None)
        assert document["station"]["id"] == enrolment.station_id and etag
        assert client.snapshot(enrolment.station_id, etag) is None
        assert client.look_up(enrolment.station_id, "ABCD2345", "0000")["found"] is False
        photos = [d["photo_url"] for d in document["deputies"] if d.get("photo_url")]
        assert photos and client.photo(photos[0]).startswith(b"<svg")  # the demo's drawings
        assert client.connections_opened == 1
        client.close()


def test_the_server_refusing_names_its_reason(server):
    server.script = [
        lambda h: send(h, 401, b'{"detail": "unknown device"}'),
        lambda h: send(h, 422, b'{"detail": "the code is not valid"}'),
        lambda h: send(h, 503, b"busy"),
    ]
    client = CentralClient(server.url(), timeout=(2, 2))
    with pytest.raises(NotEnrolled, match="unknown device"):
        client.heartbeat("qinghe", {})
    with pytest.raises(Refused, match="the code is not valid"):
        client.enrol("ABCD", "kiosk")
    with pytest.raises(Unreachable) as failed:
        client.heartbeat("qinghe", {})
    assert failed.value.cause == "server_error"
    client.close()


def test_a_server_nobody_listens_on_is_unreachable():
    with socket.socket() as s:  # a port that was free a moment ago
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = CentralClient(f"http://127.0.0.1:{port}", timeout=(2, 2))
    with pytest.raises(Unreachable) as failed:
        client.heartbeat("qinghe", {})
    assert failed.value.cause == "unreachable"


def test_a_server_that_never_answers_is_a_timeout_within_the_read_timeout():
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts (the kernel), says nothing
        client = CentralClient(f"http://127.0.0.1:{silent.getsockname()[1]}", timeout=(2, 0.3))
        started = time.monotonic()
        with pytest.raises(Unreachable) as failed:
            client.heartbeat("qinghe", {})
        assert failed.value.cause == "timeout"
        assert time.monotonic() - started < 2


def cut_off(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    handler.wfile.write(b'{"results": [' + b" " * 400)
    handler.close_connection = True


def garbled_gzip(handler: BaseHTTPRequestHandler) -> None:
    packed = gzip.compress(b'{"ok": true}' + b" " * 2000)
    send(handler, 200, packed[: len(packed) // 2], Content_Encoding="gzip")


def closed_unanswered(handler: BaseHTTPRequestHandler) -> None:
    handler.close_connection = True  # the request read, the connection closed, no answer


@pytest.mark.parametrize("answer", [cut_off, garbled_gzip, closed_unanswered])
def test_an_answer_cut_off_or_missing_is_cut_off_and_not_sent_again(server, answer):
    server.script = [ok, answer]
    client = CentralClient(server.url(), timeout=(2, 2))
    client.heartbeat("qinghe", {})  # the next request goes on a kept connection
    with pytest.raises(Unreachable) as failed:
        client.post_events("qinghe", [b'{"uuid": "a"}'])
    assert failed.value.cause == "cut_off"
    assert len(server.seen) == 2  # the server may have done it: the worker decides
    assert client.heartbeat("qinghe", {}) == {"ok": True}  # on a new connection
    client.close()


# --- HTTPS ---------------------------------------------------------------------------------


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_ca(folder: Path, name: str) -> Path:
    _openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", f"/CN={name}", "-keyout", f"{name}.key", "-out", f"{name}.pem",
        cwd=folder,
    )  # fmt: skip
    return folder / f"{name}.pem"


def make_server_certificate(folder: Path, ca: str, names: str) -> tuple[Path, Path]:
    """A certificate for `names` (subjectAltName) signed by the CA `ca`."""
    (folder / "san.cnf").write_text(f"subjectAltName={names}\n")
    _openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=central",
        "-keyout", "server.key", "-out", "server.csr",
        cwd=folder,
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-in", "server.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key",
        "-CAcreateserial", "-days", "2", "-extfile", "san.cnf", "-out", "server.pem",
        cwd=folder,
    )  # fmt: skip
    return folder / "server.pem", folder / "server.key"


@pytest.fixture
def tls_server(tmp_path) -> Iterator[tuple[ScriptedServer, Path]]:
    """An HTTPS server for 127.0.0.1 and localhost, and the CA that signed its certificate."""
    import ssl

    ca = make_ca(tmp_path, "station-ca")
    certificate, key = make_server_certificate(tmp_path, "station-ca", "IP:127.0.0.1,DNS:localhost")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    made = ScriptedServer(tls=context)
    yield made, ca
    made.close()


def test_https_with_the_configured_ca_bundle(tls_server):
    server, ca = tls_server
    client = CentralClient(server.url("https"), ca_bundle=str(ca), timeout=(2, 2))
    assert client.heartbeat("qinghe", {}) == {"ok": True}
    assert client.heartbeat("qinghe", {}) == {"ok": True}
    client.close()
    assert client.connections_opened == 1
    assert server_reachable(server.url("https", "localhost"), ca_bundle=str(ca)) == ""


def test_https_with_another_ca_is_a_certificate_problem(tls_server, tmp_path):
    server, _ = tls_server
    other = make_ca(tmp_path, "other-ca")
    client = CentralClient(server.url("https"), ca_bundle=str(other), timeout=(2, 2))
    with pytest.raises(Unreachable) as failed:
        client.heartbeat("qinghe", {})
    assert failed.value.cause == "unreachable"
    untrusted = "TLS: the server's certificate is not trusted"
    assert server_reachable(server.url("https"), ca_bundle=str(other)) == untrusted
    assert server_reachable(server.url("https")) == untrusted  # not in certifi's either
    assert server.seen == []


def test_https_checks_the_host_name(tmp_path):
    import ssl

    ca = make_ca(tmp_path, "station-ca")
    certificate, key = make_server_certificate(tmp_path, "station-ca", "DNS:central.example")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    server = ScriptedServer(tls=context)
    try:
        problem = server_reachable(server.url("https"), ca_bundle=str(ca))
        assert problem == "TLS: the server's certificate is not trusted"
    finally:
        server.close()


def test_the_admin_panel_check_says_what_is_wrong(server):
    server.script = [lambda h: send(h, 404, b'{"detail": "Not Found"}')]
    assert server_reachable(server.url()) == ""  # it answers: it is there
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert server_reachable(f"http://127.0.0.1:{port}") == "ConnectionRefusedError"
    assert "https://" in server_reachable("http://central.example")
    # https:// to a server that speaks plain HTTP: a TLS failure, not a certificate's.
    assert server_reachable(server.url("https")).startswith("TLS: the secure connection failed")
