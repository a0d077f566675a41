# SPDX-License-Identifier: GPL-3.0-or-later
"""The staff console's pages at /console/ (DESIGN.md §12): server-rendered HTML over the same
services as the JSON API and the command line. Only adapts: every rule is in the services.

Personal data never travels in a URL (searching by mobile is a POST), so access logs hold
none; every change carries the session's CSRF token.
"""

from __future__ import annotations

import hmac
import re
import secrets
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import jinja2
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy import select

from central.core.config import CHINA_TIME
from central.models import Category, Deputy, Station
from central.services import accounts, audit, casework, deputy_work, regions
from central.services.accounts import AccountError, LoginRefused, NewAccount
from central.services.casework import ActionError, Filters, NotFound
from central.services.permissions import Action, Refused, Role, allowed, require, scope_of
from central.web.console.auth import (
    COOKIE_PATH,
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    ConsoleUser,
    CsrfFailed,
    CurrentUser,
    LoginNeeded,
    PasswordChangeNeeded,
    PasswordUser,
    check_csrf,
    client_address,
    clock,
    database,
    secure_cookies,
)
from central.web.console.text import translator
from central.web.phone.text import DEFAULT_LANGUAGE, LANGUAGES
from kiosk.domain.appeal_states import OPEN_STATES, AppealState, MoveRefused
from kiosk.domain.tracking import display

router = APIRouter(prefix="/console", include_in_schema=False)
HERE = Path(__file__).resolve().parent
TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
LANGUAGE_COOKIE = "lang"
MAX_FORM_BYTES = 32_000
LONGEST_CHOICE = 60
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def install(app: FastAPI) -> None:
    from central.web.console import api

    app.include_router(router)
    app.include_router(api.router)

    @app.exception_handler(LoginNeeded)
    def login_needed(request: Request, _: LoginNeeded) -> Response:
        if request.url.path.startswith("/console/api/"):
            return JSONResponse({"detail": "Sign in first (POST /console/api/login)."}, 401)
        return RedirectResponse("/console/login", 303)

    @app.exception_handler(PasswordChangeNeeded)
    def password_needed(request: Request, _: PasswordChangeNeeded) -> Response:
        if request.url.path.startswith("/console/api/"):
            return JSONResponse({"detail": "Change the one-time password first."}, 403)
        return RedirectResponse("/console/password", 303)

    @app.exception_handler(CsrfFailed)
    def csrf_failed(request: Request, _: CsrfFailed) -> Response:
        if request.url.path.startswith("/console/api/"):
            return JSONResponse({"detail": "Missing or wrong X-CSRF-Token."}, 403)
        return _message_page(request, "expired_form", 403)

    @app.exception_handler(Refused)
    def refused(request: Request, error: Refused) -> Response:
        if request.url.path.startswith("/console/api/"):
            return JSONResponse({"detail": f"Refused: {error}."}, 403)
        return _message_page(request, "forbidden", 403)

    @app.exception_handler(NotFound)
    def not_found(request: Request, _: NotFound) -> Response:
        if request.url.path.startswith("/console/api/"):
            return JSONResponse({"detail": "No such appeal."}, 404)
        return _message_page(request, "not_found_console", 404)


def language(request: Request) -> str:
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked
    cookie = request.cookies.get(LANGUAGE_COOKIE)
    return cookie if cookie in LANGUAGES else DEFAULT_LANGUAGE


def moment(value: datetime | None) -> str:
    return value.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M") if value else ""


