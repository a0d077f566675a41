# SPDX-License-Identifier: GPL-3.0-or-later
"""Working appeals in the console (issue 13 §3): the inbox across a scope, an appeal's page,
the actions its state allows, call-backs, reveals of personal data and the overdue board.

Every function takes the acting account (`Who`) and checks the one permission table and the
account's scope; every action and every reveal goes to the audit log in the same transaction.
Dates and colours come from the one due-date rule (kiosk.domain.deadlines) and the clock.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select, tuple_
from sqlalchemy.orm import Session, lazyload

from central.core.config import CHINA_TIME
from central.models import (
    Account,
    Appeal,
    Appointment,
    CallbackNote,
    Department,
    Deputy,
    Region,
    Station,
)
from central.services import audit, notifications
from central.services.appeals import appeal_deadline, holiday_table, move_appeal
from central.services.audit import Who
from central.services.categories import station_templates
from central.services.permissions import (
    Action,
    Refused,
    Scope,
    allowed,
    region_and_below,
    require,
    scope_of,
)
from central.services.regions import departments_for_station
from kiosk.domain.appeal_states import NEXT_STATES, OPEN_STATES, AppealState, MoveRefused
from kiosk.domain.appointment_states import NEXT_STATES as APPOINTMENT_NEXT
from kiosk.domain.appointment_states import AnswerRefused, AppointmentState
from kiosk.domain.deadlines import Colour, colour
from kiosk.domain.mobile import InvalidMobile, parse_mobile
from kiosk.domain.tracking import InvalidTrackingCode, parse_tracking_code
from kiosk.domain.workdays import add_working_days

PAGE_SIZE = 50
NOTE_LIMIT = 2000
S = AppealState

# Reason and response templates per step (editable before sending); {category} is filled in.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "accept": ("您反映的{category}问题已受理，我们将尽快交代表办理。",),
    "reject": (
        "您反映的事项不属于人大代表联络站受理范围，建议向有关部门反映。",
        "您反映的事项已通过诉讼、仲裁等法定途径处理，不予重复受理。",
        "内容不完整，无法办理，请补充具体情况后再次提交。",
    ),
    "assign": ("已交代表办理，代表将在3个工作日内答复。",),
    "reply": (
        "经代表了解，您反映的{category}问题答复如下：",
        "代表已与您电话沟通，答复如下：",
    ),
    "refer": ("您反映的{category}问题已转有关部门办理，部门将在15个工作日内反馈。",),
    "feedback": ("有关部门反馈如下：",),
    "close": ("您反映的问题已办结，欢迎对办理结果进行评价。",),
    "reopen": ("重新办理。",),
}
# The console's actions: the state each leads to and the permission it needs.
ACTIONS: dict[str, tuple[AppealState, Action]] = {
    "accept": (S.ACCEPTED, Action.REVIEW),
    "reject": (S.REJECTED, Action.REVIEW),
    "assign": (S.ASSIGNED, Action.ASSIGN),
    "reply": (S.REPLIED, Action.REPLY),
    "refer": (S.REFERRED, Action.REFER),
    "feedback": (S.FEEDBACK, Action.FEEDBACK),
    "close": (S.CLOSED, Action.CLOSE),
    "reopen": (S.REOPENED, Action.REOPEN),
}
CALLBACK_OUTCOMES = ("called", "no_answer", "done")
CHANNELS = ("kiosk", "phone", "callback")
COLOURS = tuple(c.value for c in Colour)


class NotFound(LookupError):
    """No such appeal (or not one this account may know of)."""


class ActionError(ValueError):
    """An action that cannot be done as asked; the message says why in plain words."""


def china_today(now: datetime) -> date:
    return now.astimezone(CHINA_TIME).date()


def _china_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), CHINA_TIME)


def mask_mobile(mobile: str) -> str:
    return mobile[:3] + "****" + mobile[-4:] if len(mobile) >= 8 else "****"


def mask_name(name: str) -> str:
    return name[:1] + "*" * max(1, len(name) - 1) if name else ""


# -- The inbox -------------------------------------------------------------------------------


@dataclass
class Filters:
    """The inbox's filters, from a query string; `errors` names what could not be read."""

    station: str = ""
    region: int | None = None
    state: str = "open"  # open | all | one state
    channel: str = ""  # kiosk | phone | callback
    deputy: str = ""
    category: str = ""
    block: str = ""
    colour: str = ""
    since: date | None = None
    until: date | None = None
    q: str = ""
    cursor: str = ""
    errors: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> Filters:
        f = cls()

        def get(key: str) -> str:
            return str(params.get(key, "") or "").strip()

        f.station, f.deputy, f.category, f.block = (
            get("station"),
            get("deputy"),
            get("category"),
            get("block"),
        )
        f.q, f.cursor = get("q"), get("cursor")
        if get("region"):
            if re.fullmatch(r"[0-9]{1,9}", get("region")):
                f.region = int(get("region"))
            else:
                f.errors.append("region")
        state = get("state") or "open"
        if state in ("open", "all") or state in {s.value for s in S}:
            f.state = state
        else:
            f.errors.append("state")
        if get("channel") in ("", *CHANNELS):
            f.channel = get("channel")
        else:
            f.errors.append("channel")
        if get("colour") in ("", *COLOURS):
            f.colour = get("colour")
        else:
            f.errors.append("colour")
        for key in ("since", "until"):
            if get(key):
                try:
                    setattr(f, key, date.fromisoformat(get(key)))
                except ValueError:
                    f.errors.append(key)
        return f

    def count_set(self) -> int:
        """How many filters narrow the list (the search and the page are not filters)."""
        narrowing = ("station", "region", "channel", "deputy", "category", "block", "colour")
        return sum(1 for key in (*narrowing, "since", "until") if getattr(self, key)) + (
            self.state != "open"
        )

    def query_string(self, **changes: Any) -> str:
        from urllib.parse import urlencode

        values = {
            "station": self.station,
            "region": self.region or "",
            "state": "" if self.state == "open" else self.state,
            "channel": self.channel,
            "deputy": self.deputy,
            "category": self.category,
            "block": self.block,
            "colour": self.colour,
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
            "q": self.q,
        } | changes
        return urlencode({k: v for k, v in values.items() if v})


