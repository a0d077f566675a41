# SPDX-License-Identifier: GPL-3.0-or-later
"""The deputy's own work (issue 14 §1): "my items", an appeal as its deputy sees it, replies,
referral proposals, internal notes, "I called the visitor", call-backs taken on, and the
per-deputy counts the kiosk's duty console shows (no personal data).

A deputy's items: appeals assigned to them, and messages addressed to them (their QR code)
that nobody else has been assigned; call-back requests they took on; their appointments.
The contact shows only to the deputy an appeal is assigned to, each reveal in the audit log.
Every rule of the moves is casework's (one table of actions, one state machine).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, lazyload

from central.models import (
    Account,
    Appeal,
    AppealNote,
    CallbackNote,
    Department,
    ReferralProposal,
    Station,
)
from central.services import audit, casework, notifications
from central.services.appeals import holiday_table
from central.services.audit import Who
from central.services.casework import (
    NOTE_LIMIT,
    ActionError,
    AppealView,
    AppointmentRow,
    NotFound,
    china_today,
    colour_bounds,
)
from central.services.permissions import Action, Refused, Role, allowed, require, scope_of
from central.services.regions import departments_for_station
from kiosk.domain.appeal_states import NEXT_STATES, OPEN_STATES, AppealState
from kiosk.domain.deadlines import colour
from kiosk.domain.deputy_work import DeputyWork
from kiosk.domain.tracking import InvalidTrackingCode, parse_tracking_code

OPEN = [s.value for s in OPEN_STATES]
# What waits for the deputy's answer (the review of a message to them, or their reply); the
# rest of "my items" waits for others (staff closing it, a department's feedback).
WAITING = ("received", "accepted", "assigned", "reopened")
MY_LIMIT = 100
CALL_OUTCOMES = ("called", "no_answer", "done")


@dataclass(frozen=True)
class MyAppeal:
    code: str
    why: str  # assigned | addressed | callback
    category: str
    state: str
    received: datetime
    due_on: date | None
    colour: str  # "" when nothing is due
    station_name: str
    excerpt: str


@dataclass(frozen=True)
class OpenCallback:
    """A call-back request at the deputy's station nobody took on yet: code and time only."""

    code: str
    category: str
    received: datetime


@dataclass(frozen=True)
class MyItems:
    appeals: list[MyAppeal]
    callbacks: list[MyAppeal]
    open_callbacks: list[OpenCallback]
    appointments: list[AppointmentRow]
    waiting: int  # for the deputy's answer
    overdue: int
    due_soon: int


def _deputy(who: Who) -> tuple[Account, str]:
    account = who.account
    if account.role != Role.DEPUTY or not account.deputy_id:
        raise Refused("the workspace is a deputy's")
    return account, account.deputy_id


def _stations(session: Session, who: Who) -> list[str] | None:
    ids = scope_of(session, who.account).station_ids
    return sorted(ids) if ids is not None else None


