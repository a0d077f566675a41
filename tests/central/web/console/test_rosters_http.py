# SPDX-License-Identifier: GPL-3.0-or-later
"""Rosters over plain HTTP: bad uploads are answered in words and lose nothing, never a 500;
another station's roster is out of reach; every change is in the audit log."""

from __future__ import annotations

import base64

from tests.central.console_fixtures import STATION, ConsoleSite
from tests.helpers.phone import field_value


def send(staff, path: str, fields: dict[str, str], file: tuple[str, bytes] | None = None):
    data = {"csrf": field_value(staff.page, "csrf")} | fields
    files = {"file": file} if file else {"file": ("", b"")}
    return staff._keep(staff.http.post(staff.url + path, data=data, files=files, timeout=30))


def test_bad_uploads_are_refused_in_words(console: ConsoleSite):
    staff = console.staff("staff-a")
    staff.get("/console/rosters")
    before = console.kiosk_a.snapshot().json()["deputies"]
    path = f"/console/rosters/{STATION}/import"
    answer = send(staff, path, {})
    assert answer.status_code == 400 and "请先选择要上传的文件" in staff.text
    answer = send(staff, path, {}, ("名单.xls", b"\xd0\xcf\x11\xe0"))
    assert answer.status_code == 400 and "另存为 .xlsx 或 CSV" in staff.text
    answer = send(staff, path + "/confirm", {"file_name": "a.csv", "content": "%%%"})
    assert answer.status_code == 400 and "名单没有任何改动" in staff.text
    answer = send(staff, "/console/rosters/station-b/import", {}, ("a.csv", b"name,levels\n"))
    assert answer.status_code == 404 and "没有这个联络站" in staff.text
    staff.get("/console/rosters")
    big = send(staff, path, {}, ("a.csv", b"x" * (9 * 1024 * 1024)))
    assert big.status_code == 413
    assert console.kiosk_a.snapshot().json()["deputies"] == before

    staff.get(f"/console/rosters/{STATION}/deputies/demo-01")
    answer = send(
        staff, f"/console/rosters/{STATION}/deputies/demo-01/photo", {}, ("p.gif", b"GIF89a")
    )
    assert answer.status_code == 400 and "这个文件不是照片" in staff.text
    assert staff.get(f"/console/rosters/{STATION}/deputies/nobody").status_code == 404
    assert staff.get("/console/rosters/station-b/deputies/x/photo").status_code == 404


def test_a_confirmed_import_is_audited(console: ConsoleSite):
    console.server.cli(
        "station", "create", "--id", "audited", "--kind", "station", "--name", "审计站"
    )
    chief = console.staff("chief")
    chief.get("/console/rosters?station=audited")
    content = "姓名,层级\r\n林嘉禾,市\r\n罗晟,县\r\n".encode("gb18030")
    answer = send(chief, "/console/rosters/audited/import", {}, ("名单.csv", content))
    assert answer.status_code == 200 and "新增 2 人" in chief.text
    fields = {"file_name": "名单.csv", "content": base64.b64encode(content).decode()}
    answer = send(chief, "/console/rosters/audited/import/confirm", fields)
    assert answer.status_code == 200 and "新增 2 人" in chief.text
    assert "林嘉禾" in chief.text and "罗晟" in chief.text
    chief.get("/console/audit?action=roster.import")
    assert "roster.import" in chief.text and "audited" in chief.text


def test_problem_lines_are_in_english_when_the_console_is(console: ConsoleSite):
    staff = console.staff("staff-a")
    staff.get("/console/rosters?lang=en")  # the language switch: a cookie from now on
    path = f"/console/rosters/{STATION}/import"
    rows = "姓名,层级,拼音,编号\r\n,市,,x1\r\n郑玥,部级,zheng,x1\r\n".encode("gbk")
    answer = send(staff, path, {}, ("roster.csv", rows))
    assert answer.status_code == 400
    assert "Nothing was imported and the roster is unchanged" in staff.text
    assert "Row 2, column 1 (姓名): must not be empty" in staff.text
    assert "Row 3, column 2 (层级): unknown level “部级” (use: national, provincial" in staff.text
    assert (
        "Row 3, column 3 (拼音): one syllable per character of the name: 2 characters, "
        "1 syllable" in staff.text
    )
    assert "Row 3, column 4 (编号): the same id as row 2" in staff.text
    assert "第3行" not in staff.text and "不认识" not in staff.text
    answer = send(staff, path, {}, ("roster.xls", b"\xd0\xcf\x11\xe0"))
    assert "The file: an old Excel file (.xls) cannot be read" in staff.text
    # A deputy's form, too.
    staff.get(f"/console/rosters/{STATION}/deputies/demo-01")
    answer = staff.post(f"/console/rosters/{STATION}/deputies/demo-01", {"name": "林嘉禾"})
    assert answer.status_code == 400 and "Levels: must not be empty" in staff.text
    staff.get("/console/rosters?lang=zh")
    answer = send(staff, path, {}, ("roster.csv", rows))
    assert "第2行，第1列（姓名）：不能为空" in staff.text
