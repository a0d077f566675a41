# SPDX-License-Identifier: GPL-3.0-or-later
# ruff: noqa: F811 (the fixtures imported from the services tests are parameters here)
"""The deputy's workspace in process (issue 14 §1), on real SQLite: "my items", reveals only
for the assigned deputy (audited), reply, referral proposals confirmed by staff, notes, calls,
call-backs taken on, hand-over codes with their lockout, the duty record, the kiosk's counts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from central.models import (
    Account,
    Attendance,
    AuditEntry,
    Device,
    Event,
    ReceptionRecord,
)
from central.services import accounts, casework, deputy_work, duty_record, referrals
from central.services import sign_in_links as links
from central.services.accounts import LoginRefused
from central.services.audit import Who
from central.services.casework import ActionError
from central.services.permissions import Refused
from kiosk.domain.deputy_work import (
    DeputyWork,
    deputy_work_document,
    deputy_work_from_document,
)
from kiosk.domain.tracking import check_character
from tests.central.services.conftest import (  # noqa: F401 (fixtures)
    FRIDAY,
    quick_hashes,
    world,
)

PASSWORD = "a phone password 1"


def code(body: str) -> str:
    return body + check_character(body)


MINE, ADDRESSED, OTHERS, CALLBACK = (
    code("MYAPPEAL"),
    code("ADDRESSD"),
    code("THERSXXZ"),
    code("CALLBACK"),
)


def assigned(world, c: str, deputy: str = "a-0", **fields):
    world.appeal(c, **fields)
    reviewer = world.who("reviewer")
    casework.act(world.session, reviewer, c, "accept", {}, now=FRIDAY)
    casework.act(world.session, reviewer, c, "assign", {"deputy": deputy}, now=FRIDAY)


def audit_actions(world) -> list[str]:
    return list(world.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_my_items_lists_what_is_assigned_or_addressed_to_me_and_nothing_else(world):
    assigned(world, MINE)
    world.appeal(ADDRESSED, channel="qr", target_deputy_id="a-0")
    assigned(world, OTHERS, deputy="a-1")
    world.appeal(code("STATNBBB"), station="b", target_deputy_id="a-0")
    me = world.who("deputy-a0")
    items = deputy_work.my_items(world.session, me, now=FRIDAY)
    assert [(r.code, r.why) for r in items.appeals] == [
        (ADDRESSED, "addressed"),
        (MINE, "assigned"),
    ]
    # The addressed one is due for review Monday (yellow on Friday); the reply Wednesday.
    assert [(r.due_on, r.colour) for r in items.appeals] == [
        (date(2026, 11, 23), "yellow"),
        (date(2026, 11, 25), "green"),
    ]
    later = FRIDAY + timedelta(days=7)
    items = deputy_work.my_items(world.session, me, now=later)
    assert (items.overdue, items.due_soon) == (2, 0)
    with pytest.raises(Refused):
        deputy_work.appeal_for_deputy(world.session, me, OTHERS, now=FRIDAY)
    with pytest.raises(Refused):
        deputy_work.my_items(world.session, world.who("staff-a"), now=FRIDAY)


def test_the_contact_shows_to_the_assigned_deputy_only_and_each_reveal_is_audited(world):
    assigned(world, MINE)
    world.appeal(ADDRESSED, channel="qr", target_deputy_id="a-0")
    me = world.who("deputy-a0")
    view = deputy_work.appeal_for_deputy(world.session, me, MINE, now=FRIDAY)
    assert view.view.mobile == "138****8000" and view.view.can_reveal and view.mine
    shown = deputy_work.appeal_for_deputy(world.session, me, MINE, now=FRIDAY, reveal=True)
    assert shown.view.mobile == "13800138000"
    assert audit_actions(world)[-1] == "reveal"
    addressed = deputy_work.appeal_for_deputy(world.session, me, ADDRESSED, now=FRIDAY)
    assert addressed.view.text.startswith("文昌路口") and not addressed.view.can_reveal
    with pytest.raises(Refused):
        deputy_work.appeal_for_deputy(world.session, me, ADDRESSED, now=FRIDAY, reveal=True)


def test_a_deputy_replies_notes_calls_and_proposes_a_referral_that_staff_confirm(world):
    assigned(world, MINE)
    me = world.who("deputy-a0")
    with pytest.raises(ActionError, match="write the reply"):
        deputy_work.reply(world.session, me, MINE, "  ", now=FRIDAY)
    deputy_work.add_note(world.session, me, MINE, "note", "需要去现场看看", now=FRIDAY)
    deputy_work.record_call(world.session, me, MINE, "called", "已电话联系", now=FRIDAY)
    deputy_work.reply(world.session, me, MINE, "已联系街道，本周内修复。", now=FRIDAY)
    view = deputy_work.appeal_for_deputy(world.session, me, MINE, now=FRIDAY)
    assert view.view.appeal.state == "replied"
    assert view.view.timeline[-1].note == "已联系街道，本周内修复。"
    assert [(n.kind, n.note) for n in view.notes] == [
        ("note", "需要去现场看看"),
        ("called", "已电话联系"),
    ]
    assert view.can_propose
    with pytest.raises(ActionError, match="department from the list"):
        deputy_work.propose_referral(world.session, me, MINE, "999", "x", now=FRIDAY)
    department = str(world.department_id)
    deputy_work.propose_referral(world.session, me, MINE, department, "路面归交通局管", now=FRIDAY)
    with pytest.raises(ActionError, match="waits for confirmation"):
        deputy_work.propose_referral(world.session, me, MINE, department, "再次", now=FRIDAY)
    # The deputy cannot confirm their own; staff of another station cannot see it.
    with pytest.raises(Refused):
        referrals.pending(world.session, me)
    assert referrals.pending(world.session, world.who("staff-b")) == []
    [waiting] = referrals.pending(world.session, world.who("staff-a"))
    assert (waiting.code, waiting.department, waiting.reason) == (
        MINE,
        "区交通运输局",
        "路面归交通局管",
    )
    referrals.confirm(world.session, world.who("staff-a"), waiting.id, now=FRIDAY)
    view = deputy_work.appeal_for_deputy(world.session, me, MINE, now=FRIDAY)
    assert view.view.appeal.state == "referred" and view.view.department == "区交通运输局"
    assert view.proposals[0].state == "confirmed"
    assert "路面归交通局管" in view.view.timeline[-1].internal_note
    assert {"referral.propose", "referral.confirm", "appeal.refer", "appeal.note"} <= set(
        audit_actions(world)
    )


def test_a_declined_proposal_tells_the_deputy_why(world):
    assigned(world, MINE)
    me = world.who("deputy-a0")
    deputy_work.propose_referral(world.session, me, MINE, str(world.department_id), "r", now=FRIDAY)
    [waiting] = referrals.pending(world.session, world.who("reviewer"))
    with pytest.raises(ActionError):
        referrals.decline(world.session, world.who("reviewer"), waiting.id, "", now=FRIDAY)
    referrals.decline(world.session, world.who("reviewer"), waiting.id, "先答复群众", now=FRIDAY)
    view = deputy_work.appeal_for_deputy(world.session, me, MINE, now=FRIDAY)
    assert view.proposals[0].state == "declined" and view.proposals[0].answer == "先答复群众"
    assert view.can_propose and view.view.appeal.state == "assigned"


def test_a_deputy_takes_on_a_call_back_request_and_records_the_call(world):
    world.appeal(CALLBACK, request="callback", text="")
    me = world.who("deputy-a0")
    items = deputy_work.my_items(world.session, me, now=FRIDAY)
    assert [c.code for c in items.open_callbacks] == [CALLBACK] and items.callbacks == []
    deputy_work.take_callback(world.session, me, CALLBACK, now=FRIDAY)
    with pytest.raises(ActionError, match="another deputy"):
        deputy_work.take_callback(
            world.session, Who(_deputy_account(world, "a-1"), "x"), CALLBACK, now=FRIDAY
        )
    items = deputy_work.my_items(world.session, me, now=FRIDAY)
    assert [c.code for c in items.callbacks] == [CALLBACK] and items.open_callbacks == []
    shown = deputy_work.appeal_for_deputy(world.session, me, CALLBACK, now=FRIDAY, reveal=True)
    assert shown.view.mobile == "13800138000"
    deputy_work.record_call(world.session, me, CALLBACK, "done", "已解答", now=FRIDAY)
    assert deputy_work.my_items(world.session, me, now=FRIDAY).callbacks == []
    # Staff see how it went on the appeal's page.
    staff = casework.appeal_view(world.session, world.who("staff-a"), CALLBACK, now=FRIDAY)
    assert staff.callbacks[-1][2:] == ("done", "已解答")


def _deputy_account(world, deputy_id: str) -> Account:
    account = Account(
        login=f"dep-{deputy_id}",
        display_name=deputy_id,
        role="deputy",
        station_id="a",
        deputy_id=deputy_id,
        password_hash="x",
        created_at=FRIDAY,
    )
    world.session.add(account)
    world.session.flush()
    return account


def test_the_kiosk_gets_counts_per_deputy_and_nothing_personal(world):
    assigned(world, MINE)
    world.appeal(ADDRESSED, channel="qr", target_deputy_id="a-0")
    assigned(world, OTHERS, deputy="a-1")
    counts = deputy_work.deputy_work_counts(world.session, "a", now=FRIDAY + timedelta(days=4))
    # Tuesday: the review of the addressed one was due Monday (overdue), the reply Wednesday.
    assert deputy_work_document(counts) == {
        "a-0": {"open": 2, "overdue": 1, "due_soon": 1},
        "a-1": {"open": 1, "overdue": 0, "due_soon": 1},
    }
    # The kiosk reads back what the server wrote (one wire format, kiosk.domain).
    assert deputy_work_from_document(deputy_work_document(counts)) == counts
    # Replied: nothing waits for the deputy any more.
    deputy_work.reply(world.session, world.who("deputy-a0"), MINE, "已答复", now=FRIDAY)
    counts = deputy_work.deputy_work_counts(world.session, "a", now=FRIDAY + timedelta(days=4))
    assert counts["a-0"] == DeputyWork(waiting=1, overdue=1, due_soon=0)


def test_a_hand_over_code_works_once_within_a_day_and_wrong_codes_lock(world):
    staff = world.who("staff-a")
    with pytest.raises(Refused):
        links.hand_over(world.session, staff, "b", "b-0", now=FRIDAY)
    with pytest.raises(Refused):
        links.hand_over(world.session, world.who("deputy-a0"), "a", "a-1", now=FRIDAY)
    given = links.hand_over(world.session, staff, "a", "a-1", now=FRIDAY)
    assert given.login == "a.a-1" and given.expires_at == FRIDAY + timedelta(hours=24)
    deputies = {
        d.deputy_id: d.state for d in links.station_deputies(world.session, staff, now=FRIDAY)
    }
    assert deputies == {"a-0": "active", "a-1": "waiting"}  # a-0 had an account
    # Any spelling of the code; a password too short keeps the code usable.
    spelled = links.display_code(given.code).lower().replace("-", " ", 2)
    with pytest.raises(accounts.AccountError):
        links.redeem(world.session, spelled, "short", now=FRIDAY, address="10.0.0.9")
    number = given.code.split("-")[0]
    for _ in range(4):
        with pytest.raises(links.CodeRefused) as refused:
            links.redeem(world.session, f"{number}-AAAAAAAAAAAA", PASSWORD, now=FRIDAY, address="x")
        assert refused.value.locked_until is None
    with pytest.raises(links.CodeRefused) as refused:
        links.redeem(world.session, f"{number}-AAAAAAAAAAAA", PASSWORD, now=FRIDAY, address="x")
    assert refused.value.locked_until == FRIDAY + timedelta(minutes=1)
    later = FRIDAY + timedelta(minutes=2)
    account, opened = links.redeem(world.session, spelled, PASSWORD, now=later, address="x")
    assert account.deputy_id == "a-1" and not account.must_change_password and opened.token
    with pytest.raises(links.CodeRefused):  # once only
        links.redeem(world.session, given.code, PASSWORD + "x", now=later, address="x")
    assert accounts.authenticate(world.session, "a.a-1", PASSWORD, now=later, address="x")
    # Expired after 24 hours.
    again = links.hand_over(world.session, staff, "a", "a-1", now=later)
    with pytest.raises(LoginRefused):  # a new hand-over voids the old password
        accounts.authenticate(world.session, "a.a-1", PASSWORD, now=later, address="x")
    with pytest.raises(links.CodeRefused):
        links.redeem(
            world.session, again.code, PASSWORD, now=later + timedelta(hours=25), address="x"
        )


def test_staff_disable_a_lost_phone_s_account(world):
    staff = world.who("staff-a")
    given = links.hand_over(world.session, staff, "a", "a-0", now=FRIDAY)
    links.redeem(world.session, given.code, PASSWORD, now=FRIDAY, address="x")
    links.disable_deputy(world.session, staff, "a", "a-0", now=FRIDAY)
    with pytest.raises(LoginRefused):
        accounts.authenticate(world.session, "deputy-a0", PASSWORD, now=FRIDAY, address="x")
    states = {
        d.deputy_id: d.state for d in links.station_deputies(world.session, staff, now=FRIDAY)
    }
    assert states["a-0"] == "disabled"


def test_the_duty_record_counts_days_hours_receptions_replies_and_satisfaction(world):
    s = world.session
    s.add(Device(id="dev", station_id="a", name="k", token_hash="h" * 64, enrolled_at=FRIDAY))
    s.flush()
    events = iter(range(1, 100))

    def event() -> int:
        row = Event(
            uuid=f"u{next(events)}",
            station_id="a",
            device_id="dev",
            kind="x",
            created_at=FRIDAY,
            canonical="",
            received_at=FRIDAY,
        )
        s.add(row)
        s.flush()
        return row.id

    def china(day: int, hour: int, minute: int = 0) -> datetime:
        return datetime(2026, 11, day, hour - 8, minute, tzinfo=UTC)

    for action, at in (
        ("sign_in", china(20, 9)),
        ("sign_out", china(20, 11, 30)),
        ("sign_in", china(23, 14)),  # no sign-out: counts to 18:00
    ):
        s.add(
            Attendance(
                event_id=event(), station_id="a", deputy_id="a-0", action=action,
                reason="pin", at=at,
            )
        )  # fmt: skip
    s.add(
        ReceptionRecord(
            event_id=event(), station_id="a", deputy_id="a-0", at=china(20, 10),
            visitors=3, topic="交通出行",
        )
    )  # fmt: skip
    assigned(world, MINE)
    me = world.who("deputy-a0")
    deputy_work.reply(s, me, MINE, "答复", now=FRIDAY)  # on time
    late = code("LATEREPL")
    assigned(world, late)
    deputy_work.reply(s, me, late, "答复", now=FRIDAY + timedelta(days=7))  # late
    staff = world.who("staff-a")
    casework.act(s, staff, MINE, "close", {}, now=FRIDAY)
    from central.services.appeals import move_appeal
    from kiosk.domain.appeal_states import AppealState, Rating

    appeal = casework.appeal_view(s, staff, MINE, now=FRIDAY).appeal
    move_appeal(
        s, appeal, AppealState.RATED, note="", actor="v", now=FRIDAY, rating=Rating.SATISFIED
    )
    record = duty_record.duty_record(s, me, 2026)
    november = record.months[10]
    assert (november.days_attended, november.hours) == (2, 6.5)
    assert (november.receptions, november.visitors) == (1, 3)
    assert (november.replied, november.on_time, november.rated, november.satisfied) == (2, 1, 1, 1)
    assert record.year_total.days_attended == 2 and record.months[0].replied == 0
    with pytest.raises(Refused):
        duty_record.duty_record(s, staff, 2026)


def test_the_snapshot_carries_the_counts_and_the_workspace_link_and_nothing_personal(world):
    from central.models import Station
    from central.services.snapshot import build_document

    assigned(world, MINE)
    station = world.session.get(Station, "a")
    document = build_document(world.session, station, "https://rd.example", FRIDAY)
    assert document["deputy_work"] == {"a-0": {"open": 1, "overdue": 0, "due_soon": 0}}
    assert document["links"]["workspace"] == "https://rd.example/console/my"
    text = str(document["deputy_work"])
    assert MINE not in text and "13800138000" not in text and "文昌路口" not in text


def test_a_message_to_me_assigned_to_another_deputy_is_theirs_not_mine(world):
    world.appeal(ADDRESSED, channel="qr", target_deputy_id="a-0")
    reviewer = world.who("reviewer")
    casework.act(world.session, reviewer, ADDRESSED, "accept", {}, now=FRIDAY)
    casework.act(world.session, reviewer, ADDRESSED, "assign", {"deputy": "a-1"}, now=FRIDAY)
    me = world.who("deputy-a0")
    assert deputy_work.my_items(world.session, me, now=FRIDAY).appeals == []
    with pytest.raises(Refused):
        casework.act(world.session, me, ADDRESSED, "reply", {"note": "x"}, now=FRIDAY)
    page = casework.inbox(world.session, me, casework.Filters(), now=FRIDAY)
    assert page.rows == []
