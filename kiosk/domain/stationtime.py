# SPDX-License-Identifier: GPL-3.0-or-later
"""The station's time zone: everything a visitor reads is in it (issue 16 §2).

China has one zone (Asia/Shanghai, UTC+8, no daylight saving); a station may configure another.
The station PC's own zone does not matter: a PC set to UTC still shows China time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.domain.reception import CHINA_TIME

DEFAULT_ZONE = "Asia/Shanghai"


def is_known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def station_zone(name: str = DEFAULT_ZONE) -> tzinfo:
    """The zone called `name`; China Standard Time where the system has no zone database."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return CHINA_TIME


def wall_clock(zone: tzinfo) -> Callable[[], datetime]:
    """The station's wall clock: naive datetimes of the station's time, whatever the PC's zone."""
    return lambda: datetime.now(zone).replace(tzinfo=None)


def in_zone(moment: datetime, zone: tzinfo) -> datetime:
    """`moment` on the station's clock. An aware moment is converted; a naive one is a reading
    of the station's wall clock already (the kiosk keeps no other naive times)."""
    return moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)


def attach_zone(moment: datetime, zone: tzinfo) -> datetime:
    """A naive reading of the station's wall clock, made aware (for stored event times)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)
