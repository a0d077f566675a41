# SPDX-License-Identifier: GPL-3.0-or-later
"""The pages a phone opens from a QR code (docs/phone-pages.md): a deputy's page with a
message form (/d/<deputy_id>), appointments (/a/<station_id>) and progress (/p/<code>).

Plain server-rendered HTML; no script. Personal data travels only in POST bodies, never in a
URL or a log line. Every form carries a CSRF token (double-submit cookie).
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import re
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from central.api.deps import DatabaseDep
from central.core.config import (
    ADDRESS_WINDOW_SECONDS,
    CHINA_TIME,
    MOBILE_CEILING,
    MOBILE_WINDOW_SECONDS,
    REPEAT_MINUTES,
    Settings,
)
from central.core.db import Database
from central.models import Appeal, Deputy, Photo, Station
from central.services import phone
from central.services.appeals import AppealState, Rating, appeal_deadline, holiday_table
from central.services.guards import (
    AccessSigner,
    LookupLockout,
    RateLimiter,
    SentCodes,
    csrf_ok,
    new_csrf_token,
)
from central.web.phone.text import (
    DEFAULT_LANGUAGE,
    PAGE_LANGUAGES,
    TEXT,
    TRADITIONAL,
    translator,
)
from kiosk.domain.deadlines import colour
from kiosk.domain.mobile import last_four
from kiosk.domain.tracking import display

router = APIRouter(include_in_schema=False)
TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parents[1] / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
CSRF_COOKIE = "csrf"
LANGUAGE_COOKIE = "lang"
SENT_COOKIE = "sent"
MAX_FORM_BYTES = 32_000
# No script at all; inline style only; forms post only here; no framing; no referrer leaks
# the code in a URL to another site.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}
PHOTO_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "svg": "image/svg+xml",
}


class Guards:
    """The server's page guards: per-address and per-mobile limits, rating access."""

    def __init__(self, settings: Settings, secret: bytes, sessions: sessionmaker[Session]) -> None:
        # Counted in the database by default: shared by every server process (guards.py).
        limiter = partial(RateLimiter, storage=settings.rate_limit_storage, sessions=sessions)
        self.forms = limiter("forms", settings.address_limit, ADDRESS_WINDOW_SECONDS)
        # Lookups are cheaper for a visitor to repeat (typos), so a wider allowance.
        self.lookups = limiter("lookups", settings.address_limit * 3, ADDRESS_WINDOW_SECONDS)
        # A mobile's allowance is per (address, mobile): whoever knows a number cannot use up
        # its owner's. A ceiling per number alone, MOBILE_CEILING times higher, still stops
        # one number being flooded from many addresses.
        self.mobiles = limiter("mobile", settings.mobile_limit, MOBILE_WINDOW_SECONDS)
        self.mobiles_all = limiter(
            "mobile-all", settings.mobile_limit * MOBILE_CEILING, MOBILE_WINDOW_SECONDS
        )
        self.access = AccessSigner(secret)
        self.sent = SentCodes(secret)


def install(app: FastAPI, settings: Settings) -> None:
    # A key derived from the server's private key: stable across restarts and workers.
    secret = hmac.new(bytes(app.state.server_key), b"phone pages", hashlib.sha256).digest()
    app.state.guards = Guards(settings, secret, app.state.database.writer)
    app.include_router(router)


def _guards(request: Request) -> Guards:
    guards: Guards = request.app.state.guards
    return guards


async def form_data(request: Request) -> dict[str, str]:
    """The posted form's text fields (files ignored), refused when unreasonably large."""
    if int(request.headers.get("content-length") or 0) > MAX_FORM_BYTES:
        raise HTTPException(413, "Too large")
    form = await request.form(max_files=0, max_fields=50)
    return {key: value for key, value in form.items() if isinstance(value, str)}


Form = Annotated[dict[str, str], Depends(form_data)]


# Browsers set to these read Traditional characters (Taiwan, Hong Kong, Macao): 繁體 first.
TRADITIONAL_TAGS = ("zh-tw", "zh-hk", "zh-mo", "zh-hant")
# The switch on every page names each language in itself.
LANGUAGE_NAMES = {"zh": ("简", "zh-CN"), TRADITIONAL: ("繁", "zh-TW"), "en": ("EN", "en")}


