# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's visitors' data rights at /console/privacy (issue 15 §4): admins find every
record of a person by mobile, correct or erase it. The number travels only in POST bodies (never
a URL, so no access log holds it); every search and change is audited by the service."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from central.services import privacy
from central.services.permissions import Action, require
from central.services.privacy import PersonRecord, PrivacyError
from central.web.console.auth import ConsoleUser, CurrentUser, check_csrf, clock, database
from central.web.console.pages import Form, language, moment, render
from central.web.console.text import translator

router = APIRouter(prefix="/console", include_in_schema=False)


def _page(
    request: Request,
    user: ConsoleUser,
    *,
    mobile: str = "",
    records: list[PersonRecord] | None = None,
    notice: str = "",
    problem: str = "",
    status: int = 200,
) -> Response:
    require(user.account, Action.DATA_RIGHTS)
    context = {
        "mobile": mobile,
        "records": records,
        "years": request.app.state.settings.retention_years,
        "notice": notice,
        "problem": problem,
    }
    return render(request, "privacy.html", context, user=user, status=status)


@router.get("/privacy", response_class=HTMLResponse)
def privacy_page(request: Request, user: CurrentUser) -> Response:
    return _page(request, user)


def _find(request: Request, user: ConsoleUser, mobile: str, notice: str = "") -> Response:
    try:
        with database(request).writer.begin() as session:
            records = privacy.find_by_mobile(session, user.who, mobile, clock(request))
    except PrivacyError as error:
        return _page(request, user, mobile=mobile, problem=str(error), status=400)
    return _page(request, user, mobile=mobile, records=records, notice=notice)


@router.post("/privacy", response_class=HTMLResponse)
def find(request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    require(user.account, Action.DATA_RIGHTS)
    return _find(request, user, form.get("mobile", ""))


@router.post("/privacy/correct", response_class=HTMLResponse)
def correct(request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    require(user.account, Action.DATA_RIGHTS)
    _ = translator(language(request))
    mobile, new_mobile = form.get("mobile", ""), form.get("new_mobile", "").strip()
    try:
        with database(request).writer.begin() as session:
            count = privacy.correct(
                session,
                user.who,
                mobile,
                clock(request),
                name=form.get("name", ""),
                new_mobile=new_mobile,
            )
    except PrivacyError as error:
        return _page(request, user, mobile=mobile, problem=str(error), status=400)
    return _find(request, user, new_mobile or mobile, notice=_("corrected", n=count))


@router.post("/privacy/erase", response_class=HTMLResponse)
def erase(request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    require(user.account, Action.DATA_RIGHTS)
    _ = translator(language(request))
    mobile = form.get("mobile", "")
    if form.get("confirm") != "yes":
        return _page(request, user, mobile=mobile, problem=_("confirm_needed"), status=400)
    try:
        with database(request).writer.begin() as session:
            count = privacy.erase(session, user.who, mobile, clock(request))
    except PrivacyError as error:
        return _page(request, user, mobile=mobile, problem=str(error), status=400)
    return _page(request, user, notice=_("erased", n=count))


def person_copy(records: list[PersonRecord], _: Callable[..., str]) -> str:
    """A person's records as a CSV a visitor can open in Excel or WPS (UTF-8 with a BOM)."""
    out = io.StringIO()
    out.write("\ufeff")
    rows = csv.writer(out)
    rows.writerow(
        [_(k) for k in ("record_kind", "record_ref", "station", "received_at", "state")]
        + [_(k) for k in ("category", "name", "mobile", "content", "progress_told")]
    )
    for r in records:
        told = "\n".join(
            f"{moment(at)} {_('state_' + state)}{'：' + note if note else ''}"
            for state, at, note in r.steps
        )
        rows.writerow(
            [_("kind_" + r.kind), r.ref, r.station_name, moment(r.created_at)]
            + [_("state_" + r.state), r.subject, r.name, r.mobile, r.text, told]
        )
    return out.getvalue()


@router.post("/privacy/export")
def export(request: Request, user: CurrentUser, form: Form) -> Response:
    """The copy a person may ask for (PIPL art. 45): a download, audited by the service."""
    check_csrf(user, form.get("csrf"))
    require(user.account, Action.DATA_RIGHTS)
    mobile = form.get("mobile", "")
    try:
        with database(request).writer.begin() as session:
            records = privacy.find_by_mobile(
                session, user.who, mobile, clock(request), for_copy=True
            )
    except PrivacyError as error:
        return _page(request, user, mobile=mobile, problem=str(error), status=400)
    day = datetime.now().strftime("%Y%m%d")
    return Response(
        person_copy(records, translator(language(request))),
        media_type="text/csv; charset=utf-8",
        headers={
            # The number stays out of the file name (downloads folders are shared).
            "Content-Disposition": f'attachment; filename="personal-data-{day}.csv"',
            "Cache-Control": "no-store",
        },
    )
