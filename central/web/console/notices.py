# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's notifications page (/console/notifications, issue 14 §3): the channels of
the stations in scope, the newest notices with their state, and "try again" for a failed one.
Only adapts central.services.notifications."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from central.services import notifications
from central.services.notifications import ROBOT_KINDS, ChannelError, RobotRefused
from central.services.permissions import Refused
from central.web.console.auth import ConsoleUser, CurrentUser, check_csrf, clock, database
from central.web.console.pages import Form, _redirect, render
from central.web.console.text import translator

router = APIRouter(prefix="/console", include_in_schema=False)


def _page(
    request: Request,
    user: ConsoleUser,
    problem: str = "",
    status: int = 200,
    typed: dict[str, str] | None = None,
) -> Response:
    with database(request).reader() as session:
        view = notifications.console_view(session, user.who)
    notice = ""
    done = request.query_params.get("done")
    if done in ("retry", "robot", "switched"):
        notice = translator(_language(request))(
            {"retry": "notice_retried", "robot": "robot_added", "switched": "channel_switched"}[
                done
            ]
        )
    context = {
        "view": view,
        "problem": problem,
        "notice": notice,
        "robot_kinds": ROBOT_KINDS,
        "typed": typed or {},
    }
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


@router.post("/notifications/robots", response_class=HTMLResponse)
def add_robot(request: Request, user: CurrentUser, form: Form) -> Response:
    """A station's 企业微信 or 钉钉 group robot, added without a shell."""
    check_csrf(user, form.get("csrf"))
    _ = translator(_language(request))
    try:
        with database(request).writer.begin() as session:
            notifications.console_add_robot(
                session,
                user.who,
                station_id=form.get("station", ""),
                kind=form.get("kind", ""),
                name=form.get("name", ""),
                target=form.get("target", ""),
                secret=form.get("secret", ""),
                now=clock(request),
            )
    except RobotRefused as refused:
        typed = {k: form.get(k, "") for k in ("station", "kind", "name", "target")}
        return _page(request, user, problem=_(refused.key), status=400, typed=typed)
    except ChannelError:
        typed = {k: form.get(k, "") for k in ("station", "kind", "name", "target")}
        return _page(request, user, problem=_("robot_url_refused"), status=400, typed=typed)
    return _redirect("/console/notifications?done=robot")


@router.post("/notifications/channels/{channel_id}/switch", response_class=HTMLResponse)
def switch_channel(channel_id: int, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    try:
        with database(request).writer.begin() as session:
            notifications.console_switch(
                session, user.who, channel_id, form.get("enabled") == "1", now=clock(request)
            )
    except Refused:
        _ = translator(_language(request))
        return _page(request, user, problem=_("channel_not_yours"), status=403)
    return _redirect("/console/notifications?done=switched")