@dataclass(frozen=True)
class InboxRow:
    code: str
    station_id: str
    station_name: str
    category: str
    channel: str  # kiosk | phone | callback
    state: str
    received: datetime
    due_on: date | None
    colour: str  # "" when nothing is due
    deputy: str  # the deputy's name (assigned, else addressed)
    excerpt: str  # the first words of the text; "" for roles that may not see it


@dataclass(frozen=True)
class InboxPage:
    rows: list[InboxRow]
    next_cursor: str


def _channel_of(channel: str, request: str) -> str:
    if request == "callback":
        return "callback"
    return "phone" if channel == "qr" else "kiosk"


def _scoped(query: Any, scope: Scope) -> Any:
    if scope.station_ids is not None:
        query = query.where(Appeal.station_id.in_(sorted(scope.station_ids)))
    if scope.deputy_id is not None:
        # Assigned to them, or addressed to them and assigned to nobody (once assigned to
        # another deputy, a message is that deputy's item).
        query = query.where(
            or_(
                Appeal.assigned_deputy_id == scope.deputy_id,
                and_(
                    Appeal.target_deputy_id == scope.deputy_id,
                    Appeal.assigned_deputy_id.is_(None),
                ),
            )
        )
    return query


def _search(query: Any, q: str, personal: bool) -> Any:
    try:
        return query.where(Appeal.tracking_code == parse_tracking_code(q))
    except InvalidTrackingCode:
        pass
    if personal:
        try:
            return query.where(Appeal.contact_mobile == parse_mobile(q))
        except InvalidMobile:
            pass
    raise ActionError("search by a tracking code" + (" or a mobile number" if personal else ""))


def colour_bounds(today: date, holidays: dict[date, bool]) -> tuple[date, date]:
    """(today, the next working day): red is due before the first, yellow up to the second."""
    return today, add_working_days(today, 1, holidays)


