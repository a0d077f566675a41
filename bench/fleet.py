# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk fleet at a city's size (issue 15 §3): 2,000 kiosks in 20 regions, each with a
heartbeat, a tenth of them in trouble, in a real SQLite database of the server.

- ``fleet_assess_2000_ms``: every kiosk's colour and causes (central.services.fleet.fleet),
  what the fleet page and the JSON API compute per request; median of 5.
- ``fleet_alert_round_2000_ms``: one round of the alert keeper (fire_alerts) once the alerts
  fired (the steady state, every 5 minutes); median of 5.

Run from the repository: ``.venv/bin/python bench/fleet.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RUNS = 5
KIOSKS = 2000


def wall_ms(work) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    from central.core.config import CHINA_TIME, Settings
    from central.core.db import open_database
    from central.models import Device, Station
    from central.services import fleet
    from central.services.regions import add_region, place_station

    print(f"load: {os.getloadavg()[0]:.2f} (1 min average, {os.cpu_count()} CPUs)")
    now = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder))
        database = open_database(settings)
        with database.writer.begin() as session:
            regions = [add_region(session, f"街道{n}", "street") for n in range(20)]
            for n in range(KIOSKS):
                sid = f"s{n}"
                session.add(Station(id=sid, kind="station", name=f"联络站{n}"))
                session.flush()
                place_station(session, sid, regions[n % 20].id)
                seen = now - (timedelta(days=2) if n % 10 == 0 else timedelta(minutes=1))
                beat = {
                    "version": "1.4.0",
                    "last_pull": seen.isoformat(),
                    "last_push": seen.isoformat(),
                    "outbox": {"pending": 0, "sent": 100, "quarantined": 1 if n % 25 == 0 else 0},
                    "quarantined_items": [{"kind": "appeal", "reason": "invalid: body.category"}]
                    if n % 25 == 0
                    else [],
                    "disk_free_bytes": 20 * 1024**3,
                    "clock": seen.astimezone(CHINA_TIME).isoformat(),
                }
                session.add(
                    Device(
                        id=f"d{n}",
                        station_id=sid,
                        name="一体机",
                        token_hash=f"{n:064d}",
                        enrolled_at=now - timedelta(days=90),
                        last_seen_at=seen,
                        last_heartbeat=beat,
                    )
                )
        with database.writer.begin() as session:
            fired = fleet.fire_alerts(session, now, settings, lambda alert: None)

        def assess() -> None:
            with database.reader() as session:
                assert len(fleet.fleet(session, now)) == KIOSKS

        def alert_round() -> None:
            with database.writer.begin() as session:
                assert fleet.fire_alerts(session, now, settings, lambda alert: None) == 0

        print(f"fleet_alerts_fired_first_round: {fired} alerts")
        print(f"fleet_assess_2000_ms: {wall_ms(assess):.0f} ms")
        print(f"fleet_alert_round_2000_ms: {wall_ms(alert_round):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
