# SPDX-License-Identifier: GPL-3.0-or-later
"""The central server at a city's scale (issue 18): each figure on PostgreSQL with two server
processes (`serve --workers 2`, a throwaway cluster as tests/helpers/postgres.py starts it)
beside the same run on SQLite with one process.

- storm: KIOSKS kiosks (one device each, STATIONS stations) poll with their ETags for
  POLL_SECONDS, then the servers are restarted and every kiosk asks at once with no ETag (a
  reconnect storm): p50/p99 of the polls, and the storm's time to drain.
- pull: station s0 (APPEALS / STATIONS appeals over 3 years); one open appeal changes; the
  kiosk's next pull, whole and as a delta since its cursor: bytes on the wire (gzipped), the
  client's and the server's time (Server-Timing), median of 5.
- inbox: a district reviewer's console inbox (100 stations), p50/p99 of INBOX_ROUNDS.
- intake: INTAKE_KIOSKS kiosks each push one batch of INTAKE_EACH appeals at once:
  appeals/s and the p99 of the batches.

The data is written in bulk (bench/seeding.py: COPY on PostgreSQL). SCALE_FULL=1: the issue's
sizes (2,000 kiosks, 1,000 stations, 1,000,000 appeals, 2 minutes of polling; ~25 minutes on
the shared 2-core machine); without it 1,000 kiosks, 100 stations, 100,000 appeals, 20 s.
SCALE_ENGINES and SCALE_PARTS choose engines and parts. Prints `name: value unit` lines, each
engine's when it is done; each figure a median or percentile of its samples.
"""

from __future__ import annotations

import base64
import gzip
import http.client
import itertools
import json
import os
import random
import re
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import requests
import seeding
from nacl.public import PublicKey, SealedBox
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from central.core.config import CHINA_TIME, Settings  # noqa: E402
from central.core.db import open_database  # noqa: E402
from central.core.security import load_server_key, public_key_text, token_hash  # noqa: E402
from central.launch import running_central  # noqa: E402
from central.models import Appeal, AppealStep  # noqa: E402
from central.services import accounts  # noqa: E402
from central.services.accounts import NewAccount  # noqa: E402
from kiosk.domain.deadlines import current_deadline  # noqa: E402
from kiosk.domain.tracking import new_tracking_code  # noqa: E402
from tests.helpers.postgres import PostgresCluster  # noqa: E402

# SCALE_QUICK=1: a check that the script runs. SCALE_FULL=1: the sizes (2,000
# kiosks at 1,000 stations, 1,000,000 appeals, polling for 2 minutes).
QUICK = os.environ.get("SCALE_QUICK") == "1"
FULL = os.environ.get("SCALE_FULL") == "1"
# SCALE_STATIONS / SCALE_KIOSKS / SCALE_APPEALS: other sizes.
STATIONS = int(os.environ.get("SCALE_STATIONS", 1000 if FULL else 20 if QUICK else 100))
KIOSKS = int(os.environ.get("SCALE_KIOSKS", 2000 if FULL else 200 if QUICK else 1000))
APPEALS = int(os.environ.get("SCALE_APPEALS", 1_000_000 if FULL else 20_000 if QUICK else 100_000))
POLL_SECONDS = 120 if FULL else 5 if QUICK else 20
POLL_INTERVAL = 60  # each kiosk's, as in the field: KIOSKS / 60 requests a second
INTAKE_KIOSKS = 10 if QUICK else 100
INTAKE_EACH = 100
INBOX_ROUNDS = 20 if QUICK else 100
CATEGORIES = ("交通出行", "物业管理", "环境卫生", "市容秩序", "教育", "医疗卫生", "其他")
OPEN = ("received", "accepted", "assigned", "referred", "reopened")
THREADS = 64
# SCALE_ENGINES=postgresql: one engine only (while working on it).
ENGINES = os.environ.get("SCALE_ENGINES", "sqlite,postgresql").split(",")
# SCALE_PARTS=storm: some of the parts only (storm, pull, intake).
PARTS = os.environ.get("SCALE_PARTS", "storm,pull,inbox,intake").split(",")
PASSWORD = "bench password 1"
CHINA = "+08:00"


