# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's JSON API under /console/api/ (OpenAPI at /docs): the same sign-in, the same
permission table and the same services as the pages, for scripts and the command line.

Sign in with POST /console/api/login (the session cookie comes back, and the CSRF token in
the body); every change then sends that token in the X-CSRF-Token header.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from central.api.deps import problem_responses
from central.services import accounts, casework
from central.services.accounts import LoginRefused
from central.services.casework import ActionError, Filters
from central.web.console.auth import (
    COOKIE_PATH,
    SESSION_COOKIE,
    CurrentUser,
    check_csrf,
    client_address,
    clock,
    database,
    secure_cookies,
)
from kiosk.domain.appeal_states import MoveRefused

router = APIRouter(
    prefix="/console/api",
    tags=["console"],
    responses=problem_responses(400, 401, 403, 404, 409, 413),
)
CsrfHeader = Annotated[str | None, Header(alias="X-CSRF-Token")]


class Login(BaseModel):
    login: str = Field(max_length=64)
    password: str = Field(max_length=200)


class SignedIn(BaseModel):
    login: str
    role: str
    csrf: str = Field(description="send it as X-CSRF-Token with every change")
    must_change_password: bool


class AppealRow(BaseModel):
    code: str
    station_id: str
    station: str
    category: str
    channel: str
    state: str
    received: datetime
    due_on: date | None
    colour: str
    deputy: str
    excerpt: str


class AppealList(BaseModel):
    appeals: list[AppealRow]
    next_cursor: str


class Step(BaseModel):
    state: str
    at: datetime
    actor: str
    note: str
    internal_note: str


class AppealDetail(BaseModel):
    code: str
    station_id: str
    category: str
    channel: str
    state: str
    text: str
    name: str
    mobile: str
    deadline: str
    due_on: date | None
    colour: str
    assigned_deputy: str
    department: str
    actions: list[str]
    timeline: list[Step]


class Search(BaseModel):
    q: str = Field(max_length=40, description="a tracking code or a mobile number")


class Act(BaseModel):
    action: str = Field(description="accept, reject, assign, reply, refer, feedback, close, reopen")
    note: str = Field("", max_length=2000, description="shown to the visitor")
    internal_note: str = Field("", max_length=2000)
    deputy: str = Field("", description="assign: a deputy id of the station's roster")
    department: str = Field("", description="refer: a department id")


@router.post("/login", response_model=SignedIn)
def login(body: Login, request: Request, response: Response) -> Any:
    now = clock(request)
    address = client_address(request)
    refused: LoginRefused | None = None
    with database(request).writer.begin() as session:  # a refusal's count is kept too
        try:
            account = accounts.authenticate(
                session, body.login, body.password, now=now, address=address
            )
        except LoginRefused as error:
            refused = error
        else:
            opened = accounts.open_session(session, account, now=now, address=address)
            answer = SignedIn(
                login=account.login,
                role=account.role,
                csrf=opened.csrf,
                must_change_password=account.must_change_password,
            )
    if refused is not None:
        detail = "Wrong login name or password."
        if refused.locked_until:
            detail = f"Locked until {refused.locked_until.isoformat(timespec='seconds')}."
        return JSONResponse({"detail": detail}, 403)
    response.set_cookie(
        SESSION_COOKIE,
        opened.token,
        httponly=True,
        samesite="strict",
        secure=secure_cookies(request),
        path=COOKIE_PATH,
    )
    return answer


def _rows(page: casework.InboxPage) -> AppealList:
    return AppealList(
        appeals=[
            AppealRow(
                code=r.code,
                station_id=r.station_id,
                station=r.station_name,
                category=r.category,
                channel=r.channel,
                state=r.state,
                received=r.received,
                due_on=r.due_on,
                colour=r.colour,
                deputy=r.deputy,
                excerpt=r.excerpt,
            )
            for r in page.rows
        ],
        next_cursor=page.next_cursor,
    )


def _bad(error: Exception, status: int = 400) -> JSONResponse:
    return JSONResponse({"detail": str(error)}, status)


@router.get("/appeals", response_model=AppealList)
def list_appeals(request: Request, user: CurrentUser) -> Any:
    """The inbox: the same filters as the page (station, region, state, channel, deputy,
    category, block, colour, since, until, cursor). Search by code or mobile: POST .../search."""
    params = {k: v for k, v in request.query_params.items() if k != "q"}
    with database(request).reader() as session:
        try:
            return _rows(
                casework.inbox(session, user.who, Filters.parse(params), now=clock(request))
            )
        except ActionError as error:
            return _bad(error)


@router.post("/appeals/search", response_model=AppealList)
def search_appeals(
    body: Search, request: Request, user: CurrentUser, csrf: CsrfHeader = None
) -> Any:
    """By tracking code or mobile: a POST, so a mobile number never sits in a URL or a log."""
    check_csrf(user, csrf)
    with database(request).reader() as session:
        try:
            return _rows(casework.inbox(session, user.who, Filters(q=body.q), now=clock(request)))
        except ActionError as error:
            return _bad(error)


def _detail(view: casework.AppealView) -> AppealDetail:
    a = view.appeal
    return AppealDetail(
        code=a.tracking_code,
        station_id=a.station_id,
        category=a.category,
        channel=view.channel,
        state=a.state,
        text=view.text,
        name=view.name,
        mobile=view.mobile,
        deadline=view.deadline_step,
        due_on=view.due_on,
        colour=view.colour,
        assigned_deputy=view.assigned_deputy,
        department=view.department,
        actions=view.actions,
        timeline=[
            Step(state=s.state, at=s.at, actor=s.actor, note=s.note, internal_note=s.internal_note)
            for s in view.timeline
        ],
    )


@router.get("/appeals/{code}", response_model=AppealDetail)
def get_appeal(code: str, request: Request, user: CurrentUser) -> Any:
    with database(request).reader() as session:
        return _detail(casework.appeal_view(session, user.who, code, now=clock(request)))


@router.post("/appeals/{code}/reveal", response_model=AppealDetail)
def reveal_appeal(code: str, request: Request, user: CurrentUser, csrf: CsrfHeader = None) -> Any:
    """The name and mobile unmasked; recorded in the audit log."""
    check_csrf(user, csrf)
    with database(request).writer.begin() as session:
        view = casework.appeal_view(session, user.who, code, now=clock(request), reveal=True)
        return _detail(view)


@router.post("/appeals/{code}/actions", response_model=AppealDetail)
def act(code: str, body: Act, request: Request, user: CurrentUser, csrf: CsrfHeader = None) -> Any:
    check_csrf(user, csrf)
    now = clock(request)
    try:
        with database(request).writer.begin() as session:
            appeal = casework.act(session, user.who, code, body.action, body.model_dump(), now=now)
            code = appeal.tracking_code
    except ActionError as error:
        return _bad(error)
    except MoveRefused as error:
        return _bad(error, 409)
    with database(request).reader() as session:
        return _detail(casework.appeal_view(session, user.who, code, now=now))
