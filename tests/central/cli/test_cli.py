# SPDX-License-Identifier: GPL-3.0-or-later
import json
from datetime import datetime, timedelta

from sqlalchemy import select

from central.core.config import CHINA_TIME
from central.launch import central_command
from central.models import Deputy


def _deputies(central, station_id):
    with central.open_database() as database, database.reader() as session:
        query = select(Deputy.deputy_id).where(Deputy.station_id == station_id)
        return [(d,) for d in session.scalars(query.order_by(Deputy.position))]


def test_a_roster_with_a_bad_row_is_reported_and_nothing_is_imported(central, kiosk, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "id,name,levels,constituency,blocks,phone,occupation,bio,photo\n"
        'd1,林嘉禾,"national,city",第一选区,文昌社区,,主任,,\n'
        "d2,周晓喆,mayor,第二选区,望江社区,,教师,,\n"
        "d3,,county,第三选区,,,,,missing.jpg\n",
        encoding="utf-8",
    )
    before = kiosk.snapshot()

    result = central.cli("roster", "import", "--station", kiosk.station_id, str(roster), ok=False)

    assert result.returncode == 1
    assert "nothing was imported" in result.stderr
    assert "第3行，第3列（levels）：不认识的层级“mayor”" in result.stderr
    assert "第4行，第2列（name）：不能为空" in result.stderr
    assert "第4行，第9列（photo）：" in result.stderr
    assert "第2行" not in result.stderr
    assert _deputies(central, kiosk.station_id) == []
    assert kiosk.snapshot(before.headers["ETag"]).status_code == 304


def test_a_json_roster_and_schedules_are_imported(central, kiosk, tmp_path):
    roster = tmp_path / "roster.json"
    roster.write_text(
        json.dumps(
            [
                {
                    "id": "d1",
                    "name": "陈思堃",
                    "levels": ["city", "county"],
                    "blocks": ["云栖社区"],
                },
                {"id": "d2", "name": "郑玥", "levels": "county", "blocks": "望江社区、滨江写字楼"},
            ]
        ),
        encoding="utf-8",
    )
    result = central.cli("roster", "import", "--station", kiosk.station_id, str(roster))
    assert "imported 2 deputies" in result.stdout
    assert _deputies(central, kiosk.station_id) == [("d1",), ("d2",)]

    schedules = tmp_path / "schedules.json"
    good = {
        "id": "weekly",
        "title": "接待日",
        "rule": "DTSTART:20260105\nRRULE:FREQ=WEEKLY;BYDAY=MO",
        "start": "09:00",
        "end": "11:30",
        "deputy_ids": ["d1", "d2"],
        "per_occurrence": 1,
        "theme": "",
        "place": "一楼",
    }
    bad = good | {"id": "bad", "deputy_ids": ["d9"], "end": "8:00"}
    schedules.write_text(json.dumps([good, bad]), encoding="utf-8")
    refused = central.cli(
        "schedules", "import", "--station", kiosk.station_id, str(schedules), ok=False
    )
    assert refused.returncode == 1
    assert "第2条，deputy_ids：本站代表名单里没有 d9" in refused.stderr
    assert kiosk.snapshot().json()["schedules"] == []

    schedules.write_text(json.dumps([good]), encoding="utf-8")
    central.cli("schedules", "import", "--station", kiosk.station_id, str(schedules))
    (schedule,) = kiosk.snapshot().json()["schedules"]
    assert schedule["id"] == "weekly" and schedule["deputy_ids"] == ["d1", "d2"]


def test_bad_input_gets_a_plain_message(central, kiosk, tmp_path):
    bad_pin = central.cli(
        "pin", "set", "--station", kiosk.station_id, "--deputy", "d1", stdin="12\n", ok=False
    )
    assert bad_pin.returncode == 1 and "6 to 8 digits" in bad_pin.stderr
    no_station = central.cli("enrolment-code", "--station", "nowhere", ok=False)
    assert no_station.returncode == 1 and "no station nowhere" in no_station.stderr
    again = central.cli(
        "station", "create", "--id", kiosk.station_id, "--kind", "home", "--name", "x", ok=False
    )
    assert again.returncode == 1 and "exists already" in again.stderr
    bad_code = central.cli("appeals", "move", "K7QM4XPD0", "accepted", "--note", "", ok=False)
    assert bad_code.returncode == 1 and "tracking code" in bad_code.stderr
    assert (
        central.cli(
            "station", "create", "--id", "x", "--kind", "hall", "--name", "x", ok=False
        ).returncode
        == 2
    )


def test_the_demo_station_is_created_with_photos_and_an_enrolment_code(tmp_path):
    result = central_command(tmp_path, "demo-station")
    assert result.returncode == 0, result.stderr
    assert "15 deputies" in result.stdout
    assert "enrolment code for demo-station:" in result.stdout
    key = tmp_path / "server.key"
    assert not key.exists()  # created by the server on its first start, not by admin commands


