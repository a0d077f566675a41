# SPDX-License-Identifier: GPL-3.0-or-later
"""The figures page in a real headless Chromium (issue 15 §2): a district viewer picks October
2026 and sees the hand-counted figures, a row per street, the two charts and no visitor's data;
the exports carry the same numbers (CSV and .xlsx); station staff see their station only, by
deputy; a bad month is said in words with what was typed kept. Screenshots at 1366x768 and
360x740 (screenshots/console-figures*)."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from central.core.config import CHINA_TIME, Settings
from central.core.db import open_database
from central.models import Appeal, AppealStep, Attendance, Event, ReceptionRecord, Station
from central.services.appeals import AppealState, Rating, move_appeal, received_due_on
from tests.central.console_fixtures import STATION_B, ConsoleSite
from tests.central.phone_fixtures import STATION
from tests.central.web.console.test_fleet_browser import fits, sign_in
from tests.helpers.phone import Browser

NAME, MOBILE = "甄秀兰", "13912345678"


def china(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 10, day, hour, minute, tzinfo=CHINA_TIME).astimezone(UTC)


def seed_october(site: ConsoleSite) -> None:
    """Station A: 4 appeals (2 replied, 1 late; 1 solved and rated satisfied), a duty day
    with 2 deputies (3 h and 2 h) and 5 visitors. Station B: 1 appeal by phone, unreplied."""
    database = open_database(Settings(data_dir=site.server.data_dir))
    with database.writer.begin() as session:

        def appeal(station: str, at: datetime, moves, **fields) -> None:
            item = Appeal(
                station_id=station,
                tracking_code=f"F{uuid.uuid4().hex[:7].upper()}",
                category=fields.pop("category", "交通出行"),
                channel=fields.pop("channel", "kiosk"),
                created_at=at,
                state="received",
                contact_name=NAME,
                contact_mobile=MOBILE,
                text="十月的反映内容",
                consent=True,
                **fields,
            )
            item.steps.append(AppealStep(state="received", at=at, actor="kiosk"))
            received_due_on(session, item)
            session.add(item)
            for state, moment, *rating in moves:
                given = Rating(rating[0]) if rating else None
                move_appeal(
                    session,
                    item,
                    AppealState(state),
                    note="",
                    actor="staff",
                    now=moment,
                    rating=given,
                )

        # Thursday 15th: replied Monday 19th (due Tuesday 20th): on time, 2 working days.
        appeal(
            STATION,
            china(15, 9),
            [
                ("accepted", china(15, 10)),
                ("assigned", china(15, 11)),
                ("replied", china(19, 9)),
                ("closed", china(19, 10)),
                ("rated", china(20, 9), "satisfied"),
            ],
            assigned_deputy_id="demo-01",
        )
        # Friday 16th: replied Friday 23rd (due Wednesday 21st): late, 5 working days.
        appeal(
            STATION,
            china(16, 9),
            [("accepted", china(16, 10)), ("assigned", china(16, 11)), ("replied", china(23, 9))],
            assigned_deputy_id="demo-01",
            category="环境卫生",
        )
        appeal(STATION, china(20, 9), [("accepted", china(20, 10))])
        appeal(STATION, china(21, 9), [], request="callback")
        appeal(STATION_B, china(22, 9), [], channel="qr")

        device = site.kiosk_a.device_id
        for deputy, start, end in (("demo-01", (24, 9), (24, 12)), ("demo-02", (24, 9), (24, 11))):
            for action, moment in (("sign_in", china(*start)), ("sign_out", china(*end))):
                event = Event(
                    uuid=str(uuid.uuid4()),
                    station_id=STATION,
                    device_id=device,
                    kind="attendance",
                    created_at=moment,
                    canonical="{}",
                    received_at=moment,
                )
                session.add(event)
                session.flush()
                session.add(
                    Attendance(
                        event_id=event.id,
                        station_id=STATION,
                        deputy_id=deputy,
                        action=action,
                        reason="pin",
                        at=moment,
                    )
                )
        event = Event(
            uuid=str(uuid.uuid4()),
            station_id=STATION,
            device_id=device,
            kind="reception",
            created_at=china(24, 10),
            canonical="{}",
            received_at=china(24, 10),
        )
        session.add(event)
        session.flush()
        session.add(
            ReceptionRecord(
                event_id=event.id,
                station_id=STATION,
                deputy_id="demo-01",
                at=china(24, 10),
                visitors=5,
                topic="交通出行",
                notes=f"{NAME}反映",
            )
        )


@pytest.fixture(scope="module")
def october(console: ConsoleSite) -> ConsoleSite:
    seed_october(console)
    return console


def figure(browser: Browser, table: str, name: str, row: str | None = None) -> str:
    scope = f'tr[data-row="{row}"] ' if row else ""
    return browser.driver.find_element(
        "css selector", f'#{table} {scope}td[data-figure="{name}"]'
    ).text


OCTOBER = "/console/figures?kind=month&month=2026-10"


def test_a_viewer_sees_the_districts_month_as_counted_by_hand(october, desktop, phone):
    sign_in(desktop, october, "viewer", lands_on="/console/")
    desktop.nav("nav-figures")
    assert desktop.driver.current_url.endswith("/console/figures")
    desktop.open(october.url + OCTOBER)
    assert desktop.find("scope-name").text == "城东区"
    assert desktop.find("period-label").text == "2026年10月"
    # By hand: A has 4 (kiosk 2 + call-back 1 + kiosk 1), B 1 by phone.
    assert figure(desktop, "total-table", "received") == "5"
    assert figure(desktop, "total-table", "kiosk") == "3"
    assert figure(desktop, "total-table", "phone") == "1"
    assert figure(desktop, "total-table", "callback") == "1"
    assert figure(desktop, "total-table", "accepted") == "3"
    assert figure(desktop, "total-table", "solved") == "1"
    assert figure(desktop, "total-table", "replied") == "2"
    assert figure(desktop, "total-table", "on_time_rate") == "50.0%"
    assert figure(desktop, "total-table", "average_reply_days") == "3.5"  # (2 + 5) / 2
    assert figure(desktop, "total-table", "satisfaction_rate") == "100.0%"
    assert figure(desktop, "total-table", "reception_days") == "1"
    assert figure(desktop, "total-table", "deputies_present") == "2"
    assert figure(desktop, "total-table", "hours") == "5.0"
    assert figure(desktop, "total-table", "visitors") == "5"
    rows = [
        r.get_attribute("data-row")
        for r in desktop.driver.find_elements("css selector", "#rows-table tbody tr")
    ]
    assert len(rows) == 2 and all(r.startswith("region:") for r in rows)
    names = desktop.find("rows-table").text
    assert "文昌街道" in names and "城南街道" in names
    # Charts drawn on the server: two inline SVGs, a point per month, a bar per street.
    assert len(desktop.driver.find_elements("css selector", "#trend-chart circle")) == 24
    assert "文昌街道" in desktop.find("bar-chart").get_attribute("innerHTML")
    # Figures only: no visitor's name, mobile or text, and no registers for a viewer.
    source = desktop.driver.page_source
    assert NAME not in source and MOBILE not in source and "十月的反映内容" not in source
    assert not desktop.driver.find_elements("id", "registers")
    fits(desktop)
    desktop.screenshot("figures", full=True)

    # A street's row opens the street; its station's row opens the station, by deputy.
    desktop.driver.find_element("link text", "文昌街道").click()
    desktop.find("scope-name")
    assert desktop.find("scope-name").text == "文昌街道"
    station_name = desktop.driver.find_elements("css selector", "#rows-table tbody td a")[0]
    station_name.click()
    assert figure(desktop, "total-table", "received") == "4"
    assert "林嘉禾" in desktop.find("rows-table").text

    sign_in(phone, october, "viewer", lands_on="/console/")
    phone.open(october.url + OCTOBER)
    assert phone.find("tile-received").text == "5"
    fits(phone)
    phone.screenshot("figures", full=True)


def test_exports_carry_the_same_numbers(october):
    viewer = october.staff("viewer")
    answer = viewer.get("/console/figures/export.csv?kind=month&month=2026-10&table=rows")
    assert answer.status_code == 200 and answer.content.startswith(b"\xef\xbb\xbf")
    assert "attachment" in answer.headers["content-disposition"]
    lines = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert lines[0][:3] == ["类型", "区域", "收到意见（件）"]
    received = {line[1]: line[2] for line in lines[1:]}
    assert received == {"城南街道": "1", "文昌街道": "4"}
    answer = viewer.get("/console/figures/export.xlsx?kind=month&month=2026-10")
    assert answer.status_code == 200
    book = load_workbook(io.BytesIO(answer.content))
    assert book.sheetnames == ["总计", "分项", "按类别", "月度趋势"]
    total = book["总计"]
    assert [c.value for c in total[2]][:3] == ["范围", "期间", "收到意见（件）"]
    assert [c.value for c in total[3]][:3] == ["城东区", "2026年10月", 5]
    categories = {row[0].value: row[1].value for row in book["按类别"].iter_rows(min_row=3)}
    assert categories == {"交通出行": 4, "环境卫生": 1}
    # The JSON API under the console: the same figures, the same scope.
    answer = viewer.http.get(f"{october.url}/console/api/figures?kind=month&month=2026-10")
    got = answer.json()
    assert got["name"] == "城东区" and got["period"]["first"] == "2026-10-01"
    assert got["total"]["received"] == 5 and got["total"]["on_time_rate"] == 0.5
    assert {row["name"]: row["received"] for row in got["rows"]} == {"城南街道": 1, "文昌街道": 4}
    bad = viewer.http.get(f"{october.url}/console/api/figures?kind=year&year=12")
    assert bad.status_code == 400 and bad.json()["key"] == "bad_year"


def test_staff_see_their_station_only_and_a_bad_month_is_said(october, desktop):
    database = open_database(Settings(data_dir=october.server.data_dir))
    with database.reader() as session:
        name = session.scalar(select(Station.name).where(Station.id == STATION))
    sign_in(desktop, october, "staff-a", lands_on="/console/")
    desktop.open(october.url + OCTOBER)
    assert desktop.find("scope-name").text == name
    assert not desktop.driver.find_elements("id", "station")  # nothing else to pick
    assert figure(desktop, "rows-table", "received", "deputy:demo-01") == "2"
    assert figure(desktop, "rows-table", "hours", "deputy:demo-01") == "3.0"
    desktop.open(f"{october.url}/console/figures?kind=month&month=2026-10&station={STATION_B}")
    assert "您没有权限" in desktop.text
    desktop.open(f"{october.url}/console/figures?kind=month&month=2026-13")
    assert desktop.find("problem").text == "月份格式应为 2026-11。"
    assert desktop.find("month").get_attribute("value") in ("", "2026-13")  # as typed
    desktop.open(f"{october.url}/console/figures?kind=range&from=2026-10-31&to=2026-10-01")
    assert desktop.find("problem").text == "截止日期早于起始日期。"
    assert desktop.find("from").get_attribute("value") == "2026-10-31"


def test_registers_download_from_the_figures_page(october, desktop):
    sign_in(desktop, october, "staff-a", lands_on="/console/")
    desktop.open(october.url + OCTOBER)
    links = desktop.find("registers")
    assert {"活动记录簿", "接待人民群众登记簿"} <= set(links.text.split())
    desktop.driver.find_element(
        "css selector", '#rows-table tr[data-row="deputy:demo-01"] a'
    ).click()
    assert desktop.find("register-record")  # a deputy chosen: their 履职档案 too
    fits(desktop)
    desktop.screenshot("figures-staff", full=True)

    staff = october.staff("staff-a")
    query = "kind=month&month=2026-10"
    for kind in ("activity", "visitors"):
        answer = staff.http.get(f"{october.url}/console/figures/register/{kind}.pdf?{query}")
        assert answer.status_code == 200 and answer.content.startswith(b"%PDF"), answer.text
        assert answer.headers["content-type"] == "application/pdf"
        assert f"{kind}-{STATION}-2026-10.pdf" in answer.headers["content-disposition"]
    record = staff.http.get(
        f"{october.url}/console/figures/register/record.pdf?{query}&deputy=demo-01"
    )
    assert record.status_code == 200 and record.content.startswith(b"%PDF")
    database = open_database(Settings(data_dir=october.server.data_dir))
    with database.reader() as session:
        from central.models import AuditEntry

        reveal = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == "reveal", AuditEntry.login == "staff-a")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert reveal.target == STATION and "visitors register 2026-10" in reveal.detail
    assert MOBILE not in reveal.detail
    # A viewer has no registers; staff none of another station's.
    viewer = october.staff("viewer")
    refused = viewer.http.get(f"{october.url}/console/figures/register/activity.pdf?{query}")
    assert refused.status_code == 403
    other = staff.http.get(
        f"{october.url}/console/figures/register/activity.pdf?{query}&station={STATION_B}"
    )
    assert other.status_code == 403
