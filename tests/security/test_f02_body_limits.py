# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 2 (High): no request may make the server hold a large body. A real server over HTTP
on 127.0.0.1; its resident memory is read from /proc before and after."""

from __future__ import annotations

import select
import socket
from pathlib import Path
from urllib.parse import urlsplit

MB = 1_000_000


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1000
    raise AssertionError("no VmRSS")


def send(url: str, head: str, body_chunks, timeout: float = 30) -> int:
    """Send a request; stop sending as soon as the server answers. Its status code."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        sock.sendall(head.encode())
        for chunk in body_chunks:
            if select.select([sock], [], [], 0)[0]:
                break  # the server has answered: it does not want the rest
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
        answer = b""
        while b"\r\n" not in answer:
            data = sock.recv(4096)
            if not data:
                break
            answer += data
    return int(answer.split(b" ", 2)[1])


def test_big_bodies_are_refused_before_they_are_read(central, kiosk):
    pid = central.process.pid
    before = rss_mb(pid)
    host = urlsplit(central.url).netloc
    block = b"x" * 65_536

    # 56 MB to a kiosk route, without a token: refused on its Content-Length alone.
    size = 56 * MB
    head = (
        f"POST /api/v1/stations/{kiosk.station_id}/events HTTP/1.1\r\nHost: {host}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {size}\r\n\r\n"
    )
    assert send(central.url, head, (block for _ in range(size // len(block)))) == 413

    # The same with a valid token but chunked (no length declared): cut off at the cap.
    head = (
        f"POST /api/v1/stations/{kiosk.station_id}/events HTTP/1.1\r\nHost: {host}\r\n"
        f"Authorization: Bearer {kiosk.token}\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = f"{len(block):x}\r\n".encode() + block + b"\r\n"
    assert send(central.url, head, (chunk for _ in range(56 * MB // len(block)))) == 413

    # A chunked 45 MB phone form (no Content-Length to check): cut off at 32 KB.
    head = (
        f"POST /d/demo-01 HTTP/1.1\r\nHost: {host}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    form = b"text=" + b"a" * (len(block) - 5)
    chunk = f"{len(form):x}\r\n".encode() + form + b"\r\n"
    assert send(central.url, head, (chunk for _ in range(45 * MB // len(form)))) == 413

    # Without a token a kiosk route is refused before its body is read, however small.
    head = (
        f"POST /api/v1/stations/{kiosk.station_id}/events HTTP/1.1\r\nHost: {host}\r\n"
        "Content-Type: application/json\r\nContent-Length: 13\r\n\r\n"
    )
    assert send(central.url, head, [b'{"events":[]}']) == 401

    after = rss_mb(pid)
    print(f"\nserver RSS: {before:.0f} MB before, {after:.0f} MB after 157 MB sent")
    assert after - before < 30
