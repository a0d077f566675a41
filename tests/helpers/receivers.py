# SPDX-License-Identifier: GPL-3.0-or-later
"""Real receivers on 127.0.0.1 for the notifications' tests: an HTTP server that records
every request (a group robot, an SMS gateway) and answers as told, and an SMTP server
(aiosmtpd) that insists on STARTTLS with a certificate made for the test.

Both listen on a port the kernel picks when the socket is bound, and keep the socket: no
other process can take it in between.
"""

from __future__ import annotations

import email
import email.policy
import json
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from aiosmtpd.controller import Controller

WAIT_SECONDS = 20.0


@dataclass(frozen=True)
class Received:
    """One request as the receiver got it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        """The body as text, JSON escapes (\\uXXXX) decoded: what a reader would see."""
        try:
            return json.dumps(self.json(), ensure_ascii=False)
        except ValueError:
            return self.body.decode()


@dataclass
class HttpReceiver:
    """An HTTP server on 127.0.0.1 recording requests; answers from `answers` in order
    (status, JSON body), then `default`."""

    default: tuple[int, Any] = (200, {"errcode": 0, "errmsg": "ok"})
    answers: list[tuple[int, Any]] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._changed = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                parts = urlsplit(self.path)
                with receiver._changed:
                    status, answer = (
                        receiver.answers.pop(0) if receiver.answers else receiver.default
                    )
                    receiver.requests.append(
                        Received(
                            self.command,
                            parts.path,
                            parse_qs(parts.query),
                            {k.lower(): v for k, v in self.headers.items()},
                            body,
                        )
                    )
                    receiver._changed.notify_all()
                data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_POST = do_GET = do_PUT = _any

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> HttpReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def wait_for(self, count: int, timeout: float = WAIT_SECONDS) -> list[Received]:
        """The first `count` requests, once they have arrived."""
        with self._changed:
            arrived = self._changed.wait_for(lambda: len(self.requests) >= count, timeout)
        assert arrived, f"{len(self.requests)} of {count} requests arrived"
        return self.requests[:count]


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key (openssl), for the test's SMTP server."""
    cert, key = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],  # fmt: skip
        check=True,
        capture_output=True,
    )
    return cert, key


@dataclass(frozen=True)
class Mail:
    sender: str
    recipients: list[str]
    message: EmailMessage
    tls: bool  # STARTTLS was in force when the message was sent

    @property
    def text(self) -> str:
        return self.message.get_content()


class _Recorder:
    def __init__(self, receiver: SmtpReceiver) -> None:
        self.receiver = receiver

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        mail = Mail(
            envelope.mail_from,
            list(envelope.rcpt_tos),
            message,  # type: ignore[arg-type]
            session.ssl is not None,
        )
        with self.receiver._changed:
            self.receiver.mails.append(mail)
            self.receiver._changed.notify_all()
        return "250 OK"


class _BoundController(Controller):
    """aiosmtpd's controller on a socket bound before it starts."""

    def __init__(self, handler: Any, sock: socket.socket, **kwargs: Any) -> None:
        self._sock = sock
        super().__init__(handler, hostname="127.0.0.1", port=sock.getsockname()[1], **kwargs)

    def _create_server(self):  # type: ignore[no-untyped-def]
        return self.loop.create_server(self._factory_invoker, sock=self._sock)


class SmtpReceiver:
    """A real SMTP server on 127.0.0.1 that requires STARTTLS; `cafile` for the client."""

    def __init__(self, folder: Path) -> None:
        self.cafile, key = self_signed_certificate(folder)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cafile, key)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self.mails: list[Mail] = []
        self._changed = threading.Condition()
        self._controller = _BoundController(
            _Recorder(self), sock, tls_context=context, require_starttls=True
        )

    def __enter__(self) -> SmtpReceiver:
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._controller.stop()

    def wait_for(self, count: int, timeout: float = WAIT_SECONDS) -> list[Mail]:
        with self._changed:
            arrived = self._changed.wait_for(lambda: len(self.mails) >= count, timeout)
        assert arrived, f"{len(self.mails)} of {count} mails arrived"
        return self.mails[:count]


def receivers(folder: Path) -> Iterator[tuple[HttpReceiver, SmtpReceiver]]:
    with HttpReceiver() as http, SmtpReceiver(folder) as smtp:
        yield http, smtp