# The console's pages in the menus of its header (诉求 / 发布 / 统计 / 设备 / 账户), so the
# admin's 18 links fit one line at 1366 px; a menu with one page for a role is a plain link.
NAV_GROUPS: tuple[tuple[str, tuple[tuple[str, str, Action], ...]], ...] = (
    (
        "nav_appeals",
        (
            ("/console/", "inbox", Action.SEE_APPEALS),
            ("/console/appointments", "appointments", Action.APPOINTMENTS),
            ("/console/overdue", "overdue", Action.OVERDUE),
            ("/console/referrals", "referrals", Action.CONFIRM_REFERRAL),
        ),
    ),
    (
        "nav_publish",
        (
            ("/console/stations", "publishing", Action.PUBLISH),
            ("/console/rosters", "rosters", Action.ROSTERS),
            ("/console/schedules", "schedules", Action.SCHEDULES),
            ("/console/pins", "pins", Action.DEPUTY_PINS),
            ("/console/categories", "categories_page", Action.CATEGORIES),
            ("/console/departments", "departments", Action.DEPARTMENTS),
            ("/console/holidays", "holidays", Action.HOLIDAYS),
        ),
    ),
    ("nav_figures", (("/console/figures", "figures", Action.FIGURES),)),
    ("nav_devices", (("/console/fleet", "fleet", Action.FLEET),)),
    (
        "nav_accounts",
        (
            ("/console/deputies", "deputy_accounts", Action.HAND_OVER),
            ("/console/accounts", "accounts", Action.ACCOUNTS),
            ("/console/notifications", "notifications", Action.NOTIFICATIONS),
            ("/console/audit", "audit", Action.AUDIT),
            ("/console/privacy", "data_rights", Action.DATA_RIGHTS),
        ),
    ),
)
# The deputy's workspace (issue 14 §1): two pages, side by side.
DEPUTY_NAV = (
    ("", (("/console/my", "my_items", Action.SEE_APPEALS),)),
    ("", (("/console/my/record", "duty_record", Action.SEE_APPEALS),)),
)


def _navigation(request: Request, user: ConsoleUser, _: Any) -> list[dict[str, Any]]:
    """The header's menus for the account's role: only the pages it may open."""
    role = user.account.role
    groups = DEPUTY_NAV if role == Role.DEPUTY else NAV_GROUPS
    nav = []
    for key, pages in groups:
        links = [
            {
                "path": path,
                "label": _(label),
                "here": request.url.path == path,
                "id": "nav-" + (path.strip("/").split("/")[-1] or "inbox"),
            }
            for path, label, action in pages
            if allowed(role, action)
        ]
        if links:
            here = any(link["here"] for link in links)
            nav.append({"key": key, "label": _(key) if key else "", "links": links, "here": here})
    return nav


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    user: ConsoleUser | None = None,
    status: int = 200,
) -> HTMLResponse:
    lang = language(request)
    _ = translator(lang)
    other = "en" if lang == "zh" else "zh"
    nav = _navigation(request, user, _) if user is not None else []
    context = {
        "_": _,
        "lang": lang,
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "switch_url": f"{request.url.path}?lang={other}",
        "user": user,
        "nav": nav,
        "csrf": user.csrf if user else "",
        "display": display,
        "moment": moment,
        **context,
    }
    body = TEMPLATES.get_template(template).render(context)
    response = HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE,
            lang,
            max_age=365 * 86400,
            samesite="lax",
            path="/",
            secure=secure_cookies(request),
        )
    return response


def _message_page(request: Request, key: str, status: int) -> HTMLResponse:
    return render(request, "message.html", {"message": key}, status=status)


async def form_data(request: Request) -> dict[str, str]:
    if int(request.headers.get("content-length") or 0) > MAX_FORM_BYTES:
        raise HTTPException(413, "Too large")
    form = await request.form(max_files=0, max_fields=50)
    return {key: value for key, value in form.items() if isinstance(value, str)}


Form = Annotated[dict[str, str], Depends(form_data)]


def _redirect(path: str) -> RedirectResponse:
    return RedirectResponse(path, 303)


# -- Signing in ------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(24)
    response = render(request, "login.html", {"login_csrf": token, "problem": ""})
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=secure_cookies(request),
        path=COOKIE_PATH,
    )
    return response


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, form: Form) -> Response:
    _ = translator(language(request))
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not hmac.compare_digest(form.get("csrf", ""), cookie):
        return render(
            request, "login.html", {"login_csrf": cookie, "problem": _("expired_form")}, status=403
        )
    now = clock(request)
    address = client_address(request)
    refused: LoginRefused | None = None
    # The refusal is caught inside the transaction: the count of failures and the audit
    # line must be kept too.
    with database(request).writer.begin() as session:
        try:
            account = accounts.authenticate(
                session, form.get("login", ""), form.get("password", ""), now=now, address=address
            )
        except LoginRefused as error:
            refused = error
        else:
            opened = accounts.open_session(session, account, now=now, address=address)
            must_change = account.must_change_password
    if refused is not None:
        problem = (
            _("locked_login", until=refused.locked_until.astimezone(CHINA_TIME).strftime("%H:%M"))
            if refused.locked_until
            else _("wrong_login")
        )
        context = {"login_csrf": cookie, "problem": problem, "login": form.get("login", "")}
        return render(request, "login.html", context, status=403)
    response = _redirect("/console/password" if must_change else "/console/")
    response.set_cookie(
        SESSION_COOKIE,
        opened.token,
        httponly=True,
        samesite="strict",
        secure=secure_cookies(request),
        path=COOKIE_PATH,
    )
    return response