def seed(settings: Settings) -> tuple[list[tuple[str, str]], str]:
    """STATIONS stations in a city's regions, KIOSKS devices (their tokens), APPEALS appeals
    received over the last three years (open: some of the last 60 days'; the rest closed 5
    days after), bulk-written (COPY on PostgreSQL); a district reviewer for the console.
    Returns the devices and the tracking code of an open appeal at the pulled station."""
    started = time.monotonic()
    bulk = seeding.BulkWriter(settings)
    rng = random.Random(18)
    now = datetime.now(UTC)
    street_of = seeding.city(bulk, STATIONS)
    ids = [f"s{i}" for i in range(STATIONS)]
    seeding.stations(bulk, ids, street_of, 5, lambda i, k: f"d{i}-{k}")
    devices = []
    rows = []
    for k in range(KIOSKS):
        token = f"bench-token-{k}-{uuid.uuid4().hex}"
        rows.append((str(uuid.uuid4()), ids[k % STATIONS], f"kiosk {k}", token_hash(token), now))
        devices.append((ids[k % STATIONS], token))
    bulk.rows("device", ("id", "station_id", "name", "token_hash", "enrolled_at"), rows)
    steps: list[tuple] = []

    def appeals() -> Iterator[tuple]:
        holidays: dict = {}
        for n in range(1, APPEALS + 1):
            # Within the 3 years' retention: a start erases nothing (a steady city).
            age = rng.random() * (3 * 365 - 10)
            created = now - timedelta(days=age)
            received_on = created.astimezone(CHINA_TIME).date()
            state = rng.choice(OPEN) if age < 60 and rng.random() < 0.8 else "closed"
            deadline = current_deadline(
                state, received_on=received_on, holidays=holidays, referred_on=received_on
            )
            finished = min(now, created + timedelta(days=5)) if state == "closed" else None
            steps.append((n, "received", created, "kiosk", "", ""))
            if finished:
                steps.append((n, "closed", finished, "staff", "已办结", ""))
            yield (
                n, ids[n % STATIONS], seeding.tracking_code(n), "appeal", rng.choice(CATEGORIES),
                "", "kiosk", created, state, deadline.due_on if deadline else None, "访客",
                f"138{n:08d}", "路口红绿灯时间太短，老人过马路来不及", "", True, "", finished,
            )  # fmt: skip

    columns = (
        "id", "station_id", "tracking_code", "request", "category", "block", "channel",
        "created_at", "state", "due_on", "contact_name", "contact_mobile", "text", "address",
        "consent", "callback_status", "finished_at",
    )  # fmt: skip
    batch = 50_000
    source = appeals()
    while chunk := list(itertools.islice(source, batch)):
        bulk.rows("appeal", columns, chunk)
        bulk.rows(
            "appeal_step", ("appeal_id", "state", "at", "actor", "note", "internal_note"), steps
        )
        steps.clear()
    bulk.done(sequences=("region", "appeal", "appeal_step"))
    database = open_database(settings)
    with database.writer.begin() as session:
        reviewer = NewAccount("reviewer", "区人大工委", "reviewer", region_id=2)
        accounts.create_account(session, reviewer, PASSWORD, now=now)
        pulled = session.scalar(
            select(Appeal.tracking_code)
            .where(Appeal.station_id == "s0", Appeal.finished_at.is_(None))
            .limit(1)
        )
    database.dispose()
    print(f"# seeded {APPEALS:,} appeals in {time.monotonic() - started:.0f} s", flush=True)
    return devices, pulled


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of process `pid` and all its descendants, the reaped ones
    included (Linux /proc): what the servers or the database cost, whatever the load."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = sum(int(f) for f in fields[11:15]) / tick
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += times.get(current, 0.0)
        todo += [child for child, parent in parents.items() if parent == current]
    return total


