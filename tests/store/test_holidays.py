# SPDX-License-Identifier: GPL-3.0-or-later
import sqlite3
from contextlib import closing
from datetime import date

from kiosk.demo import demo_snapshot
from kiosk.domain.workdays import add_working_days
from kiosk.store.database import open_database, upgrade
from kiosk.store.station import holiday_table, holiday_years, load_station, replace_station


def test_the_holiday_table_comes_with_the_station_and_counts_working_days(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    with database.begin() as connection:
        replace_station(connection, demo_snapshot())
    with database.read() as connection:
        table = holiday_table(connection)
        assert holiday_years(connection) == {2026}
    assert table[date(2026, 10, 1)] is True and table[date(2026, 10, 10)] is False
    # Three working days after 30 September: 8, 9 and 10 October (a Saturday worked, 调休).
    assert add_working_days(date(2026, 9, 30), 3, table) == date(2026, 10, 10)


def test_a_database_from_before_schedules_had_changes_keeps_its_schedules(tmp_path):
    path = tmp_path / "kiosk.sqlite3"
    upgrade(path, "0002")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO station (id, kind, name, address, hours, phone, intro,"
            " opinions_collected, problems_solved) VALUES"
            " ('s', 'station', '站', '', '', '', '', 0, 0)"
        )
        connection.execute(
            "INSERT INTO reception_schedule (id, station_id, position, title, theme, place,"
            " rule, start_time, end_time, deputy_ids) VALUES ('w', 's', 0, '接待日', '', '',"
            " 'DTSTART:20260105' || char(10) || 'RRULE:FREQ=WEEKLY;BYDAY=MO',"
            " '09:00', '11:00', '[]')"
        )
    with open_database(path).read() as connection:
        snapshot = load_station(connection)
    [schedule] = snapshot.schedules
    assert (schedule.rotation, schedule.on_holiday, schedule.changes) == ("list", "flag", ())
    assert snapshot.holidays.years == frozenset()  # not yet published: nothing covered
