# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's kiosk fleet at /console/fleet (issue 15 §3): every kiosk per region with its
colour and cause, a kiosk's detail, enrolment codes and revoking. No personal data anywhere:
the rules, scope and audit are in central.services.fleet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME
from central.models import Station
from central.services import fleet
from central.services.fleet import FleetError, KioskHealth
from central.services.permissions import Action, allowed, require, scope_of
from central.web.console.auth import ConsoleUser, CurrentUser, check_csrf, clock, database
from central.web.console.pages import Form, language, render
from central.web.console.text import translator

router = APIRouter(prefix="/console", include_in_schema=False)
api_router = APIRouter(prefix="/console/api", tags=["console"])


class KioskRow(BaseModel):
    device_id: str
    name: str
    station_id: str
    station: str
    region: str
    colour: str
    causes: list[str]
    last_seen: datetime | None
    version: str
    pending: int | None
    quarantined: int
    disk_free_bytes: int | None
    clock_skew_seconds: float | None
    revoked: bool


@api_router.get("/fleet")
def fleet_api(request: Request, user: CurrentUser) -> list[KioskRow]:
    """Every kiosk in the account's scope with its colour and causes (technicians, admins)."""
    with database(request).reader() as session:
        kiosks = fleet.visible_fleet(session, user.who, clock(request))
    return [
        KioskRow(
            device_id=k.device_id,
            name=k.name,
            station_id=k.station_id,
            station=k.station_name,
            region=k.region_name,
            colour=k.colour,
            causes=[c.text() for c in k.causes],
            last_seen=k.last_seen_at,
            version=k.version,
            pending=k.pending if isinstance(k.pending, int) else None,
            quarantined=k.quarantined,
            disk_free_bytes=k.disk_free_bytes if isinstance(k.disk_free_bytes, int) else None,
            clock_skew_seconds=k.clock_skew_seconds,
            revoked=k.revoked_at is not None,
        )
        for k in kiosks
    ]


def size_text(value: int | None) -> str:
    if value is None:
        return "—"
    if value >= 1024**3:
        return f"{value / 1024**3:.1f} GB"
    return f"{value / 1024**2:.0f} MB"


def skew_text(_: Callable[[str], str], seconds: float | None, lang: str = "zh") -> str:
    if seconds is None:
        return "—"
    if abs(seconds) < 60:
        return _("clock_ok")
    # Short, for a narrow column: 慢 2 小时 / 2 hours slow.
    span = fleet.duration_text(seconds, lang)
    if lang == "zh":
        return f"{'慢' if seconds < 0 else '快'} {span}"
    return f"{span} {'slow' if seconds < 0 else 'fast'}"


def _stations(session: Session, user: ConsoleUser) -> list[tuple[str, str]]:
    scope = scope_of(session, user.account)
    query = select(Station.id, Station.name).order_by(Station.name)
    if scope.station_ids is not None:
        query = query.where(Station.id.in_(sorted(scope.station_ids)))
    return [(station_id, name) for station_id, name in session.execute(query)]


def _fleet_page(
    request: Request, user: ConsoleUser, *, notice: str = "", problem: str = "", status: int = 200
) -> Response:
    require(user.account, Action.FLEET)
    show = request.query_params.get("show", "all")
    show = show if show in ("all", "visit") else "all"
    now = clock(request)
    with database(request).reader() as session:
        kiosks = fleet.visible_fleet(session, user.who, now)
        stations = _stations(session, user)
    counts = {c: sum(1 for k in kiosks if k.colour == c) for c in fleet.Colour}
    if show == "visit":
        kiosks = [k for k in kiosks if k.needs_visit]
    regions: dict[str, list[KioskHealth]] = {}
    for k in kiosks:
        regions.setdefault(k.region_name, []).append(k)
    context = {
        "regions": regions,
        "counts": counts,
        "show": show,
        "stations": stations,
        "can_enrol": allowed(user.account.role, Action.KIOSKS),
        "size_text": size_text,
        "skew_text": skew_text,
        "notice": notice,
        "problem": problem,
    }
    return render(request, "fleet.html", context, user=user, status=status)


@router.get("/fleet", response_class=HTMLResponse)
def fleet_page(request: Request, user: CurrentUser) -> Response:
    return _fleet_page(request, user)


@router.post("/fleet/enrolment-code", response_class=HTMLResponse)
def enrolment_code(request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    _ = translator(language(request))
    station_id = form.get("station", "")
    try:
        with database(request).writer.begin() as session:
            code, until = fleet.issue_code(session, user.who, station_id, clock(request))
            station = session.get(Station, station_id)
            name = station.name if station else station_id
    except FleetError as error:
        return _fleet_page(request, user, problem=str(error), status=400)
    notice = _(
        "code_issued",
        station=name,
        code=code,
        until=until.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M"),
    )
    return _fleet_page(request, user, notice=notice)


def _kiosk_page(
    request: Request,
    user: ConsoleUser,
    device_id: str,
    *,
    notice: str = "",
    problem: str = "",
    status: int = 200,
) -> Response:
    with database(request).reader() as session:
        k = fleet.visible_kiosk(session, user.who, device_id, clock(request))
    items = [
        (str(i.get("kind", "")), str(i.get("reason", "")), _made_at(i.get("created_at")))
        for i in k.quarantined_items
    ]
    _ = translator(language(request))
    kinds = {"appeal": "kind_appeal", "appointment": "kind_appointment"}
    context = {
        "kind_name": lambda kind: _(kinds[kind]) if kind in kinds else kind,
        "k": k,
        "items": items,
        "can_revoke": allowed(user.account.role, Action.KIOSKS) and k.revoked_at is None,
        "size_text": size_text,
        "skew_text": skew_text,
        "notice": notice,
        "problem": problem,
    }
    return render(request, "kiosk.html", context, user=user, status=status)


def _made_at(text: object) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=CHINA_TIME)


@router.get("/fleet/{device_id}", response_class=HTMLResponse)
def kiosk_page(device_id: str, request: Request, user: CurrentUser) -> Response:
    return _kiosk_page(request, user, device_id)


@router.post("/fleet/{device_id}/revoke", response_class=HTMLResponse)
def revoke(device_id: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    _ = translator(language(request))
    if form.get("confirm") != "yes":
        return _kiosk_page(request, user, device_id, problem=_("confirm_needed"), status=400)
    with database(request).writer.begin() as session:
        fleet.revoke(session, user.who, device_id, clock(request))
    return _kiosk_page(request, user, device_id, notice=_("revoked_notice"))