def own_cpu() -> float:
    used = os.times()
    return used.user + used.system


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def storm(  # type: ignore[no-untyped-def]
    url, devices: list[tuple[str, str]], restart, server_pid, database_pid
) -> dict[str, float]:
    # Each client thread keeps one connection (as a kiosk does), through http.client: the
    # requests library costs ~1 ms of CPU a request, on the cores the servers need.
    local = threading.local()
    generation = [0]
    retries: list[int] = []

    def get(i: int, etag: str | None = None) -> tuple[float, str, int]:
        station, token = devices[i]
        headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"}
        if etag:
            headers["If-None-Match"] = etag
        start = time.perf_counter()
        for attempt in range(3):  # as a kiosk does: a reset connection is tried again
            if getattr(local, "generation", -1) != generation[0]:
                local.connection = http.client.HTTPConnection(urlsplit(url()).netloc, timeout=60)
                local.generation = generation[0]
            try:
                local.connection.request(
                    "GET", f"/api/v1/stations/{station}/snapshot", headers=headers
                )
                answer = local.connection.getresponse()
                answer.read()
                break
            except (OSError, http.client.HTTPException):
                local.connection.close()
                local.generation = -1
                retries.append(i)
                if attempt == 2:
                    raise
        return time.perf_counter() - start, answer.getheader("ETag", ""), answer.status

    with ThreadPoolExecutor(THREADS) as pool:
        etags = [e for _, e, _ in pool.map(get, range(len(devices)))]
        # Steady polling: each kiosk once a POLL_INTERVAL, spread evenly.
        latencies: list[float] = []
        rate = len(devices) / POLL_INTERVAL
        start = time.monotonic()
        futures = []
        n = 0
        while (elapsed := time.monotonic() - start) < POLL_SECONDS:
            due = int(elapsed * rate)
            while n < due:
                futures.append(pool.submit(get, n % len(devices), etags[n % len(devices)]))
                n += 1
            time.sleep(0.005)
        for future in futures:
            seconds, _, status = future.result()
            assert status == 304, status
            latencies.append(seconds)
        restart()
        generation[0] += 1  # every thread connects anew, to the restarted servers
        cpu = (tree_cpu(server_pid()), tree_cpu(database_pid()) if database_pid else 0.0, own_cpu())
        began = time.perf_counter()
        results = list(pool.map(get, range(len(devices))))
        drain = time.perf_counter() - began
        cpu_after = (
            tree_cpu(server_pid()),
            tree_cpu(database_pid()) if database_pid else 0.0,
            own_cpu(),
        )
    assert {status for _, _, status in results} == {200}
    return {
        "poll_p50": percentile(latencies, 0.5) * 1000,
        "poll_p99": percentile(latencies, 0.99) * 1000,
        "storm_drain": drain,
        "storm_p99": percentile([s for s, _, _ in results], 0.99) * 1000,
        "retried": len(retries),
        # CPU the storm cost, per request: the server processes, the database server's, and
        # this client's own (all on the same 2 cores: together they bound the drain).
        "storm_server_cpu": (cpu_after[0] - cpu[0]) / len(devices) * 1000,
        "storm_database_cpu": (cpu_after[1] - cpu[1]) / len(devices) * 1000,
        "storm_client_cpu": (cpu_after[2] - cpu[2]) / len(devices) * 1000,
    }


