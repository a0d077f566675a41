# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's reception schedules at /console/schedules (issue 15 §1): a station's
schedules with their next days, editing a rule with a preview of its next 12 days (the kiosk's
own domain code), cancelling or moving one day with a public reason, and .ics import and
export. Only adapts: rules, checks, scope and audit are in central.services.schedules."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from central.services import rosters, schedules
from central.services.ical import import_calendar
from central.services.permissions import Action
from central.services.rosters import ImportRefused, StationNotFound, decode_text
from central.services.schedules import ScheduleError, ScheduleNotFound
from central.web.console.auth import ConsoleUser, CurrentUser, check_csrf, clock, database
from central.web.console.pages import SECURITY_HEADERS, language, render
from central.web.console.roster_pages import upload_form
from central.web.console.text import translator
from kiosk.domain.reception import ReceptionDay, ReceptionSchedule

router = APIRouter(prefix="/console", include_in_schema=False)
WEEKDAY_NAMES = "一二三四五六日"
FORM_FIELDS = (
    "title", "start", "end", "place", "repeat", "first", "weekday", "nth", "until", "rule",
)  # fmt: skip
CHANGE_FIELDS = ("day", "action", "moved_to", "new_start", "new_end", "reason")


def _today(request: Request) -> date:
    from central.core.config import CHINA_TIME

    return clock(request).astimezone(CHINA_TIME).date()


def _day_rows(_: Any, days: list[ReceptionDay]) -> list[dict[str, Any]]:
    rows = []
    for d in days:
        status = d.status.value
        label = (
            _("day_status_moved_away", day=d.moved_to.isoformat())
            if status == "moved_away" and d.moved_to
            else _("day_status_" + status)
        )
        rows.append(
            {
                "day": d.day.isoformat(),
                "weekday": WEEKDAY_NAMES[d.day.weekday()],
                "hours": f"{d.start:%H:%M}–{d.end:%H:%M}",
                "status": status,
                "label": label,
                "reason": d.reason,
                "holiday": d.holiday.name if d.holiday else "",
                "original": d.original_day.isoformat() if d.original_day else "",
            }
        )
    return rows


def _list_page(
    request: Request,
    user: ConsoleUser,
    station_id: str,
    *,
    notice: str = "",
    problem: str = "",
    problems: list[str] | None = None,
    status: int = 200,
) -> Response:
    _ = translator(language(request))
    today = _today(request)
    with database(request).reader() as session:
        stations = rosters.stations_in_scope(session, user.who, Action.SCHEDULES)
        ids = [s.id for s in stations]
        station_id = station_id if station_id in ids else (ids[0] if ids else "")
        rows = []
        for s in schedules.station_schedules(session, station_id) if station_id else []:
            days = schedules.next_dates(session, station_id, s, today, count=3)
            rows.append(
                {
                    "id": s.id,
                    "title": s.title,
                    "rule": schedules.describe_rule(s.rule),
                    "hours": f"{s.start:%H:%M}–{s.end:%H:%M}",
                    "place": s.place,
                    "days": _day_rows(_, days),
                }
            )
        station_name = next((s.name for s in stations if s.id == station_id), "")
    context = {
        "stations": [(s.id, s.name) for s in stations],
        "station_id": station_id,
        "station_name": station_name,
        "schedules": rows,
        "problems": problems or [],
        "refusal": _("ics_refused"),
        "notice": notice,
        "problem": problem,
    }
    return render(request, "schedules.html", context, user=user, status=status)


@router.get("/schedules", response_class=HTMLResponse)
def schedules_page(request: Request, user: CurrentUser) -> Response:
    return _list_page(request, user, request.query_params.get("station", ""))


def _in_scope(request: Request, user: ConsoleUser, station_id: str) -> bool:
    try:
        with database(request).reader() as session:
            rosters.station_in_scope(session, user.who, station_id, Action.SCHEDULES)
    except StationNotFound:
        return False
    return True


@router.get("/schedules/{station_id}/calendar.ics")
def export_ics(station_id: str, request: Request, user: CurrentUser) -> Response:
    try:
        with database(request).reader() as session:
            station = rosters.station_in_scope(session, user.who, station_id, Action.SCHEDULES)
            text = schedules.station_calendar(session, station)
    except StationNotFound:
        return Response(status_code=404)
    headers = dict(SECURITY_HEADERS) | {
        "Content-Disposition": f'attachment; filename="{station_id}.ics"'
    }
    return Response(text.encode(), media_type="text/calendar; charset=utf-8", headers=headers)


@router.post("/schedules/{station_id}/calendar", response_class=HTMLResponse)
async def import_ics(station_id: str, request: Request, user: CurrentUser) -> Response:
    fields, content, name = await upload_form(request)
    check_csrf(user, fields.get("csrf"))
    _ = translator(language(request))
    if not _in_scope(request, user, station_id):
        return _list_page(request, user, station_id, problem=_("roster_no_station"), status=404)
    if not name:
        return _list_page(request, user, station_id, problems=[_("choose_file")], status=400)
    try:
        text = decode_text(content)
        with database(request).writer.begin() as session:
            rosters.station_in_scope(session, user.who, station_id, Action.SCHEDULES)
            known = schedules.deputy_ids(session, station_id)
            imported = import_calendar(text, known)
            schedules.import_schedules(
                session, station_id, imported, who=user.who, now=clock(request)
            )
    except ImportRefused as error:
        problems = [str(p) for p in error.problems]
        return _list_page(request, user, station_id, problems=problems, status=400)
    return _list_page(request, user, station_id, notice=_("ics_imported", n=len(imported)))


