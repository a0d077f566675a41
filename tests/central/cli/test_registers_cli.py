# SPDX-License-Identifier: GPL-3.0-or-later
"""`registers activity|reception|deputy` write the console's PDF registers from the command
line (issue 15 §2): the same service, the station and period on every page, CJK text as text;
the reception register names visitors, so writing it is audited as a reveal."""

from __future__ import annotations

import getpass
import shutil
import subprocess
import uuid
from datetime import datetime

import pytest
from sqlalchemy import select

from central.core.config import CHINA_TIME
from central.models import AuditEntry
from kiosk.domain.tracking import new_tracking_code
from tests.helpers.central import put_on_roster

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_registers_are_written_from_the_command_line_and_the_reveal_is_audited(
    central, kiosk, tmp_path
):
    station = kiosk.station_id
    put_on_roster(central, station, "d1")
    now = datetime.now(CHINA_TIME)
    month = f"{now:%Y-%m}"
    visitor = kiosk.appeal_event(new_tracking_code(), name="李四", mobile="00098765432")
    for action in ("sign_in", "sign_out"):
        duty = {
            "uuid": str(uuid.uuid4()),
            "kind": "attendance",
            "created_at": now.isoformat(timespec="seconds"),
            "body": {"deputy_id": "d1", "action": action, "reason": "pin"},
        }
        assert kiosk.post_events([duty]).status_code == 200
    assert kiosk.post_events([visitor]).json()["results"][0]["status"] == "created"

    out = tmp_path / "接待登记簿.pdf"
    where = ["--station", station, "--month", month, "--out", str(out)]
    result = central.cli("registers", "reception", *where)
    assert f"wrote {out}: reception register of {station}, {now.year}年{now.month}月" in (
        result.stdout
    )
    text = pdf_text(out)
    assert "接待人民群众登记簿" in text and f"期间：{now.year}年{now.month}月" in text
    assert "李四" in text and "00098765432" in text
    with central.open_database() as database, database.reader() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "reveal", AuditEntry.target == station)
        ).one()
    assert entry.login == f"cli:{getpass.getuser()}"
    assert f"visitors register {month}: 1 lines" in entry.detail and "李四" not in entry.detail

    day = f"{now:%Y-%m-%d}"
    activity = tmp_path / "activity.pdf"
    central.cli(
        "registers", "activity", "--station", station, "--from", day, "--to", day,
        "--out", str(activity),
    )  # fmt: skip
    text = pdf_text(activity)
    assert "活动记录簿" in text and f"期间：{day} 至 {day}" in text
    assert "代表 d1" in text and "李四" not in text
    record = tmp_path / "record.pdf"
    central.cli(
        "registers", "deputy", "--station", station, "--deputy", "d1", "--year",
        str(now.year), "--out", str(record),
    )  # fmt: skip
    assert "代表履职档案 · 代表 d1" in pdf_text(record)

    for args, words in (
        (["activity", "--station", station, "--out", str(activity)], "say one period"),
        (["activity", "--station", station, "--from", day, "--out", str(activity)], "go together"),
        (["activity", "--station", "nowhere", "--year", "2026", "--out", "x.pdf"], "no station"),
        (["deputy", "--station", station, "--deputy", "x", "--year", "2026", "--out", "x.pdf"],
         "no deputy x"),
        (["activity", "--station", station, "--year", "2026", "--out", "x.txt"], "end in .pdf"),
    ):  # fmt: skip
        refused = central.cli("registers", *args, ok=False)
        assert refused.returncode == 1 and words in refused.stderr, refused.stderr
