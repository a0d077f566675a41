# SPDX-License-Identifier: GPL-3.0-or-later
"""The console at scale: 1,000 stations and 1,000,000 appeals on SQLite, over real HTTP.

Data: 1 city, 10 districts, 100 streets, 1,000 stations (10 per street, 5 deputies each),
1,000,000 appeals received over the last year (80% closed, the rest open with the one rule's
due dates), written with bulk inserts into a fresh database (kept in --data for later runs).
Then `python -m central serve` on 127.0.0.1, a district reviewer (100 stations) signs in and
the script times, one request after another:
- inbox: the first page of the reviewer's inbox (open appeals by due date);
- filtered: one station's red (overdue) appeals;
- deep: the 30th page of the district's red appeals (keyset cursor);
- appeal: an appeal's page;
- action: accepting a received appeal (a POST that writes the step and the audit line).
Prints `name: value unit` for p50 and p99 of each (ROUNDS requests). Target: p99 <= 150 ms.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import requests
import seeding

from central.core.config import CHINA_TIME, DATABASE_FILE, Settings
from central.core.db import open_database
from central.launch import running_central
from central.services import accounts
from central.services.accounts import NewAccount
from kiosk.domain.deadlines import current_deadline

STATIONS = 1_000
APPEALS = 1_000_000
DEPUTIES = 5
ROUNDS = 200
PASSWORD = "bench password 1"
CATEGORIES = ("交通出行", "物业管理", "环境卫生", "市容秩序", "教育", "医疗卫生", "其他")
OPEN = ("received", "accepted", "assigned", "referred", "reopened")


def generate(folder: Path) -> None:
    """A fresh database with the data above; bulk inserts straight through sqlite3."""
    started = time.monotonic()
    db = seeding.bulk_database(folder)
    rng = random.Random(13)
    now = datetime.now(UTC)
    today = now.astimezone(CHINA_TIME).date()
    with db:
        street_of = seeding.city(db, STATIONS)
        ids = [f"s{i:04d}" for i in range(STATIONS)]
        seeding.stations(db, ids, street_of, DEPUTIES, lambda i, k: f"d{i:04d}-{k}")
        db.executemany(
            "INSERT OR IGNORE INTO category (name, position) VALUES (?, ?)",
            [(c, n) for n, c in enumerate(CATEGORIES)],
        )
        db.execute("INSERT INTO department (id, region_id, name) VALUES (1, 1, '市交通运输局')")
    holidays: dict[date, bool] = {}
    batch: list[tuple] = []
    steps: list[tuple] = []

    def flush() -> None:
        with db:
            db.executemany(
                "INSERT INTO appeal (id, event_id, station_id, tracking_code, request, category,"
                " block, channel, created_at, state, due_on, contact_name, contact_mobile, text,"
                " address, consent, callback_status, finished_at) VALUES (?, NULL, ?, ?, 'appeal',"
                " ?, '', 'kiosk', ?, ?, ?, '访客', ?, '路灯坏了，晚上很黑', '', 1, '', ?)",
                batch,
            )
            db.executemany(
                "INSERT INTO appeal_step (appeal_id, state, at, actor, note, internal_note)"
                " VALUES (?, ?, ?, 'kiosk', '', '')",
                steps,
            )
        batch.clear()
        steps.clear()

    for n in range(1, APPEALS + 1):
        age = rng.random() ** 2 * 365  # more recent than old
        created = now - timedelta(days=age)
        received_on = created.astimezone(CHINA_TIME).date()
        state = rng.choice(OPEN) if rng.random() < 0.2 else "closed"
        if age < 3 and state != "closed":
            state = "received"
        deadline = current_deadline(
            state, received_on=received_on, holidays=holidays, referred_on=received_on
        )
        stamp = created.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
        batch.append(
            (
                n,
                f"s{rng.randrange(STATIONS):04d}",
                seeding.tracking_code(n),
                rng.choice(CATEGORIES),
                stamp,
                state,
                deadline.due_on.isoformat() if deadline else None,
                f"138{n:08d}",
                stamp if state == "closed" else None,  # finished (models.Appeal.finished_at)
            )
        )
        steps.append((n, "received", stamp))
        if len(batch) == 50_000:
            flush()
    flush()
    db.execute("ANALYZE")
    db.close()
    database = open_database(Settings(data_dir=folder))
    with database.writer.begin() as session:
        reviewer = NewAccount("reviewer", "区人大工委", "reviewer", region_id=2)
        accounts.create_account(session, reviewer, PASSWORD, now=now)
    del today
    print(f"generated {APPEALS:,} appeals in {time.monotonic() - started:.0f} s", file=sys.stderr)


def sign_in(url: str) -> requests.Session:
    """The reviewer's browser, signed in (the first run changes the one-time password)."""
    http = requests.Session()
    for password in (PASSWORD + "!", PASSWORD):
        page = http.get(url + "/console/login", timeout=60).text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)[1]
        answer = http.post(
            url + "/console/login",
            data={"csrf": csrf, "login": "reviewer", "password": password},
            timeout=60,
        )
        if answer.url.endswith("/console/"):
            return http
        if "/console/password" in answer.url:
            csrf = re.search(r'name="csrf" value="([^"]+)"', answer.text)[1]
            http.post(
                url + "/console/password",
                data={"csrf": csrf, "old": password, "new": PASSWORD + "!"},
                timeout=60,
            )
            return http
    raise RuntimeError("the reviewer cannot sign in; delete the --data folder and run again")


