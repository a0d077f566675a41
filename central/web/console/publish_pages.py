# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's publishing pages (issue 15 §1): a station's profile, photo, rules (制度) and
notices at /console/stations/<id>. Only adapts central.services.publishing: a refusal comes
back as the service's words with everything typed kept in its form."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from central.models import Photo
from central.services import publishing
from central.services.publishing import (
    MAX_PHOTO_BYTES,
    NoSuchStation,
    NoticeInput,
    Profile,
    PublishRefused,
    china_today,
)
from central.web.console.auth import ConsoleUser, CurrentUser, check_csrf, clock, database
from central.web.console.pages import Form, _redirect, language, render
from central.web.console.text import translator
from kiosk.domain.station import StationKind

router = APIRouter(prefix="/console", include_in_schema=False)
# The photo's form may be larger than other forms (central.main caps it before it is read).
PHOTO_PREFIX = "/console/station-photo/"
PHOTO_BODY_BYTES = MAX_PHOTO_BYTES * 2 + 64_000
DONE = {
    "profile": "done_profile",
    "photo": "done_photo",
    "photo_removed": "done_photo_removed",
    "rule": "done_rule",
    "rule_deleted": "done_rule_deleted",
    "notice": "done_notice",
    "notice_deleted": "done_notice_deleted",
    "nothing": "done_nothing",
}


def install(app: FastAPI) -> None:
    app.include_router(router)

    @app.exception_handler(NoSuchStation)
    def no_such_station(request: Request, _: NoSuchStation) -> Response:
        return render(request, "message.html", {"message": "not_found_console"}, status=404)


def refusal_text(request: Request, refused: PublishRefused) -> str:
    """The service's refusal in the page's words, naming the field as the form does."""
    _ = translator(language(request))
    field = _(f"field_{refused.field}") if refused.field else ""
    return _(refused.key, field=field, **refused.values)


