# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's casework in process: the closed loop, scopes, roles, reveals and colours."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from central.core.db import open_database
from central.models import Appeal, AuditEntry, Holiday
from central.services import casework
from central.services.casework import ActionError, Filters, NotFound
from central.services.permissions import Refused
from kiosk.domain.appeal_states import MoveRefused
from kiosk.domain.tracking import ALPHABET, check_character, display
from tests.central.services.conftest import FRIDAY


def code(body: str) -> str:
    return body + check_character(body)


C1, C2, CB = code("K7QM4XPD"), code("ABCDEFGH"), code("CALLBACK")


def at_china(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour - 8, tzinfo=UTC)


def test_a_reviewer_works_an_appeal_through_the_whole_loop(world):
    world.appeal(C1)
    who = world.who("reviewer")
    view = casework.appeal_view(world.session, who, display(C1), now=FRIDAY)
    assert view.text.startswith("文昌路口") and view.mobile == "138****8000"
    assert (view.deadline_step, view.due_on) == ("review", date(2026, 11, 23))
    assert view.actions == ["accept", "reject"]
    casework.act(world.session, who, C1, "accept", {"note": "已受理"}, now=FRIDAY)
    casework.act(world.session, who, C1, "assign", {"deputy": "a-1"}, now=FRIDAY)
    # Reassigning keeps the history: both assignments are steps.
    casework.act(world.session, who, C1, "assign", {"deputy": "a-0"}, now=FRIDAY)
    view = casework.appeal_view(world.session, who, C1, now=FRIDAY)
    assert view.assigned_deputy == "林嘉禾" and view.due_on == date(2026, 11, 25)
    assert [s.note for s in view.timeline][-2:] == ["已交王建国代表办理", "已交林嘉禾代表办理"]
    referral = {"department": str(world.department_id), "internal_note": "需要现场查看"}
    casework.act(world.session, who, C1, "refer", referral, now=FRIDAY)
    view = casework.appeal_view(world.session, who, C1, now=FRIDAY)
    assert view.department == "区交通运输局" and view.deadline_step == "feedback"
    assert view.due_on == date(2026, 12, 11)  # 15 working days after the referral
    assert view.timeline[-1].internal_note == "需要现场查看"
    with pytest.raises(ActionError, match="write what the visitor is told"):
        casework.act(world.session, who, C1, "feedback", {}, now=FRIDAY)
    casework.act(world.session, who, C1, "feedback", {"note": "已修复"}, now=FRIDAY)
    casework.act(world.session, who, C1, "close", {}, now=FRIDAY)
    view = casework.appeal_view(world.session, who, C1, now=FRIDAY)
    assert view.appeal.state == "closed" and view.due_on is None and view.actions == ["reopen"]
    actions = world.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-6:] == [
        "appeal.accept",
        "appeal.assign",
        "appeal.assign",
        "appeal.refer",
        "appeal.feedback",
        "appeal.close",
    ]


def test_a_station_s_staff_never_see_another_station_s_appeals(world):
    world.appeal(C1, "a")
    world.appeal(C2, "b")
    staff_b = world.who("staff-b")
    codes = [r.code for r in casework.inbox(world.session, staff_b, Filters(), now=FRIDAY).rows]
    assert codes == [C2]
    with pytest.raises(Refused):
        casework.appeal_view(world.session, staff_b, C1, now=FRIDAY)
    with pytest.raises(Refused):
        casework.act(world.session, staff_b, C1, "accept", {}, now=FRIDAY)
    with pytest.raises(NotFound):
        casework.appeal_view(world.session, staff_b, code("ZZZZZZZZ"), now=FRIDAY)
    reviewer = world.who("reviewer")
    rows = casework.inbox(world.session, reviewer, Filters(), now=FRIDAY).rows
    assert sorted(r.code for r in rows) == [C2, C1]
    # Staff may review but not assign (the reviewer's job).
    casework.act(world.session, world.who("staff-a"), C1, "accept", {}, now=FRIDAY)
    with pytest.raises(Refused):
        casework.act(world.session, world.who("staff-a"), C1, "assign", {}, now=FRIDAY)


