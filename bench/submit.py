# SPDX-License-Identifier: GPL-3.0-or-later
"""Tap "submit" → the receipt on screen, with 100,000 appeals already in the local database.

The real kiosk (demo station, offscreen, software renderer) on a database seeded with 100,000
sealed appeals and their outbox rows. For each of 200 submissions the form is filled through
its slots and the review step shown; the clock starts at the tap on the submit button (a real
mouse click on the window) and stops at the first frame swapped with the receipt screen
visible. Prints p50 and p99 of the 200.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import Q_ARG, QEventLoop, QMetaObject, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from kiosk.app import build_kiosk, prepare_environment, show
from kiosk.config import Config
from kiosk.demo import DEMO_SERVER_PUBLIC_KEY
from kiosk.domain.appeals import Appeal
from kiosk.store.appeals import record_appeal
from kiosk.store.database import open_database
from kiosk.store.sealing import seal

EXISTING = 100_000
SUBMISSIONS = 200
CHINA = timezone(timedelta(hours=8))


def seed(database_path: Path) -> None:
    database = open_database(database_path)
    start = datetime(2026, 1, 1, tzinfo=CHINA)
    for chunk in range(0, EXISTING, 10_000):
        with database.begin() as connection:
            for i in range(chunk, chunk + 10_000):
                appeal = Appeal.new(
                    "demo-station", "交通出行", start + timedelta(minutes=i), block="文昌社区"
                )
                personal = {"name": "访客", "mobile": "13800000000", "text": "路灯坏了"}
                record_appeal(connection, appeal, seal(DEMO_SERVER_PUBLIC_KEY, personal), "x" * 64)
    database.close()


def descendants(item):
    found = [item]
    for child in item.childItems():
        found.extend(descendants(child))
    return found


def visible(window, name: str):
    found = [i for i in descendants(window.contentItem()) if i.objectName() == name]
    return next((i for i in reversed(found) if i.isVisible()), None)


def wait_frame(window, until=lambda: True, timeout_ms: int = 10_000) -> None:
    loop = QEventLoop()

    def swapped() -> None:
        if until():
            loop.quit()

    window.frameSwapped.connect(swapped, Qt.ConnectionType.QueuedConnection)
    QTimer.singleShot(timeout_ms, loop.quit)
    window.update()
    loop.exec()
    window.frameSwapped.disconnect(swapped)


def main() -> int:
    prepare_environment()
    app = QGuiApplication(["bench"])
    data = Path(tempfile.mkdtemp(prefix="kiosk-submit-bench-"))
    config = Config(data_dir=data, demo=True, fullscreen=False)
    seed(config.database_path)
    kiosk = build_kiosk(app, config, sync=False)
    show(kiosk, config)
    window, form = kiosk.window, kiosk.backends.intake
    while not form.ready:  # the database opens after the first frame
        app.processEvents()
    times = []
    for i in range(SUBMISSIONS + 5):  # 5 warm-up submissions
        QMetaObject.invokeMethod(window, "startForm", Q_ARG("QVariant", "appeal"))
        for field, value in {
            "category": "交通出行",
            "text": f"第{i}号：路口红绿灯坏了",
            "block": "文昌社区",
            "name": "张",
            "phone": "13912345678",
            "consent": True,
        }.items():
            form.set(field, value)
        QMetaObject.invokeMethod(window, "showForm", Q_ARG("QVariant", "review"))
        wait_frame(window)
        button = visible(window, "submitButton")
        centre = button.mapToScene(QPointF(button.width() / 2, button.height() / 2)).toPoint()
        started = time.perf_counter()
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        wait_frame(window, lambda: visible(window, "receiptScreen") is not None)
        elapsed = (time.perf_counter() - started) * 1000
        if visible(window, "receiptScreen") is None:
            print("the receipt never showed", file=sys.stderr)
            return 1
        if i >= 5:
            times.append(elapsed)
        QMetaObject.invokeMethod(window, "showHome")
    cuts = statistics.quantiles(times, n=100)
    print(f"submit_to_receipt_p50_ms: {statistics.median(times):.1f} ms")
    print(f"submit_to_receipt_p99_ms: {cuts[98]:.1f} ms")
    kiosk.close()
    return 0


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