def _language(request: Request) -> str:
    """?lang= (kept in a cookie), else the cookie, else the browser's first Chinese."""
    asked = request.query_params.get("lang")
    if asked in PAGE_LANGUAGES:
        return asked
    cookie = request.cookies.get(LANGUAGE_COOKIE)
    if cookie in PAGE_LANGUAGES:
        return cookie
    for tag in request.headers.get("accept-language", "").lower().split(","):
        tag = tag.split(";")[0].strip()
        if tag.startswith(TRADITIONAL_TAGS):
            return TRADITIONAL
        if tag.startswith("zh"):
            return "zh"
    return DEFAULT_LANGUAGE


def _secure(request: Request) -> bool:
    """Cookies only over HTTPS: behind a TLS proxy (serve --behind-tls-proxy) or on HTTPS."""
    return request.app.state.settings.secure_cookies or request.url.scheme == "https"


def _browser(request: Request) -> str:
    """This browser's own random token (its CSRF cookie): what a rating access is bound to."""
    return request.cookies.get(CSRF_COOKIE) or ""


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    """A page in the visitor's language, with a CSRF token for its forms."""
    language = _language(request)
    token = request.cookies.get(CSRF_COOKIE) or new_csrf_token()
    _ = translator(language)
    here = context.get("switch_path") or request.url.path
    problem = context.get("problem")
    if problem in TEXT:  # a message key; already-filled messages come as text
        context = context | {"problem": _(problem)}
    context = {
        "_": _,
        "lang": language,
        "html_lang": LANGUAGE_NAMES[language][1],
        # 简 / 繁 / EN on every page; a page answering a POST switches on the page the
        # visitor can reload (GET).
        "languages": [
            (code, name, tag, f"{here}?lang={code}", code == language)
            for code, (name, tag) in LANGUAGE_NAMES.items()
        ],
        "chinese": language != "en",
        "csrf": token,
        "display": display,
        "colon": "：" if language != "en" else ": ",
        # The consent's "how long" says what the retention job does (docs/privacy.md).
        "retention_years": request.app.state.settings.retention_years,
        # The fields' limits (kiosk.domain.forms), the same the services check.
        "limits": phone.LIMITS,
        **context,
    }
    body = TEMPLATES.get_template(template).render(context).encode()
    headers = dict(SECURITY_HEADERS, Vary="Accept-Encoding, Accept-Language")
    # A slow mobile link: ~5 KB of HTML becomes ~2 KB. Only here, not app-wide, so the
    # kiosks' API answers stay as they are.
    if "gzip" in request.headers.get("accept-encoding", ""):
        body = gzip.compress(body, compresslevel=6)
        headers["Content-Encoding"] = "gzip"
    response = HTMLResponse(body, status_code=status, headers=headers)
    # Strict: a form posted from another site carries no cookie, so its token cannot match.
    secure = _secure(request)
    response.set_cookie(
        CSRF_COOKIE, token, httponly=True, samesite="strict", path="/", secure=secure
    )
    if request.query_params.get("lang") in PAGE_LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE,
            language,
            max_age=365 * 86400,
            samesite="lax",
            path="/",
            secure=secure,
        )
    return response


def not_found(request: Request, title: str = "not_found") -> HTMLResponse:
    return render(request, "error.html", {"title": title}, status=404)


def _csrf_passed(request: Request, form: dict[str, str]) -> bool:
    return csrf_ok(request.cookies.get(CSRF_COOKIE), form.get("csrf"))


def _format_day(_: Any, day: Any) -> str:
    weekdays = _("weekday")
    if " " in weekdays:  # English
        return f"{weekdays.split()[day.weekday()]} {day.day} {day:%b}"
    return f"{day.month}月{day.day}日 星期{weekdays[day.weekday()]}"


def _reception_label(_: Any, reception: Any) -> tuple[str, str]:
    """(when, where) of a reception day."""
    when = f"{_format_day(_, reception.day)} {reception.start:%H:%M}–{reception.end:%H:%M}"
    return when, reception.place


def _moment(value: datetime) -> str:
    return value.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")


