# SPDX-License-Identifier: GPL-3.0-or-later
"""`serve --workers N`: N processes share the port; a worker that dies is replaced while the
others answer (docs/deploy-central.md)."""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

import requests

from central.launch import central_command, running_central
from tests.helpers.central import enrol, enrolment_code


def _children(pid: int) -> set[int]:
    """The server's worker processes (not multiprocessing's resource tracker)."""
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    workers = set()
    for child in text.split():
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except FileNotFoundError:
            continue
        if b"spawn_main" in command:
            workers.add(int(child))
    return workers


def _until(condition, seconds: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not in time"
        time.sleep(0.1)


def test_two_workers_serve_and_a_dead_one_is_replaced(tmp_path):
    central_command(
        tmp_path, "station", "create", "--id", "s1", "--kind", "station", "--name", "城北联络站"
    )
    with running_central(tmp_path, "--workers", "2") as server:
        assert len(_children(server.process.pid)) == 2  # ready: both started
        answer = enrol(server.url, enrolment_code(server, "s1"))
        assert answer.status_code == 201, answer.text
        token = answer.json()["device_token"]
        snapshot = f"{server.url}/api/v1/stations/s1/snapshot"
        auth = {"Authorization": f"Bearer {token}"}
        assert requests.get(snapshot, headers=auth, timeout=30).status_code == 200

        workers = _children(server.process.pid)
        os.kill(min(workers), signal.SIGKILL)
        # The other worker answers every request meanwhile; a new one takes the dead one's place.
        for _ in range(20):
            assert requests.get(snapshot, headers=auth, timeout=30).status_code == 200
        _until(lambda: len(_children(server.process.pid) - workers) == 1, seconds=60)
        assert requests.get(server.url + "/healthz", timeout=30).text == "ok\n"
        # Each worker, the new one too, keeps its start-up heap out of its collections.
        for _ in range(4):
            metrics = requests.get(server.url + "/metrics", timeout=30).text
            frozen = re.search(r"^central_gc_frozen_objects (\d+)$", metrics, re.MULTILINE)
            assert frozen and int(frozen[1]) > 100_000, metrics


def test_counting_limits_in_one_process_is_refused_with_several(tmp_path):
    result = central_command(
        tmp_path, "serve", "--workers", "2", "--rate-limit-storage", "memory://", "--port", "0"
    )
    assert result.returncode == 1
    assert "memory:// counts in one process" in result.stderr