def test_a_viewer_sees_figures_never_a_name_a_mobile_or_a_text(world):
    world.appeal(C1)
    viewer = world.who("viewer")
    row = casework.inbox(world.session, viewer, Filters(), now=FRIDAY).rows[0]
    assert row.excerpt == "" and row.state == "received"
    view = casework.appeal_view(world.session, viewer, C1, now=FRIDAY)
    assert (view.text, view.name, view.mobile, view.actions) == ("", "", "", [])
    with pytest.raises(Refused):
        casework.appeal_view(world.session, viewer, C1, now=FRIDAY, reveal=True)
    with pytest.raises(ActionError):  # no searching by a mobile number either
        casework.inbox(world.session, viewer, Filters(q="13800138000"), now=FRIDAY)
    with pytest.raises(Refused):
        casework.inbox(world.session, world.who("tech"), Filters(), now=FRIDAY)


def test_every_reveal_is_in_the_audit_log(world):
    world.appeal(C1)
    view = casework.appeal_view(world.session, world.who("staff-a"), C1, now=FRIDAY, reveal=True)
    assert (view.name, view.mobile) == ("陈阿姨", "13800138000")
    entry = world.session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).one()
    assert (entry.login, entry.target, entry.address) == ("staff-a", C1, "127.0.0.1")


def test_the_colour_turns_yellow_then_red_as_working_days_and_holidays_pass(world):
    world.appeal(C1)  # received Friday 20 November: review due Monday 23
    world.session.add(Holiday(day=date(2026, 11, 23), kind="holiday", name="测试假日"))
    world.session.flush()
    who = world.who("reviewer")

    def seen(day: date) -> tuple[date, str]:
        view = casework.appeal_view(world.session, who, C1, now=at_china(day))
        return view.due_on, view.colour

    # The holiday on Monday moves the review to Tuesday 24: due within a working day at once.
    assert seen(date(2026, 11, 20)) == (date(2026, 11, 24), "yellow")
    assert seen(date(2026, 11, 24)) == (date(2026, 11, 24), "yellow")
    assert seen(date(2026, 11, 25)) == (date(2026, 11, 24), "red")
    # Accepted on Friday: the reply is due 3 working days after receipt, Thursday 26.
    casework.act(world.session, who, C1, "accept", {}, now=FRIDAY)
    assert seen(date(2026, 11, 21)) == (date(2026, 11, 26), "green")  # Saturday
    assert seen(date(2026, 11, 24)) == (date(2026, 11, 26), "green")
    assert seen(date(2026, 11, 25)) == (date(2026, 11, 26), "yellow")
    assert seen(date(2026, 11, 26)) == (date(2026, 11, 26), "yellow")
    assert seen(date(2026, 11, 27)) == (date(2026, 11, 26), "red")

    # The inbox's colour filter agrees with the page.
    def codes(colour: str, day: date) -> list[str]:
        page = casework.inbox(world.session, who, Filters(colour=colour), now=at_china(day))
        return [r.code for r in page.rows]

    assert codes("green", date(2026, 11, 24)) == [C1]
    assert codes("yellow", date(2026, 11, 25)) == [C1]
    assert codes("red", date(2026, 11, 27)) == [C1]
    assert codes("red", date(2026, 11, 26)) == []


def test_inbox_filters_search_and_keyset_pages(world):
    for n in range(7):
        world.appeal(
            code(f"K7QM4XP{'ABCDEFGH'[n]}"), at=FRIDAY + timedelta(days=n), block=f"b{n % 2}"
        )
    world.appeal(CB, channel="kiosk", request="callback", text="", contact_mobile="13900139000")
    who = world.who("reviewer")
    seen, cursor = [], ""
    while True:
        page = casework.inbox(world.session, who, Filters(cursor=cursor), now=FRIDAY, limit=3)
        seen += [(r.due_on, r.code) for r in page.rows]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    dues = [due for due, _ in seen]
    assert len({c for _, c in seen}) == 8 and dues == sorted(dues)  # by due date, none twice
    found = casework.inbox(world.session, who, Filters(q="139 0013 9000"), now=FRIDAY).rows
    assert [(r.code, r.channel) for r in found] == [(CB, "callback")]
    assert len(casework.inbox(world.session, who, Filters(block="b1"), now=FRIDAY).rows) == 3
    assert Filters.parse({"colour": "purple", "since": "yesterday"}).errors == ["colour", "since"]


