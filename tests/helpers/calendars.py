# SPDX-License-Identifier: GPL-3.0-or-later
"""Calendar files in the shapes staff bring: exported from Outlook (Windows zone name
"China Standard Time" with its VTIMEZONE, a hex UID, VALARM, X-MS-* lines, an exception as a
second VEVENT) and from a phone's calendar app (iOS: Asia/Shanghai with its VTIMEZONE and
X-APPLE-* lines; Android/Google: UTC times ending in Z)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from kiosk.domain.reception import CHINA_TIME

OUTLOOK_UID = (
    "040000008200E00074C5B7101A82E00800000000D0B5C3A1B2C3D401000000000000000010000000A1B2C3D4E5F6"
)


def _crlf(lines: list[str]) -> str:
    return "\r\n".join(lines) + "\r\n"


def outlook(first: date, skipped: date, cancelled: date, until: date) -> str:
    """Mondays 09:00-11:30 from `first` to `until` in Outlook's shape: `skipped` deleted from
    the series (EXDATE), `cancelled` as an exception event marked cancelled."""
    last = datetime.combine(until, time(9), CHINA_TIME).astimezone(UTC)
    return _crlf(
        [
            "BEGIN:VCALENDAR",
            "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
            "VERSION:2.0",
            "METHOD:PUBLISH",
            "X-MS-OLK-FORCEINSPECTOROPEN:TRUE",
            "BEGIN:VTIMEZONE",
            "TZID:China Standard Time",
            "BEGIN:STANDARD",
            "DTSTART:16010101T000000",
            "TZOFFSETFROM:+0800",
            "TZOFFSETTO:+0800",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "CLASS:PUBLIC",
            "CREATED:20261120T020000Z",
            "DESCRIPTION:\\n",
            f'DTEND;TZID="China Standard Time":{first:%Y%m%d}T113000',
            "DTSTAMP:20261120T020000Z",
            f'DTSTART;TZID="China Standard Time":{first:%Y%m%d}T090000',
            f'EXDATE;TZID="China Standard Time":{skipped:%Y%m%d}T090000',
            "LAST-MODIFIED:20261120T020000Z",
            "LOCATION:联络站一楼接待室",
            "PRIORITY:5",
            f"RRULE:FREQ=WEEKLY;UNTIL={last:%Y%m%dT%H%M%SZ};INTERVAL=1;BYDAY=MO;WKST=SU",
            "SEQUENCE:0",
            "SUMMARY;LANGUAGE=zh-cn:周一代表接待日",
            "TRANSP:OPAQUE",
            f"UID:{OUTLOOK_UID}",
            "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
            "X-MICROSOFT-CDO-IMPORTANCE:1",
            "X-MS-OLK-CONFTYPE:0",
            "BEGIN:VALARM",
            "TRIGGER:-PT15M",
            "ACTION:DISPLAY",
            "DESCRIPTION:Reminder",
            "END:VALARM",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "CLASS:PUBLIC",
            "DESCRIPTION:代表参加集中视察，本次接待取消",
            f'DTEND;TZID="China Standard Time":{cancelled:%Y%m%d}T113000',
            "DTSTAMP:20261120T020000Z",
            f'DTSTART;TZID="China Standard Time":{cancelled:%Y%m%d}T090000',
            f'RECURRENCE-ID;TZID="China Standard Time":{cancelled:%Y%m%d}T090000',
            "SEQUENCE:1",
            "STATUS:CANCELLED",
            "SUMMARY;LANGUAGE=zh-cn:已取消：周一代表接待日",
            f"UID:{OUTLOOK_UID}",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
    )


def phone_ios(first: date) -> str:
    """Every other Wednesday 14:30-16:30, as the iPhone's calendar shares it."""
    return _crlf(
        [
            "BEGIN:VCALENDAR",
            "METHOD:PUBLISH",
            "VERSION:2.0",
            "X-WR-CALNAME:联络站",
            "PRODID:-//Apple Inc.//macOS 14.0//EN",
            "X-APPLE-CALENDAR-COLOR:#CC73E1",
            "X-WR-TIMEZONE:Asia/Shanghai",
            "CALSCALE:GREGORIAN",
            "BEGIN:VTIMEZONE",
            "TZID:Asia/Shanghai",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0900",
            "DTSTART:19910915T020000",
            "TZNAME:GMT+8",
            "TZOFFSETTO:+0800",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "TRANSP:OPAQUE",
            f"DTEND;TZID=Asia/Shanghai:{first:%Y%m%d}T163000",
            "UID:8D1F0F7E-5B0A-4C51-9D8E-2B1C6F1A9E3B",
            "DTSTAMP:20261120T030000Z",
            "LOCATION:社区党群服务中心二楼",
            "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
            "SEQUENCE:0",
            "SUMMARY:双周三代表联系日",
            "LAST-MODIFIED:20261120T030000Z",
            f"DTSTART;TZID=Asia/Shanghai:{first:%Y%m%d}T143000",
            "CREATED:20261120T030000Z",
            "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
    )


def phone_utc(first: date) -> str:
    """The first Friday of each month 09:00-11:00 China time, as Google's calendar exports it
    (times in UTC with Z, an Android-made UID)."""
    start = datetime.combine(first, time(9), CHINA_TIME).astimezone(UTC)
    end = start + timedelta(hours=2)
    return _crlf(
        [
            "BEGIN:VCALENDAR",
            "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
            f"DTEND:{end:%Y%m%dT%H%M%SZ}",
            "RRULE:FREQ=MONTHLY;BYDAY=1FR",
            "DTSTAMP:20261120T040000Z",
            "UID:5q2v0l3k9m8n7b6v5c4x3z2a1s@google.com",
            "CREATED:20261120T040000Z",
            "DESCRIPTION:",
            "LAST-MODIFIED:20261120T040000Z",
            "LOCATION:",
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            "SUMMARY:每月第一个周五 集中接待",
            "TRANSP:OPAQUE",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
    )
