# SPDX-License-Identifier: GPL-3.0-or-later
"""A station's reception days as an iCalendar feed staff subscribe to in a calendar app.

Calendar apps cannot send a device token, so the feed URL carries a per-station secret
(`python -m central schedules feed-token --station ID` prints it; running it again replaces
it, which revokes the old URL). The server keeps only its SHA-256 hash.
"""

from __future__ import annotations

import hmac

from fastapi import APIRouter, HTTPException, Response, status

from central.api.deps import SessionDep
from central.core.security import token_hash
from central.models import Station
from central.services.schedules import station_calendar

router = APIRouter(tags=["calendar"])


@router.get(
    "/stations/{station_id}/schedules.ics",
    responses={
        200: {"content": {"text/calendar": {}}, "description": "The station's schedules"},
        404: {"description": "No such station, or a wrong or revoked feed token"},
    },
)
def read_calendar(station_id: str, token: str, session: SessionDep) -> Response:
    station = session.get(Station, station_id)
    # One answer for "no station" and "wrong token": the URL reveals nothing either way.
    if (
        station is None
        or station.calendar_token_hash is None
        or not hmac.compare_digest(station.calendar_token_hash, token_hash(token))
    ):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such calendar.")
    text = station_calendar(session, station)
    return Response(
        text.encode(),
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "private, max-age=300"},
    )
