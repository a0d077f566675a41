# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m central privacy`: find a visitor's records by mobile, erase them (confirmed, the
number read from standard input), and run the retention job; each use audited."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from central.models import Appeal, AuditEntry
from kiosk.domain.tracking import new_tracking_code


def test_a_person_is_found_erased_and_retention_runs_from_the_command_line(
    central, kiosk, tmp_path
):
    mobile = "139" + str(uuid.uuid4().int)[:8]
    code = new_tracking_code()
    event = kiosk.appeal_event(code, name="周大姐", mobile=mobile, text="小区门口积水")
    assert kiosk.post_events([event]).json()["results"][0]["status"] == "created"

    found = central.cli("privacy", "find", mobile).stdout
    assert code in found and "周大姐" in found and "1 records" in found

    copy = tmp_path / "copy.csv"
    exported = central.cli("privacy", "export", "-", "--out", str(copy), stdin=mobile + "\n")
    assert "wrote 1 records" in exported.stdout
    lines = copy.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("记录,编号,联络站,收到时间,当前状态,类别,姓名,手机号,内容,办理进度")
    assert code in lines[1] and "周大姐" in lines[1] and mobile in lines[1]

    refused = central.cli("privacy", "erase", mobile, ok=False)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    erased = central.cli("privacy", "erase", "-", "--yes", stdin=mobile + "\n").stdout
    assert "erased the personal data of 1 records" in erased
    assert "0 records" in central.cli("privacy", "find", mobile).stdout
    with central.open_database() as database, database.reader() as session:
        a = session.scalars(select(Appeal).where(Appeal.tracking_code == code)).one()
        row = (a.contact_name, a.contact_mobile, a.text, a.category, a.state)
        entries = session.scalars(select(AuditEntry)).all()
        actions = [e.action for e in entries if e.login == "cli"]
        details = " ".join(e.target + e.detail for e in entries)
    assert row == ("", "", "", "交通出行", "received")
    assert {"privacy.find", "privacy.export", "privacy.erase"} <= set(actions)
    assert mobile not in details

    retention = central.cli("privacy", "retention", "--years", "3").stdout
    assert "closed over 3 years ago" in retention
    bad = central.cli("privacy", "find", "12345", ok=False)
    assert bad.returncode == 1 and "不是一个有效的手机号" in bad.stderr
