# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's holiday table (/console/holidays, issue 15 §1): a year's days off and make-up
workdays (调休), added and removed by admins, a year imported from the State Council's notice
(chinesecalendar) or declared complete. Only adapts central.services.holidays, whose every
change recomputes the open appeals' due dates."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from central.services import holidays
from central.services.permissions import Action, require
from central.services.publishing import PublishRefused, china_today
from central.web.console.auth import ConsoleUser, CurrentUser, check_csrf, clock, database
from central.web.console.pages import Form, _redirect, language, render
from central.web.console.publish_pages import refusal_text
from central.web.console.text import translator

router = APIRouter(prefix="/console", include_in_schema=False)


def _year(text: str, default: int) -> int:
    return int(text) if re.fullmatch(r"20[0-9]{2}", text or "") else default


def _page(
    request: Request,
    user: ConsoleUser,
    year: int,
    *,
    problem: str = "",
    notice: str = "",
    typed: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    require(user.account, Action.HOLIDAYS)
    _ = translator(language(request))
    today = china_today(clock(request))
    with database(request).reader() as session:
        covered = holidays.covered_years(session)
        days = holidays.days_of_year(session, year)
    years = sorted(set(covered) | {today.year, today.year + 1, year})
    done = request.query_params.get("done", "")
    if not notice and done == "day":
        notice = _("done_day")
    elif not notice and done == "covered":
        notice = _("done_covered")
    elif not notice and re.fullmatch(r"seeded-[0-9]{1,4}", done):
        notice = _("done_seeded", days=done.split("-")[1])
    context: dict[str, Any] = {
        "year": year,
        "years": years,
        "source": covered.get(year),
        "seedable": year in holidays.known_years(),
        "days": days,
        "weekdays": _("weekday_names"),
        "problem": problem,
        "notice": notice,
        "typed": typed or {},
        "default_day": f"{year}-{today:%m-%d}" if year != today.year else today.isoformat(),
    }
    return render(request, "holidays.html", context, user=user, status=status)


@router.get("/holidays", response_class=HTMLResponse)
def holidays_page(request: Request, user: CurrentUser) -> Response:
    today = china_today(clock(request))
    return _page(request, user, _year(request.query_params.get("year", ""), today.year))


@router.post("/holidays/{year}/days", response_class=HTMLResponse)
def add_day(year: int, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    try:
        with database(request).writer.begin() as session:
            day = holidays.console_set_day(
                session,
                user.who,
                form.get("day", ""),
                form.get("kind", ""),
                form.get("name", ""),
                now=clock(request),
            )
    except PublishRefused as refused:
        typed = {k: v for k, v in form.items() if k != "csrf"}
        return _page(
            request, user, year, problem=refusal_text(request, refused), typed=typed, status=400
        )
    return _redirect(f"/console/holidays?year={day.year}&done=day#days")


@router.post("/holidays/{year}/days/{day}/clear", response_class=HTMLResponse)
def clear_day(year: int, day: date, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    with database(request).writer.begin() as session:
        holidays.console_clear_day(session, user.who, day, now=clock(request))
    return _redirect(f"/console/holidays?year={day.year}&done=day#days")


@router.post("/holidays/{year}/seed", response_class=HTMLResponse)
def seed_year(year: int, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    try:
        with database(request).writer.begin() as session:
            count = holidays.console_seed_year(session, user.who, year, now=clock(request))
    except PublishRefused as refused:
        return _page(request, user, year, problem=refusal_text(request, refused), status=400)
    return _redirect(f"/console/holidays?year={year}&done=seeded-{count}")


@router.post("/holidays/{year}/cover", response_class=HTMLResponse)
def cover_year(year: int, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    if not 2000 <= year <= 2100:
        return _redirect("/console/holidays")
    with database(request).writer.begin() as session:
        holidays.console_cover_year(session, user.who, year, now=clock(request))
    return _redirect(f"/console/holidays?year={year}&done=covered")