def test_moves_the_state_does_not_allow_are_refused(world):
    world.appeal(C1)
    who = world.who("admin")
    with pytest.raises(MoveRefused):
        casework.act(world.session, who, C1, "close", {}, now=FRIDAY)
    casework.act(world.session, who, C1, "accept", {}, now=FRIDAY)
    with pytest.raises(ActionError, match="roster"):
        casework.act(world.session, who, C1, "assign", {"deputy": "b-0"}, now=FRIDAY)


def test_a_call_back_is_recorded_by_the_station_s_staff(world):
    world.appeal(CB, request="callback", text="")
    casework.record_callback(
        world.session, world.who("staff-a"), CB, "no_answer", "关机", now=FRIDAY
    )
    view = casework.appeal_view(world.session, world.who("staff-a"), CB, now=FRIDAY)
    assert view.can_call_back and view.callbacks[0][2:] == ("no_answer", "关机")
    with pytest.raises(Refused):
        casework.record_callback(world.session, world.who("staff-b"), CB, "done", "", now=FRIDAY)


def test_a_deputy_sees_only_what_is_addressed_or_assigned_to_them(world):
    world.appeal(C1, target_deputy_id="a-0")
    world.appeal(C2)
    deputy = world.who("deputy-a0")
    assert [r.code for r in casework.inbox(world.session, deputy, Filters(), now=FRIDAY).rows] == [
        C1
    ]


def test_the_overdue_board_counts_red_and_yellow(world):
    world.appeal(C1, "a")
    world.appeal(C2, "b", at=FRIDAY + timedelta(days=3))
    board = casework.overdue_board(
        world.session, world.who("reviewer"), now=at_china(date(2026, 11, 24))
    )
    lines = {line.label: (line.red, line.yellow) for line in board.stations}
    assert lines == {"联络站A": (1, 0), "联络站B": (0, 1)}
    assert {line.label for line in board.regions} == {"文昌街道", "城南街道"}


def test_due_dates_follow_a_change_of_the_holiday_table(world):
    world.appeal(C1)  # received Friday 20 November: review due Monday 23
    assert casework.refresh_due_dates(world.session) == 0
    world.session.add(Holiday(day=date(2026, 11, 23), kind="holiday", name="测试假日"))
    world.session.flush()
    assert casework.refresh_due_dates(world.session) == 1
    row = casework.inbox(world.session, world.who("admin"), Filters(), now=FRIDAY).rows[0]
    assert row.due_on == date(2026, 11, 24)


def test_setting_a_holiday_moves_open_appeals_stored_due_dates(world):
    from central.models import Appeal
    from central.services import holidays

    appeal = world.appeal(C1)  # received Friday 20 November: review due Monday 23
    assert appeal.due_on == date(2026, 11, 23)
    holidays.set_day(world.session, date(2026, 11, 23), "holiday", "测试假日")
    stored = world.session.scalar(select(Appeal.due_on).where(Appeal.tracking_code == C1))
    assert stored == date(2026, 11, 24)
    holidays.set_day(world.session, date(2026, 11, 23), "normal", "")
    assert world.session.get(Appeal, appeal.id).due_on == date(2026, 11, 23)
    holidays.cover_year(world.session, 2026)
    assert world.session.get(Appeal, appeal.id).due_on == date(2026, 11, 23)


def test_the_server_start_gives_stored_open_appeals_the_rules_due_date(fresh_settings):
    from central.main import create_app
    from central.models import Appeal, AppealStep, Station

    settings = fresh_settings
    with (database := open_database(settings)).writer.begin() as session:
        session.add(Station(id="a", kind="station", name="联络站A", rules=[], notices=[]))
        session.flush()
        appeal = Appeal(
            station_id="a",
            tracking_code=C1,
            category="交通出行",
            channel="kiosk",
            created_at=FRIDAY,
            state="received",
            contact_name="陈阿姨",
            contact_mobile="13800138000",
            text="文昌路口的人行道砖松动",
            consent=True,
            due_on=date(2026, 12, 31),  # what an older rule stored
        )
        appeal.steps.append(AppealStep(state="received", at=FRIDAY, actor="kiosk"))
        session.add(appeal)
    database.dispose()
    app = create_app(settings)
    with app.state.database.reader() as session:
        assert session.scalar(select(Appeal.due_on)) == date(2026, 11, 23)
    app.state.database.dispose()