def test_an_xlsx_roster_is_previewed_then_imported_and_schedules_days_cancelled(
    central, kiosk, tmp_path
):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "层级", "选区"])
    book.active.append(["林嘉禾", "市", "第一选区"])
    roster = tmp_path / "名单.xlsx"
    book.save(roster)
    dry = central.cli("roster", "import", "--station", kiosk.station_id, str(roster), "--dry-run")
    assert "new  lin-jia-he  林嘉禾" in dry.stdout and "nothing was written" in dry.stdout
    assert _deputies(central, kiosk.station_id) == []
    central.cli("roster", "import", "--station", kiosk.station_id, str(roster))
    assert _deputies(central, kiosk.station_id) == [("lin-jia-he",)]

    schedules = tmp_path / "schedules.json"
    today = datetime.now(CHINA_TIME).date()
    monday = today + timedelta(days=7 - today.weekday())
    second, tuesday = monday + timedelta(days=7), monday + timedelta(days=1)
    rule = f"DTSTART:{monday:%Y%m%d}\nRRULE:FREQ=WEEKLY;BYDAY=MO"
    schedules.write_text(
        json.dumps(
            [
                {
                    "id": "mon",
                    "title": "接待日",
                    "rule": rule,
                    "start": "09:00",
                    "end": "11:30",
                    "deputy_ids": [],
                }
            ]
        ),
        encoding="utf-8",
    )
    central.cli("schedules", "import", "--station", kiosk.station_id, str(schedules))
    where = ["--station", kiosk.station_id, "--schedule", "mon"]
    refused = central.cli(
        "schedules", "cancel", *where, "--date", str(tuesday), "--reason", "x", ok=False
    )
    assert f"{tuesday} 按规则没有接待; nothing was changed" in refused.stderr
    central.cli("schedules", "cancel", *where, "--date", str(second), "--reason", "集中视察")
    dates = central.cli("schedules", "dates", *where, "--count", "3").stdout
    assert "每周一 09:00-11:30" in dates
    assert f"{second}  09:00-11:30  CANCELLED (集中视察)" in dates
    (schedule,) = kiosk.snapshot().json()["schedules"]
    assert schedule["changes"] == [{"date": str(second), "cancelled": True, "reason": "集中视察"}]


def test_a_schedule_is_created_with_turns_and_deleted_from_the_command_line(
    central, kiosk, tmp_path
):
    roster = tmp_path / "roster.json"
    people = [("d1", "陈思堃"), ("d2", "郑玥"), ("d3", "王赟")]
    entries = [{"id": i, "name": n, "levels": "county"} for i, n in people]
    roster.write_text(json.dumps(entries), encoding="utf-8")
    central.cli("roster", "import", "--station", kiosk.station_id, str(roster))
    today = datetime.now(CHINA_TIME).date()
    where = ["--station", kiosk.station_id]
    made = ["--title", "周三接待日", "--weekday", "WE", "--first", str(today)]
    refused = central.cli("schedules", "create", *where, *made, ok=False)
    assert refused.returncode == 1
    assert "--deputy: 请至少选一位代表; nothing was changed" in refused.stderr
    deputies = ["--deputy", "d3", "--deputy", "d1", "--deputy", "d2"]
    result = central.cli(
        "schedules", "create", *where, *made, *deputies, "--per-occurrence", "1",
        "--theme", "加装电梯",
    )  # fmt: skip
    assert "每周三 09:00-11:30" in result.stdout
    lines = [line for line in result.stdout.splitlines() if line.startswith("  20")]
    assert len(lines) == 12
    # One deputy a time, in turns; the three names follow each other in roster order.
    on_duty = [line.split()[-1] for line in lines[:3]]
    assert sorted(on_duty) == ["王赟", "郑玥", "陈思堃"]
    (schedule,) = kiosk.snapshot().json()["schedules"]
    assert schedule["deputy_ids"] == ["d1", "d2", "d3"] and schedule["per_occurrence"] == 1
    assert schedule["theme"] == "加装电梯" and schedule["title"] == "周三接待日"

    # A roster without 郑玥: the dry run and the import say she leaves the schedule.
    roster.write_text(json.dumps([e for e in entries if e["id"] != "d2"]), encoding="utf-8")
    dry = central.cli("roster", "import", *where, str(roster), "--dry-run").stdout
    assert f"schedule {schedule['id']} (周三接待日): 郑玥 would be taken off it" in dry
    done = central.cli("roster", "import", *where, str(roster)).stdout
    assert f"schedule {schedule['id']} (周三接待日): 郑玥 is taken off it" in done
    assert kiosk.snapshot().json()["schedules"][0]["deputy_ids"] == ["d1", "d3"]

    people = ["--schedule", schedule["id"], "--deputy", "d3", "--theme", "停车难"]
    shown = central.cli("schedules", "people", *where, *people).stdout
    assert all(line.endswith("王赟") for line in shown.splitlines() if line.startswith("  20"))
    (schedule,) = kiosk.snapshot().json()["schedules"]
    assert schedule["deputy_ids"] == ["d3"] and schedule["theme"] == "停车难"
    assert schedule["per_occurrence"] is None
    central.cli("schedules", "delete", *where, "--schedule", schedule["id"])
    assert kiosk.snapshot().json()["schedules"] == []
    gone = central.cli("schedules", "delete", *where, "--schedule", schedule["id"], ok=False)
    assert f"no schedule {schedule['id']}" in gone.stderr
