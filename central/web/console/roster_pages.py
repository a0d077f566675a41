# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's rosters at /console/rosters (issue 15 §1): a station's deputies, importing a
spreadsheet with a preview of what changes before confirming, editing one deputy and uploading
a photo. Only adapts: reading, checks, scope and audit are in central.services.rosters."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from central.core.config import UPLOAD_BODY_BYTES
from central.services import rosters
from central.services.permissions import Action
from central.services.pinyin import name_pinyin
from central.services.rosters import (
    DeputyNotFound,
    ImportRefused,
    PhotoRefused,
    StationNotFound,
)
from central.web.console.auth import ConsoleUser, CurrentUser, check_csrf, clock, database
from central.web.console.pages import SECURITY_HEADERS, language, render
from central.web.console.station_choice import station_page
from central.web.console.text import translator
from kiosk.domain.deputies import Level

router = APIRouter(prefix="/console", include_in_schema=False)
MAX_UPLOAD_BYTES = UPLOAD_BODY_BYTES
LABELS = {
    "id": "deputy_id",
    "name": "deputy_name",
    "levels": "roster_levels",
    "constituency": "constituency",
    "blocks": "blocks",
    "phone": "deputy_phone",
    "occupation": "roster_occupation",
    "bio": "bio",
    "qr_url": "qr_url",
    "pinyin": "pinyin_short",
    "photo": "photo",
}
PHOTO_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "svg": "image/svg+xml",
}


async def upload_form(request: Request) -> tuple[dict[str, str], bytes, str]:
    """A multipart form with at most one file: its fields, the file's bytes and name."""
    if int(request.headers.get("content-length") or 0) > MAX_UPLOAD_BYTES:
        raise HTTPException(413, "Too large")
    form = await request.form(max_files=1, max_fields=20, max_part_size=MAX_UPLOAD_BYTES)
    fields: dict[str, str] = {}
    content, name = b"", ""
    for key, value in form.items():
        if isinstance(value, UploadFile):
            content, name = await value.read(MAX_UPLOAD_BYTES + 1), value.filename or ""
        else:
            fields[key] = value
    return fields, content, name


def _level_names(_: Any, levels: list[str]) -> str:
    return "、".join(_("lvl_" + level) for level in levels if level in set(Level))


def _roster_page(
    request: Request,
    user: ConsoleUser,
    station_id: str,
    *,
    notice: str = "",
    problem: str = "",
    problems: list[str] | None = None,
    status: int = 200,
) -> Response:
    def deputies(session: Session, station_id: str, _: Any) -> dict[str, Any]:
        rows = [
            {
                "id": d.deputy_id,
                "name": d.name,
                "levels": _level_names(_, d.levels or []),
                "constituency": d.constituency,
                "blocks": "、".join(d.blocks or []),
                "photo": bool(d.photo_sha256),
            }
            for d in rosters.roster(session, station_id)
        ]
        return {"deputies": rows}

    return station_page(
        request,
        user,
        "rosters.html",
        Action.ROSTERS,
        station_id,
        deputies,
        refusal="import_refused",
        notice=notice,
        problem=problem,
        problems=problems,
        status=status,
    )


@router.get("/rosters", response_class=HTMLResponse)
def rosters_page(request: Request, user: CurrentUser) -> Response:
    return _roster_page(request, user, request.query_params.get("station", ""))


def _checked(request: Request, user: ConsoleUser, station_id: str) -> str | None:
    """None when the station is in the account's scope, else the words saying it is not."""
    try:
        with database(request).reader() as session:
            rosters.station_in_scope(session, user.who, station_id, Action.ROSTERS)
    except StationNotFound:
        return translator(language(request))("roster_no_station")
    return None


@router.post("/rosters/{station_id}/import", response_class=HTMLResponse)
async def import_preview(station_id: str, request: Request, user: CurrentUser) -> Response:
    fields, content, name = await upload_form(request)
    check_csrf(user, fields.get("csrf"))
    _ = translator(language(request))
    if (missing := _checked(request, user, station_id)) is not None:
        return _roster_page(request, user, station_id, problem=missing, status=404)
    if not name:
        return _roster_page(request, user, station_id, problem=_("choose_file"), status=400)
    return _preview(request, user, station_id, name, content)


