# SPDX-License-Identifier: GPL-3.0-or-later
"""Who may do what in the console (DESIGN.md §10): one table, in one place.

Every route, page and command asks `allowed(role, action)`; every query of appeals,
appointments and call-backs is narrowed to the stations in the account's scope (`scope_of`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Account, Region, Station


class Role(StrEnum):
    ADMIN = "admin"  # everything in scope, accounts, settings
    REVIEWER = "reviewer"  # 人大工委: review, assign, refer, supervise (督办)
    STAFF = "staff"  # 站点工作人员: their station's appeals, call-backs, appointments
    DEPUTY = "deputy"  # what is addressed or assigned to them
    VIEWER = "viewer"  # figures only: never a name, a mobile or a text
    TECHNICIAN = "technician"  # kiosks only: never personal data


class Action(StrEnum):
    SEE_APPEALS = "see_appeals"  # lists, states, due dates and colours
    SEE_PERSONAL = "see_personal"  # the visitor's text; name and mobile after "show"
    REVIEW = "review"  # accept / reject
    ASSIGN = "assign"  # to a deputy (and reassign)
    REFER = "refer"  # to a department
    FEEDBACK = "feedback"  # record the department's feedback
    REPLY = "reply"  # answer the visitor
    CLOSE = "close"
    REOPEN = "reopen"
    CALL_BACK = "call_back"  # called / no answer / done
    APPOINTMENTS = "appointments"  # confirm / decline / done
    OVERDUE = "overdue"  # the overdue board (counts only)
    AUDIT = "audit"  # read and export the audit log
    ACCOUNTS = "accounts"  # create, disable, reset passwords
    DEPARTMENTS = "departments"  # the managed list per region
    NOTIFICATIONS = "notifications"  # channels and notices in scope; retry a failed one
    # The deputy's workspace (issue 14 §1)
    PROPOSE_REFERRAL = "propose_referral"  # a deputy proposes; staff or the reviewer confirm
    CONFIRM_REFERRAL = "confirm_referral"
    APPEAL_NOTES = "appeal_notes"  # internal notes, "I called the visitor"
    HAND_OVER = "hand_over"  # deputies' sign-in codes, disabling a deputy's account
    FLEET = "fleet"  # the kiosks' health: no personal data
    KIOSKS = "kiosks"  # enrolment codes, revoking a kiosk
    DATA_RIGHTS = "data_rights"  # find, correct, erase a visitor's data (admins only)
    FIGURES = "figures"  # counts and rates per station, deputy, region: no personal data
    REGISTERS = "registers"  # the printable registers (台账); the visitors' one is personal
    # Publishing a station's rosters and reception schedules (issue 15 §1)
    ROSTERS = "rosters"  # import, edit a deputy, upload a photo
    SCHEDULES = "schedules"  # edit a rule, cancel or move a day, import and export .ics
    # Publishing (issue 15 §1)
    PUBLISH = "publish"  # a station's profile, photo, rules (制度) and notices
    CATEGORIES = "categories"  # a region's appeal categories and response templates
    HOLIDAYS = "holidays"  # the holiday table (节假日, 调休) every kiosk receives
    DEPUTY_PINS = "deputy_pins"  # set or rotate deputies' kiosk PINs


R, A = Role, Action
_CASEWORK = {A.SEE_APPEALS, A.SEE_PERSONAL}
PERMISSIONS: dict[Role, frozenset[Action]] = {
    R.ADMIN: frozenset(A),
    R.REVIEWER: frozenset(
        _CASEWORK
        | {A.REVIEW, A.ASSIGN, A.REFER, A.FEEDBACK, A.REPLY, A.CLOSE, A.REOPEN, A.OVERDUE}
        | {A.APPOINTMENTS, A.CALL_BACK, A.DEPARTMENTS}
        | {A.CONFIRM_REFERRAL, A.APPEAL_NOTES, A.HAND_OVER}
        | {A.FIGURES, A.REGISTERS}
        | {A.ROSTERS, A.SCHEDULES}
        | {A.PUBLISH, A.CATEGORIES, A.DEPUTY_PINS}
    ),
    R.STAFF: frozenset(
        _CASEWORK
        | {A.REVIEW, A.FEEDBACK, A.REPLY, A.CLOSE, A.CALL_BACK, A.APPOINTMENTS, A.OVERDUE}
        | {A.NOTIFICATIONS}
        | {A.CONFIRM_REFERRAL, A.APPEAL_NOTES, A.HAND_OVER}
        | {A.FIGURES, A.REGISTERS}
        | {A.ROSTERS, A.SCHEDULES}
        | {A.PUBLISH, A.DEPUTY_PINS}
    ),
    R.DEPUTY: frozenset(_CASEWORK | {A.REPLY, A.APPOINTMENTS, A.PROPOSE_REFERRAL, A.APPEAL_NOTES}),
    R.VIEWER: frozenset({A.SEE_APPEALS, A.OVERDUE, A.FIGURES}),
    R.TECHNICIAN: frozenset({A.FLEET, A.KIOSKS}),
}


def allowed(role: str, action: Action) -> bool:
    try:
        return action in PERMISSIONS[Role(role)]
    except ValueError:
        return False


class Refused(PermissionError):
    """Not this account's to see or do (403); the message says what was refused."""


def require(account: Account, action: Action) -> None:
    if not allowed(account.role, action):
        raise Refused(f"a {account.role} account may not {action.value.replace('_', ' ')}")


@dataclass(frozen=True)
class Scope:
    """The stations an account works on: None means every station (the whole tree)."""

    station_ids: frozenset[str] | None
    # A deputy sees only what is addressed or assigned to them.
    deputy_id: str | None = None

    def covers(self, station_id: str) -> bool:
        return self.station_ids is None or station_id in self.station_ids


def region_and_below(session: Session, region_id: int) -> set[int]:
    """A region and every region under it."""
    found = {region_id}
    frontier = [region_id]
    while frontier:
        children = (
            set(session.scalars(select(Region.id).where(Region.parent_id.in_(frontier)))) - found
        )
        found |= children
        frontier = list(children)
    return found


def scope_of(session: Session, account: Account) -> Scope:
    deputy = account.deputy_id if account.role == Role.DEPUTY else None
    if account.station_id is not None:
        return Scope(frozenset({account.station_id}), deputy)
    if account.region_id is None:
        return Scope(None, deputy)
    regions = region_and_below(session, account.region_id)
    stations = session.scalars(select(Station.id).where(Station.region_id.in_(regions)))
    return Scope(frozenset(stations), deputy)