def inbox(
    session: Session, who: Who, filters: Filters, *, now: datetime, limit: int = PAGE_SIZE
) -> InboxPage:
    """One page of the appeals in the account's scope, by due date (nothing due: last)."""
    account = who.account
    require(account, Action.SEE_APPEALS)
    if filters.errors:
        raise ActionError("cannot read the filters: " + ", ".join(filters.errors))
    scope = scope_of(session, account)
    personal = allowed(account.role, Action.SEE_PERSONAL)
    holidays = holiday_table(session)
    today = china_today(now)
    # The list needs no steps (the relationship would load them for every row).
    query = _scoped(select(Appeal).options(lazyload(Appeal.steps)), scope)
    if filters.station:
        if not scope.covers(filters.station):
            return InboxPage([], "")
        query = query.where(Appeal.station_id == filters.station)
    if filters.region is not None:
        regions = region_and_below(session, filters.region)
        query = query.where(
            Appeal.station_id.in_(select(Station.id).where(Station.region_id.in_(regions)))
        )
    if filters.state == "open":
        query = query.where(Appeal.state.in_([s.value for s in OPEN_STATES]))
    elif filters.state != "all":
        query = query.where(Appeal.state == filters.state)
    if filters.channel == "callback":
        query = query.where(Appeal.request == "callback")
    elif filters.channel:
        query = query.where(
            Appeal.request == "appeal",
            Appeal.channel == ("qr" if filters.channel == "phone" else "kiosk"),
        )
    if filters.deputy:
        query = query.where(
            or_(
                Appeal.assigned_deputy_id == filters.deputy,
                and_(
                    Appeal.assigned_deputy_id.is_(None), Appeal.target_deputy_id == filters.deputy
                ),
            )
        )
    if filters.category:
        query = query.where(Appeal.category == filters.category)
    if filters.block:
        query = query.where(Appeal.block == filters.block)
    if filters.since:
        query = query.where(Appeal.created_at >= _china_midnight(filters.since))
    if filters.until:
        query = query.where(Appeal.created_at < _china_midnight(filters.until + timedelta(days=1)))
    if filters.q:
        query = _search(query, filters.q, personal)
    first, yellow_until = colour_bounds(today, holidays)
    if filters.colour == "red":
        query = query.where(Appeal.due_on < first)
    elif filters.colour == "yellow":
        query = query.where(Appeal.due_on >= first, Appeal.due_on <= yellow_until)
    elif filters.colour == "green":
        query = query.where(Appeal.due_on > yellow_until)

    # Keyset pages: first what has a due date, by (due_on, id); then the rest, by id.
    phase, cursor_due, cursor_id = _read_cursor(filters.cursor)
    found: list[Appeal] = []
    if phase == "d":
        dated = query.where(Appeal.due_on.is_not(None))
        if cursor_due is not None:
            # A row value, not "due > d OR (due = d AND id > i)": with bound parameters SQLite
            # plans that OR as a multi-index scan and sorts the whole rest of the list (55-150
            # ms on a district's deep pages); (due_on, id) > (d, i) walks the index from the
            # cursor (1-2 ms). PostgreSQL reads it the same way.
            dated = dated.where(tuple_(Appeal.due_on, Appeal.id) > tuple_(cursor_due, cursor_id))
        found = list(session.scalars(dated.order_by(Appeal.due_on, Appeal.id).limit(limit + 1)))
        if len(found) > limit:
            last = found[limit - 1]
            return _page(
                session, found[:limit], f"d.{last.due_on}.{last.id}", personal, today, holidays
            )
        cursor_id = 0
    if not filters.colour:
        rest = query.where(Appeal.due_on.is_(None), Appeal.id > cursor_id)
        more = list(session.scalars(rest.order_by(Appeal.id).limit(limit - len(found) + 1)))
        found += more
        if len(found) > limit:
            found = found[:limit]
            return _page(session, found, f"n..{found[-1].id}", personal, today, holidays)
    return _page(session, found, "", personal, today, holidays)


def _read_cursor(cursor: str) -> tuple[str, date | None, int]:
    phase, _, rest = cursor.partition(".")
    due_text, _, id_text = rest.partition(".")
    try:
        if phase == "d" and due_text:
            return "d", date.fromisoformat(due_text), int(id_text)
        if phase == "n":
            return "n", None, int(id_text)
    except ValueError:
        pass
    return "d", None, 0


