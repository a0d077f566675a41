# SPDX-License-Identifier: GPL-3.0-or-later
"""A real central server in a subprocess, its admin command line, and a kiosk's side of the API.

The server listens on a port the kernel picks (``--port 0``) and says which on its ready line,
so there is no window in which another process could take a port chosen in advance.
"""

from __future__ import annotations

import base64
import json
import selectors
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import requests
from nacl.public import PublicKey, SealedBox

READY = "central ready on "
START_TIMEOUT = 30.0
CHINA = timezone(timedelta(hours=8))


def central_command(data_dir: Path, *args: str, stdin: str | None = None):
    """Run `python -m central --data-dir DATA_DIR ARGS...`; the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "central", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@dataclass
class CentralServer:
    url: str
    data_dir: Path
    process: subprocess.Popen[str]

    def cli(self, *args: str, stdin: str | None = None, ok: bool = True):
        result = central_command(self.data_dir, *args, stdin=stdin)
        if ok and result.returncode != 0:
            raise AssertionError(f"central {' '.join(args)} failed:\n{result.stderr}")
        return result

    @property
    def database(self) -> Path:
        return self.data_dir / "central.sqlite3"


@contextmanager
def running_central(data_dir: Path, *extra: str) -> Iterator[CentralServer]:
    """Start `python -m central serve` on 127.0.0.1, wait for its ready line, stop it after."""
    data_dir.mkdir(parents=True, exist_ok=True)
    log = (data_dir / "server.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "central",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--data-dir",
            str(data_dir),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    try:
        url = _wait_for_ready_line(process, data_dir / "server.log")
        yield CentralServer(url=url, data_dir=data_dir, process=process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        assert process.stdout is not None
        process.stdout.close()
        log.close()


def _wait_for_ready_line(process: subprocess.Popen[str], log: Path) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0:
            if not selector.select(timeout=left):
                break
            line = process.stdout.readline()
            if not line:  # the server exited
                break
            if line.startswith(READY):
                return line.removeprefix(READY).strip()
    raise RuntimeError(f"the central server did not start:\n{log.read_text()}")


@dataclass
class EnrolledKiosk:
    """A kiosk's side of the API: its token, station and the server's sealing key."""

    url: str
    station_id: str
    device_id: str
    token: str
    server_public_key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        headers = self.headers | kwargs.pop("headers", {})
        return requests.get(self.url + path, headers=headers, timeout=30, **kwargs)

    def post(self, path: str, body: Any) -> requests.Response:
        return requests.post(self.url + path, json=body, headers=self.headers, timeout=30)

    def snapshot(self, etag: str | None = None, station_id: str | None = None):
        headers = {"If-None-Match": etag} if etag else {}
        return self.get(
            f"/api/v1/stations/{station_id or self.station_id}/snapshot", headers=headers
        )

    def post_events(self, events: list[Any], station_id: str | None = None):
        return self.post(
            f"/api/v1/stations/{station_id or self.station_id}/events", {"events": events}
        )

    def seal(self, personal: Any) -> str:
        box = SealedBox(PublicKey(base64.b64decode(self.server_public_key)))
        return base64.b64encode(box.encrypt(json.dumps(personal).encode())).decode()

    def appeal_event(self, tracking_code: str, **personal: Any) -> dict[str, Any]:
        """An appeal as the kiosk's outbox sends it, with a fresh uuid."""
        contact = {
            "name": "测试居民",
            "mobile": "00012345678",
            "text": "路灯不亮",
            "address": "文昌社区3幢",
            "consent": True,
        } | personal
        return {
            "uuid": str(uuid.uuid4()),
            "kind": "appeal",
            "created_at": datetime.now(CHINA).isoformat(timespec="seconds"),
            "body": {
                "tracking_code": tracking_code,
                "category": "交通出行",
                "block": "文昌社区",
                "target_deputy_id": None,
                "channel": "kiosk",
                "sealed": self.seal(contact),
            },
        }


def enrol(url: str, code: str, device_name: str = "test kiosk") -> requests.Response:
    return requests.post(
        url + "/api/v1/enrol",
        json={"enrolment_code": code, "device_name": device_name},
        timeout=30,
    )


def enrolment_code(server: CentralServer, station_id: str) -> str:
    """A fresh code from the admin command line's output."""
    output = server.cli("enrolment-code", "--station", station_id).stdout
    return output.split(": ", 1)[1].split()[0]
