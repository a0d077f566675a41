# SPDX-License-Identifier: GPL-3.0-or-later
from datetime import datetime

import pytest

from kiosk.app import build_kiosk
from kiosk.config import Config
from tests.helpers.qt import Visitor

LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
# A Monday with a reception day (2026-11-23): two deputies of the rotation are on duty.
MONDAY_MORNING = datetime(2026, 11, 23, 9, 30)


class FakeClock:
    """The wall clock is a boundary we do not control: tests set the time."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return FakeClock(MONDAY_MORNING)


@pytest.fixture
def make_kiosk(qapp, qtbot, tmp_path, clock):
    """Build the real kiosk on the demo station in a window of the given size, shown."""
    made = []

    def make(size=LANDSCAPE, language="zh_CN"):
        width, height = size
        config = Config(
            data_dir=tmp_path / "data",
            demo=True,
            fullscreen=False,
            width=width,
            height=height,
            language=language,
        )
        kiosk = build_kiosk(qapp, config, now=clock)
        made.append(kiosk)
        kiosk.window.resize(width, height)
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        kiosk.visitor = Visitor(qtbot, kiosk.window)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.close()
        kiosk.window.close()
        kiosk.engine.deleteLater()


@pytest.fixture(params=[LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def size(request):
    return request.param
