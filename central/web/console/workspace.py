# SPDX-License-Identifier: GPL-3.0-or-later
"""The deputy's workspace in the console (issue 14 §1), phone first: /console/my ("my items",
an appeal, appointments), /console/my/record (履职档案); for station staff and reviewers
/console/deputies (hand-over codes, lost phones) and /console/referrals (deputies' referral
proposals); /console/welcome, where a deputy uses a hand-over code and sets a password.

Only adapts: every rule is in central/services (deputy_work, referrals, sign_in_links,
duty_record). The hand-over code travels in the link's fragment (#...), which browsers never
send to a server, so no access log holds it; the page's script copies it into the form.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from central.api.deps import problem_responses
from central.core.config import CHINA_TIME
from central.services import casework, deputy_work, duty_record, referrals, registers
from central.services import sign_in_links as links
from central.services.accounts import AccountError
from central.services.casework import ActionError
from central.services.permissions import Action, require
from central.web.console.auth import (
    COOKIE_PATH,
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    ConsoleUser,
    CurrentUser,
    check_csrf,
    client_address,
    clock,
    database,
    secure_cookies,
)
from central.web.console.pages import Form, _redirect, language, render
from central.web.console.qr import qr_svg
from central.web.console.text import translator
from kiosk.domain.appeal_states import MoveRefused

router = APIRouter(prefix="/console", include_in_schema=False)


# -- My items --------------------------------------------------------------------------------


@router.get("/my", response_class=HTMLResponse)
def my_items(request: Request, user: CurrentUser) -> Response:
    with database(request).reader() as session:
        items = deputy_work.my_items(session, user.who, now=clock(request))
    done = request.query_params.get("done", "")
    _ = translator(language(request))
    notice = _("done_" + done) if done in ("answered", "taken") else ""
    return render(request, "my.html", {"items": items, "notice": notice}, user=user)


@router.post("/my/callbacks/{code}/take", response_class=HTMLResponse)
def take_callback(code: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    try:
        with database(request).writer.begin() as session:
            deputy_work.take_callback(session, user.who, code, now=clock(request))
    except ActionError as error:
        return _my_appeal(request, user, code, problem=str(error), status=409)
    return _redirect(f"/console/my/appeals/{quote(code)}")


def _my_appeal(
    request: Request,
    user: ConsoleUser,
    code: str,
    *,
    reveal: bool = False,
    problem: str = "",
    status: int = 200,
) -> Response:
    now = clock(request)
    if reveal:
        with database(request).writer.begin() as session:
            view = deputy_work.appeal_for_deputy(session, user.who, code, now=now, reveal=True)
    else:
        with database(request).reader() as session:
            view = deputy_work.appeal_for_deputy(session, user.who, code, now=now)
    done = request.query_params.get("done", "")
    _ = translator(language(request))
    notice = _("done_" + done) if done in ("reply", "propose", "note", "call") else ""
    context = {
        "d": view,
        "view": view.view,
        "a": view.view.appeal,
        "problem": problem,
        "notice": notice,
        "reply_templates": view.view.templates.get("reply", []),
    }
    return render(request, "my_appeal.html", context, user=user, status=status)


@router.get("/my/appeals/{code}", response_class=HTMLResponse)
def my_appeal(code: str, request: Request, user: CurrentUser) -> Response:
    return _my_appeal(request, user, code)


@router.post("/my/appeals/{code}/reveal", response_class=HTMLResponse)
def reveal(code: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    return _my_appeal(request, user, code, reveal=True)


@router.post("/my/appeals/{code}/{what}", response_class=HTMLResponse)
def act(code: str, what: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    now = clock(request)
    note = form.get("note", "")
    try:
        with database(request).writer.begin() as session:
            if what == "reply":
                deputy_work.reply(session, user.who, code, note, now=now)
            elif what == "propose":
                deputy_work.propose_referral(
                    session, user.who, code, form.get("department", ""), note, now=now
                )
            elif what == "note":
                deputy_work.add_note(session, user.who, code, "note", note, now=now)
            elif what == "call":
                deputy_work.record_call(
                    session, user.who, code, form.get("outcome", "called"), note, now=now
                )
            else:
                raise casework.NotFound(what)
    except (ActionError, MoveRefused) as error:
        return _my_appeal(request, user, code, problem=str(error), status=400)
    return _redirect(f"/console/my/appeals/{quote(code)}?done={what}")


@router.post("/my/appointments/{code}", response_class=HTMLResponse)
def answer_appointment(code: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    deputy_work._deputy(user.who)  # the workspace is a deputy's
    try:
        with database(request).writer.begin() as session:
            casework.answer_appointment(
                session,
                user.who,
                code,
                form.get("state", ""),
                form.get("note", "").strip(),
                now=clock(request),
            )
    except ActionError as error:
        with database(request).reader() as session:
            items = deputy_work.my_items(session, user.who, now=clock(request))
        return render(
            request, "my.html", {"items": items, "problem": str(error)}, user=user, status=400
        )
    return _redirect("/console/my?done=answered#appointments")


@router.get("/my/record", response_class=HTMLResponse)
def my_record(request: Request, user: CurrentUser) -> Response:
    this_year = clock(request).astimezone(CHINA_TIME).year
    asked = request.query_params.get("year", "")
    year = int(asked) if asked.isdigit() and 2000 <= int(asked) <= this_year else this_year
    with database(request).reader() as session:
        record = duty_record.duty_record(session, user.who, year)
    context = {"record": record, "years": list(range(this_year, this_year - 5, -1))}
    return render(request, "my_record.html", context, user=user)


@router.get("/my/record.pdf")
def my_record_pdf(request: Request, user: CurrentUser) -> Response:
    """The deputy's 履职档案 for the year, printable (central.services.registers)."""
    this_year = clock(request).astimezone(CHINA_TIME).year
    asked = request.query_params.get("year", "")
    year = int(asked) if asked.isdigit() and 2000 <= int(asked) <= this_year else this_year
    account = user.account
    with database(request).reader() as session:
        duty_record.duty_record(session, user.who, year)  # refuses anyone but a deputy
        content = registers.duty_record_register(
            session, user.who, account.station_id or "", account.deputy_id or "", year
        )
    return Response(
        content,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="duty-record-{year}.pdf"',
            "Cache-Control": "no-store",
        },
    )