def my_items(session: Session, who: Who, *, now: datetime, limit: int = MY_LIMIT) -> MyItems:
    """What waits for this deputy, most urgent first (by due date, then oldest)."""
    account, deputy_id = _deputy(who)
    require(account, Action.SEE_APPEALS)
    stations = _stations(session, who)
    holidays = holiday_table(session)
    today = china_today(now)

    def mine(condition: Any) -> list[Appeal]:
        # One indexed range per condition (assigned / addressed): quicker than an OR.
        query = select(Appeal).options(lazyload(Appeal.steps)).where(condition)
        query = query.where(Appeal.state.in_(OPEN))
        if stations is not None:
            query = query.where(Appeal.station_id.in_(stations))
        dated = query.where(Appeal.due_on.is_not(None)).order_by(Appeal.due_on, Appeal.id)
        found = list(session.scalars(dated.limit(limit)))
        if len(found) < limit:
            undated = query.where(Appeal.due_on.is_(None)).order_by(Appeal.id)
            found += session.scalars(undated.limit(limit - len(found)))
        return found

    assigned = mine(and_(Appeal.assigned_deputy_id == deputy_id, Appeal.request == "appeal"))
    addressed = mine(
        and_(
            Appeal.target_deputy_id == deputy_id,
            Appeal.assigned_deputy_id.is_(None),
            Appeal.request == "appeal",
        )
    )
    callbacks_query = select(Appeal).options(lazyload(Appeal.steps))
    if stations is not None:
        callbacks_query = callbacks_query.where(Appeal.station_id.in_(stations))
    taken = list(
        session.scalars(
            callbacks_query.where(
                Appeal.assigned_deputy_id == deputy_id,
                Appeal.request == "callback",
                Appeal.callback_status != "done",
            )
            .order_by(Appeal.id.desc())
            .limit(limit)
        )
    )
    untaken = list(
        session.scalars(
            callbacks_query.where(
                Appeal.station_id == (account.station_id or ""),
                Appeal.request == "callback",
                Appeal.assigned_deputy_id.is_(None),
                Appeal.callback_status.not_in(("done",)),
                Appeal.created_at >= now - timedelta(days=14),
            )
            .order_by(Appeal.id.desc())
            .limit(20)
        )
    )
    names = dict(
        session.execute(
            select(Station.id, Station.name).where(
                Station.id.in_({a.station_id for a in assigned + addressed + taken})
            )
        ).all()
    )

    def row(a: Appeal, why: str) -> MyAppeal:
        return MyAppeal(
            code=a.tracking_code,
            why=why,
            category=a.category,
            state=a.state,
            received=a.created_at,
            due_on=a.due_on,
            colour=colour(a.due_on, today, holidays).value if a.due_on else "",
            station_name=names.get(a.station_id, a.station_id),
            excerpt=a.text[:40],
        )

    rows = [row(a, "assigned") for a in assigned] + [row(a, "addressed") for a in addressed]
    rows.sort(key=lambda r: (r.due_on is None, r.due_on or date.max, r.received))
    waiting = [r for r in rows if r.state in WAITING]
    appointments = casework.appointments(session, who, since=today - timedelta(days=7))
    return MyItems(
        appeals=rows[:limit],
        callbacks=[row(a, "callback") for a in taken],
        open_callbacks=[OpenCallback(a.tracking_code, a.category, a.created_at) for a in untaken],
        appointments=appointments,
        waiting=len(waiting),
        overdue=sum(1 for r in waiting if r.colour == "red"),
        due_soon=sum(1 for r in waiting if r.colour == "yellow"),
    )


# -- One appeal, as its deputy sees it --------------------------------------------------------


@dataclass(frozen=True)
class NoteLine:
    at: datetime
    who: str
    kind: str  # note | called
    note: str


@dataclass(frozen=True)
class ProposalLine:
    department: str
    reason: str
    state: str  # proposed | confirmed | declined
    at: datetime
    who: str
    answer: str


@dataclass(frozen=True)
class DeputyAppealView:
    view: AppealView
    mine: bool  # assigned to this deputy (not only addressed)
    can_reply: bool
    can_propose: bool
    pending_proposal: bool
    notes: list[NoteLine]
    proposals: list[ProposalLine]
    departments: list[tuple[int, str]]
    callbacks: list[tuple[datetime, str, str, str]]


def _find(session: Session, code_text: str) -> Appeal:
    try:
        code = parse_tracking_code(code_text)
    except InvalidTrackingCode:
        raise NotFound(code_text) from None
    appeal = session.scalars(select(Appeal).where(Appeal.tracking_code == code)).one_or_none()
    if appeal is None:
        raise NotFound(code_text)
    return appeal


def _notes(session: Session, appeal: Appeal) -> list[NoteLine]:
    return [
        NoteLine(n.at, name, n.kind, n.note)
        for n, name in session.execute(
            select(AppealNote, Account.display_name)
            .join(Account, Account.id == AppealNote.account_id)
            .where(AppealNote.appeal_id == appeal.id)
            .order_by(AppealNote.id)
        )
    ]


def _proposals(session: Session, appeal: Appeal) -> list[ProposalLine]:
    return [
        ProposalLine(department, p.reason, p.state, p.proposed_at, name, p.answer)
        for p, department, name in session.execute(
            select(ReferralProposal, Department.name, Account.display_name)
            .join(Department, Department.id == ReferralProposal.department_id)
            .join(Account, Account.id == ReferralProposal.proposed_by)
            .where(ReferralProposal.appeal_id == appeal.id)
            .order_by(ReferralProposal.id)
        )
    ]