def _deputy_context(session: Any, deputy: Deputy, request: Request) -> dict[str, Any]:
    station = session.get(Station, deputy.station_id)
    _ = translator(_language(request))
    today = phone.china_today(datetime.now(UTC))
    days = phone.reception_days(session, station, deputy.deputy_id, today, 3)
    return {
        "deputy": deputy,
        "station": station,
        "levels": [_(f"level_{level}") for level in deputy.levels],
        "photo": f"/photos/{deputy.photo.file_name}" if deputy.photo else "",
        "receptions": [_reception_label(_, day) for day in days],
        "categories": phone.categories(session, station.id),
    }


# -- 码上找代表: a deputy's page and its message form ------------------------------------


@router.get("/d/{deputy_id}", response_class=HTMLResponse)
def deputy_page(deputy_id: str, request: Request, database: DatabaseDep) -> Response:
    with database.reader() as session:
        deputy = phone.find_deputy(session, deputy_id)
        if deputy is None:
            return not_found(request, "no_deputy")
        context = _deputy_context(session, deputy, request)
        return render(request, "deputy.html", context | {"values": {}, "errors": {}})


@router.post("/d/{deputy_id}", response_class=HTMLResponse)
def leave_message(deputy_id: str, request: Request, database: DatabaseDep, form: Form) -> Response:
    with database.reader() as session:
        deputy = phone.find_deputy(session, deputy_id)
        if deputy is None:
            return not_found(request, "no_deputy")
        context = _deputy_context(session, deputy, request)
    checked = phone.check_message(form, context["categories"])
    return _submit(
        request,
        database,
        form,
        checked,
        "deputy.html",
        context,
        lambda session, now, own: phone.earlier_message(session, deputy, checked, now, own),
        lambda session, now: phone.record_message(session, deputy, checked, now),
        lambda: {"kind": "appeal"},
    )


def _submit(
    request: Request,
    database: Database,
    form: Form,
    checked: phone.Checked,
    template: str,
    context: dict[str, Any],
    earlier: Callable[[Any, datetime, list[str]], str],
    record: Callable[[Any, datetime], str],
    done: Callable[[], dict[str, Any]],
) -> Response:
    """A phone form's way in: CSRF, the address's rate, the form's own checks, then the same
    request made minutes ago from this browser (its code again), else the mobile's rate and a
    new record. The same details from another browser make a new record: a repeat never
    shows a code its sender was not given."""
    guards = _guards(request)

    def again(problem: str, status: int) -> Response:
        return render(
            request,
            template,
            context | {"values": checked.values, "errors": checked.errors, "problem": problem},
            status=status,
        )

    if not _csrf_passed(request, form):
        return again("expired", 403)
    if not guards.forms.hit(_client(request)):
        return again("too_many_address", 429)
    if checked.errors:
        return again("errors_below", 400)
    now = datetime.now(UTC)
    sent = request.cookies.get(SENT_COOKIE)
    with database.writer.begin() as session:
        code = earlier(session, now, guards.sent.read(sent))
        repeat = bool(code)
        if not repeat:
            from_here = f"{_client(request)}|{checked.mobile}"
            # Counted in this transaction (the database storage: no second writer waiting).
            if not (
                guards.mobiles.allowed(from_here, session)
                and guards.mobiles_all.allowed(checked.mobile, session)
            ):
                return again("too_many_mobile", 429)
            guards.mobiles.hit(from_here, session)
            guards.mobiles_all.hit(checked.mobile, session)
            code = record(session, now)
    page = {"code": code, "repeat": repeat, "station": context["station"]}
    response = render(request, "done.html", page | {"switch_path": f"/p/{code}"} | done())
    if not repeat:
        response.set_cookie(
            SENT_COOKIE,
            guards.sent.add(sent, code),
            max_age=REPEAT_MINUTES * 60,
            httponly=True,
            samesite="strict",
            path="/",
            secure=_secure(request),
        )
    return response


# -- 约见代表: appointments ------------------------------------------------------------------


def _appointment_context(
    session: Any, station: Station, request: Request, deputy_id: str | None
) -> dict[str, Any]:
    _ = translator(_language(request))
    deputies = session.scalars(
        select(Deputy).where(Deputy.station_id == station.id).order_by(Deputy.position)
    ).all()
    chosen = next((d for d in deputies if d.deputy_id == deputy_id), None)
    days = []
    if chosen is not None:
        today = phone.china_today(datetime.now(UTC))
        days = phone.reception_days(session, station, chosen.deputy_id, today, 6)
    return {
        "station": station,
        "deputies": deputies,
        "chosen": chosen,
        "days": days,
        "day_labels": {phone.day_choice(day): _reception_label(_, day) for day in days},
        "choice": phone.day_choice,
        "levels": {d.deputy_id: [_(f"level_{level}") for level in d.levels] for d in deputies},
    }