def _station_page(
    request: Request,
    user: ConsoleUser,
    station_id: str,
    *,
    problem: str = "",
    typed: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    _ = translator(language(request))
    today = china_today(clock(request))
    with database(request).reader() as session:
        station = publishing.editable_station(session, user.who, station_id)
        photo = publishing.station_photo(session, station)
        context: dict[str, Any] = {
            "station": station,
            "profile": Profile.of(station),
            "kinds": [k.value for k in StationKind],
            "photo": photo.file_name if photo else "",
            "photo_limit": f"{MAX_PHOTO_BYTES // 1024 // 1024} MB",
            "photo_bytes": MAX_PHOTO_BYTES,
            "rules": publishing.rules_of(station),
            "notices": publishing.notices_of(station),
            "today": today,
            "problem": problem,
            "notice": _(DONE[done]) if (done := request.query_params.get("done")) in DONE else "",
            "typed": typed or {},
            "several": len(publishing.editable_stations(session, user.who)) > 1,
        }
    return render(request, "station.html", context, user=user, status=status)


@router.get("/stations", response_class=HTMLResponse)
def stations_page(request: Request, user: CurrentUser) -> Response:
    with database(request).reader() as session:
        stations = [(s.id, s.name) for s in publishing.editable_stations(session, user.who)]
    if len(stations) == 1:
        return _redirect(f"/console/stations/{quote(stations[0][0])}")
    return render(request, "stations.html", {"stations": stations}, user=user)


@router.get("/stations/{station_id}", response_class=HTMLResponse)
def station_page(station_id: str, request: Request, user: CurrentUser) -> Response:
    return _station_page(request, user, station_id)


def _done(station_id: str, what: str, anchor: str = "") -> Response:
    return _redirect(f"/console/stations/{quote(station_id)}?done={what}{anchor}")


def _refused(
    request: Request,
    user: ConsoleUser,
    station_id: str,
    refused: PublishRefused,
    form_id: str,
    form: dict[str, str],
) -> Response:
    typed = {k: v for k, v in form.items() if k != "csrf"} | {"form": form_id}
    return _station_page(
        request,
        user,
        station_id,
        problem=refusal_text(request, refused),
        typed=typed,
        status=400,
    )


@router.post("/stations/{station_id}/profile", response_class=HTMLResponse)
def save_profile(station_id: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    profile = Profile(
        name=form.get("name", ""),
        kind=form.get("kind", ""),
        address=form.get("address", ""),
        hours=form.get("hours", ""),
        phone=form.get("phone", ""),
        intro=form.get("intro", ""),
    )
    try:
        with database(request).writer.begin() as session:
            changed = publishing.update_profile(
                session, user.who, station_id, profile, now=clock(request)
            )
    except PublishRefused as refused:
        return _refused(request, user, station_id, refused, "profile", form)
    return _done(station_id, "profile" if changed else "nothing")


async def _photo_form(request: Request) -> tuple[dict[str, str], bytes, int]:
    """The photo form's fields, the file's bytes (at most the cap + 1, enough to say "too
    large") and the file's size."""
    form = await request.form(max_files=1, max_fields=5)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    upload = form.get("photo")
    content, size = b"", 0
    if isinstance(upload, UploadFile):
        content = await upload.read(MAX_PHOTO_BYTES + 1)
        size = upload.size or len(content)
        await upload.close()
    return fields, content, size


@router.post("/station-photo/{station_id}", response_class=HTMLResponse)
async def upload_photo(station_id: str, request: Request, user: CurrentUser) -> Response:
    fields, content, size = await _photo_form(request)
    check_csrf(user, fields.get("csrf"))
    try:
        with database(request).writer.begin() as session:
            publishing.set_photo(
                session, user.who, station_id, content, now=clock(request), size=size
            )
    except PublishRefused as refused:
        return _refused(request, user, station_id, refused, "photo", {})
    return _done(station_id, "photo", "#photo")


@router.post("/stations/{station_id}/photo/remove", response_class=HTMLResponse)
def remove_photo(station_id: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    with database(request).writer.begin() as session:
        publishing.remove_photo(session, user.who, station_id, now=clock(request))
    return _done(station_id, "photo_removed", "#photo")


@router.get("/station-photos/{station_id}/{file_name}")
def station_photo(station_id: str, file_name: str, request: Request, user: CurrentUser) -> Response:
    """The station's photo, for its page (only to those who publish for it)."""
    with database(request).reader() as session:
        station = publishing.editable_station(session, user.who, station_id)
        photo = session.get(Photo, station.photo_sha256) if station.photo_sha256 else None
        if photo is None or photo.file_name != file_name:
            return Response(status_code=404)
        content, extension = photo.content, photo.extension
    media = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
    return Response(
        content,
        media_type=media.get(extension, "application/octet-stream"),
        headers={"Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff"},
    )


# -- Rules ---------------------------------------------------------------------------------


@router.post("/stations/{station_id}/rules", response_class=HTMLResponse)
def add_rule(station_id: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    try:
        with database(request).writer.begin() as session:
            publishing.add_rule(
                session,
                user.who,
                station_id,
                form.get("title", ""),
                form.get("body", ""),
                now=clock(request),
            )
    except PublishRefused as refused:
        return _refused(request, user, station_id, refused, "rule-new", form)
    return _done(station_id, "rule", "#rules")


@router.post("/stations/{station_id}/rules/{rule_id}", response_class=HTMLResponse)
def change_rule(
    station_id: str, rule_id: str, request: Request, user: CurrentUser, form: Form
) -> Response:
    check_csrf(user, form.get("csrf"))
    what = form.get("do", "save")
    now = clock(request)
    try:
        with database(request).writer.begin() as session:
            if what in ("up", "down"):
                step = -1 if what == "up" else 1
                publishing.move_rule(session, user.who, station_id, rule_id, step, now=now)
            elif what == "delete":
                publishing.delete_rule(session, user.who, station_id, rule_id, now=now)
            else:
                publishing.edit_rule(
                    session,
                    user.who,
                    station_id,
                    rule_id,
                    form.get("title", ""),
                    form.get("body", ""),
                    now=now,
                )
    except PublishRefused as refused:
        return _refused(request, user, station_id, refused, f"rule-{rule_id}", form)
    return _done(station_id, "rule_deleted" if what == "delete" else "rule", "#rules")


# -- Notices -------------------------------------------------------------------------------


def _notice_input(form: dict[str, str]) -> NoticeInput:
    return NoticeInput(
        title=form.get("title", ""),
        body=form.get("body", ""),
        shown_from=form.get("shown_from", ""),
        shown_until=form.get("shown_until", ""),
    )


@router.post("/stations/{station_id}/notices", response_class=HTMLResponse)
def add_notice(station_id: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    try:
        with database(request).writer.begin() as session:
            publishing.add_notice(
                session, user.who, station_id, _notice_input(form), now=clock(request)
            )
    except PublishRefused as refused:
        return _refused(request, user, station_id, refused, "notice-new", form)
    return _done(station_id, "notice", "#notices")


@router.post("/stations/{station_id}/notices/{notice_id}", response_class=HTMLResponse)
def change_notice(
    station_id: str, notice_id: str, request: Request, user: CurrentUser, form: Form
) -> Response:
    check_csrf(user, form.get("csrf"))
    what = form.get("do", "save")
    now = clock(request)
    try:
        with database(request).writer.begin() as session:
            if what == "delete":
                publishing.delete_notice(session, user.who, station_id, notice_id, now=now)
            else:
                publishing.edit_notice(
                    session, user.who, station_id, notice_id, _notice_input(form), now=now
                )
    except PublishRefused as refused:
        return _refused(request, user, station_id, refused, f"notice-{notice_id}", form)
    return _done(station_id, "notice_deleted" if what == "delete" else "notice", "#notices")
