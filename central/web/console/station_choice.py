# SPDX-License-Identifier: GPL-3.0-or-later
"""The page of one station chosen among those in the account's scope, as the rosters and the
schedules pages show it: the station picker, the chosen station's name, and the notice or the
problems above it. Only adapts: scope is central.services.rosters.stations_in_scope."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from central.services import rosters
from central.services.permissions import Action
from central.web.console.auth import ConsoleUser, database
from central.web.console.pages import language, render
from central.web.console.text import translator

Rows = Callable[[Session, str, Any], dict[str, Any]]


def station_page(
    request: Request,
    user: ConsoleUser,
    template: str,
    action: Action,
    station_id: str,
    rows: Rows,
    *,
    refusal: str,
    notice: str = "",
    problem: str = "",
    problems: list[str] | None = None,
    status: int = 200,
) -> Response:
    """Render `template` for the wanted station (or the first in scope); `rows(session,
    station_id, _)` gives the page's own context for that station."""
    _ = translator(language(request))
    with database(request).reader() as session:
        stations = rosters.stations_in_scope(session, user.who, action)
        ids = [s.id for s in stations]
        station_id = station_id if station_id in ids else (ids[0] if ids else "")
        own = rows(session, station_id, _) if station_id else {}
        station_name = next((s.name for s in stations if s.id == station_id), "")
    context = {
        "stations": [(s.id, s.name) for s in stations],
        "station_id": station_id,
        "station_name": station_name,
        "problems": problems or [],
        "refusal": _(refusal),
        "notice": notice,
        "problem": problem,
    } | own
    return render(request, template, context, user=user, status=status)