def pull(url: str, settings: Settings, token: str, code: str) -> dict[str, float]:
    """Five times: one appeal changes, the kiosk pulls. First the whole document (as a kiosk
    without deltas asks), then what changed since its cursor (`?since=`, as kiosks now ask)."""
    headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"}
    snapshot = f"{url}/api/v1/stations/s0/snapshot"
    etag = requests.get(snapshot, headers=headers, timeout=60).headers["ETag"]
    figures = {}
    database = open_database(settings)
    whole = {"pull": 0, "pull_delta": 0}
    for name, deltas in (("pull", False), ("pull_delta", True)):
        sizes, times, server = [], [], []
        for n in range(5):
            with database.writer.begin() as session:
                appeal = session.query(Appeal).filter_by(tracking_code=code).one()
                appeal.steps.append(
                    AppealStep(
                        state="received", at=datetime.now(UTC), actor="bench", note=f"改{name}{n}"
                    )
                )
            # A kiosk pulls a minute after the last: the process that built the last document
            # has kept it in the database by then (off the request's path), for the delta.
            time.sleep(1)
            start = time.perf_counter()
            answer = requests.get(
                snapshot,
                headers=headers | {"If-None-Match": etag},
                params={"since": etag.strip('"')} if deltas else {},
                timeout=60,
                stream=True,
            )
            body = answer.raw.read(decode_content=False)
            times.append(time.perf_counter() - start)
            sizes.append(len(body))
            assert answer.status_code == 200, answer.status_code
            # A whole document where a delta was asked: its base was not found (counted).
            whole[name] += deltas and b"delta_from" not in gzip.decompress(body)
            # The server's own time (its Server-Timing header): the target is on the server.
            timing = answer.headers.get("Server-Timing", "app;dur=nan")
            server.append(float(timing.rpartition("app;dur=")[2].split(",")[0]))
            etag = answer.headers["ETag"]
        figures[f"{name}_bytes"] = statistics.median(sizes)
        figures[f"{name}_ms"] = statistics.median(times) * 1000
        figures[f"{name}_server_ms"] = statistics.median(server)
    database.dispose()
    figures["pull_delta_whole"] = whole["pull_delta"]
    return figures


def inbox(url: str) -> dict[str, float]:
    """The district reviewer's console inbox (the first page of the open appeals of its 100
    stations, by due date), one request after another: p50 and p99."""
    http = requests.Session()
    for password in (PASSWORD, PASSWORD + "!"):
        page = http.get(url + "/console/login", timeout=60).text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)[1]
        answer = http.post(
            url + "/console/login",
            data={"csrf": csrf, "login": "reviewer", "password": password},
            timeout=60,
        )
        if "/console/password" in answer.url:  # the first sign-in: a password of its own
            csrf = re.search(r'name="csrf" value="([^"]+)"', answer.text)[1]
            http.post(
                url + "/console/password",
                data={"csrf": csrf, "old": password, "new": PASSWORD + "!"},
                timeout=60,
            )
        if http.get(url + "/console/", timeout=60, allow_redirects=False).status_code == 200:
            break
    times = []
    for _ in range(INBOX_ROUNDS):
        start = time.perf_counter()
        answer = http.get(url + "/console/", timeout=60, allow_redirects=False)
        times.append(time.perf_counter() - start)
        assert answer.status_code == 200 and "data-code=" in answer.text, answer.status_code
    return {
        "inbox_p50": percentile(times, 0.5) * 1000,
        "inbox_p99": percentile(times, 0.99) * 1000,
    }


def intake(url: str, devices: list[tuple[str, str]], server_key: str) -> dict[str, float]:
    box = SealedBox(PublicKey(base64.b64decode(server_key)))

    def batch(k: int) -> bytes:
        events = []
        for i in range(INTAKE_EACH):
            sealed = box.encrypt(
                json.dumps(
                    {
                        "name": "测试",
                        "mobile": "00012345678",
                        "text": f"第{i}条",
                        "address": "",
                        "consent": True,
                    }  # fmt: skip
                ).encode()
            )
            events.append(
                {
                    "uuid": str(uuid.uuid4()),
                    "kind": "appeal",
                    "created_at": datetime.now().replace(microsecond=0).isoformat() + CHINA,
                    "body": {
                        "tracking_code": new_tracking_code(),
                        "category": "交通出行",
                        "block": "",
                        "target_deputy_id": None,
                        "channel": "kiosk",
                        "sealed": base64.b64encode(sealed).decode(),
                    },  # fmt: skip
                }
            )
        return json.dumps({"events": events}).encode()

    bodies = [batch(k) for k in range(INTAKE_KIOSKS)]

    def push(k: int) -> tuple[float, int]:
        """One kiosk's batch, sent again (as its outbox would) until accepted; (seconds, tries)."""
        station, token = devices[k]
        start = time.perf_counter()
        for tries in range(1, 11):
            answer = requests.post(
                f"{url}/api/v1/stations/{station}/events",
                data=bodies[k],
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
                timeout=120,
            )
            if answer.status_code == 200:
                statuses = {r["status"] for r in answer.json()["results"]}
                assert statuses <= {"created", "duplicate"}, statuses
                return time.perf_counter() - start, tries
        raise AssertionError(f"batch {k} refused 10 times: {answer.status_code}")

    began = time.perf_counter()
    with ThreadPoolExecutor(INTAKE_KIOSKS) as pool:
        results = list(pool.map(push, range(INTAKE_KIOSKS)))
    total = time.perf_counter() - began
    return {
        "intake_rate": INTAKE_KIOSKS * INTAKE_EACH / total,
        "intake_p99": percentile([seconds for seconds, _ in results], 0.99) * 1000,
        # Batches the server failed (500, "database is locked") and the kiosk sent again.
        "intake_retried": sum(tries - 1 for _, tries in results),
    }


