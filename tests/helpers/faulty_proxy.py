# SPDX-License-Identifier: GPL-3.0-or-later
"""A reverse proxy on 127.0.0.1 in front of the real central server that misbehaves on cue.

Queue faults for the next requests whose path contains a given text; everything else passes
through untouched. Faults:
- "500": answer 500 without asking the server;
- "reset": close the connection without answering;
- "hang": answer nothing for `hang_seconds` (longer than the client's timeout), then close;
- "truncate": forward to the server, then send only half of its answer's body;
- "lose_answer": forward to the server (it stores the events), then close without answering:
  the kiosk never learns it was accepted;
- ("answer", status, body bytes, headers): answer that instead of the server.
"""

from __future__ import annotations

import http.client
import socket
import struct
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class FaultyProxy:
    def __init__(self, upstream: str, hang_seconds: float = 3.0) -> None:
        self.point_to(upstream)
        self.hang_seconds = hang_seconds
        self.faults: deque[tuple[str, object]] = deque()  # (path part, fault)
        self.seen: list[tuple[str, str, object]] = []  # (method, path, fault or "pass")
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def point_to(self, upstream: str) -> None:
        """Forward to another server (a restarted one listens on another port)."""
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname, parts.port)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def fail(self, path_part: str, *faults: object) -> None:
        with self._lock:
            self.faults.extend((path_part, fault) for fault in faults)

    def __enter__(self) -> FaultyProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next_fault(self, path: str) -> object:
        with self._lock:
            for i, (part, fault) in enumerate(self.faults):
                if part in path:
                    del self.faults[i]
                    return fault
        return "pass"

    def _handler(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def _abort(self) -> None:
                # RST instead of FIN: the client sees "connection reset by peer".
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.close_connection = True

            def _forward(self) -> tuple[int, list[tuple[str, str]], bytes]:
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length) if length else None
                upstream = http.client.HTTPConnection(*proxy.upstream, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                upstream.request(self.command, self.path, body=body, headers=headers)
                answer = upstream.getresponse()
                data = answer.read()
                upstream.close()
                return answer.status, answer.getheaders(), data

            def _handle(self) -> None:
                fault = proxy._next_fault(self.path)
                proxy.seen.append((self.command, self.path, fault))
                if isinstance(fault, tuple) and fault[0] == "answer":
                    _, status, body, headers = fault
                    self.rfile.read(int(self.headers.get("Content-Length", 0)))
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                if fault == "500":
                    self.rfile.read(int(self.headers.get("Content-Length", 0)))
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if fault == "reset":
                    return self._abort()
                if fault == "hang":
                    time.sleep(proxy.hang_seconds)
                    return self._abort()
                try:
                    status, headers, data = self._forward()
                except OSError:
                    self.send_response(502)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if fault == "lose_answer":
                    return self._abort()
                self.send_response(status)
                for name, value in headers:
                    if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if fault == "truncate":
                    self.wfile.write(data[: len(data) // 2])
                    self.wfile.flush()
                    return self._abort()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = _handle  # noqa: N815

        return Handler
