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
from sqlalchemy.orm import Session

from central.services import rosters, schedules
from central.services.ical import import_calendar
from central.services.permissions import Action
from central.services.rosters import ImportRefused, StationNotFound, decode_text
from central.services.schedules import ScheduleError, ScheduleNotFound
from central.services.snapshot import schedule_entity
from central.web.console.auth import ConsoleUser, CurrentUser, check_csrf, clock, database
from central.web.console.pages import SECURITY_HEADERS, language, render
from central.web.console.roster_pages import upload_form
from central.web.console.station_choice import station_page
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


def _day_rows(
    _: Any, days: list[ReceptionDay], names: dict[str, str] | None = None
) -> list[dict[str, Any]]:
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
                "names": "、".join(names.get(i, i) for i in d.deputy_ids) if names else "",
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
    today = _today(request)

    def schedule_rows(session: Session, station_id: str, _: Any) -> dict[str, Any]:
        rows = []
        for s in schedules.station_schedules(session, station_id):
            days = schedules.next_dates(session, station_id, s, today, count=3)
            rows.append(
                {
                    "id": s.id,
                    "title": s.title,
                    "theme": s.theme,
                    "rule": schedules.describe_rule(s.rule),
                    "hours": f"{s.start:%H:%M}–{s.end:%H:%M}",
                    "place": s.place,
                    "days": _day_rows(_, days),
                }
            )
        return {"schedules": rows}

    return station_page(
        request,
        user,
        "schedules.html",
        Action.SCHEDULES,
        station_id,
        schedule_rows,
        refusal="ics_refused",
        notice=notice,
        problem=problem,
        problems=problems,
        status=status,
    )


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


def _rule_choices() -> dict[str, Any]:
    """The choices of the rule's fields, the same when creating and editing."""
    return {
        "weekdays": list(zip(schedules.WEEKDAYS, WEEKDAY_NAMES, strict=True)),
        "nths": [(str(n), name) for n, name in schedules.NTH_NAMES.items()],
        "repeats": schedules.REPEATS,
    }


