# SPDX-License-Identifier: GPL-3.0-or-later
"""Central server under kiosk polling: 200 snapshot polls a second for 30 s (DESIGN.md §7).

Starts `python -m central serve` (a temp data folder, SQLite, the demo station, access log
off) on 127.0.0.1, enrols one device and fetches its snapshot once for the ETag. Then a pacer
thread issues one `GET /api/v1/stations/demo-station/snapshot` with `If-None-Match` every 5 ms
for 30 s (6,000 requests at most) on a pool of 32 threads, each with its own keep-alive
session, as kiosks polling an unchanged station do. Latency is counted from each request's
scheduled time (so a stalled server cannot hide behind a slow client); anything but a 304 is
an error. `server_snapshot_cpu_ms` is the server process's CPU time per poll (from /proc), the
figure that does not depend on what else the machine is doing. One 30 s run, not a median of
five: the run itself is 6,000 samples, and the server and this client share the machine's
cores.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path

import requests

from central.launch import running_central

RATE = 200  # requests a second
SECONDS = 30
WORKERS = 32
REQUEST_TIMEOUT = 10.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="central-bench-") as folder:
        data_dir = Path(folder)
        with running_central(data_dir, "--no-access-log") as server:
            output = server.cli("demo-station").stdout
            code = output.split("enrolment code for demo-station: ")[1].split()[0]
            enrolled = requests.post(
                f"{server.url}/api/v1/enrol",
                json={"enrolment_code": code, "device_name": "bench"},
                timeout=REQUEST_TIMEOUT,
            )
            enrolled.raise_for_status()
            token = enrolled.json()["device_token"]
            snapshot_url = f"{server.url}/api/v1/stations/demo-station/snapshot"
            auth = {"Authorization": f"Bearer {token}"}
            etag = requests.get(snapshot_url, headers=auth, timeout=REQUEST_TIMEOUT).headers["ETag"]
            cpu_before = cpu_seconds(server.process.pid)
            latencies, errors, elapsed = poll(snapshot_url, auth | {"If-None-Match": etag})
            server_cpu = cpu_seconds(server.process.pid) - cpu_before
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else 0.0
    print(f"server_snapshot_p50_ms: {statistics.median(latencies) if latencies else 0:.1f} ms")
    print(f"server_snapshot_p99_ms: {p99:.1f} ms")
    print(f"server_snapshot_errors: {errors} count")
    print(f"server_snapshot_rate_rps: {len(latencies) / elapsed:.1f} rps")
    requests_done = max(1, len(latencies) + errors)
    print(f"server_snapshot_cpu_ms: {server_cpu * 1000 / requests_done:.2f} ms")
    return 0


def poll(url: str, headers: dict[str, str]) -> tuple[list[float], int, float]:
    local = threading.local()
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0

    def one(scheduled: float) -> None:
        nonlocal errors
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
        try:
            ok = session.get(url, headers=headers, timeout=REQUEST_TIMEOUT).status_code == 304
        except requests.RequestException:
            ok = False
        took_ms = (time.perf_counter() - scheduled) * 1000
        with lock:
            if ok:
                latencies.append(took_ms)
            else:
                errors += 1

    futures = []
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        start = time.perf_counter()
        for i in range(RATE * SECONDS):
            scheduled = start + i / RATE
            # Pacing, not waiting for a condition: the next request is due at `scheduled`.
            time.sleep(max(0.0, scheduled - time.perf_counter()))
            futures.append(pool.submit(one, scheduled))
        wait(futures, timeout=REQUEST_TIMEOUT * 2)
        elapsed = time.perf_counter() - start
    return latencies, errors, elapsed


if __name__ == "__main__":
    sys.exit(main())
