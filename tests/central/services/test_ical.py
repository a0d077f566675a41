# SPDX-License-Identifier: GPL-3.0-or-later
"""iCalendar export and import of schedules, checked against the independent `icalendar`."""

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import requests

from central.services.ical import export_calendar, import_calendar
from central.services.rosters import ID_PATTERN, ImportRefused
from kiosk.demo import demo_snapshot

SNAPSHOT = demo_snapshot()
NAMES = {d.id: d.name for d in SNAPSHOT.deputies}
NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def occurrences(schedules, holidays=None):
    from kiosk.domain.reception import reception_days_between

    return reception_days_between(schedules, date(2026, 1, 1), date(2027, 12, 31), held_only=False)


def same_schedules(a, b):
    """Equal in everything but how DTSTART is written, and equal in every reception day."""
    from dataclasses import fields

    def without_rule(s):
        return {f.name: getattr(s, f.name) for f in fields(s) if f.name != "rule"}

    assert [without_rule(s) for s in a] == [without_rule(s) for s in b]
    assert occurrences(a) == occurrences(b)


def test_the_export_reads_back_in_icalendar_with_china_times_and_changes():
    text = export_calendar("demo-station", "青禾", SNAPSHOT.schedules, NAMES, NOW)
    calendar = icalendar.Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    masters = [e for e in events if "RECURRENCE-ID" not in e]
    assert [str(e["UID"]) for e in masters] == [
        "demo-weekly@demo-station",
        "demo-contact-day@demo-station",
        "demo-group@demo-station",
    ]
    contact = masters[1]
    assert contact["DTSTART"].dt == datetime(
        2026, 1, 20, 14, 30, tzinfo=contact["DTSTART"].dt.tzinfo
    )
    assert contact["DTSTART"].dt.utcoffset() == timedelta(hours=8)
    assert contact["RRULE"]["BYDAY"] == ["+3TU"]
    assert "区住房和城乡建设局" in str(contact["DESCRIPTION"])
    cancelled = next(e for e in events if e.get("STATUS") == "CANCELLED")
    assert cancelled["RECURRENCE-ID"].dt.date() == date(2026, 11, 30)
    moved = next(e for e in events if "RECURRENCE-ID" in e and e.get("STATUS") != "CANCELLED")
    assert moved["DTSTART"].dt.date() == date(2026, 12, 17)
    # Lines are folded at 75 octets, and unfold to the same text.
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_export_then_import_gives_the_same_schedules():
    text = export_calendar("demo-station", "青禾", SNAPSHOT.schedules, NAMES, NOW)
    same_schedules(import_calendar(text, set(NAMES)), list(SNAPSHOT.schedules))


def test_a_calendar_written_by_icalendar_is_imported():
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//another program//")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", "third-tuesday@elsewhere")
    event.add("summary", "代表联系日, 第三个星期二")
    # 06:30 UTC is 14:30 in Shanghai.
    event.add("dtstart", datetime(2026, 1, 20, 6, 30, tzinfo=UTC))
    event.add("dtend", datetime(2026, 1, 20, 8, 30, tzinfo=UTC))
    event.add("rrule", {"freq": "monthly", "byday": "+3TU"})
    event.add("exdate", datetime(2026, 2, 17, 6, 30, tzinfo=UTC))
    event.add("location", "二楼; 会议室")
    calendar.add_component(event)
    [schedule] = import_calendar(calendar.to_ical().decode(), set())
    assert schedule.id == "third-tuesday"
    assert (schedule.start.isoformat(), schedule.end.isoformat()) == ("14:30:00", "16:30:00")
    assert schedule.title == "代表联系日, 第三个星期二" and schedule.place == "二楼; 会议室"
    days = [r.day for r in occurrences([schedule])][:3]
    assert days == [date(2026, 1, 20), date(2026, 3, 17), date(2026, 4, 21)]


GOOD_EVENT = (
    "BEGIN:VEVENT\r\nUID:weekly@x\r\nDTSTART;TZID=Asia/Shanghai:20261102T090000\r\n"
    "DTEND;TZID=Asia/Shanghai:20261102T110000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\n"
    "SUMMARY:接待日\r\nEND:VEVENT\r\n"
)


