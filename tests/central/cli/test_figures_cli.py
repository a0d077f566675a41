# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m central figures`: a station's figures printed, one table written as CSV and
every table as .xlsx, by the same service as the console's page; a bad period is refused in
words."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from openpyxl import load_workbook

from central.core.config import CHINA_TIME
from kiosk.domain.tracking import new_tracking_code


def test_a_stations_month_printed_and_exported(central, kiosk, tmp_path):
    code = new_tracking_code()
    event = kiosk.appeal_event(code, name="周大姐", mobile="13911112222", text="路灯不亮")
    assert kiosk.post_events([event]).json()["results"][0]["status"] == "created"
    today = datetime.now(UTC).astimezone(CHINA_TIME).date().isoformat()
    where = ("--station", kiosk.station_id, "--range", f"{today}..{today}")

    printed = central.cli("figures", *where).stdout
    assert f"{today} 至 {today}" in printed
    assert "  收到意见（件）: 1" in printed and "  一体机: 1" in printed
    assert "周大姐" not in printed and "13911112222" not in printed

    central.cli("figures", *where, "--csv", str(tmp_path / "total.csv"), "--table", "total")
    rows = list(csv.reader(io.StringIO((tmp_path / "total.csv").read_text("utf-8-sig"))))
    assert rows[0][2] == "收到意见（件）" and rows[1][2] == "1"
    central.cli("figures", *where, "--xlsx", str(tmp_path / "all.xlsx"))
    book = load_workbook(tmp_path / "all.xlsx")
    assert book.sheetnames == ["总计", "分项", "按类别", "月度趋势"]
    assert book["按类别"]["A3"].value == "交通出行"

    bad = central.cli("figures", "--month", "2026-13", ok=False)
    assert bad.returncode == 1 and "is not a month such as 2026-11" in bad.stderr
    both = central.cli("figures", "--month", "2026-11", "--year", "2026", ok=False)
    assert both.returncode == 1 and "say one period" in both.stderr