def _deputy_names(session: Session, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    if not pairs:
        return {}
    stations = {station for station, _ in pairs}
    ids = {deputy for _, deputy in pairs}
    rows = session.execute(
        select(Deputy.station_id, Deputy.deputy_id, Deputy.name).where(
            Deputy.station_id.in_(stations), Deputy.deputy_id.in_(ids)
        )
    )
    return {(station, deputy): name for station, deputy, name in rows}


def _page(
    session: Session,
    appeals: list[Appeal],
    cursor: str,
    personal: bool,
    today: date,
    holidays: dict[date, bool],
) -> InboxPage:
    stations = dict(
        session.execute(
            select(Station.id, Station.name).where(Station.id.in_({a.station_id for a in appeals}))
        ).all()
    )
    deputies = {(a.station_id, a.assigned_deputy_id or a.target_deputy_id or "") for a in appeals}
    names = _deputy_names(session, {p for p in deputies if p[1]})
    rows = []
    for a in appeals:
        deputy_id = a.assigned_deputy_id or a.target_deputy_id or ""
        rows.append(
            InboxRow(
                code=a.tracking_code,
                station_id=a.station_id,
                station_name=stations.get(a.station_id, a.station_id),
                category=a.category,
                channel=_channel_of(a.channel, a.request),
                state=a.state,
                received=a.created_at,
                due_on=a.due_on,
                colour=colour(a.due_on, today, holidays).value if a.due_on else "",
                deputy=names.get((a.station_id, deputy_id), deputy_id),
                excerpt=(a.text[:40] if personal else ""),
            )
        )
    return InboxPage(rows, cursor)


# -- An appeal's page -----------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineStep:
    state: str
    at: datetime
    actor: str
    note: str
    internal_note: str


@dataclass(frozen=True)
class AppealView:
    appeal: Appeal
    station: Station
    channel: str
    text: str  # "" unless the role may see it
    name: str  # masked unless revealed; "" for roles that may not see it
    mobile: str
    address: str
    revealed: bool
    deadline_step: str
    due_on: date | None
    colour: str
    timeline: list[TimelineStep]
    actions: list[str]  # what this account may do now, in ACTIONS' order
    can_reveal: bool
    can_call_back: bool
    callbacks: list[tuple[datetime, str, str, str]]  # (at, account, outcome, note)
    roster: list[tuple[str, str]]  # (deputy id, name) for assign
    departments: list[tuple[int, str]]
    assigned_deputy: str
    department: str
    templates: dict[str, list[str]]


def _appeal_in_scope(session: Session, who: Who, code_text: str) -> Appeal:
    try:
        code = parse_tracking_code(code_text)
    except InvalidTrackingCode:
        raise NotFound(code_text) from None
    appeal = session.scalars(select(Appeal).where(Appeal.tracking_code == code)).one_or_none()
    if appeal is None:
        raise NotFound(code_text)
    scope = scope_of(session, who.account)
    in_scope = scope.covers(appeal.station_id) and (
        scope.deputy_id is None
        or scope.deputy_id == appeal.assigned_deputy_id
        or (scope.deputy_id == appeal.target_deputy_id and appeal.assigned_deputy_id is None)
    )
    if not in_scope:
        raise Refused("this appeal is not in your stations")
    return appeal


def available_actions(account: Account, appeal: Appeal) -> list[str]:
    possible = NEXT_STATES[S(appeal.state)]
    out = []
    for name, (state, permission) in ACTIONS.items():
        if state in possible and allowed(account.role, permission):
            if state is S.REOPENED and appeal.state == S.RATED and appeal.rating != "dissatisfied":
                continue
            out.append(name)
    return out


def appeal_view(
    session: Session, who: Who, code: str, *, now: datetime, reveal: bool = False
) -> AppealView:
    """An appeal as this account may see it. `reveal` shows name and mobile, audited."""
    account = who.account
    require(account, Action.SEE_APPEALS)
    appeal = _appeal_in_scope(session, who, code)
    personal = allowed(account.role, Action.SEE_PERSONAL)
    # A deputy sees the contact of what is assigned to them, not of a message merely
    # addressed to them (issue 14 §1).
    may_reveal = personal and (
        account.role != "deputy" or appeal.assigned_deputy_id == account.deputy_id
    )
    if reveal:
        require(account, Action.SEE_PERSONAL)
        if not may_reveal:
            raise Refused("the contact shows to the deputy the appeal is assigned to")
        audit.record(session, who, "reveal", appeal.tracking_code, "name, mobile", now=now)
    holidays = holiday_table(session)
    deadline = appeal_deadline(appeal, holidays)
    today = china_today(now)
    station = session.get(Station, appeal.station_id)
    assert station is not None
    actor_ids = {s.account_id for s in appeal.steps if s.account_id}
    actors = dict(
        session.execute(
            select(Account.id, Account.display_name).where(Account.id.in_(actor_ids))
        ).all()
    )
    roster = [
        (d.deputy_id, d.name)
        for d in session.scalars(
            select(Deputy).where(Deputy.station_id == station.id).order_by(Deputy.position)
        )
    ]
    names = dict(roster)
    # The liaison and contact beside the name: whom staff call about the referral.
    departments = [
        (d.id, " ".join(filter(None, (d.name, d.liaison, d.contact))))
        for d in departments_for_station(session, station.id)
    ]
    department = session.get(Department, appeal.department_id) if appeal.department_id else None
    callbacks = []
    if appeal.request == "callback":
        for note, login in session.execute(
            select(CallbackNote, Account.display_name)
            .join(Account, Account.id == CallbackNote.account_id)
            .where(CallbackNote.appeal_id == appeal.id)
            .order_by(CallbackNote.id)
        ):
            callbacks.append((note.at, login, note.outcome, note.note))
    revealed = reveal and personal
    return AppealView(
        appeal=appeal,
        station=station,
        channel=_channel_of(appeal.channel, appeal.request),
        text=appeal.text if personal else "",
        name=(appeal.contact_name if revealed else mask_name(appeal.contact_name))
        if personal
        else "",
        mobile=(appeal.contact_mobile if revealed else mask_mobile(appeal.contact_mobile))
        if personal
        else "",
        address=appeal.address if personal else "",
        revealed=revealed,
        deadline_step=deadline.step.value if deadline else "",
        due_on=deadline.due_on if deadline else None,
        colour=colour(deadline.due_on, today, holidays).value if deadline else "",
        timeline=[
            TimelineStep(
                state=s.state,
                at=s.at,
                actor=actors.get(s.account_id, s.actor) if s.account_id else s.actor,
                note=s.note,
                internal_note=s.internal_note if personal else "",
            )
            for s in appeal.steps
        ],
        actions=available_actions(account, appeal),
        can_reveal=may_reveal,
        can_call_back=appeal.request == "callback" and allowed(account.role, Action.CALL_BACK),
        callbacks=callbacks,
        roster=roster,
        departments=departments,
        assigned_deputy=names.get(appeal.assigned_deputy_id or "", appeal.assigned_deputy_id or ""),
        department=department.name if department else "",
        templates=step_templates(session, appeal),
    )


# -- Actions --------------------------------------------------------------------------------


def act(
    session: Session, who: Who, code: str, action: str, fields: Mapping[str, str], *, now: datetime
) -> Appeal:
    """Do `action` (accept, reject, assign, reply, refer, feedback, close, reopen) on an appeal.

    `fields`: note (shown to the visitor), internal_note (never shown), deputy (assign),
    department (refer). Refused (403), NotFound, ActionError or MoveRefused otherwise.
    """
    if action not in ACTIONS:
        raise ActionError(f"no action {action}")
    state, permission = ACTIONS[action]
    require(who.account, permission)
    appeal = _appeal_in_scope(session, who, code)
    note = str(fields.get("note", "")).strip()
    internal = str(fields.get("internal_note", "")).strip()
    if len(note) > NOTE_LIMIT or len(internal) > NOTE_LIMIT:
        raise ActionError(f"a note has at most {NOTE_LIMIT} characters")
    if action not in available_actions(who.account, appeal):
        raise MoveRefused(f"an appeal in state {appeal.state} cannot be {action}ed now")
    detail = ""
    if action == "assign":
        deputy_id = str(fields.get("deputy", "")).strip()
        deputy = session.scalars(
            select(Deputy).where(
                Deputy.station_id == appeal.station_id, Deputy.deputy_id == deputy_id
            )
        ).one_or_none()
        if deputy is None:
            raise ActionError("choose a deputy of this station's roster")
        appeal.assigned_deputy_id = deputy.deputy_id
        note = note or f"已交{deputy.name}代表办理"
        detail = f"deputy {deputy.deputy_id}"
    elif action == "refer":
        wanted = str(fields.get("department", "")).strip()
        choices = {str(d.id): d for d in departments_for_station(session, appeal.station_id)}
        if wanted not in choices:
            raise ActionError("choose a department from the list")
        appeal.department_id = choices[wanted].id
        note = note or f"已转{choices[wanted].name}办理"
        detail = f"department {choices[wanted].name}"
    elif action in ("reject", "reply", "feedback") and not note:
        raise ActionError("write what the visitor is told (a template can start it)")
    move_appeal(
        session,
        appeal,
        state,
        note=note,
        actor=who.account.display_name,
        now=now,
        internal_note=internal,
        account_id=who.account.id,
    )
    audit.record(session, who, f"appeal.{action}", appeal.tracking_code, detail, now=now)
    if action == "assign":
        notifications.appeal_assigned(session, appeal, now=now)
    notifications.visitor_progress(session, appeal, now=now)  # accepted, replied, ... closed
    return appeal


def record_callback(
    session: Session, who: Who, code: str, outcome: str, note: str, *, now: datetime
) -> None:
    """How calling back a visitor went: called, no_answer or done, with a note."""
    require(who.account, Action.CALL_BACK)
    appeal = _appeal_in_scope(session, who, code)
    if appeal.request != "callback":
        raise ActionError("this appeal did not ask for a call-back")
    if outcome not in CALLBACK_OUTCOMES:
        raise ActionError("the outcome is called, no_answer or done")
    if len(note) > NOTE_LIMIT:
        raise ActionError(f"a note has at most {NOTE_LIMIT} characters")
    session.add(
        CallbackNote(
            appeal_id=appeal.id, at=now, account_id=who.account.id, outcome=outcome, note=note
        )
    )
    appeal.callback_status = outcome
    audit.record(session, who, "callback." + outcome, appeal.tracking_code, now=now)


# -- Overdue board (督办) --------------------------------------------------------------------


@dataclass(frozen=True)
class BoardLine:
    key: str
    label: str
    red: int
    yellow: int


@dataclass(frozen=True)
class OverdueBoard:
    stations: list[BoardLine]
    regions: list[BoardLine]
    deputies: list[BoardLine]
    departments: list[BoardLine]


def overdue_board(session: Session, who: Who, *, now: datetime) -> OverdueBoard:
    """Red (overdue) and yellow (due within a working day) counts in the account's scope."""
    require(who.account, Action.OVERDUE)
    scope = scope_of(session, who.account)
    first, yellow_until = colour_bounds(china_today(now), holiday_table(session))
    red = func.sum(case((Appeal.due_on < first, 1), else_=0))
    yellow = func.sum(case((Appeal.due_on >= first, 1), else_=0))
    base = _scoped(select(), scope).where(Appeal.due_on <= yellow_until)

    def grouped(key: Any, *joins: Any) -> list[tuple[Any, int, int]]:
        query = base.add_columns(key, red, yellow).select_from(Appeal)
        for target, on in joins:
            query = query.join(target, on)
        return [tuple(row) for row in session.execute(query.group_by(key))]

    by_station = grouped(Appeal.station_id)
    station_names = dict(session.execute(select(Station.id, Station.name)).all())
    by_region = grouped(Station.region_id, (Station, Station.id == Appeal.station_id))
    region_names = dict(session.execute(select(Region.id, Region.name)).all())
    by_deputy = grouped(Appeal.assigned_deputy_id)
    deputy_names = dict(session.execute(select(Deputy.deputy_id, Deputy.name)).all())
    by_department = grouped(Appeal.department_id)
    department_names = dict(session.execute(select(Department.id, Department.name)).all())

    def lines(rows: list[tuple[Any, int, int]], names: dict[Any, str]) -> list[BoardLine]:
        out = [
            BoardLine(str(key), names.get(key, str(key)), int(r or 0), int(y or 0))
            for key, r, y in rows
            if key is not None
        ]
        return sorted(out, key=lambda line: (-line.red, -line.yellow, line.label))

    return OverdueBoard(
        stations=lines(by_station, station_names),
        regions=lines(by_region, region_names),
        deputies=lines(by_deputy, deputy_names),
        departments=lines(by_department, department_names),
    )


# -- Appointments (约见代表) -----------------------------------------------------------------


@dataclass(frozen=True)
class AppointmentRow:
    code: str
    station_name: str
    deputy: str
    day: date
    state: str
    name: str  # masked; "" for roles that may not see it
    mobile: str
    topic: str
    notes: list[str]  # the notes the visitor sees, oldest first
    answers: list[str]  # what this account may answer now


def appointments(
    session: Session, who: Who, *, since: date, deputy: str = "", limit: int = 200
) -> list[AppointmentRow]:
    """The appointments in scope from `since` on, by day and deputy."""
    require(who.account, Action.APPOINTMENTS)
    scope = scope_of(session, who.account)
    query = select(Appointment).where(Appointment.day >= since)
    if scope.station_ids is not None:
        query = query.where(Appointment.station_id.in_(sorted(scope.station_ids)))
    wanted = scope.deputy_id or deputy
    if wanted:
        query = query.where(Appointment.deputy_id == wanted)
    found = list(
        session.scalars(
            query.order_by(Appointment.day, Appointment.deputy_id, Appointment.id).limit(limit)
        )
    )
    stations = dict(session.execute(select(Station.id, Station.name)).all())
    names = _deputy_names(session, {(a.station_id, a.deputy_id) for a in found})
    return [
        AppointmentRow(
            code=a.code,
            station_name=stations.get(a.station_id, a.station_id),
            deputy=names.get((a.station_id, a.deputy_id), a.deputy_id),
            day=a.day,
            state=a.state,
            name=mask_name(a.contact_name),
            mobile=mask_mobile(a.contact_mobile),
            topic=a.topic,
            notes=[s.note for s in a.steps if s.note],
            answers=[s.value for s in APPOINTMENT_NEXT[AppointmentState(a.state)]],
        )
        for a in found
    ]


def answer_appointment(
    session: Session, who: Who, code: str, state: str, note: str, *, now: datetime
) -> None:
    """Confirm, decline or mark done an appointment, with a note the visitor sees."""
    from central.services.appointments import answer_appointment as answer

    appointment = _appointment_in_scope(session, who, code)
    if len(note) > NOTE_LIMIT:
        raise ActionError(f"a note has at most {NOTE_LIMIT} characters")
    try:
        target = AppointmentState(state)
        answer(session, appointment, target, note=note, actor=who.account.display_name, now=now)
    except (ValueError, AnswerRefused) as error:
        raise ActionError(str(error)) from None
    audit.record(session, who, f"appointment.{state}", code, now=now)


def reveal_appointment(session: Session, who: Who, code: str, *, now: datetime) -> tuple[str, str]:
    """An appointment's contact name and mobile in full ("show"), audited like an appeal's."""
    appointment = _appointment_in_scope(session, who, code)
    require(who.account, Action.SEE_PERSONAL)
    audit.record(session, who, "reveal", appointment.code, "name, mobile", now=now)
    return appointment.contact_name, appointment.contact_mobile


def _appointment_in_scope(session: Session, who: Who, code: str) -> Appointment:
    require(who.account, Action.APPOINTMENTS)
    appointment = session.scalars(select(Appointment).where(Appointment.code == code)).one_or_none()
    if appointment is None:
        raise NotFound(code)
    scope = scope_of(session, who.account)
    if not scope.covers(appointment.station_id) or (
        scope.deputy_id is not None and scope.deputy_id != appointment.deputy_id
    ):
        raise Refused("this appointment is not in your stations")
    return appointment


def refresh_due_dates(session: Session, *, chunk: int = 1000) -> int:
    """Recompute the stored due date of every open appeal (after the holiday table changed);
    the number that moved. The pages compute dates afresh anyway; lists sort by this one."""
    holidays = holiday_table(session)
    moved = 0
    last_id = 0
    open_states = [s.value for s in OPEN_STATES]
    while True:
        appeals = list(
            session.scalars(
                select(Appeal)
                .where(Appeal.state.in_(open_states), Appeal.id > last_id)
                .order_by(Appeal.id)
                .limit(chunk)
            )
        )
        if not appeals:
            return moved
        for appeal in appeals:
            deadline = appeal_deadline(appeal, holidays)
            due = deadline.due_on if deadline else None
            if due != appeal.due_on:
                appeal.due_on = due
                moved += 1
        last_id = appeals[-1].id
        session.flush()


def step_templates(session: Session, appeal: Appeal) -> dict[str, list[str]]:
    """Per action, the words its note may start from: the templates of the appeal's category
    and station's regions (central.services.categories), then the built-in ones."""
    custom = station_templates(session, appeal.station_id, appeal.category)
    out = {}
    for name in ACTIONS:
        built_in = [t.format(category=appeal.category) for t in TEMPLATES.get(name, ())]
        mine = custom.get(name, [])
        out[name] = mine + [t for t in built_in if t not in mine]
    return out