@router.post("/logout")
def logout(request: Request, user: PasswordUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    with database(request).writer.begin() as session:
        accounts.close_session(session, user.token, now=clock(request), who=user.who)
    response = _redirect("/console/login")
    response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH)
    return response


@router.get("/password", response_class=HTMLResponse)
def password_page(request: Request, user: PasswordUser) -> Response:
    return render(request, "password.html", {"problem": "", "notice": ""}, user=user)


@router.post("/password", response_class=HTMLResponse)
def change_password(request: Request, user: PasswordUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    try:
        with database(request).writer.begin() as session:
            account = session.get(type(user.account), user.account.id)
            assert account is not None
            accounts.change_password(
                session,
                account,
                form.get("old", ""),
                form.get("new", ""),
                now=clock(request),
                address=user.address,
            )
    except AccountError as error:
        return render(request, "password.html", {"problem": str(error)}, user=user, status=400)
    return _redirect("/console/")


# -- The inbox -------------------------------------------------------------------------------


def _inbox(
    request: Request, user: ConsoleUser, params: dict[str, str], status: int = 200
) -> Response:
    filters = Filters.parse(params)
    problem = ""
    page = casework.InboxPage([], "")
    with database(request).reader() as session:
        try:
            page = casework.inbox(session, user.who, filters, now=clock(request))
        except ActionError as error:
            problem, status = str(error), 400
        choices = _filter_choices(session, user)
    next_url = ""
    if page.next_cursor and not filters.q:  # a search's terms stay out of URLs
        next_url = "/console/?" + filters.query_string(cursor=page.next_cursor)
    context = {
        "filters": filters,
        "active_filters": filters.count_set(),
        "rows": page.rows,
        "next_url": next_url,
        "problem": problem,
        "states": [s.value for s in AppealState],
        "open_states": [s.value for s in OPEN_STATES],
        "personal": allowed(user.account.role, Action.SEE_PERSONAL),
        **choices,
    }
    return render(request, "inbox.html", context, user=user, status=status)


def _filter_choices(session: Any, user: ConsoleUser) -> dict[str, Any]:
    scope = scope_of(session, user.account)
    stations = select(Station.id, Station.name).order_by(Station.name)
    if scope.station_ids is not None:
        stations = stations.where(Station.id.in_(sorted(scope.station_ids)))
    # Long lists become a text field (an id): a select of hundreds helps nobody and costs
    # more to render than the query behind the page.
    station_rows = session.execute(stations.limit(LONGEST_CHOICE + 1)).all()
    deputies = select(Deputy.deputy_id, Deputy.name).distinct().order_by(Deputy.name)
    if scope.station_ids is not None:
        deputies = deputies.where(Deputy.station_id.in_(sorted(scope.station_ids)))
    deputy_rows = session.execute(deputies.limit(LONGEST_CHOICE + 1)).all()
    return {
        "stations": station_rows if len(station_rows) <= LONGEST_CHOICE else None,
        "deputies": deputy_rows if len(deputy_rows) <= LONGEST_CHOICE else None,
        "categories": list(session.scalars(select(Category.name).order_by(Category.position))),
        "regions": [
            (n.region.id, "　" * n.depth + n.region.name) for n in regions.region_tree(session)
        ],
    }


@router.get("/", response_class=HTMLResponse)
def inbox_page(request: Request, user: CurrentUser) -> Response:
    if user.account.role == Role.DEPUTY:
        return _redirect("/console/my")
    if not allowed(user.account.role, Action.SEE_APPEALS) and allowed(
        user.account.role, Action.FLEET
    ):
        return _redirect("/console/fleet")  # a technician's start page: the kiosks
    return _inbox(request, user, dict(request.query_params))


@router.post("/", response_class=HTMLResponse)
def inbox_search(request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    return _inbox(request, user, form)


# -- An appeal -------------------------------------------------------------------------------


def _appeal(
    request: Request,
    user: ConsoleUser,
    code: str,
    *,
    reveal: bool = False,
    problem: str = "",
    notice: str = "",
    status: int = 200,
) -> Response:
    now = clock(request)
    if reveal:
        with database(request).writer.begin() as session:
            view = casework.appeal_view(session, user.who, code, now=now, reveal=True)
            notes, proposals = deputy_work.notes_for_staff(session, user.who, view.appeal)
    else:
        with database(request).reader() as session:
            view = casework.appeal_view(session, user.who, code, now=now)
            notes, proposals = deputy_work.notes_for_staff(session, user.who, view.appeal)
    context = {
        "view": view,
        "a": view.appeal,
        "problem": problem,
        "notice": notice,
        # The deputy's internal notes, calls and referral proposals (issue 14 §1).
        "notes": notes,
        "proposals": proposals,
    }
    return render(request, "appeal.html", context, user=user, status=status)


@router.get("/appeals/{code}", response_class=HTMLResponse)
def appeal_page(code: str, request: Request, user: CurrentUser) -> Response:
    if user.account.role == Role.DEPUTY:
        return _redirect(f"/console/my/appeals/{quote(code)}")
    return _appeal(request, user, code)


@router.post("/appeals/{code}/reveal", response_class=HTMLResponse)
def reveal(code: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    return _appeal(request, user, code, reveal=True)


@router.post("/appeals/{code}/act", response_class=HTMLResponse)
def act(code: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    action = form.get("action", "")
    _ = translator(language(request))
    try:
        with database(request).writer.begin() as session:
            appeal = casework.act(session, user.who, code, action, form, now=clock(request))
            code = appeal.tracking_code
    except (ActionError, MoveRefused) as error:
        return _appeal(request, user, code, problem=str(error), status=400)
    return _redirect(f"/console/appeals/{code}?done={quote(action)}")


@router.post("/appeals/{code}/callback", response_class=HTMLResponse)
def callback(code: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    try:
        with database(request).writer.begin() as session:
            casework.record_callback(
                session,
                user.who,
                code,
                form.get("outcome", ""),
                form.get("note", "").strip(),
                now=clock(request),
            )
    except ActionError as error:
        return _appeal(request, user, code, problem=str(error), status=400)
    return _redirect(f"/console/appeals/{code}")


# -- Appointments, overdue board, audit log --------------------------------------------------


@router.get("/appointments", response_class=HTMLResponse)
def appointments_page(request: Request, user: CurrentUser) -> Response:
    return _appointments(request, user)


@router.post("/appointments/{code}/reveal", response_class=HTMLResponse)
def reveal_appointment(code: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    with database(request).writer.begin() as session:
        shown = casework.reveal_appointment(session, user.who, code, now=clock(request))
    return _appointments(request, user, shown={code: shown})


def _appointments(
    request: Request, user: ConsoleUser, *, shown: dict[str, tuple[str, str]] | None = None
) -> Response:
    today = clock(request).astimezone(CHINA_TIME).date()
    try:
        since = date.fromisoformat(request.query_params.get("since", "") or today.isoformat())
    except ValueError:
        since = today
    deputy = request.query_params.get("deputy", "")
    with database(request).reader() as session:
        rows = casework.appointments(session, user.who, since=since, deputy=deputy)
    context = {
        "rows": rows,
        "since": since,
        "deputy": deputy,
        "problem": "",
        "shown": shown or {},
        "can_reveal": allowed(user.account.role, Action.SEE_PERSONAL),
    }
    return render(request, "appointments.html", context, user=user)


@router.post("/appointments/{code}", response_class=HTMLResponse)
def answer_appointment(code: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
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
    except ActionError:
        pass  # the list shows the state as it is; nothing changed
    return _redirect("/console/appointments")


@router.get("/overdue", response_class=HTMLResponse)
def overdue_page(request: Request, user: CurrentUser) -> Response:
    with database(request).reader() as session:
        board = casework.overdue_board(session, user.who, now=clock(request))
    return render(request, "overdue.html", {"board": board}, user=user)


def _audit_filters(request: Request) -> dict[str, Any]:
    params = request.query_params
    out: dict[str, Any] = {
        "login": params.get("login", "").strip(),
        "action": params.get("action", "").strip(),
        "target": params.get("target", "").strip(),
    }
    for key, shift in (("since", 0), ("until", 1)):
        try:
            day = date.fromisoformat(params.get(key, ""))
            out[key] = datetime.combine(
                day + timedelta(days=shift), datetime.min.time(), CHINA_TIME
            )
        except ValueError:
            out[key] = None
    return out


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, user: CurrentUser) -> Response:
    require(user.account, Action.AUDIT)
    filters = _audit_filters(request)
    before = request.query_params.get("before", "")
    with database(request).reader() as session:
        entries = audit.search(
            session,
            **filters,
            before_id=int(before) if re.fullmatch(r"[0-9]{1,18}", before) else None,
        )
    older = ""
    if len(entries) == audit.PAGE:
        query = {k: v for k, v in request.query_params.items() if k != "before"}
        older = "/console/audit?" + "&".join(f"{k}={quote(v)}" for k, v in query.items())
        older += f"{'&' if query else ''}before={entries[-1].id}"
    context = {
        "entries": entries,
        "params": request.query_params,
        "query": str(request.query_params),
        "older": older,
    }
    return render(request, "audit.html", context, user=user)


@router.get("/audit.csv")
def audit_csv(request: Request, user: CurrentUser) -> Response:
    require(user.account, Action.AUDIT)
    now = clock(request)
    with database(request).writer.begin() as session:
        entries = audit.search(session, **_audit_filters(request), limit=100_000)
        audit.record(session, user.who, "audit.export", "", f"{len(entries)} lines", now=now)
    return Response(
        "\ufeff" + audit.as_csv(entries),  # the BOM: spreadsheets then read it as UTF-8
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="audit.csv"',
            "Cache-Control": "no-store",
        },
    )


# -- Accounts and departments (admins) --------------------------------------------------------


def _accounts_page(
    request: Request, user: ConsoleUser, notice: str = "", problem: str = "", status: int = 200
) -> Response:
    require(user.account, Action.ACCOUNTS)
    with database(request).reader() as session:
        context = {
            "accounts": accounts.list_accounts(session),
            "roles": [r.value for r in Role],
            **_filter_choices(session, user),
            # Every station: an admin page, seldom opened, may list them all.
            "stations": session.execute(
                select(Station.id, Station.name).order_by(Station.name)
            ).all(),
            "notice": notice,
            "problem": problem,
        }
    return render(request, "accounts.html", context, user=user, status=status)


@router.get("/accounts", response_class=HTMLResponse)
def accounts_page(request: Request, user: CurrentUser) -> Response:
    return _accounts_page(request, user)


@router.post("/accounts", response_class=HTMLResponse)
def create_account(request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    require(user.account, Action.ACCOUNTS)
    _ = translator(language(request))
    scope = form.get("scope", "")
    kind, _sep, value = scope.partition(":")
    password = accounts.new_password()
    try:
        new = NewAccount(
            login=form.get("login", ""),
            display_name=form.get("display_name", ""),
            role=form.get("role", ""),
            mobile=form.get("mobile", ""),
            region_id=int(value)
            if kind == "region" and re.fullmatch(r"[0-9]{1,9}", value)
            else None,
            station_id=value if kind == "station" else None,
            deputy_id=form.get("deputy_id", "").strip() or None,
        )
        with database(request).writer.begin() as session:
            account = accounts.create_account(
                session, new, password, now=clock(request), who=user.who
            )
            login_name = account.login
    except AccountError as error:
        return _accounts_page(request, user, problem=str(error), status=400)
    notice = _("one_time_password", login=login_name, password=password)
    return _accounts_page(request, user, notice=notice)


@router.post("/accounts/{login}/{what}", response_class=HTMLResponse)
def change_account(
    login: str, what: str, request: Request, user: CurrentUser, form: Form
) -> Response:
    check_csrf(user, form.get("csrf"))
    require(user.account, Action.ACCOUNTS)
    _ = translator(language(request))
    password = accounts.new_password()
    with database(request).writer.begin() as session:
        account = accounts.find_account(session, login)
        if account is None:
            raise NotFound(login)
        if what == "disable":
            accounts.disable_account(session, account, now=clock(request), who=user.who)
            notice = f"{login}: {_('disabled')}"
        elif what == "reset":
            accounts.reset_password(session, account, password, now=clock(request), who=user.who)
            notice = _("one_time_password", login=login, password=password)
        else:
            raise NotFound(what)
    return _accounts_page(request, user, notice=notice)


# The departments page: central/web/console/department_pages.py (issue 15 §1).


@router.get("/static/console.js")
def script() -> Response:
    return Response(
        (HERE / "console.js").read_text(),
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
    )