def timed(http: requests.Session, method: str, url: str, **kwargs) -> float:
    started = time.perf_counter()
    answer = http.request(method, url, timeout=60, allow_redirects=False, **kwargs)
    elapsed = (time.perf_counter() - started) * 1000
    if answer.status_code >= 400:
        raise RuntimeError(f"{answer.status_code}: {answer.text[:300]}")
    return elapsed


def report(name: str, samples: list[float]) -> None:
    samples = sorted(samples)
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    print(f"console_{name}_p50_ms: {statistics.median(samples):.1f} ms")
    print(f"console_{name}_p99_ms: {p99:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/tmp/console-bench"))
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    if not (args.data / DATABASE_FILE).exists():
        generate(args.data)
    print(f"load: {os.getloadavg()[0]:.2f} (1-minute average, 2 cores)")
    with running_central(args.data, "--no-access-log") as server:
        http = sign_in(server.url)
        page = http.get(server.url + "/console/", timeout=60).text
        codes = re.findall(r'<tr data-code="([^"]+)"', page)
        station = "s0005"  # one of the reviewer's 100 stations
        # Received appeals to accept: a few pages of them.
        received: list[str] = []
        cursor = ""
        while len(received) < args.rounds:
            listing = http.get(
                f"{server.url}/console/?state=received&cursor={cursor}", timeout=60
            ).text
            received += re.findall(r'<tr data-code="([^"]+)"', listing)
            more = re.search(r'id="next-page" href="[^"]*cursor=([^"&]+)', listing)
            if not more:
                break
            cursor = more[1]
        # This client's own heap (it imports central) kept out of its collections, so a pause
        # here is not counted as the server's.
        gc.collect()
        gc.freeze()
        # A page far into the district's overdue list (the 30th), reached by its cursors.
        deep = f"{server.url}/console/?colour=red"
        for _ in range(29):
            listing = http.get(deep, timeout=60).text
            more = re.search(r'id="next-page" href="([^"]+)"', listing)
            deep = server.url + more[1].replace("&amp;", "&")
        results: dict[str, list[float]] = {
            "inbox": [], "filtered": [], "deep": [], "appeal": [], "action": []
        }  # fmt: skip
        url = server.url + "/console"
        for n in range(args.rounds):
            results["inbox"].append(timed(http, "GET", url + "/"))
            filtered = f"{url}/?station={station}&colour=red"
            results["filtered"].append(timed(http, "GET", filtered))
            results["deep"].append(timed(http, "GET", deep))
            code = codes[n % len(codes)]
            results["appeal"].append(timed(http, "GET", f"{url}/appeals/{code}"))
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)[1]
        for code in received[: min(args.rounds, len(received))]:
            accept = {"csrf": csrf, "action": "accept", "note": "已受理"}
            results["action"].append(timed(http, "POST", f"{url}/appeals/{code}/act", data=accept))
        for name, samples in results.items():
            report(name, samples)


if __name__ == "__main__":
    main()
