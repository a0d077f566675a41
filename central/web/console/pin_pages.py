# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's kiosk PINs page (/console/pins, issue 15 §1): a station's deputies with the
state of their PIN, a new random PIN for one or all (shown once, in this answer only, never
in a URL) or the PIN a deputy chose. Only adapts central.services.deputy_pins."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from central.services import deputy_pins
from central.services.deputy_pins import GivenPin
from central.services.publishing import PublishRefused
from central.web.console.auth import ConsoleUser, CurrentUser, check_csrf, clock, database
from central.web.console.pages import Form, _redirect, language, render
from central.web.console.publish_pages import refusal_text
from central.web.console.text import translator

router = APIRouter(prefix="/console", include_in_schema=False)


def _page(
    request: Request,
    user: ConsoleUser,
    station_id: str,
    *,
    given: list[GivenPin] | None = None,
    problem: str = "",
    notice: str = "",
    typed_deputy: str = "",
    status: int = 200,
) -> Response:
    with database(request).reader() as session:
        stations = [(s.id, s.name) for s in deputy_pins.pin_stations(session, user.who)]
        if not station_id and stations:
            station_id = stations[0][0]
        rows = deputy_pins.pin_rows(session, user.who, station_id) if station_id else []
    context = {
        "stations": stations,
        "station_id": station_id,
        "rows": rows,
        "given": given or [],
        "problem": problem,
        "notice": notice,
        "typed_deputy": typed_deputy,
    }
    return render(request, "pins.html", context, user=user, status=status)


@router.get("/pins", response_class=HTMLResponse)
def pins_page(request: Request, user: CurrentUser) -> Response:
    _ = translator(language(request))
    notice = _("done_pin") if request.query_params.get("done") == "set" else ""
    return _page(request, user, request.query_params.get("station", ""), notice=notice)


@router.post("/pins/{station_id}/new", response_class=HTMLResponse)
def new_pins(station_id: str, request: Request, user: CurrentUser, form: Form) -> Response:
    """New random PINs: the answer itself shows them (no redirect, no URL holds them)."""
    check_csrf(user, form.get("csrf"))
    deputy = form.get("deputy", "") or None
    try:
        with database(request).writer.begin() as session:
            given = deputy_pins.give_new_pins(
                session, user.who, station_id, deputy, now=clock(request)
            )
    except PublishRefused as refused:
        return _page(request, user, station_id, problem=refusal_text(request, refused), status=400)
    return _page(request, user, station_id, given=given)


@router.post("/pins/{station_id}/choose", response_class=HTMLResponse)
def choose_pin(station_id: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    deputy = form.get("deputy", "")
    try:
        with database(request).writer.begin() as session:
            deputy_pins.choose_pin(
                session,
                user.who,
                station_id,
                deputy,
                form.get("pin", ""),
                form.get("pin_again", ""),
                now=clock(request),
            )
    except PublishRefused as refused:
        # The PIN typed is not sent back into the page: a PIN stays where it was typed.
        return _page(
            request,
            user,
            station_id,
            problem=refusal_text(request, refused),
            typed_deputy=deputy,
            status=400,
        )
    return _redirect(f"/console/pins?station={quote(station_id)}&done=set")