# -- Referral proposals (staff, reviewers) -----------------------------------------------------


def _referrals_page(
    request: Request, user: ConsoleUser, problem: str = "", status: int = 200
) -> Response:
    with database(request).reader() as session:
        rows = referrals.pending(session, user.who)
    context = {"rows": rows, "problem": problem}
    return render(request, "referrals.html", context, user=user, status=status)


@router.get("/referrals", response_class=HTMLResponse)
def referrals_page(request: Request, user: CurrentUser) -> Response:
    return _referrals_page(request, user)


@router.post("/referrals/{number}", response_class=HTMLResponse)
def decide_referral(number: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    if not number.isdigit() or len(number) > 12:
        raise casework.NotFound(number)
    proposal = int(number)
    now = clock(request)
    try:
        with database(request).writer.begin() as session:
            if form.get("decision") == "confirm":
                referrals.confirm(session, user.who, proposal, form.get("note", ""), now=now)
            else:
                referrals.decline(session, user.who, proposal, form.get("note", ""), now=now)
    except (ActionError, MoveRefused) as error:
        return _referrals_page(request, user, problem=str(error), status=400)
    return _redirect("/console/referrals")


# -- Deputies' accounts: hand-over codes, lost phones (staff, reviewers) -----------------


def _deputies_page(
    request: Request,
    user: ConsoleUser,
    *,
    given: links.HandedOver | None = None,
    notice: str = "",
    problem: str = "",
    status: int = 200,
) -> Response:
    with database(request).reader() as session:
        rows = links.station_deputies(session, user.who, now=clock(request))
    context: dict[str, Any] = {"rows": rows, "given": given, "notice": notice, "problem": problem}
    if given is not None:
        base = request.app.state.public_url or str(request.base_url).rstrip("/")
        url = f"{base}/console/welcome#{given.code}"
        context |= {"link": url, "qr": qr_svg(url), "shown_code": links.display_code(given.code)}
    return render(request, "deputies.html", context, user=user, status=status)


@router.get("/deputies", response_class=HTMLResponse)
def deputies_page(request: Request, user: CurrentUser) -> Response:
    require(user.account, Action.HAND_OVER)
    return _deputies_page(request, user)


@router.post("/deputies/{what}", response_class=HTMLResponse)
def deputy_account(what: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    require(user.account, Action.HAND_OVER)
    _ = translator(language(request))
    station, deputy = form.get("station", ""), form.get("deputy", "")
    now = clock(request)
    if what not in ("hand-over", "disable"):
        raise casework.NotFound(what)
    given = None
    try:
        with database(request).writer.begin() as session:
            if what == "hand-over":
                given = links.hand_over(session, user.who, station, deputy, now=now)
            else:
                links.disable_deputy(session, user.who, station, deputy, now=now)
    except links.HandOverError as error:
        return _deputies_page(request, user, problem=str(error), status=400)
    # The list is read after the change is committed, so it shows the new state.
    if given is not None:
        return _deputies_page(request, user, given=given)
    return _deputies_page(request, user, notice=_("deputy_disabled"))


# -- Welcome: a deputy uses a hand-over code ----------------------------------------------


def _welcome(request: Request, problem: str = "", status: int = 200) -> Response:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(24)
    context = {"login_csrf": token, "problem": problem}
    response = render(request, "welcome.html", context, status=status)
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=secure_cookies(request),
        path=COOKIE_PATH,
    )
    return response


@router.get("/welcome", response_class=HTMLResponse)
def welcome_page(request: Request) -> Response:
    return _welcome(request)


@router.post("/welcome", response_class=HTMLResponse)
def welcome(request: Request, form: Form) -> Response:
    _ = translator(language(request))
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not hmac.compare_digest(form.get("csrf", ""), cookie):
        return _welcome(request, _("expired_form"), 403)
    if form.get("password", "") != form.get("again", ""):
        return _welcome(request, _("passwords_differ"), 400)
    now = clock(request)
    refused: links.CodeRefused | None = None
    # A refusal is kept (the count of wrong codes, the audit line): caught inside. A password
    # that will not do changes nothing (the code stays usable): rolled back.
    try:
        with database(request).writer.begin() as session:
            try:
                _account, opened = links.redeem(
                    session,
                    form.get("code", ""),
                    form.get("password", ""),
                    now=now,
                    address=client_address(request),
                )
            except links.CodeRefused as error:
                refused = error
    except AccountError as error:
        return _welcome(request, str(error), 400)
    if refused is not None:
        if refused.locked_until:
            until = refused.locked_until.astimezone(CHINA_TIME).strftime("%H:%M")
            return _welcome(request, _("code_locked", until=until), 403)
        return _welcome(request, _("code_wrong"), 403)
    response = _redirect("/console/my")
    response.set_cookie(
        SESSION_COOKIE,
        opened.token,
        httponly=True,
        samesite="strict",
        secure=secure_cookies(request),
        path=COOKIE_PATH,
    )
    return response


# -- The same for scripts: /console/api/my ----------------------------------------------------

api_router = APIRouter(
    prefix="/console/api", tags=["console"], responses=problem_responses(401, 403)
)


class MyItem(BaseModel):
    code: str
    why: str = Field(description="assigned | addressed | callback")
    category: str
    state: str
    received: datetime
    due_on: date | None
    colour: str


class MyItemsAnswer(BaseModel):
    waiting: int = Field(description="items waiting for the deputy's answer")
    overdue: int
    due_soon: int
    appeals: list[MyItem]
    callbacks: list[MyItem]


@api_router.get("/my", response_model=MyItemsAnswer)
def my_items_api(request: Request, user: CurrentUser) -> MyItemsAnswer:
    """A deputy's items (as /console/my); replies go through POST /console/api/appeals/{code}/
    actions with {"action": "reply", "note"}. 403 for other roles."""
    with database(request).reader() as session:
        items = deputy_work.my_items(session, user.who, now=clock(request))

    def item(r: deputy_work.MyAppeal) -> MyItem:
        return MyItem(
            code=r.code,
            why=r.why,
            category=r.category,
            state=r.state,
            received=r.received,
            due_on=r.due_on,
            colour=r.colour,
        )

    return MyItemsAnswer(
        waiting=items.waiting,
        overdue=items.overdue,
        due_soon=items.due_soon,
        appeals=[item(r) for r in items.appeals],
        callbacks=[item(r) for r in items.callbacks],
    )