def run(engine: str, folder: Path) -> dict[str, float]:
    with ExitStack() as stack:
        url = ""
        extra: tuple[str, ...] = ("--no-access-log",)
        if engine == "postgresql":
            cluster = PostgresCluster().start()
            stack.callback(cluster.stop)
            url = cluster.create_database("bench")

            def postmaster() -> int:
                return int((cluster.data / "postmaster.pid").read_text().split()[0])

            extra += ("--workers", "2")
        settings = Settings(data_dir=folder, database_url=url)
        devices, code = seed(settings)
        key = public_key_text(load_server_key(settings.server_key_path))
        servers = [stack.enter_context(running_central(folder, *extra, database_url=url))]

        def restart() -> None:
            servers[0].process.terminate()
            servers[0].process.wait()
            servers.append(stack.enter_context(running_central(folder, *extra, database_url=url)))
            servers.pop(0)

        figures: dict[str, float] = {}
        if "storm" in PARTS:
            figures |= storm(
                lambda: servers[0].url,
                devices,
                restart,
                lambda: servers[0].process.pid,
                postmaster if engine == "postgresql" else None,
            )
        if "pull" in PARTS:
            figures |= pull(servers[0].url, settings, devices[0][1], code)
        if "inbox" in PARTS:
            figures |= inbox(servers[0].url)
        if "intake" in PARTS:
            figures |= intake(servers[0].url, devices, key)
        return figures


def main() -> int:
    load = os.getloadavg()[0]
    print(f"# machine load (1 min) at start: {load:.1f} on {os.cpu_count()} cores")
    units = {
        "poll_p50": "ms", "poll_p99": "ms", "storm_drain": "s", "storm_p99": "ms",
        "pull_bytes": "bytes", "pull_ms": "ms", "pull_server_ms": "ms",
        "pull_delta_bytes": "bytes", "pull_delta_ms": "ms", "pull_delta_server_ms": "ms",
        "pull_delta_whole": "of 5 pulls", "inbox_p50": "ms", "inbox_p99": "ms",
        "intake_rate": "appeals/s", "intake_p99": "ms",
        "retried": "requests", "intake_retried": "batches",
        "storm_server_cpu": "ms", "storm_database_cpu": "ms", "storm_client_cpu": "ms",
    }  # fmt: skip
    label = {"sqlite": "sqlite_1_process", "postgresql": "postgresql_2_processes"}
    for engine in ENGINES:  # each engine's figures as soon as it is done
        with tempfile.TemporaryDirectory(prefix=f"scale-{engine}-") as folder:
            results = run(engine, Path(folder))
        for name, unit in units.items():
            if name in results:
                print(f"scale_{name}_{label[engine]}: {results[name]:.1f} {unit}", flush=True)
        print(f"# machine load (1 min) after {engine}: {os.getloadavg()[0]:.1f}", flush=True)
    print(f"# machine load (1 min) at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