def _edit_page(
    request: Request,
    user: ConsoleUser,
    station_id: str,
    schedule_id: str,
    *,
    values: dict[str, str] | None = None,
    change: dict[str, str] | None = None,
    people: dict[str, Any] | None = None,
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
            saved = schedule_entity(row)
            days = schedules.next_dates(session, station_id, preview or saved, today)
            changeable = schedules.next_dates(session, station_id, saved, today, count=30)
            deputies = [(d.deputy_id, d.name) for d in rosters.roster(session, station_id)]
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
    context = _rule_choices() | {
        "station_id": station_id,
        "station_name": station.name,
        "schedule_id": schedule_id,
        "values": shown,
        "change": change or {"action": "cancel"},
        "days": _day_rows(_, days, dict(deputies)),
        "is_preview": preview is not None,
        "deputies": deputies,
        "people": people
        or {
            "chosen": set(saved.deputy_ids),
            "per_occurrence": str(saved.per_occurrence or ""),
            "theme": saved.theme,
        },
        "rotation": saved.rotation.value,
        "change_days": [
            (d.day.isoformat(), f"{d.day.isoformat()} 周{WEEKDAY_NAMES[d.day.weekday()]}")
            for d in changeable
            if d.status.value != "moved"
        ],
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
    page: dict[str, Any] = {"request": request, "user": user, "station_id": station_id}
    try:
        if form.get("do") == "preview":
            with database(request).reader() as session:
                rosters.station_in_scope(session, user.who, station_id, Action.SCHEDULES)
                row = schedules.find_schedule(session, station_id, schedule_id)
                edited, _dropped = schedules.edited_schedule(schedule_entity(row), values)
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
    page: dict[str, Any] = {"request": request, "user": user, "station_id": station_id}
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


# --- a new schedule, and deleting one ---------------------------------------------------------

NEW_FIELDS = (*FORM_FIELDS, "theme", "per_occurrence")
FIELD_LABELS = {
    "title": "schedule_title",
    "theme": "schedule_theme",
    "deputies": "schedule_deputies",
    "per_occurrence": "per_occurrence",
    "start": "start_time",
    "end": "end_time",
    "place": "schedule_place",
    "repeat": "repeat_how",
    "first": "first_day",
    "weekday": "weekday_pick",
    "nth": "nth",
    "until": "until_day",
    "rule": "rule_text",
}


def _new_page(
    request: Request,
    user: ConsoleUser,
    station_id: str,
    *,
    values: dict[str, str] | None = None,
    chosen: list[str] | None = None,
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
            deputies = [(d.deputy_id, d.name) for d in rosters.roster(session, station_id)]
            days = schedules.next_dates(session, station_id, preview, today) if preview else []
    except StationNotFound:
        return _list_page(request, user, station_id, problem=_("roster_no_station"), status=404)
    shown = {key: "" for key in NEW_FIELDS} | {
        "start": "09:00",
        "end": "11:30",
        "repeat": "weekly",
        "first": today.isoformat(),
        "weekday": schedules.WEEKDAYS[today.weekday()],
        "nth": "1",
    }
    context = _rule_choices() | {
        "station_id": station_id,
        "station_name": station.name,
        "values": shown | (values or {}),
        "deputies": deputies,
        "chosen": set(chosen or []),
        "days": _day_rows(_, days, dict(deputies)),
        "is_preview": preview is not None,
        "field": field,
        "notice": notice,
        "problem": problem,
    }
    return render(request, "schedule_new.html", context, user=user, status=status)


@router.get("/schedules/{station_id}/new", response_class=HTMLResponse)
def new_page(station_id: str, request: Request, user: CurrentUser) -> Response:
    return _new_page(request, user, station_id)


@router.post("/schedules/{station_id}/new", response_class=HTMLResponse)
async def new_save(station_id: str, request: Request, user: CurrentUser) -> Response:
    if int(request.headers.get("content-length") or 0) > 64_000:
        raise HTTPException(413, "Too large")
    form = await request.form(max_files=0, max_fields=200)
    check_csrf(user, str(form.get("csrf", "")))
    _ = translator(language(request))
    values = {key: str(form.get(key, "")) for key in NEW_FIELDS}
    chosen = [str(v) for v in form.getlist("deputies")]
    page: dict[str, Any] = {"request": request, "user": user, "station_id": station_id}
    try:
        if form.get("do") == "preview":
            with database(request).reader() as session:
                rosters.station_in_scope(session, user.who, station_id, Action.SCHEDULES)
                roster = schedules.station_deputy_ids(session, station_id)
            preview = schedules.new_schedule(values, chosen, roster)
            notice = _("not_saved_yet")
            return _new_page(**page, values=values, chosen=chosen, preview=preview, notice=notice)
        with database(request).writer.begin() as session:
            rosters.station_in_scope(session, user.who, station_id, Action.SCHEDULES)
            made = schedules.create_schedule(
                session, user.who, station_id, values, chosen, now=clock(request)
            )
    except ScheduleError as error:
        label = _(FIELD_LABELS.get(error.field, "schedule_rule"))
        return _new_page(
            **page,
            values=values,
            chosen=chosen,
            problem=f"{label}：{error}",
            field=error.field,
            status=400,
        )
    except StationNotFound:
        return _new_page(**page)
    notice = _("schedule_created", title=made.title)
    return _edit_page(**page, schedule_id=made.id, notice=notice)


@router.post("/schedules/{station_id}/edit/{schedule_id}/delete", response_class=HTMLResponse)
async def delete(
    station_id: str, schedule_id: str, request: Request, user: CurrentUser
) -> Response:
    form = await _form(request)
    check_csrf(user, form.get("csrf"))
    _ = translator(language(request))
    try:
        with database(request).writer.begin() as session:
            rosters.station_in_scope(session, user.who, station_id, Action.SCHEDULES)
            title = schedules.delete_schedule(
                session, user.who, station_id, schedule_id, now=clock(request)
            )
    except StationNotFound:
        return _list_page(request, user, station_id, problem=_("roster_no_station"), status=404)
    except ScheduleNotFound:
        return _list_page(request, user, station_id, problem=_("schedule_not_found"), status=404)
    return _list_page(request, user, station_id, notice=_("schedule_deleted", title=title))


@router.post("/schedules/{station_id}/edit/{schedule_id}/people", response_class=HTMLResponse)
async def people_save(
    station_id: str, schedule_id: str, request: Request, user: CurrentUser
) -> Response:
    if int(request.headers.get("content-length") or 0) > 64_000:
        raise HTTPException(413, "Too large")
    form = await request.form(max_files=0, max_fields=200)
    check_csrf(user, str(form.get("csrf", "")))
    _ = translator(language(request))
    values = {key: str(form.get(key, "")) for key in ("theme", "per_occurrence")}
    chosen = [str(v) for v in form.getlist("deputies")]
    page: dict[str, Any] = {"request": request, "user": user, "station_id": station_id}
    try:
        with database(request).writer.begin() as session:
            rosters.station_in_scope(session, user.who, station_id, Action.SCHEDULES)
            schedules.update_people(
                session, user.who, station_id, schedule_id, values, chosen, now=clock(request)
            )
    except ScheduleError as error:
        label = _(FIELD_LABELS.get(error.field, "schedule_deputies"))
        return _edit_page(
            **page,
            schedule_id=schedule_id,
            people=values | {"chosen": set(chosen)},
            problem=f"{label}：{error}",
            field=error.field,
            status=400,
        )
    except (StationNotFound, ScheduleNotFound):
        return _edit_page(**page, schedule_id=schedule_id)
    return _edit_page(**page, schedule_id=schedule_id, notice=_("people_saved"))
