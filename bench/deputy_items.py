# SPDX-License-Identifier: GPL-3.0-or-later
"""The deputy's "my items" page (/console/my) with 10,000 appeals in the region, over HTTP.

Data: one district with 10 stations of 5 deputies each and 10,000 appeals received over the
last year (40% still open, with the one rule's due dates), each assigned to one of its
station's deputies or, for a quarter of them, addressed to one (a QR message) and assigned to
nobody; call-back requests among them. Written with bulk inserts into a fresh database (kept in
--data). Then `python -m central serve` on 127.0.0.1, a deputy signs in and the script times
GET /console/my and GET /console/my/record, one after another, 5 rounds of --requests each.
Prints `name: value unit`: the median of the 5 rounds' medians, and the p99 of all requests.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
import seeding

from central.core.config import CHINA_TIME, DATABASE_FILE, Settings
from central.core.db import open_database
from central.launch import running_central
from central.models import Account
from central.services import accounts
from kiosk.domain.deadlines import current_deadline

STATIONS = 10
DEPUTIES = 5
APPEALS = 10_000
ROUNDS = 5
PASSWORD = "bench password 1"
LOGIN = "deputy"
CATEGORIES = ("交通出行", "物业管理", "环境卫生", "市容秩序", "教育", "医疗卫生", "其他")
OPEN = ("received", "accepted", "assigned", "replied", "referred", "reopened")


def generate(folder: Path) -> None:
    started = time.monotonic()
    db = seeding.bulk_database(folder)
    rng = random.Random(14)
    now = datetime.now(UTC)
    with db:
        db.execute(
            "INSERT INTO region (id, parent_id, name, level) VALUES (1, NULL, '区', 'district')"
        )
        ids = [f"s{i:02d}" for i in range(STATIONS)]
        seeding.stations(db, ids, lambda i: 1, DEPUTIES, lambda i, k: f"d{i:02d}-{k}")
        appeals, steps = [], []
        for n in range(1, APPEALS + 1):
            created = now - timedelta(days=rng.random() ** 2 * 365)
            received_on = created.astimezone(CHINA_TIME).date()
            state = rng.choice(OPEN) if rng.random() < 0.4 else "closed"
            deadline = current_deadline(
                state, received_on=received_on, holidays={}, referred_on=received_on
            )
            station = rng.randrange(STATIONS)
            deputy = f"d{station:02d}-{rng.randrange(DEPUTIES)}"
            addressed = rng.random() < 0.25
            callback = rng.random() < 0.05
            stamp = created.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
            appeals.append(
                (
                    n,
                    f"s{station:02d}",
                    seeding.tracking_code(n),
                    "callback" if callback else "appeal",
                    rng.choice(CATEGORIES),
                    "qr" if addressed else "kiosk",
                    stamp,
                    state,
                    deadline.due_on.isoformat() if deadline else None,
                    f"138{n:08d}",
                    deputy if addressed else None,
                    None if addressed and state in ("received", "accepted") else deputy,
                )
            )
            steps.append((n, "received", stamp))
        db.executemany(
            "INSERT INTO appeal (id, event_id, station_id, tracking_code, request, category,"
            " block, channel, created_at, state, due_on, contact_name, contact_mobile, text,"
            " address, consent, callback_status, target_deputy_id, assigned_deputy_id)"
            " VALUES (?, NULL, ?, ?, ?, ?, '', ?, ?, ?, ?, '访客', ?, '路灯坏了，晚上很黑', '',"
            " 1, '', ?, ?)",
            appeals,
        )
        db.executemany(
            "INSERT INTO appeal_step (appeal_id, state, at, actor, note, internal_note)"
            " VALUES (?, ?, ?, 'kiosk', '', '')",
            steps,
        )
    db.execute("ANALYZE")
    db.close()
    database = open_database(Settings(data_dir=folder))
    with database.writer.begin() as session:
        session.add(
            Account(
                login=LOGIN,
                display_name="代表0-0",
                role="deputy",
                station_id="s00",
                deputy_id="d00-0",
                password_hash=accounts.hash_password(PASSWORD),
                must_change_password=False,
                failures=0,
                lockouts=0,
                created_at=now,
            )
        )
    print(f"generated {APPEALS:,} appeals in {time.monotonic() - started:.0f} s", file=sys.stderr)


def timed(http: requests.Session, url: str) -> float:
    started = time.perf_counter()
    answer = http.get(url, timeout=60)
    elapsed = (time.perf_counter() - started) * 1000
    if answer.status_code != 200:
        raise RuntimeError(f"{answer.status_code}: {answer.text[:300]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/tmp/deputy-items-bench"))
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    if not (args.data / DATABASE_FILE).exists():
        generate(args.data)
    print(f"load: {os.getloadavg()[0]:.2f} (1-minute average, 2 cores)")
    with running_central(args.data, "--no-access-log") as server:
        http = seeding.console_session(server.url, LOGIN, PASSWORD, "/console/my")
        page = http.get(server.url + "/console/my", timeout=60).text
        listed = len(re.findall(r'<li data-code="', page))
        print(f"deputy_my_items_listed: {listed} items")
        for name, path in (("my_items", "/console/my"), ("duty_record", "/console/my/record")):
            medians, every = [], []
            for _ in range(ROUNDS):
                samples = [timed(http, server.url + path) for _ in range(args.requests)]
                medians.append(statistics.median(samples))
                every += samples
            every.sort()
            p99 = every[min(len(every) - 1, int(len(every) * 0.99))]
            print(f"deputy_{name}_median_ms: {statistics.median(medians):.1f} ms")
            print(f"deputy_{name}_p99_ms: {p99:.1f} ms")


if __name__ == "__main__":
    main()
