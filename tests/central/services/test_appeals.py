# SPDX-License-Identifier: GPL-3.0-or-later
from datetime import UTC, date, datetime

import pytest

from central.models import Appeal, AppealStep, Holiday, Station
from central.services.appeals import AppealState, MoveRefused, Rating, move_appeal

S = AppealState
# Friday 2026-11-20, 10:00 in China.
FRIDAY = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


@pytest.fixture
def session(fresh_database):
    with fresh_database.writer.begin() as session:
        session.add(Station(id="s1", kind="station", name="站", rules=[], notices=[]))
        session.flush()
        yield session


def _appeal(session) -> Appeal:
    # Not added to the session: the rules under test need no stored event or device.
    appeal = Appeal(
        station_id="s1",
        tracking_code="K7QM4XPD8",
        category="其他",
        channel="kiosk",
        created_at=FRIDAY,
        state="received",
        event_id=1,
    )
    appeal.steps.append(AppealStep(state="received", at=FRIDAY, actor="kiosk"))
    return appeal


def _move(session, appeal, state, rating=None, now=FRIDAY):
    move_appeal(session, appeal, state, note="", actor="test", now=now, rating=rating)


def test_the_closed_loop_with_its_deadlines(session):
    appeal = _appeal(session)
    _move(session, appeal, S.ACCEPTED)
    # The reply is due 3 working days after receipt (DESIGN.md §11), not after assignment.
    assert appeal.due_on == date(2026, 11, 25)
    _move(session, appeal, S.ASSIGNED, now=datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    assert appeal.due_on == date(2026, 11, 25)
    _move(session, appeal, S.REPLIED)
    assert appeal.due_on is None
    session.add(Holiday(day=date(2026, 11, 23), kind="holiday", name="测试假日"))
    session.flush()
    _move(session, appeal, S.REFERRED)
    assert appeal.due_on == date(2026, 12, 14)  # 15 working days, one of them a holiday
    for state in (S.FEEDBACK, S.CLOSED):
        _move(session, appeal, state)
    _move(session, appeal, S.RATED, Rating.DISSATISFIED)
    _move(session, appeal, S.REOPENED)
    _move(session, appeal, S.ASSIGNED)
    assert [step.state for step in appeal.steps][-3:] == ["rated", "reopened", "assigned"]


def test_moves_the_rules_do_not_allow_are_refused(session):
    appeal = _appeal(session)
    with pytest.raises(MoveRefused, match="can move to accepted, rejected"):
        _move(session, appeal, S.CLOSED)
    _move(session, appeal, S.REJECTED)
    with pytest.raises(MoveRefused, match="final"):
        _move(session, appeal, S.ACCEPTED)


def test_only_a_dissatisfied_rating_reopens(session):
    appeal = _appeal(session)
    for state in (S.ACCEPTED, S.ASSIGNED, S.REPLIED, S.CLOSED):
        _move(session, appeal, state)
    with pytest.raises(MoveRefused, match="--rating"):
        _move(session, appeal, S.RATED)
    _move(session, appeal, S.RATED, Rating.SATISFIED)
    with pytest.raises(MoveRefused, match="dissatisfied"):
        _move(session, appeal, S.REOPENED)
