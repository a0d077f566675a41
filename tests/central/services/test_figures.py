# SPDX-License-Identifier: GPL-3.0-or-later
"""The figures (issue 15 §2) over a seeded November 2026 equal a count made by hand: per
district, station and deputy, with the month's edges in China time, the one due-date rule for
"on time", working days to reply, ratings, attendance hours, visitors and appointments."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from central.core.config import CHINA_TIME
from central.models import (
    Appeal,
    Appointment,
    Attendance,
    Device,
    Event,
    ReceptionRecord,
    Region,
)
from central.services import figures as figures_module
from central.services.appeals import AppealState, Rating, move_appeal
from central.services.figures import FiguresError, figures, parse_period, report
from central.services.permissions import Refused
from tests.central.services.conftest import World


def china(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CHINA_TIME).astimezone(UTC)


def appeal(world: World, code: str, at: datetime, station: str = "a", **fields) -> Appeal:
    steps = fields.pop("steps", [])
    state = fields.pop("state", "received")
    rating = fields.pop("rating", None)
    item = world.appeal(code, station, at=at, **fields)
    for step_state, moment in steps:
        given = Rating(rating) if step_state == "rated" else None
        move_appeal(
            world.session,
            item,
            AppealState(step_state),
            note="",
            actor="staff",
            now=moment,
            rating=given,
        )
    assert item.state == state
    return item


def event(world: World, station: str, at: datetime, kind: str) -> int:
    device_id = f"device-{station}"
    if world.session.get(Device, device_id) is None:
        world.session.add(
            Device(
                id=device_id,
                station_id=station,
                name=device_id,
                token_hash=uuid.uuid4().hex,
                enrolled_at=at,
            )
        )
    row = Event(
        uuid=str(uuid.uuid4()),
        station_id=station,
        device_id=device_id,
        kind=kind,
        created_at=at,
        canonical="{}",
        received_at=at,
    )
    world.session.add(row)
    world.session.flush()
    return row.id


def attend(world: World, station: str, deputy: str, action: str, at: datetime) -> None:
    world.session.add(
        Attendance(
            event_id=event(world, station, at, "attendance"),
            station_id=station,
            deputy_id=deputy,
            action=action,
            reason="pin",
            at=at,
        )
    )


def reception(world: World, station: str, deputy: str, at: datetime, visitors: int) -> None:
    world.session.add(
        ReceptionRecord(
            event_id=event(world, station, at, "reception"),
            station_id=station,
            deputy_id=deputy,
            at=at,
            visitors=visitors,
            topic="交通出行",
        )
    )


def booking(world: World, code: str, station: str, at: datetime, state: str) -> None:
    world.session.add(
        Appointment(
            station_id=station,
            code=code,
            deputy_id=f"{station}-0",
            day=at.astimezone(CHINA_TIME).date() + timedelta(days=7),
            channel="kiosk",
            created_at=at,
            state=state,
        )
    )


@pytest.fixture
def november(world: World) -> World:
    """The seeded month; the hand count is in the test below."""
    return seed_november(world)


def seed_november(world: World) -> World:
    # Station A. Friday 20th: replied Monday 23rd (due Wednesday 25th: on time, 1 working day).
    appeal(
        world,
        "A1",
        china(20, 10),
        category="交通出行",
        assigned_deputy_id="a-0",
        state="rated",
        rating="satisfied",
        steps=[
            ("accepted", china(20, 11)),
            ("assigned", china(20, 12)),
            ("replied", china(23, 9)),
            ("closed", china(23, 10)),
            ("rated", china(24, 9)),
        ],
    )
    # Replied Thursday 26th: late, 4 working days; rated dissatisfied.
    appeal(
        world,
        "A2",
        china(20, 15),
        category="环境卫生",
        assigned_deputy_id="a-0",
        state="rated",
        rating="dissatisfied",
        steps=[
            ("accepted", china(20, 16)),
            ("assigned", china(20, 16, 30)),
            ("replied", china(26, 9)),
            ("referred", china(26, 10)),
            ("feedback", china(27, 8)),
            ("replied", china(27, 9)),  # a second reply: only the first one counts
            ("closed", china(27, 10)),
            ("rated", china(28, 9)),
        ],
    )
    # Left on deputy a-1's phone page; accepted, not replied yet.
    appeal(
        world,
        "A3",
        china(2, 9),
        channel="qr",
        target_deputy_id="a-1",
        state="accepted",
        steps=[("accepted", china(2, 10))],
    )
    appeal(world, "A4", china(10, 9), request="callback", text="")  # a call-back request
    appeal(world, "A5", china(11, 9), state="rejected", steps=[("rejected", china(11, 10))])
    appeal(world, "A7", china(30, 23, 50))  # the month's last minutes: November
    appeal(world, "A6", china(31, 23, 30, month=10))  # October's last minutes: not counted
    appeal(world, "A8", china(1, 0, 10, month=12))  # December: not counted
    # Station B: Thursday 5th, replied Friday 6th (1 working day, on time), closed unrated.
    appeal(
        world,
        "B1",
        china(5, 9),
        station="b",
        assigned_deputy_id="b-0",
        state="closed",
        steps=[
            ("accepted", china(5, 10)),
            ("assigned", china(5, 11)),
            ("replied", china(6, 9)),
            ("closed", china(6, 10)),
        ],
    )
    # Attendance: a-0 150 min on the 20th and 120 on the 27th; a-1 signs in on the 20th and
    # never out (counts to 18:00: 540 min); b-0 60 min on the 6th.
    attend(world, "a", "a-0", "sign_in", china(20, 9))
    attend(world, "a", "a-0", "sign_out", china(20, 11, 30))
    attend(world, "a", "a-1", "sign_in", china(20, 9))
    attend(world, "a", "a-0", "sign_in", china(27, 14))
    attend(world, "a", "a-0", "sign_out", china(27, 16))
    attend(world, "b", "b-0", "sign_in", china(6, 9))
    attend(world, "b", "b-0", "sign_out", china(6, 10))
    attend(world, "a", "a-0", "sign_in", china(30, 9, month=10))  # October
    reception(world, "a", "a-0", china(20, 10), 3)
    reception(world, "a", "a-1", china(20, 10, 30), 2)
    reception(world, "b", "b-0", china(6, 9, 30), 1)
    booking(world, "P1", "a", china(3, 9), "done")
    booking(world, "P2", "a", china(12, 9), "confirmed")
    booking(world, "P3", "b", china(13, 9), "requested")
    booking(world, "P4", "b", china(13, 9, month=10), "requested")  # October
    world.session.flush()
    return world


NOVEMBER = parse_period("month", "2026-11")


def test_a_districts_month_equals_the_hand_count(november):
    district = november.session.query(Region).filter_by(name="城东区").one()
    got = figures(november.session, november.who("viewer"), NOVEMBER)
    assert got.target.region_id == district.id and got.name == "城东区"
    t = got.total
    # Received A1 A2 A3 A4 A5 A7 B1: kiosk A1 A2 A5 A7 B1, phone A3, call-back A4.
    assert (t.received, t.kiosk, t.phone, t.callback) == (7, 5, 1, 1)
    assert (t.accepted, t.solved) == (4, 3)  # A1 A2 A3 B1; A1 A2 B1
    assert (t.replied, t.on_time) == (3, 2)  # A2 was late
    assert t.on_time_rate == pytest.approx(2 / 3)
    assert t.average_reply_days == 2.0  # (1 + 4 + 1) / 3
    assert (t.satisfied, t.basically_satisfied, t.dissatisfied) == (1, 0, 1)
    assert t.satisfaction_rate == 0.5
    assert (t.reception_days, t.deputies_present) == (3, 3)
    assert t.hours == 14.5  # 150 + 540 + 120 + 60 minutes
    assert (t.receptions, t.visitors) == (3, 6)
    assert (t.appointments, t.appointments_done) == (3, 1)
    assert dict(got.categories) == {"交通出行": 6, "环境卫生": 1}
    # A row per street, each with its station rolled up.
    rows = {row.name: row.figures for row in got.rows}
    assert set(rows) == {"文昌街道", "城南街道"}
    assert (rows["文昌街道"].received, rows["文昌街道"].hours) == (6, 13.5)
    assert (rows["城南街道"].received, rows["城南街道"].visitors) == (1, 1)
    # The trend: 12 months to November; October holds A6 only.
    trend = dict((m, (n, solved)) for m, n, solved in got.trend)
    assert len(got.trend) == 12 and got.trend[-1][0] == "2026-11"
    assert trend["2026-11"] == (7, 3) and trend["2026-10"] == (1, 0)


def test_a_station_by_deputy_and_a_deputy(november):
    got = figures(november.session, november.who("staff-a"), NOVEMBER)
    assert got.target.station_id == "a" and got.total.received == 6
    rows = {row.name: row.figures for row in got.rows}
    assert list(rows) == ["林嘉禾", "王建国", "未分配"]
    a0, a1, nobody = rows["林嘉禾"], rows["王建国"], rows["未分配"]
    assert (a0.received, a0.replied, a0.on_time, a0.reception_days, a0.hours) == (2, 2, 1, 2, 4.5)
    assert (a1.received, a1.reception_days, a1.hours, a1.visitors) == (1, 1, 9.0, 2)
    assert (nobody.received, nobody.kiosk, nobody.callback) == (3, 2, 1)
    one = figures(
        november.session, november.who("reviewer"), NOVEMBER, station_id="a", deputy_id="a-0"
    )
    assert one.name == "林嘉禾（联络站A）"
    assert (one.total.received, one.total.appointments, one.total.visitors) == (2, 2, 3)
    # A quarter and a custom range hold the same November.
    quarter = report(november.session, one.target, parse_period("quarter", "2026-Q4"))
    assert quarter.total.received == 2 and quarter.total.reception_days == 3  # + 30 October
    days = parse_period("range", "2026-11-20..2026-11-20")
    assert report(november.session, got.target, days).total.received == 2


def test_scopes_and_bad_periods(november):
    with pytest.raises(Refused):
        figures(november.session, november.who("staff-a"), NOVEMBER, station_id="b")
    with pytest.raises(Refused):
        figures(november.session, november.who("tech"), NOVEMBER)
    with pytest.raises(FiguresError) as error:
        parse_period("month", "2026-13")
    assert error.value.key == "bad_month"
    with pytest.raises(FiguresError) as error:
        parse_period("range", "2026-11-30..2026-11-01")
    assert error.value.key == "range_backwards"
    assert parse_period("quarter", "2026-4").first == date(2026, 10, 1)
    assert parse_period("range", "2026-11-01 至 2026-11-30").last == date(2026, 11, 30)


def test_replies_past_the_reply_clocks_table_count_the_same(november, monkeypatch):
    before = figures(november.session, november.who("viewer"), NOVEMBER).total
    monkeypatch.setattr(figures_module, "REPLY_DAYS_AHEAD", 0)  # every reply is "late" there
    after = figures(november.session, november.who("viewer"), NOVEMBER).total
    assert (after.replied, after.on_time, after.reply_working_days) == (3, 2, 6)
    assert after.as_row() == before.as_row()