def _preview(
    request: Request, user: ConsoleUser, station_id: str, name: str, content: bytes
) -> Response:
    _ = translator(language(request))
    try:
        table = rosters.read_table(name, content)
        entries = rosters.parse_roster(table, None)
    except ImportRefused as error:
        return _roster_page(
            request,
            user,
            station_id,
            problems=[p.words(language(request)) for p in error.problems],
            status=400,
        )
    with database(request).reader() as session:
        station = rosters.station_in_scope(session, user.who, station_id, Action.ROSTERS)
        entries = rosters.assign_ids(session, station_id, entries)
        lines = rosters.preview_roster(session, station_id, entries)
        removed = {line.deputy_id: line.name for line in lines if line.kind == "removed"}
        losses = rosters.schedule_losses(session, station_id, removed)
        station_name = station.name
    counts = {kind: sum(1 for line in lines if line.kind == kind) for kind in LINE_KINDS}
    context = {
        "station_id": station_id,
        "station_name": station_name,
        "file_name": name,
        "content": base64.b64encode(content).decode(),
        "lines": lines,
        "counts": counts,
        "ignored": "、".join(table.ignored),
        "schedule_warnings": [_loss_words(_, loss) for loss in losses],
        "changed": {
            line.deputy_id: "、".join(_(LABELS.get(c, c)) for c in line.changed) for line in lines
        },
    }
    return render(request, "roster_preview.html", context, user=user)


LINE_KINDS = ("new", "changed", "same", "removed")


def _loss_words(_: Any, loss: rosters.ScheduleLoss) -> str:
    words: str = _("still_on_schedule", names="、".join(loss.names), title=loss.title)
    return words + (" " + _("schedule_emptied") if loss.emptied else "")


@router.post("/rosters/{station_id}/import/confirm", response_class=HTMLResponse)
async def import_confirm(station_id: str, request: Request, user: CurrentUser) -> Response:
    fields, _file, _name = await upload_form(request)
    check_csrf(user, fields.get("csrf"))
    _ = translator(language(request))
    if (missing := _checked(request, user, station_id)) is not None:
        return _roster_page(request, user, station_id, problem=missing, status=404)
    name = fields.get("file_name", "")
    try:
        content = base64.b64decode(fields.get("content", ""), validate=True)
        entries = rosters.parse_roster(rosters.read_table(name, content), None)
    except (binascii.Error, ValueError) as error:
        lang = language(request)
        refused = error.problems if isinstance(error, ImportRefused) else []
        problems = [p.words(lang) for p in refused]
        problems = problems or [_("choose_file")]
        return _roster_page(request, user, station_id, problems=problems, status=400)
    with database(request).writer.begin() as session:
        rosters.station_in_scope(session, user.who, station_id, Action.ROSTERS)
        change = rosters.import_roster(
            session, station_id, entries, who=user.who, now=clock(request)
        )
    notice = _(
        "roster_imported",
        added=change.added,
        updated=change.updated,
        removed=len(change.removed),
    )
    for loss in change.schedules:
        notice += " " + _("left_schedule", names="、".join(loss.names), title=loss.title)
    return _roster_page(request, user, station_id, notice=notice)


def _deputy_page(
    request: Request,
    user: ConsoleUser,
    station_id: str,
    deputy_id: str,
    *,
    values: dict[str, str] | None = None,
    notice: str = "",
    problem: str = "",
    problems: list[str] | None = None,
    status: int = 200,
) -> Response:
    _ = translator(language(request))
    try:
        with database(request).reader() as session:
            station = rosters.station_in_scope(session, user.who, station_id, Action.ROSTERS)
            deputy = rosters.find_deputy(session, station_id, deputy_id)
            current = {
                "name": deputy.name,
                "levels": ",".join(deputy.levels or []),
                "constituency": deputy.constituency,
                "blocks": "、".join(deputy.blocks or []),
                "phone": deputy.phone,
                "occupation": deputy.occupation,
                "bio": deputy.bio,
                "qr_url": deputy.qr_url,
                # Shown only where it overrides what the name reads as.
                "pinyin": ""
                if deputy.pinyin == " ".join(name_pinyin(deputy.name))
                else deputy.pinyin,
            }
            has_photo, station_name = bool(deputy.photo_sha256), station.name
    except (StationNotFound, DeputyNotFound) as error:
        key = "roster_no_station" if isinstance(error, StationNotFound) else "roster_no_deputy"
        return _roster_page(request, user, station_id, problem=_(key), status=404)
    shown = values or current
    context = {
        "station_id": station_id,
        "station_name": station_name,
        "deputy_id": deputy_id,
        "values": shown,
        "chosen": set(shown["levels"].split(",")),
        "all_levels": [(level.value, _("lvl_" + level.value)) for level in Level],
        "has_photo": has_photo,
        "problems": problems or [],
        "refusal": _("fix_fields"),
        "notice": notice,
        "problem": problem,
    }
    return render(request, "deputy_edit.html", context, user=user, status=status)


