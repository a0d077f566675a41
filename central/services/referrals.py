# SPDX-License-Identifier: GPL-3.0-or-later
"""Referral proposals (issue 14 §1): a deputy proposes referring an appeal to a department
with a reason (deputy_work.propose_referral); staff or the reviewer confirm it, and the appeal
is referred (转办) as if they had referred it, or decline it with an answer the deputy reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Account, Appeal, Department, Deputy, ReferralProposal, Station
from central.services import audit, notifications
from central.services.appeals import move_appeal
from central.services.audit import Who
from central.services.casework import NOTE_LIMIT, TEMPLATES, ActionError, NotFound
from central.services.permissions import Action, Refused, require, scope_of
from kiosk.domain.appeal_states import NEXT_STATES, AppealState


@dataclass(frozen=True)
class PendingReferral:
    id: int
    code: str
    station_name: str
    category: str
    deputy: str
    department: str
    reason: str
    proposed_at: datetime
    due_on: date | None


def pending(session: Session, who: Who, *, limit: int = 200) -> list[PendingReferral]:
    """The proposals waiting in the account's scope, oldest first."""
    require(who.account, Action.CONFIRM_REFERRAL)
    scope = scope_of(session, who.account)
    query = (
        select(ReferralProposal, Appeal, Department.name, Station.name, Account.display_name)
        .join(Appeal, Appeal.id == ReferralProposal.appeal_id)
        .join(Department, Department.id == ReferralProposal.department_id)
        .join(Station, Station.id == Appeal.station_id)
        .join(Account, Account.id == ReferralProposal.proposed_by)
        .where(ReferralProposal.state == "proposed")
        .order_by(ReferralProposal.id)
        .limit(limit)
    )
    if scope.station_ids is not None:
        query = query.where(Appeal.station_id.in_(sorted(scope.station_ids)))
    return [
        PendingReferral(
            p.id, a.tracking_code, station, a.category, name, department, p.reason,
            p.proposed_at, a.due_on,
        )
        for p, a, department, station, name in session.execute(query)
    ]  # fmt: skip


def _proposal_in_scope(session: Session, who: Who, proposal_id: int) -> ReferralProposal:
    require(who.account, Action.CONFIRM_REFERRAL)
    proposal = session.get(ReferralProposal, proposal_id)
    if proposal is None:
        raise NotFound(str(proposal_id))
    appeal = session.get(Appeal, proposal.appeal_id)
    assert appeal is not None
    if not scope_of(session, who.account).covers(appeal.station_id):
        raise Refused("this appeal is not in your stations")
    if proposal.state != "proposed":
        raise ActionError("this proposal has been answered already")
    return proposal


def confirm(
    session: Session, who: Who, proposal_id: int, note: str = "", *, now: datetime
) -> Appeal:
    """Refer the appeal as proposed: the visitor reads `note` (a template if empty)."""
    proposal = _proposal_in_scope(session, who, proposal_id)
    appeal = session.get(Appeal, proposal.appeal_id)
    department = session.get(Department, proposal.department_id)
    assert appeal is not None and department is not None
    if AppealState.REFERRED not in NEXT_STATES[AppealState(appeal.state)]:
        raise ActionError(f"an appeal in state {appeal.state} cannot be referred now")
    if len(note) > NOTE_LIMIT:
        raise ActionError(f"a note has at most {NOTE_LIMIT} characters")
    deputy = session.scalars(
        select(Deputy.name).where(
            Deputy.station_id == appeal.station_id, Deputy.deputy_id == appeal.assigned_deputy_id
        )
    ).first()
    appeal.department_id = department.id
    move_appeal(
        session,
        appeal,
        AppealState.REFERRED,
        note=note.strip() or TEMPLATES["refer"][0].format(category=appeal.category),
        actor=who.account.display_name,
        now=now,
        internal_note=f"{deputy or ''}代表建议：{proposal.reason}",
        account_id=who.account.id,
    )
    proposal.state = "confirmed"
    proposal.decided_by = who.account.id
    proposal.decided_at = now
    audit.record(
        session, who, "appeal.refer", appeal.tracking_code, f"department {department.name}",
        now=now,
    )  # fmt: skip
    audit.record(session, who, "referral.confirm", appeal.tracking_code, now=now)
    _tell_the_deputy(session, proposal, appeal, department.name, "", now)
    return appeal


def _tell_the_deputy(
    session: Session,
    proposal: ReferralProposal,
    appeal: Appeal,
    department: str,
    answer: str,
    now: datetime,
) -> None:
    proposer = session.get(Account, proposal.proposed_by)
    if proposer is not None and proposer.deputy_id:
        notifications.referral_answered(
            session,
            appeal,
            proposer.deputy_id,
            department=department,
            answer=answer,
            proposal_id=proposal.id,
            now=now,
        )


def decline(session: Session, who: Who, proposal_id: int, answer: str, *, now: datetime) -> None:
    """Not referred: `answer` tells the deputy why (the visitor does not see it)."""
    proposal = _proposal_in_scope(session, who, proposal_id)
    answer = answer.strip()
    if not answer:
        raise ActionError("write the deputy why it is not referred")
    if len(answer) > NOTE_LIMIT:
        raise ActionError(f"a note has at most {NOTE_LIMIT} characters")
    proposal.state = "declined"
    proposal.answer = answer
    proposal.decided_by = who.account.id
    proposal.decided_at = now
    appeal = session.get(Appeal, proposal.appeal_id)
    assert appeal is not None
    audit.record(session, who, "referral.decline", appeal.tracking_code, now=now)
    department = session.get(Department, proposal.department_id)
    _tell_the_deputy(session, proposal, appeal, department.name if department else "", answer, now)