def notes_for_staff(
    session: Session, who: Who, appeal: Appeal
) -> tuple[list[NoteLine], list[ProposalLine]]:
    """The internal notes, calls and referral proposals on an appeal's staff page (for roles
    that see personal data; the appeal already checked against the account's scope)."""
    if not allowed(who.account.role, Action.SEE_PERSONAL):
        return [], []
    return _notes(session, appeal), _proposals(session, appeal)


def appeal_for_deputy(
    session: Session, who: Who, code: str, *, now: datetime, reveal: bool = False
) -> DeputyAppealView:
    """An appeal of this deputy's; `reveal` shows the contact (assigned only), audited."""
    account, deputy_id = _deputy(who)
    view = casework.appeal_view(session, who, code, now=now, reveal=reveal)
    appeal = view.appeal
    mine = appeal.assigned_deputy_id == deputy_id
    proposals = _proposals(session, appeal)
    pending = any(p.state == "proposed" for p in proposals)
    may_refer = AppealState.REFERRED in NEXT_STATES[AppealState(appeal.state)]
    callbacks = []
    if appeal.request == "callback":
        for note, name in session.execute(
            select(CallbackNote, Account.display_name)
            .join(Account, Account.id == CallbackNote.account_id)
            .where(CallbackNote.appeal_id == appeal.id)
            .order_by(CallbackNote.id)
        ):
            callbacks.append((note.at, name, note.outcome, note.note))
    return DeputyAppealView(
        view=view,
        mine=mine,
        can_reply=mine and "reply" in view.actions,
        can_propose=mine and may_refer and not pending and appeal.request == "appeal",
        pending_proposal=pending,
        notes=_notes(session, appeal),
        proposals=proposals,
        departments=[(d.id, d.name) for d in departments_for_station(session, appeal.station_id)],
        callbacks=callbacks,
    )


def _check_note(text: str, *, needed: bool, what: str) -> str:
    text = text.strip()
    if needed and not text:
        raise ActionError(f"write {what}")
    if len(text) > NOTE_LIMIT:
        raise ActionError(f"a note has at most {NOTE_LIMIT} characters")
    return text


def _assigned_to_me(session: Session, who: Who, code: str) -> Appeal:
    _account, deputy_id = _deputy(who)
    view_appeal = _find(session, code)
    scope = scope_of(session, who.account)
    if not scope.covers(view_appeal.station_id) or view_appeal.assigned_deputy_id != deputy_id:
        raise Refused("this appeal is not assigned to you")
    return view_appeal


def reply(session: Session, who: Who, code: str, note: str, *, now: datetime) -> Appeal:
    """The deputy's public reply: the visitor reads it on the progress page (→ replied)."""
    _assigned_to_me(session, who, code)
    text = _check_note(note, needed=True, what="the reply the visitor reads")
    return casework.act(session, who, code, "reply", {"note": text}, now=now)


def propose_referral(
    session: Session, who: Who, code: str, department: str, reason: str, *, now: datetime
) -> ReferralProposal:
    """Propose referring an appeal to a department; staff or the reviewer confirm it."""
    require(who.account, Action.PROPOSE_REFERRAL)
    appeal = _assigned_to_me(session, who, code)
    if AppealState.REFERRED not in NEXT_STATES[AppealState(appeal.state)]:
        raise ActionError("an appeal can be referred once it is assigned, before it closes")
    choices = {str(d.id): d for d in departments_for_station(session, appeal.station_id)}
    if department.strip() not in choices:
        raise ActionError("choose a department from the list")
    text = _check_note(reason, needed=True, what="why the department should handle it")
    pending = session.scalar(
        select(ReferralProposal.id).where(
            ReferralProposal.appeal_id == appeal.id, ReferralProposal.state == "proposed"
        )
    )
    if pending is not None:
        raise ActionError("a referral of this appeal waits for confirmation already")
    proposal = ReferralProposal(
        appeal_id=appeal.id,
        department_id=choices[department.strip()].id,
        reason=text,
        proposed_by=who.account.id,
        proposed_at=now,
        state="proposed",
        answer="",
    )
    session.add(proposal)
    session.flush()
    audit.record(
        session,
        who,
        "referral.propose",
        appeal.tracking_code,
        f"department {choices[department.strip()].name}",
        now=now,
    )
    if who.account.deputy_id:
        notifications.referral_proposed(
            session, appeal, who.account.deputy_id, choices[department.strip()].name, now=now
        )
    return proposal