def _edit_page(
    request: Request,
    user: ConsoleUser,
    station_id: str,
    schedule_id: str,
    *,
    values: dict[str, str] | None = None,
    change: dict[str, str] | None = None,
    preview: ReceptionSchedule | None = None,
    notice: str = "",
    problem: str = "",
    field: str = "",
    status: int = 200,
) -> Response:
    _ = translator(language(request))
    today = _today(request)
    try:
        with database(request).reader() as session:
            station = rosters.station_in_scope(session, user.who, station_id, Action.SCHEDULES)
            row = schedules.find_schedule(session, station_id, schedule_id)
            saved = schedules.schedule_entity(row)
            days = schedules.next_dates(session, station_id, preview or saved, today)
            changeable = schedules.next_dates(session, station_id, saved, today, count=30)
    except StationNotFound:
        return _list_page(request, user, station_id, problem=_("roster_no_station"), status=404)
    except ScheduleNotFound:
        return _list_page(request, user, station_id, problem=_("schedule_not_found"), status=404)
    form = asdict(schedules.rule_form(saved.rule))
    shown = {
        "title": saved.title,
        "start": f"{saved.start:%H:%M}",
        "end": f"{saved.end:%H:%M}",
        "place": saved.place,
        "repeat": form["repeat"],
        "first": form["first"],
        "weekday": form["weekday"],
        "nth": str(form["nth"]),
        "until": form["until"],
        "rule": form["text"] or saved.rule,
    } | (values or {})
    context = {
        "station_id": station_id,
        "station_name": station.name,
        "schedule_id": schedule_id,
        "values": shown,
        "change": change or {"action": "cancel"},
        "days": _day_rows(_, days),
        "is_preview": preview is not None,
        "change_days": [
            (d.day.isoformat(), f"{d.day.isoformat()} 周{WEEKDAY_NAMES[d.day.weekday()]}")
            for d in changeable
            if d.status.value != "moved"
        ],
        "weekdays": list(zip(schedules.WEEKDAYS, WEEKDAY_NAMES, strict=True)),
        "nths": [
            ("1", "第一个"),
            ("2", "第二个"),
            ("3", "第三个"),
            ("4", "第四个"),
            ("-1", "最后一个"),
        ],
        "repeats": schedules.REPEATS,
        "field": field,
        "notice": notice,
        "problem": problem,
    }
    return render(request, "schedule_edit.html", context, user=user, status=status)


def _edit_path(station_id: str, schedule_id: str) -> str:
    return f"/schedules/{station_id}/edit/{schedule_id}"


@router.get("/schedules/{station_id}/edit/{schedule_id}", response_class=HTMLResponse)
def edit_page(station_id: str, schedule_id: str, request: Request, user: CurrentUser) -> Response:
    return _edit_page(request, user, station_id, schedule_id)


async def _form(request: Request) -> dict[str, str]:
    if int(request.headers.get("content-length") or 0) > 32_000:
        raise HTTPException(413, "Too large")
    form = await request.form(max_files=0, max_fields=30)
    return {key: value for key, value in form.items() if isinstance(value, str)}


@router.post("/schedules/{station_id}/edit/{schedule_id}", response_class=HTMLResponse)
async def edit_save(
    station_id: str, schedule_id: str, request: Request, user: CurrentUser
) -> Response:
    form = await _form(request)
    check_csrf(user, form.get("csrf"))
    _ = translator(language(request))
    values = {key: form.get(key, "") for key in FORM_FIELDS}
    page = {"request": request, "user": user, "station_id": station_id}
    try:
        if form.get("do") == "preview":
            with database(request).reader() as session:
                rosters.station_in_scope(session, user.who, station_id, Action.SCHEDULES)
                row = schedules.find_schedule(session, station_id, schedule_id)
                edited, _dropped = schedules.edited_schedule(schedules.schedule_entity(row), values)
            return _edit_page(
                **page,
                schedule_id=schedule_id,
                values=values,
                preview=edited,
                notice=_("not_saved_yet"),
            )
        with database(request).writer.begin() as session:
            rosters.station_in_scope(session, user.who, station_id, Action.SCHEDULES)
            dropped = schedules.update_schedule(
                session, user.who, station_id, schedule_id, values, now=clock(request)
            )
    except ScheduleError as error:
        return _edit_page(
            **page,
            schedule_id=schedule_id,
            values=values,
            problem=str(error),
            field=error.field,
            status=400,
        )
    except (StationNotFound, ScheduleNotFound):
        return _edit_page(**page, schedule_id=schedule_id)
    notice = _("schedule_saved")
    if dropped:
        notice += " " + _("changes_dropped", days="、".join(c.day.isoformat() for c in dropped))
    return _edit_page(**page, schedule_id=schedule_id, notice=notice)


@router.post("/schedules/{station_id}/edit/{schedule_id}/change", response_class=HTMLResponse)
async def change_day(
    station_id: str, schedule_id: str, request: Request, user: CurrentUser
) -> Response:
    form = await _form(request)
    check_csrf(user, form.get("csrf"))
    _ = translator(language(request))
    values = {key: form.get(key, "").strip() for key in CHANGE_FIELDS}
    page = {"request": request, "user": user, "station_id": station_id}
    try:
        with database(request).writer.begin() as session:
            rosters.station_in_scope(session, user.who, station_id, Action.SCHEDULES)
            schedules.change_occurrence(
                session, user.who, station_id, schedule_id, values, now=clock(request)
            )
    except ScheduleError as error:
        return _edit_page(
            **page,
            schedule_id=schedule_id,
            change=values,
            problem=str(error),
            field=error.field,
            status=400,
        )
    except (StationNotFound, ScheduleNotFound):
        return _edit_page(**page, schedule_id=schedule_id)
    notice = _("change_saved_" + values["action"], day=values["day"])
    return _edit_page(**page, schedule_id=schedule_id, notice=notice)