def test_an_appointments_contact_is_masked_until_shown_and_the_showing_audited(world):
    from central.models import Appointment, AppointmentStep

    appointment = Appointment(
        station_id="a",
        code="YY1",
        deputy_id="a-0",
        day=date(2026, 11, 27),
        channel="qr",
        created_at=FRIDAY,
        state="requested",
        contact_name="钱女士",
        contact_mobile="13700137000",
        topic="小区停车难",
    )
    appointment.steps.append(AppointmentStep(state="requested", at=FRIDAY, actor="qr"))
    world.session.add(appointment)
    world.session.flush()
    rows = casework.appointments(world.session, world.who("staff-a"), since=date(2026, 11, 1))
    assert (rows[0].name, rows[0].mobile) != ("钱女士", "13700137000")
    assert "13700137000" not in rows[0].mobile

    shown = casework.reveal_appointment(world.session, world.who("deputy-a0"), "YY1", now=FRIDAY)
    assert shown == ("钱女士", "13700137000")
    entry = world.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.login, entry.action, entry.target) == ("deputy-a0", "reveal", "YY1")
    with pytest.raises(Refused):  # another station's staff
        casework.reveal_appointment(world.session, world.who("staff-b"), "YY1", now=FRIDAY)
    with pytest.raises(Refused):  # a viewer handles no appointments
        casework.reveal_appointment(world.session, world.who("viewer"), "YY1", now=FRIDAY)
    with pytest.raises(NotFound):
        casework.reveal_appointment(world.session, world.who("admin"), "NOPE", now=FRIDAY)


def test_a_deep_page_of_a_long_red_list_costs_what_the_first_page_does(world, engine):
    """A district reviewer paging far into the overdue list: each page walks the due-date
    order from its cursor (SQLite had sorted the whole rest of the list for every page)."""
    due: dict[date, date] = {}  # one appeal a day through the normal path, the rest in bulk
    bulk = []
    for n in range(2000):
        received = FRIDAY - timedelta(days=30 + n // 10, hours=n % 10)
        body = "".join(ALPHABET[(n // len(ALPHABET) ** k) % len(ALPHABET)] for k in range(8))
        if received.date() not in due:
            due[received.date()] = world.appeal(code(body), "ab"[n % 2], at=received).due_on
            continue
        bulk.append(
            {"station_id": "ab"[n % 2], "tracking_code": code(body), "category": "交通出行",
             "channel": "kiosk", "created_at": received, "state": "received",
             "due_on": due[received.date()], "text": "人行道砖松动", "consent": True}
        )  # fmt: skip
    world.session.execute(insert(Appeal), bulk)
    reviewer = world.who("reviewer")
    work = _work_counter(world.session, engine)
    pages, cursor, costs = [], "", []
    while True:
        with work() as counted:
            page = casework.inbox(
                world.session, reviewer, Filters(colour="red", cursor=cursor), now=FRIDAY
            )
        costs.append(counted.steps)
        pages.append([r.code for r in page.rows])
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    codes = [c for p in pages for c in p]
    assert len(codes) == len(set(codes)) == 2000 and len(pages) == 40  # every one, once
    if engine == "sqlite":
        assert max(costs[1:]) < 3 * costs[0], costs


class _Steps:
    steps = 0


def _work_counter(session, engine):
    """Counts SQLite's virtual-machine steps (in thousands) while the block runs: the work a
    query does, whatever the machine's speed. PostgreSQL: the pages only."""
    from contextlib import contextmanager

    raw = session.connection().connection.driver_connection

    @contextmanager
    def counting():
        counted = _Steps()
        if engine == "sqlite":

            def tick() -> int:
                counted.steps += 1
                return 0

            raw.set_progress_handler(tick, 1000)
        try:
            yield counted
        finally:
            if engine == "sqlite":
                raw.set_progress_handler(None, 1000)

    return counting
