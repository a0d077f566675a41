# SPDX-License-Identifier: GPL-3.0-or-later
"""A station's notices and rules (制度) over JSON under /console/api/stations/{id}/ (issue 15
§1): the console's sign-in (POST /console/api/login) and its CSRF rule (every change sends
X-CSRF-Token), the same permission (publish) and services as /console/stations. Refusals
come back in the console's words (Chinese, or English with ?lang=en) with the field to fix."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from central.api.deps import problem_responses
from central.services import publishing
from central.services.publishing import (
    NoSuchStation,
    NoticeInput,
    PublishRefused,
    StationNotice,
    china_today,
)
from central.web.console.auth import CurrentUser, check_csrf, clock, database
from central.web.console.publish_pages import refusal_text

router = APIRouter(
    prefix="/console/api/stations/{station_id}",
    tags=["console"],
    responses=problem_responses(400, 401, 403, 404),
)
CsrfHeader = Annotated[str | None, Header(alias="X-CSRF-Token")]


class RuleBody(BaseModel):
    title: str = Field(max_length=1000)
    body: str = Field(max_length=100_000)


class RuleOut(RuleBody):
    id: str


class Rules(BaseModel):
    rules: list[RuleOut] = Field(description="in the order the wall (and the kiosk) shows them")


class NoticeBody(BaseModel):
    title: str = Field(max_length=1000)
    body: str = Field(max_length=100_000)
    shown_from: str = Field(max_length=20, description="YYYY-MM-DD, the first day shown")
    shown_until: str = Field("", max_length=20, description="YYYY-MM-DD or empty: until removed")


class NoticeOut(BaseModel):
    id: str
    title: str
    body: str
    shown_from: date
    shown_until: date | None
    state: str = Field(description="showing | waiting (its window has not begun) | ended")


class Notices(BaseModel):
    notices: list[NoticeOut]


def _refused(request: Request, refused: PublishRefused) -> JSONResponse:
    status = 404 if refused.key in ("rule_gone", "notice_gone") else 400
    return JSONResponse({"detail": refusal_text(request, refused), "field": refused.field}, status)


def _missing(station_id: str) -> JSONResponse:
    return JSONResponse({"detail": f"No station {station_id} to publish for."}, 404)


def _notice(notice: StationNotice, today: date) -> NoticeOut:
    return NoticeOut(
        id=notice.id,
        title=notice.title,
        body=notice.body,
        shown_from=notice.shown_from,
        shown_until=notice.shown_until,
        state=notice.state_on(today),
    )


@router.get("/rules", response_model=Rules)
def list_rules(station_id: str, request: Request, user: CurrentUser) -> Any:
    try:
        with database(request).reader() as session:
            station = publishing.editable_station(session, user.who, station_id)
            rules = publishing.rules_of(station)
    except NoSuchStation:
        return _missing(station_id)
    return Rules(rules=[RuleOut(id=r.id, title=r.title, body=r.body) for r in rules])


@router.post("/rules", response_model=RuleOut, status_code=201)
def add_rule(
    station_id: str, body: RuleBody, request: Request, user: CurrentUser, csrf: CsrfHeader = None
) -> Any:
    check_csrf(user, csrf)
    try:
        with database(request).writer.begin() as session:
            rule = publishing.add_rule(
                session, user.who, station_id, body.title, body.body, now=clock(request)
            )
    except NoSuchStation:
        return _missing(station_id)
    except PublishRefused as refused:
        return _refused(request, refused)
    return RuleOut(id=rule.id, title=rule.title, body=rule.body)


@router.put("/rules/{rule_id}", response_model=RuleOut)
def edit_rule(
    station_id: str,
    rule_id: str,
    body: RuleBody,
    request: Request,
    user: CurrentUser,
    csrf: CsrfHeader = None,
) -> Any:
    check_csrf(user, csrf)
    try:
        with database(request).writer.begin() as session:
            rule = publishing.edit_rule(
                session, user.who, station_id, rule_id, body.title, body.body, now=clock(request)
            )
    except NoSuchStation:
        return _missing(station_id)
    except PublishRefused as refused:
        return _refused(request, refused)
    return RuleOut(id=rule.id, title=rule.title, body=rule.body)


@router.delete("/rules/{rule_id}", status_code=204, response_class=Response, response_model=None)
def delete_rule(
    station_id: str, rule_id: str, request: Request, user: CurrentUser, csrf: CsrfHeader = None
) -> Any:
    check_csrf(user, csrf)
    try:
        with database(request).writer.begin() as session:
            publishing.delete_rule(session, user.who, station_id, rule_id, now=clock(request))
    except NoSuchStation:
        return _missing(station_id)
    except PublishRefused as refused:
        return _refused(request, refused)
    return Response(status_code=204)


@router.get("/notices", response_model=Notices)
def list_notices(station_id: str, request: Request, user: CurrentUser) -> Any:
    today = china_today(clock(request))
    try:
        with database(request).reader() as session:
            station = publishing.editable_station(session, user.who, station_id)
            notices = publishing.notices_of(station)
    except NoSuchStation:
        return _missing(station_id)
    return Notices(notices=[_notice(n, today) for n in notices])


def _typed(body: NoticeBody) -> NoticeInput:
    return NoticeInput(body.title, body.body, body.shown_from, body.shown_until)


@router.post("/notices", response_model=NoticeOut, status_code=201)
def add_notice(
    station_id: str, body: NoticeBody, request: Request, user: CurrentUser, csrf: CsrfHeader = None
) -> Any:
    check_csrf(user, csrf)
    now = clock(request)
    try:
        with database(request).writer.begin() as session:
            notice = publishing.add_notice(session, user.who, station_id, _typed(body), now=now)
    except NoSuchStation:
        return _missing(station_id)
    except PublishRefused as refused:
        return _refused(request, refused)
    return _notice(notice, china_today(now))


@router.put("/notices/{notice_id}", response_model=NoticeOut)
def edit_notice(
    station_id: str,
    notice_id: str,
    body: NoticeBody,
    request: Request,
    user: CurrentUser,
    csrf: CsrfHeader = None,
) -> Any:
    check_csrf(user, csrf)
    now = clock(request)
    try:
        with database(request).writer.begin() as session:
            notice = publishing.edit_notice(
                session, user.who, station_id, notice_id, _typed(body), now=now
            )
    except NoSuchStation:
        return _missing(station_id)
    except PublishRefused as refused:
        return _refused(request, refused)
    return _notice(notice, china_today(now))


@router.delete(
    "/notices/{notice_id}", status_code=204, response_class=Response, response_model=None
)
def delete_notice(
    station_id: str, notice_id: str, request: Request, user: CurrentUser, csrf: CsrfHeader = None
) -> Any:
    check_csrf(user, csrf)
    try:
        with database(request).writer.begin() as session:
            publishing.delete_notice(session, user.who, station_id, notice_id, now=clock(request))
    except NoSuchStation:
        return _missing(station_id)
    except PublishRefused as refused:
        return _refused(request, refused)
    return Response(status_code=204)