@router.get("/a/{station_id}", response_class=HTMLResponse)
def appointment_page(station_id: str, request: Request, database: DatabaseDep) -> Response:
    with database.reader() as session:
        station = session.get(Station, station_id)
        if station is None:
            return not_found(request, "no_station")
        deputy_id = request.query_params.get("deputy")
        context = _appointment_context(session, station, request, deputy_id)
        return render(request, "appointment.html", context | {"values": {}, "errors": {}})


@router.post("/a/{station_id}", response_class=HTMLResponse)
def request_appointment(
    station_id: str, request: Request, database: DatabaseDep, form: Form
) -> Response:
    with database.reader() as session:
        station = session.get(Station, station_id)
        if station is None:
            return not_found(request, "no_station")
        context = _appointment_context(session, station, request, form.get("deputy"))
    deputy = context["chosen"]
    if deputy is None:
        return not_found(request, "no_deputy")
    _ = translator(_language(request))
    checked = phone.check_appointment(form, context["days"])
    return _submit(
        request,
        database,
        form,
        checked,
        "appointment.html",
        context,
        lambda session, now, own: phone.earlier_appointment(session, deputy, checked, now, own),
        lambda session, now: phone.record_appointment(session, deputy, checked, now),
        lambda: {
            "kind": "appointment",
            "details": [
                (_("deputy"), deputy.name),
                (_("choose_day"), " ".join(context["day_labels"][checked.values["day"]])),
            ],
        },
    )


# -- 查询进度: progress -----------------------------------------------------------------------


def _progress_context(session: Any, record: Any, request: Request) -> dict[str, Any]:
    _ = translator(_language(request))
    station = session.get(Station, record.station_id)
    steps = [
        {"state": _(f"state_{s.state}"), "at": _moment(s.at), "note": s.note} for s in record.steps
    ]
    if isinstance(record, Appeal):
        holidays = holiday_table(session)
        deadline = appeal_deadline(record, holidays)
        today = phone.china_today(datetime.now(UTC))
        kind = "callback_kind" if record.request == "callback" else "appeal_kind"
        return {
            "kind": kind,
            "record": record,
            "state": _(f"state_{record.state}"),
            # The one rule and the clock, as the console shows it (DESIGN.md §11).
            "due": deadline.due_on.isoformat() if deadline else "",
            "due_colour": colour(deadline.due_on, today, holidays).value if deadline else "",
            "steps": steps,
            "can_rate": record.state == AppealState.CLOSED,
            "rebook": "",
            "ratings": [(r.value, _(f"rating_{r.value}")) for r in Rating],
            "details": [(_("category"), record.category)],
            "station": station,
        }
    deputy = session.scalars(
        select(Deputy).where(
            Deputy.station_id == record.station_id, Deputy.deputy_id == record.deputy_id
        )
    ).one_or_none()
    return {
        "kind": "appointment_kind",
        "record": record,
        "state": _(f"state_{record.state}"),
        "due": "",
        "due_colour": "",
        "steps": steps,
        "can_rate": False,
        "rebook": f"/a/{record.station_id}?deputy={record.deputy_id}"
        if record.state == "declined"
        else "",
        "details": [
            (_("deputy"), deputy.name if deputy else record.deputy_id),
            (_("date"), _format_day(_, record.day)),
        ],
        "station": station,
    }


@router.get("/p/{code_text}", response_class=HTMLResponse)
def progress_page(code_text: str, request: Request) -> Response:
    code = phone.parse_code(code_text)
    if code is None:
        return not_found(request, "bad_code")
    return render(request, "progress.html", {"code": code, "shown": None, "errors": {}})


def _lookup_refused(
    request: Request, code: str, problem: str, status: int, **values: Any
) -> Response:
    _ = translator(_language(request))
    return render(
        request,
        "progress.html",
        {"code": code, "shown": None, "errors": {}, "problem": _(problem, **values)},
        status=status,
    )