def add_note(session: Session, who: Who, code: str, kind: str, note: str, *, now: datetime) -> None:
    """An internal note, or "I called the visitor" (kind "called"), never shown to them."""
    require(who.account, Action.APPEAL_NOTES)
    if kind not in ("note", "called"):
        raise ActionError("a note is a note or a call")
    appeal = casework.appeal_view(session, who, code, now=now).appeal
    if who.account.role == Role.DEPUTY and kind == "called":
        appeal = _assigned_to_me(session, who, code)
    text = _check_note(note, needed=kind == "note", what="the note")
    session.add(
        AppealNote(appeal_id=appeal.id, at=now, account_id=who.account.id, kind=kind, note=text)
    )
    audit.record(session, who, f"appeal.{kind}", appeal.tracking_code, now=now)


# -- Call-back requests ------------------------------------------------------------------------


def take_callback(session: Session, who: Who, code: str, *, now: datetime) -> Appeal:
    """ "I will call": a call-back request at the deputy's station becomes theirs."""
    account, deputy_id = _deputy(who)
    appeal = _find(session, code)
    if appeal.request != "callback" or appeal.station_id != account.station_id:
        raise Refused("not a call-back request of your station")
    if appeal.assigned_deputy_id not in (None, deputy_id):
        raise ActionError("another deputy took this call-back on already")
    appeal.assigned_deputy_id = deputy_id
    audit.record(session, who, "callback.take", appeal.tracking_code, now=now)
    return appeal


def record_call(
    session: Session, who: Who, code: str, outcome: str, note: str, *, now: datetime
) -> None:
    """How calling the visitor went (a call-back request taken on, or an appeal of mine)."""
    appeal = _assigned_to_me(session, who, code)
    if outcome not in CALL_OUTCOMES:
        raise ActionError("the outcome is called, no_answer or done")
    text = _check_note(note, needed=False, what="")
    if appeal.request == "callback":
        session.add(
            CallbackNote(
                appeal_id=appeal.id, at=now, account_id=who.account.id, outcome=outcome, note=text
            )
        )
        appeal.callback_status = outcome
        audit.record(session, who, "callback." + outcome, appeal.tracking_code, now=now)
    else:
        add_note(session, who, code, "called", text, now=now)


# -- The kiosk's duty console: counts only ---------------------------------------------------


def deputy_work_counts(
    session: Session, station_id: str, *, now: datetime
) -> dict[str, DeputyWork]:
    """Per deputy of a station: items waiting for their answer, overdue, due soon (for the
    snapshot: counts, no data about anyone). Items as "my items" counts them."""
    holidays = holiday_table(session)
    first, yellow_until = colour_bounds(china_today(now), holidays)
    who_owns = func.coalesce(Appeal.assigned_deputy_id, Appeal.target_deputy_id)
    rows = session.execute(
        select(
            who_owns,
            func.count(),
            func.sum(case((Appeal.due_on < first, 1), else_=0)),
            func.sum(
                case((and_(Appeal.due_on >= first, Appeal.due_on <= yellow_until), 1), else_=0)
            ),
        )
        .where(
            Appeal.station_id == station_id,
            Appeal.finished_at.is_(None),  # open: by the index (station_id, finished_at)
            Appeal.state.in_(WAITING),
            Appeal.request == "appeal",
            or_(Appeal.assigned_deputy_id.is_not(None), Appeal.target_deputy_id.is_not(None)),
        )
        .group_by(who_owns)
    ).all()
    return {
        str(deputy): DeputyWork(int(n), int(red or 0), int(yellow or 0))
        for deputy, n, red, yellow in rows
        if deputy
    }
