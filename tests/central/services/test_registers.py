# SPDX-License-Identifier: GPL-3.0-or-later
"""The printable registers (issue 15 §2) over the seeded November of test_figures: each PDF
names the station and the period, numbers its pages "第 N 页 共 M 页", repeats the table's
header on every page, and embeds a subset of the shipped CJK font; the visitors' register
shows names and mobiles only to roles that may see them, and its download is audited.
Pages are rendered to PNG in screenshots/ (register-*.png) to be looked at."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from central.models import AuditEntry
from central.services.figures import parse_period
from central.services.permissions import Refused
from central.services.registers import (
    activity_register,
    duty_record_register,
    visitors_register,
)
from tests.central.services import test_figures
from tests.central.services.test_figures import NOVEMBER, appeal, china
from tests.helpers.qt import SCREENSHOTS

november = test_figures.november  # the seeded month, the same fixture
POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts") and shutil.which("pdftoppm")
pytestmark = pytest.mark.skipif(not POPPLER, reason="poppler-utils (make setup installs it)")


def pages(pdf: bytes, tmp_path: Path, name: str) -> list[str]:
    """The text of each page (pdftotext), after checking the font is an embedded subset;
    the pages are also drawn to screenshots/register-NAME-N.png at 60 dpi."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True, check=True).stdout
    noto = [line for line in fonts.splitlines() if "NotoSansCJKSC" in line]
    assert noto, fonts
    for line in noto:  # name+subset tag, CID Type 0C, emb yes, sub yes, uni yes
        assert line.split()[0].count("+") == 1 and line.split()[-5:-2] == ["yes"] * 3, line
    SCREENSHOTS.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", path, SCREENSHOTS / f"register-{name}"], check=True
    )
    text = subprocess.run(
        ["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def test_the_activity_register_lists_the_reception_days(november, tmp_path):
    pdf = activity_register(november.session, november.who("staff-a"), "a", NOVEMBER)
    (page,) = pages(pdf, tmp_path, "activity")
    assert "活动记录簿" in page and "联络站：联络站A" in page and "期间：2026年11月" in page
    assert "第1页共1页" in page.replace(" ", "")
    lines = [line for line in page.splitlines() if line.strip().startswith("2026-11-")]
    assert [line.split()[0] for line in lines] == ["2026-11-20", "2026-11-27"]
    assert "林嘉禾、王建国" in lines[0] and "11.5" in lines[0]  # 150 + 540 minutes
    assert "合计：接待日 2 天，值班 13.5 小时，接待群众 5 人次" in page
    assert "陈阿姨" not in page and "13800138000" not in page
    with pytest.raises(Refused):
        activity_register(november.session, november.who("viewer"), "a", NOVEMBER)
    with pytest.raises(Refused):
        activity_register(november.session, november.who("staff-b"), "a", NOVEMBER)


def test_the_visitors_register_runs_over_pages_with_its_header_on_each(november, tmp_path):
    for n in range(60):
        appeal(november, f"M{n:03d}", china(3, 8) + timedelta(minutes=n), text=f"第{n}条意见")
    november.session.flush()
    pdf = visitors_register(
        november.session, november.who("staff-a"), "a", NOVEMBER, now=china(30, 12)
    )
    text = pages(pdf, tmp_path, "visitors")
    total = len(text)
    assert total >= 2
    for number, page in enumerate(text, start=1):
        assert "接待人民群众登记簿" in page and "联络站A" in page
        assert "姓名" in page and "联系电话" in page  # the header, again on every page
        assert f"第{number}页共{total}页" in page.replace(" ", "")
    everything = "".join(text)
    assert "陈阿姨" in everything and "13800138000" in everything
    assert "回电请求" in everything and "手机扫码" in everything and "现场接待" in everything
    assert "约见代表" in everything
    entry = november.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "reveal").order_by(AuditEntry.id.desc())
    ).first()
    assert entry.login == "staff-a" and entry.target == "a"
    assert "13800138000" not in entry.detail and "visitors register 2026-11" in entry.detail
    # Names and mobiles go only to those who may see them.
    with pytest.raises(Refused):
        visitors_register(
            november.session, november.who("viewer"), "a", NOVEMBER, now=china(30, 12)
        )
    with pytest.raises(Refused):
        visitors_register(
            november.session, november.who("deputy-a0"), "a", NOVEMBER, now=china(30, 12)
        )


def test_a_deputys_duty_record(november, tmp_path):
    pdf = duty_record_register(november.session, november.who("deputy-a0"), "a", "a-0", 2026)
    (page,) = pages(pdf, tmp_path, "record")
    assert "代表履职档案 · 林嘉禾" in page and "期间：2026年" in page
    lines = {line.split()[0]: line.split() for line in page.splitlines() if line.strip()}
    assert lines["11月"][1:3] == ["2", "4.5"]  # 2 days, 150 + 120 minutes
    assert lines["10月"][1] == "1"  # signed in on 30 October
    assert lines["全年"][1] == "3"
    with pytest.raises(Refused):  # another deputy's record
        duty_record_register(november.session, november.who("deputy-a0"), "a", "a-1", 2026)
    assert parse_period("year", "2026").label == "2026年"