@router.post("/p/{code_text}", response_class=HTMLResponse)
def look_up(code_text: str, request: Request, database: DatabaseDep, form: Form) -> Response:
    code = phone.parse_code(code_text)
    if code is None:
        return not_found(request, "bad_code")
    if not _csrf_passed(request, form):
        return _lookup_refused(request, code, "expired", 403)
    if not _guards(request).lookups.hit(_client(request)):
        return _lookup_refused(request, code, "too_many_address", 429)
    digits = form.get("last4", "").strip()
    if not re.fullmatch(r"[0-9]{4}", digits):
        return render(
            request,
            "progress.html",
            {"code": code, "shown": None, "errors": {"last4": "need_last4"}, "last4": digits},
            status=400,
        )
    now = datetime.now(UTC)
    lockout: LookupLockout = request.app.state.lookup_lockout
    address = _client(request)
    with database.writer.begin() as session:
        until = lockout.locked_until(session, code, address, now)
        if until is not None:
            return _lookup_refused(
                request, code, "locked", 429, until=until.astimezone(CHINA_TIME).strftime("%H:%M")
            )
        record = phone.find_record(session, code)
        if record is None or not hmac.compare_digest(last_four(record.contact_mobile), digits):
            left = lockout.record_failure(session, code, address, now)
            if left == 0:
                until = lockout.locked_until(session, code, address, now)
                assert until is not None
                return _lookup_refused(
                    request,
                    code,
                    "locked",
                    429,
                    until=until.astimezone(CHINA_TIME).strftime("%H:%M"),
                )
            return _lookup_refused(request, code, "wrong_last4", 403, left=left)
        context = _progress_context(session, record, request)
        access = _guards(request).access.sign(code, _browser(request), len(record.steps))
    return render(request, "progress.html", {"code": code, "shown": context, "access": access})


@router.post("/p/{code_text}/rate", response_class=HTMLResponse)
def rate(code_text: str, request: Request, database: DatabaseDep, form: Form) -> Response:
    code = phone.parse_code(code_text)
    if code is None:
        return not_found(request, "bad_code")
    guards = _guards(request)
    # The signed access says this browser passed the last-4 check (no digits travel again),
    # and for which version of the record.
    version = guards.access.version(code, _browser(request), form.get("access", ""))
    if not _csrf_passed(request, form) or version is None:
        return _lookup_refused(request, code, "expired", 403)
    try:
        rating = Rating(form.get("rating", ""))
    except ValueError:
        return _lookup_refused(request, code, "cannot_rate", 400)
    _ = translator(_language(request))
    now = datetime.now(UTC)
    with database.writer.begin() as session:
        record = phone.find_record(session, code)
        if (
            not isinstance(record, Appeal)
            or record.state != AppealState.CLOSED
            or len(record.steps) != version  # rated with it already, or closed again since
        ):
            return _lookup_refused(request, code, "cannot_rate", 409)
        # Notes are kept in the station's language (Chinese), whatever the page's language.
        zh = translator("zh")
        phone.rate_appeal(
            session,
            record,
            rating,
            now,
            zh("rated_step", rating=zh(f"rating_{rating.value}")),
            zh("reopened_step"),
        )
        context = _progress_context(session, record, request)
        access = guards.access.sign(code, _browser(request), len(record.steps))
    message = "reopened_note" if rating is Rating.DISSATISFIED else "rated_thanks"
    return render(
        request,
        "progress.html",
        {"code": code, "shown": context, "access": access, "notice": message},
    )


@router.get("/photos/{file_name}")
def photo(file_name: str, request: Request, database: DatabaseDep) -> Response:
    """A deputy's photo for their public page (only photos some deputy uses)."""
    sha256, _, extension = file_name.partition(".")
    with database.reader() as session:
        found = session.scalars(
            select(Photo)
            .join(Deputy, Deputy.photo_sha256 == Photo.sha256)
            .where(Photo.sha256 == sha256)
            .limit(1)
        ).one_or_none()
        if found is None or found.extension != extension:
            raise HTTPException(404, "No such photo.")
        return Response(
            found.content,
            media_type=PHOTO_TYPES.get(extension, "application/octet-stream"),
            headers={
                "Cache-Control": "public, max-age=31536000, immutable",
                "X-Content-Type-Options": "nosniff",
                # An SVG opened on its own runs nothing.
                "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
            },
        )