@router.get("/rosters/{station_id}/deputies/{deputy_id}", response_class=HTMLResponse)
def deputy_page(station_id: str, deputy_id: str, request: Request, user: CurrentUser) -> Response:
    return _deputy_page(request, user, station_id, deputy_id)


@router.post("/rosters/{station_id}/deputies/{deputy_id}", response_class=HTMLResponse)
async def deputy_save(
    station_id: str, deputy_id: str, request: Request, user: CurrentUser
) -> Response:
    if int(request.headers.get("content-length") or 0) > 64_000:
        raise HTTPException(413, "Too large")
    form = await request.form(max_files=0, max_fields=30)
    check_csrf(user, str(form.get("csrf", "")))
    _ = translator(language(request))
    values = {key: str(form.get(key, "")) for key in rosters.DEPUTY_FIELDS if key != "levels"}
    values["levels"] = ",".join(str(v) for v in form.getlist("levels"))
    try:
        with database(request).writer.begin() as session:
            rosters.station_in_scope(session, user.who, station_id, Action.ROSTERS)
            changed = rosters.update_deputy(
                session, user.who, station_id, deputy_id, values, now=clock(request)
            )
    except ImportRefused as error:
        english = language(request) == "en"
        problems = [
            f"{_(LABELS.get(p.column, p.column))}: {p.english or p.problem}"
            if english
            else f"{_(LABELS.get(p.column, p.column))}：{p.problem}"
            for p in error.problems
        ]
        return _deputy_page(
            request,
            user,
            station_id,
            deputy_id,
            values=values,
            problems=problems,
            status=400,
        )
    except (StationNotFound, DeputyNotFound):
        return _deputy_page(request, user, station_id, deputy_id)
    notice = _("deputy_saved") if changed else _("deputy_unchanged")
    return _deputy_page(request, user, station_id, deputy_id, notice=notice)


@router.post("/rosters/{station_id}/deputies/{deputy_id}/photo", response_class=HTMLResponse)
async def photo_save(
    station_id: str, deputy_id: str, request: Request, user: CurrentUser
) -> Response:
    fields, content, _name = await upload_form(request)
    check_csrf(user, fields.get("csrf"))
    _ = translator(language(request))
    try:
        photo = rosters.photo_upload(content)
        with database(request).writer.begin() as session:
            rosters.station_in_scope(session, user.who, station_id, Action.ROSTERS)
            rosters.set_photo(session, user.who, station_id, deputy_id, photo, now=clock(request))
    except PhotoRefused as error:
        return _deputy_page(request, user, station_id, deputy_id, problem=str(error), status=400)
    except (StationNotFound, DeputyNotFound):
        return _deputy_page(request, user, station_id, deputy_id)
    return _deputy_page(request, user, station_id, deputy_id, notice=_("photo_saved"))


@router.get("/rosters/{station_id}/deputies/{deputy_id}/photo")
def photo_file(station_id: str, deputy_id: str, request: Request, user: CurrentUser) -> Response:
    try:
        with database(request).reader() as session:
            rosters.station_in_scope(session, user.who, station_id, Action.ROSTERS)
            photo = rosters.find_deputy(session, station_id, deputy_id).photo
            if photo is None:
                raise DeputyNotFound(deputy_id)
            content, kind = photo.content, PHOTO_TYPES.get(photo.extension, "image/jpeg")
    except (StationNotFound, DeputyNotFound):
        return Response(status_code=404)
    headers = dict(SECURITY_HEADERS) | {"Content-Security-Policy": "default-src 'none'"}
    return Response(content, media_type=kind, headers=headers)
