# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's notifications page (/console/notifications, issue 14 §3): the channels of
the stations in scope, the newest notices with their state, and "try again" for a failed one.
Only adapts central.services.notifications."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from central.services import notifications
from central.services.notifications import ChannelError
from central.web.console.auth import CurrentUser, check_csrf, clock, database
from central.web.console.pages import Form, _redirect, render
from central.web.console.text import translator

router = APIRouter(prefix="/console", include_in_schema=False)


def _page(request: Request, user, problem: str = "", status: int = 200) -> Response:  # type: ignore[no-untyped-def]
    with database(request).reader() as session:
        view = notifications.console_view(session, user.who)
    notice = ""
    if request.query_params.get("done") == "retry":
        notice = translator(_language(request))("notice_retried")
    context = {"view": view, "problem": problem, "notice": notice}
    return render(request, "notifications.html", context, user=user, status=status)


def _language(request: Request) -> str:
    from central.web.console.pages import language

    return language(request)


@router.get("/notifications", response_class=HTMLResponse)
def notifications_page(request: Request, user: CurrentUser) -> Response:
    return _page(request, user)


@router.post("/notifications/{notice_id}/retry", response_class=HTMLResponse)
def retry_notice(notice_id: int, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    try:
        with database(request).writer.begin() as session:
            notifications.console_retry(session, user.who, notice_id, now=clock(request))
    except ChannelError:
        _ = translator(_language(request))
        return _page(request, user, problem=_("notice_not_failed"), status=409)
    return _redirect("/console/notifications?done=retry")
