# SPDX-License-Identifier: GPL-3.0-or-later
"""Dates and times as the visitor reads them, in the kiosk's language (QLocale's names)."""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo

from PySide6.QtCore import QDate, QLocale

from kiosk.domain.stationtime import in_zone, station_zone

_zone: tzinfo = station_zone()


def use_time_zone(zone: tzinfo) -> None:
    """The station's zone, in which every moment is shown (config `time_zone`)."""
    global _zone
    _zone = zone


def station_zone_in_use() -> tzinfo:
    return _zone


_DAY = {"zh_CN": "M月d日 dddd", "zh_TW": "M月d日 dddd", "en": "dddd, MMMM d"}
_FULL = {"zh_CN": "yyyy年M月d日 dddd", "zh_TW": "yyyy年M月d日 dddd", "en": "dddd, MMMM d, yyyy"}


def _language() -> str:
    name = QLocale().name()
    return name if name in _DAY else ("en" if not name.startswith("zh") else "zh_CN")


def day_text(day: date) -> str:
    """'11月23日 星期一' / 'Monday, November 23'."""
    return QLocale().toString(QDate(day.year, day.month, day.day), _DAY[_language()])


def full_date_text(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), _FULL[_language()])


def time_range_text(start: time, end: time) -> str:
    return f"{start:%H:%M}–{end:%H:%M}"


def moment_text(moment: datetime) -> str:
    """'12月3日 星期四 00:37' on the station's clock, whichever zone `moment` was taken in."""
    local = in_zone(moment, _zone)
    return f"{day_text(local.date())} {local:%H:%M}"


def full_moment_text(moment: datetime) -> str:
    local = in_zone(moment, _zone)
    return f"{full_date_text(local.date())} {local:%H:%M}"
