# SPDX-License-Identifier: GPL-3.0-or-later
"""What notifications cost (issue 14 §3), on a real SQLite file and a real local webhook:

- ``phone_appeal_no_channels_ms`` / ``phone_appeal_3_channels_ms``: one message left on a
  phone page (record_message + commit), without any channel and with three (WeCom, DingTalk,
  e-mail) for its station; ``enqueue_cost_ms`` the difference: what a visitor waits longer.
- ``kiosk_batch_100_no_channels_ms`` / ``kiosk_batch_100_3_channels_ms``: a kiosk's batch of
  100 sealed appeal events taken in one transaction (take_events + commit).
- ``worker_notices_per_s``: the worker sending 500 due notices to a local HTTP robot
  (tests/helpers/receivers.py) that answers at once.

Medians of 5 runs; the machine's load is printed first.
Run from the repository: ``.venv/bin/python bench/notify.py``.
"""

from __future__ import annotations

import base64
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RUNS = 5
APPEALS = 50
BATCH = 100
NOTICES = 500


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    from nacl.public import SealedBox
    from sqlalchemy import update

    from central.core.config import Settings
    from central.core.db import open_database
    from central.core.security import load_server_key
    from central.models import Deputy, Device, Notice, Station
    from central.services import notifications, phone
    from central.services.events import take_events
    from central.services.notifications import NewChannel
    from central.services.notify_worker import NotificationWorker
    from kiosk.domain.tracking import new_tracking_code
    from tests.helpers.receivers import HttpReceiver

    print(f"load: {os.getloadavg()[0]:.2f} (1 min average, {os.cpu_count()} CPUs)")
    folder = Path(tempfile.mkdtemp(prefix="bench-notify-"))
    settings = Settings(data_dir=folder)
    database = open_database(settings)
    key = load_server_key(settings.server_key_path)
    box = SealedBox(key.public_key)
    now = datetime.now(UTC)
    with database.writer.begin() as session:
        for sid in ("quiet", "loud"):
            session.add(Station(id=sid, kind="station", name=f"{sid}站", rules=[], notices=[]))
            session.flush()
            session.add(Deputy(station_id=sid, deputy_id=f"{sid}-0", position=0, name="林嘉禾",
                               levels=[]))  # fmt: skip
            session.add(Device(id=f"{sid}-kiosk", station_id=sid, name="k",
                               token_hash=uuid.uuid4().hex, enrolled_at=now))  # fmt: skip

    with HttpReceiver() as robot:
        with database.writer.begin() as session:
            for kind, target, extra in (
                ("webhook_wecom", robot.url + "/wecom?key=K", {}),
                ("webhook_dingtalk", robot.url + "/ding?access_token=T", {"secret": "SECx"}),
                ("email", "staff@example.cn",
                 {"settings": {"host": "127.0.0.1", "from": "n@example.cn"}}),
            ):  # fmt: skip
                new = NewChannel(kind=kind, target=target, station_id="loud", quiet="", **extra)
                notifications.add_channel(session, new, now=now)

        def phone_message(station: str) -> float:
            form = {"category": "交通出行", "text": "路灯不亮", "name": "陈阿姨",
                    "mobile": "13800138000", "consent": "yes"}  # fmt: skip
            started = time.perf_counter()
            for i in range(APPEALS):
                with database.writer.begin() as session:
                    deputy = phone.find_deputy(session, f"{station}-0")
                    checked = phone.check_message(
                        form | {"text": f"路灯不亮{i}"}, phone.categories(session)
                    )
                    phone.record_message(session, deputy, checked, datetime.now(UTC))
            return (time.perf_counter() - started) / APPEALS

        def kiosk_batch(station: str) -> float:
            events = []
            for _ in range(BATCH):
                personal = {"name": "陈阿姨", "mobile": "13800138000", "text": "路灯不亮",
                            "address": "", "consent": True}  # fmt: skip
                sealed = base64.b64encode(box.encrypt(json.dumps(personal).encode())).decode()
                events.append({
                    "uuid": str(uuid.uuid4()), "kind": "appeal",
                    "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "body": {"tracking_code": new_tracking_code(), "category": "交通出行",
                             "block": "", "target_deputy_id": None, "channel": "kiosk",
                             "sealed": sealed},
                })  # fmt: skip
            started = time.perf_counter()
            with database.writer.begin() as session:
                results = take_events(session, events, station, f"{station}-kiosk", key)
            elapsed = time.perf_counter() - started
            assert all(r["status"] == "created" for r in results), results[:2]
            return elapsed

        quiet = [phone_message("quiet") for _ in range(RUNS)]
        loud = [phone_message("loud") for _ in range(RUNS)]
        print(f"phone_appeal_no_channels_ms: {median_ms(quiet):.2f} ms")
        print(f"phone_appeal_3_channels_ms: {median_ms(loud):.2f} ms")
        print(f"enqueue_cost_ms: {median_ms(loud) - median_ms(quiet):.2f} ms")
        quiet = [kiosk_batch("quiet") for _ in range(RUNS)]
        loud = [kiosk_batch("loud") for _ in range(RUNS)]
        print(f"kiosk_batch_100_no_channels_ms: {median_ms(quiet):.1f} ms")
        print(f"kiosk_batch_100_3_channels_ms: {median_ms(loud):.1f} ms")

        # The worker: only the robots (the e-mail channel off), 500 notices due.
        with database.writer.begin() as session:
            session.execute(update(Notice).values(state="sent"))
            notifications.set_enabled(session, 3, False)
        rates = []
        for _ in range(RUNS):
            with database.writer.begin() as session:
                for _ in range(NOTICES // 2):
                    notifications.enqueue(
                        session, kind="appeal_new", station_id="loud",
                        context={"code": new_tracking_code(), "category": "交通出行",
                                 "due": "12月5日"},
                        now=datetime.now(UTC), dedupe_key=f"bench:{uuid.uuid4().hex}",
                    )  # fmt: skip
            worker = NotificationWorker(database, lambda: "https://console.example.cn")
            before = len(robot.requests)
            started = time.perf_counter()
            while worker.run_once(limit=100):
                pass
            elapsed = time.perf_counter() - started
            # (The first pass of the day may add the morning's due list: two more.)
            assert len(robot.requests) - before >= NOTICES, len(robot.requests) - before
            rates.append(NOTICES / elapsed)
        print(f"worker_notices_per_s: {statistics.median(rates):.0f} notices/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
