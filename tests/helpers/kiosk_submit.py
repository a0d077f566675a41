# SPDX-License-Identifier: GPL-3.0-or-later
"""A kiosk process that takes one appeal and says so the moment its receipt is on screen.

    python -m tests.helpers.kiosk_submit <data dir>

Prints ``receipt <tracking code>`` after the frame that shows the receipt; the kill test
SIGKILLs it right then. The fields are filled through the form's own slots; the submit is a
real tap on the real button.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Q_ARG, QMetaObject, QPointF, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from kiosk.app import build_kiosk, prepare_environment, show  # noqa: E402
from kiosk.config import Config  # noqa: E402
from kiosk.journeys import fill_sample_appeal  # noqa: E402
from tests.helpers.qt import descendants  # noqa: E402


def main() -> None:
    prepare_environment()
    app = QGuiApplication(sys.argv[:1])
    config = Config(data_dir=Path(sys.argv[1]), demo=True, fullscreen=False)
    kiosk = build_kiosk(app, config)
    show(kiosk, config)
    window = kiosk.window
    form = kiosk.backends.intake
    stage = ["wait_database"]

    def visible(name: str):
        found = [
            i for i in descendants(window.contentItem()) if i.objectName() == name and i.isVisible()
        ]
        return found[-1] if found else None

    def step() -> None:
        if stage[0] == "wait_database" and form.ready:
            QMetaObject.invokeMethod(window, "startForm", Q_ARG("QVariant", "appeal"))
            fill_sample_appeal(form, "交通出行")
            QMetaObject.invokeMethod(window, "showForm", Q_ARG("QVariant", "review"))
            stage[0] = "tap"
        elif stage[0] == "tap" and (button := visible("submitButton")) is not None:
            centre = button.mapToScene(QPointF(button.width() / 2, button.height() / 2))
            stage[0] = "receipt"
            window.frameSwapped.connect(on_frame, Qt.ConnectionType.QueuedConnection)
            QTest.mouseClick(
                window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre.toPoint()
            )

    def on_frame() -> None:
        if stage[0] == "receipt" and visible("receiptScreen") is not None:
            stage[0] = "shown"
            print(f"receipt {form.property('code')}", flush=True)

    timer = QTimer(interval=20)
    timer.timeout.connect(step)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