def calendar_text(*parts):
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(parts) + "END:VCALENDAR\r\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        (calendar_text(GOOD_EVENT, "BEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\n"),
         "文件：日历里有 VTODO"),
        (calendar_text(GOOD_EVENT, "this line is broken\r\n"),
         "第10行：不是日历的内容行（缺少“:”）：'this line is broken'"),
        (calendar_text(GOOD_EVENT.replace("20261102T090000", "20260230T090000")),
         "第3行起的事件“接待日”，DTSTART：“20260230T090000”不是真实的日期或时间"),
        (calendar_text(GOOD_EVENT.replace("BYDAY=MO", "BYDAY=XX")),
         "第3行起的事件“接待日”，RRULE：重复规则读不懂"),
        (calendar_text(GOOD_EVENT.replace("BYDAY=MO", "BYMONTHDAY=40")),
         "第3行起的事件“接待日”，RRULE：重复规则读不懂"),
        (calendar_text(GOOD_EVENT.replace("END:VEVENT\r\n", "")), "日历不完整"),
        (calendar_text(GOOD_EVENT.replace("SUMMARY", "X-KIOSK-DEPUTIES:nobody\r\nSUMMARY")),
         "X-KIOSK-DEPUTIES：本站代表名单里没有 nobody"),
        (calendar_text(GOOD_EVENT.replace("Asia/Shanghai", "Mars/Olympus")),
         "DTSTART：不认识的时区“Mars/Olympus”"),
        (calendar_text(GOOD_EVENT.replace(":20261102T090000", ":20261102").replace(
            "TZID=Asia/Shanghai:20261102", "VALUE=DATE:20261102")), "这是全天事件"),
        ("hello", "第1行：不是日历的内容行"),
    ],
)  # fmt: skip
def test_bad_calendars_are_refused_with_the_line_and_the_reason(text, expected):
    with pytest.raises(ImportRefused) as refused:
        import_calendar(text, set(NAMES))
    assert expected in str(refused.value)


def test_a_bad_ics_changes_nothing_and_a_good_one_replaces_the_schedules(central, kiosk, tmp_path):
    bad = tmp_path / "bad.ics"
    bad.write_text(calendar_text(GOOD_EVENT, "BEGIN:VJOURNAL\r\nEND:VJOURNAL\r\n"), "utf-8")
    before = kiosk.snapshot()
    result = central.cli("schedules", "import", "--station", kiosk.station_id, str(bad), ok=False)
    assert result.returncode == 1
    assert "nothing was imported" in result.stderr and "日历里有 VJOURNAL" in result.stderr
    assert kiosk.snapshot(before.headers["ETag"]).status_code == 304

    good = tmp_path / "good.ics"
    good.write_text(calendar_text(GOOD_EVENT), "utf-8")
    central.cli("schedules", "import", "--station", kiosk.station_id, str(good))
    document = kiosk.snapshot().json()
    assert [s["id"] for s in document["schedules"]] == ["weekly"]
    exported = central.cli("schedules", "export", "--station", kiosk.station_id, "-").stdout
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO" in exported


def test_staff_subscribe_with_the_secret_feed_url(central, kiosk):
    output = central.cli("schedules", "feed-token", "--station", kiosk.station_id).stdout
    path = output.split("<server>")[1].split()[0]
    answer = requests.get(central.url + path, timeout=10)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/calendar")
    icalendar.Calendar.from_ical(answer.text)
    wrong = requests.get(central.url + path.split("token=")[0] + "token=guess", timeout=10)
    assert wrong.status_code == 404
    # A new token revokes the old URL.
    central.cli("schedules", "feed-token", "--station", kiosk.station_id)
    assert requests.get(central.url + path, timeout=10).status_code == 404


def test_an_outlook_calendar_with_its_windows_zone_exdate_and_exception_is_imported():
    from tests.helpers.calendars import outlook

    first = date(2026, 12, 7)
    text = outlook(first, date(2026, 12, 28), date(2026, 12, 14), date(2027, 3, 29))
    [schedule] = import_calendar(text, set())
    assert schedule.title == "周一代表接待日" and schedule.place == "联络站一楼接待室"
    assert (schedule.start.isoformat(), schedule.end.isoformat()) == ("09:00:00", "11:30:00")
    assert ID_PATTERN.fullmatch(schedule.id)
    days = occurrences([schedule])
    held = [d.day for d in days if d.is_held]
    assert held[:3] == [date(2026, 12, 7), date(2026, 12, 21), date(2027, 1, 4)]
    assert held[-1] == date(2027, 3, 29)
    cancelled = next(d for d in days if d.day == date(2026, 12, 14))
    assert cancelled.status.value == "cancelled" and "集中视察" in cancelled.reason


def test_phone_calendars_in_shanghai_time_and_in_utc_are_imported():
    from tests.helpers.calendars import phone_ios, phone_utc

    [ios] = import_calendar(phone_ios(date(2026, 12, 9)), set())
    assert (ios.start.isoformat(), ios.end.isoformat()) == ("14:30:00", "16:30:00")
    days = [d.day for d in occurrences([ios])][:3]
    assert days == [date(2026, 12, 9), date(2026, 12, 23), date(2027, 1, 6)]
    [google] = import_calendar(phone_utc(date(2026, 12, 4)), set())
    # 01:00 UTC is 09:00 in Shanghai.
    assert (google.start.isoformat(), google.end.isoformat()) == ("09:00:00", "11:00:00")
    assert google.id == "5q2v0l3k9m8n7b6v5c4x3z2a1s"
    days = [d.day for d in occurrences([google])][:3]
    assert days == [date(2026, 12, 4), date(2027, 1, 1), date(2027, 2, 5)]
