# SPDX-License-Identifier: GPL-3.0-or-later
"""API v1 (docs/sync-api.md)."""

from fastapi import APIRouter

from central.api.deps import problem_responses
from central.api.routes import calendar, enrol, events, heartbeat, lookups, snapshot

api_router = APIRouter(prefix="/api/v1", responses=problem_responses(401, 403, 404, 413))
api_router.include_router(enrol.router)
api_router.include_router(snapshot.router)
api_router.include_router(events.router)
api_router.include_router(heartbeat.router)
api_router.include_router(calendar.router)
api_router.include_router(lookups.router)
