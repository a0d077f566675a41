# SPDX-License-Identifier: GPL-3.0-or-later
"""The figures (issue 15 §2) at scale on SQLite: a region's year, read by the service.

Data: 1 city, 10 districts, 100 streets, 1,000 stations (5 deputies each); 200,000 appeals
received through 2026 (70% replied 1-6 days later and closed, half of those rated), 4
reception days a month at every station with 2 deputies signing in and out, a reception
record each, and 20,000 appointments; bulk inserts into a fresh database (kept in --data).
Times, median of 5 runs each (in process, one SQLite connection):
- figures_city_year_ms: the whole city's 2026 (1,000 stations, rows per district);
- figures_district_year_ms: one district's 2026 (100 stations, rows per street);
- figures_station_year_ms: one station's 2026 (rows per deputy);
- figures_station_month_ms: one station's November.
Prints `name: value unit` and the machine's load average.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import seeding

from central.core.config import CHINA_TIME, DATABASE_FILE, Settings
from central.core.db import open_database
from central.services.figures import Target, parse_period, report

STATIONS = 1_000
APPEALS = 200_000
DEPUTIES = 5
APPOINTMENTS = 20_000
RUNS = 5
CATEGORIES = ("交通出行", "物业管理", "环境卫生", "市容秩序", "教育", "医疗卫生", "其他")
YEAR_START = datetime(2026, 1, 1, tzinfo=CHINA_TIME)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def generate(folder: Path) -> None:
    started = time.monotonic()
    db = seeding.bulk_database(folder)
    rng = random.Random(15)
    with db:
        street_of = seeding.city(db, STATIONS)
        ids = [f"s{i:04d}" for i in range(STATIONS)]
        seeding.stations(db, ids, street_of, DEPUTIES, lambda i, k: f"d{k}")
        db.execute(
            "INSERT INTO device (id, station_id, name, token_hash, enrolled_at)"
            " VALUES ('bench', 's0000', 'bench', 'bench', '2026-01-01 00:00:00')"
        )
    appeals: list[tuple] = []
    steps: list[tuple] = []
    for n in range(1, APPEALS + 1):
        created = YEAR_START + timedelta(seconds=rng.randrange(365 * 86400))
        station = rng.randrange(STATIONS)
        deputy = f"d{rng.randrange(DEPUTIES)}"
        state, rating, first_reply = "received", None, None
        steps.append((n, "received", stamp(created)))
        if rng.random() < 0.85:
            state = "accepted"
            steps.append((n, "accepted", stamp(created + timedelta(hours=3))))
        if state == "accepted" and rng.random() < 0.82:
            replied = created + timedelta(days=rng.randrange(1, 7), hours=1)
            steps.append((n, "assigned", stamp(created + timedelta(hours=4))))
            steps.append((n, "replied", stamp(replied)))
            first_reply = stamp(replied)
            steps.append((n, "closed", stamp(replied + timedelta(hours=2))))
            state = "closed"
            if rng.random() < 0.5:
                rating = rng.choice(("satisfied",) * 8 + ("basically_satisfied", "dissatisfied"))
                steps.append((n, "rated", stamp(replied + timedelta(days=1))))
                state = "rated"
        appeals.append(
            (
                n,
                f"s{station:04d}",
                f"T{n:09d}",
                rng.choice(CATEGORIES),
                deputy if state != "received" else None,
                "qr" if rng.random() < 0.3 else "kiosk",
                "callback" if rng.random() < 0.05 else "appeal",
                stamp(created),
                state,
                rating,
                first_reply,
            )
        )
    with db:
        db.executemany(
            "INSERT INTO appeal (id, station_id, tracking_code, category,"
            " assigned_deputy_id, channel, request, created_at, state, rating,"
            " first_replied_at, block, contact_name, contact_mobile, text, address, consent,"
            " callback_status)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', '', 1, '')",
            appeals,
        )
        db.executemany(
            "INSERT INTO appeal_step (appeal_id, state, at, actor, note, internal_note)"
            " VALUES (?, ?, ?, 'bench', '', '')",
            steps,
        )
    # Reception days: 4 a month at every station, two deputies signing in and out.
    events: list[tuple] = []
    attendance: list[tuple] = []
    records: list[tuple] = []
    event_id = 0
    for i in range(STATIONS):
        for month in range(1, 13):
            for week in range(4):
                day = datetime(2026, month, 3 + 7 * week, 9, tzinfo=CHINA_TIME)
                for k in rng.sample(range(DEPUTIES), 2):
                    rows = (
                        ("sign_in", day + timedelta(minutes=rng.randrange(30))),
                        ("sign_out", day + timedelta(hours=3, minutes=rng.randrange(60))),
                    )
                    for action, at in rows:
                        event_id += 1
                        events.append((event_id, f"e{event_id}", f"s{i:04d}", stamp(at)))
                        attendance.append((event_id, f"s{i:04d}", f"d{k}", action, stamp(at)))
                    event_id += 1
                    events.append((event_id, f"e{event_id}", f"s{i:04d}", stamp(day)))
                    records.append(
                        (event_id, f"s{i:04d}", f"d{k}", stamp(day), rng.randrange(0, 6))
                    )
    bookings = []
    for n in range(APPOINTMENTS):
        created = YEAR_START + timedelta(seconds=rng.randrange(365 * 86400))
        bookings.append(
            (
                f"s{rng.randrange(STATIONS):04d}",
                f"P{n:08d}",
                f"d{rng.randrange(DEPUTIES)}",
                created.date().isoformat(),
                stamp(created),
                rng.choice(("requested", "confirmed", "done", "done")),
            )
        )
    with db:
        db.executemany(
            "INSERT INTO event (id, uuid, station_id, device_id, kind, created_at, canonical,"
            " received_at) VALUES (?, ?, ?, 'bench', 'bench', ?4, '{}', ?4)",
            events,
        )
        db.executemany(
            "INSERT INTO attendance (event_id, station_id, deputy_id, action, reason, at)"
            " VALUES (?, ?, ?, ?, 'pin', ?)",
            attendance,
        )
        db.executemany(
            "INSERT INTO reception_record (event_id, station_id, deputy_id, at, visitors,"
            " topic, tracking_codes, notes) VALUES (?, ?, ?, ?, ?, '交通出行', '[]', '')",
            records,
        )
        db.executemany(
            "INSERT INTO appointment (station_id, code, deputy_id, day, channel, created_at,"
            " state, contact_name, contact_mobile, topic) VALUES (?, ?, ?, ?, 'kiosk', ?, ?,"
            " '', '', '')",
            bookings,
        )
    db.execute("ANALYZE")
    db.close()
    print(
        f"generated {APPEALS:,} appeals, {len(steps):,} steps, {len(attendance):,} sign-ins"
        f" and -outs in {time.monotonic() - started:.0f} s",
        file=sys.stderr,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/tmp/figures-bench"))
    args = parser.parse_args()
    if not (args.data / DATABASE_FILE).exists():
        generate(args.data)
    database = open_database(Settings(data_dir=args.data))
    year = parse_period("year", "2026")
    november = parse_period("month", "2026-11")
    cases = (
        ("figures_city_year_ms", Target("region", region_id=1), year),
        ("figures_district_year_ms", Target("region", region_id=2), year),
        ("figures_station_year_ms", Target("station", station_id="s0000"), year),
        ("figures_station_month_ms", Target("station", station_id="s0000"), november),
    )
    for name, target, period in cases:
        samples = []
        for _ in range(RUNS):
            with database.reader() as session:
                started = time.perf_counter()
                got = report(session, target, period)
                samples.append((time.perf_counter() - started) * 1000)
        assert got.total.received > 0, name
        print(f"{name}: {statistics.median(samples):.0f} ms")
    print(f"figures_load_average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
