# SPDX-License-Identifier: GPL-3.0-or-later
"""The FastAPI application."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from starlette.middleware.gzip import GZipMiddleware

from central.api.main import api_router
from central.api.routes import health
from central.api.routes.snapshot import SnapshotCache
from central.core import heap
from central.core.body_limit import BodyLimit, BodyRule
from central.core.config import (
    API_BODY_BYTES,
    ENROL_BODY_BYTES,
    FORM_BODY_BYTES,
    UPLOAD_BODY_BYTES,
    WORKER_SETTINGS,
    Settings,
    settings_from_text,
)
from central.core.db import open_database
from central.core.metrics import MetricsMiddleware, RequestMetrics
from central.core.security import load_server_key
from central.services.appeals import fill_finished_at
from central.services.casework import refresh_due_dates
from central.services.guards import LookupLockout
from central.web.console import (
    category_pages,
    department_pages,
    figures_pages,
    fleet_pages,
    holiday_pages,
    pin_pages,
    privacy_pages,
    publish_api,
    publish_pages,
    roster_pages,
    schedule_pages,
)
from central.web.console import notices as console_notices
from central.web.console import pages as console
from central.web.console import workspace as deputy_workspace
from central.web.phone import pages


def create_app(settings: Settings) -> FastAPI:
    """The server for `settings`: database migrated and server key loaded before it returns."""
    description: dict[str, Any] = {
        "title": "Station kiosk central server",
        "summary": "Stations, rosters and schedules out to the kiosks; their appeals in.",
        "version": "1",
    }
    if settings.api_docs:
        # Swagger UI and ReDoc from the package's own files: nothing loaded from elsewhere.
        app = FastAPIOffline(**description, redoc_url=None)
    else:
        app = FastAPI(**description, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.database = open_database(settings)
    # Open appeals stored before a migration (0005 changed the rule) or a release get the
    # date the one rule gives now: lists sort by the stored date.
    with app.state.database.writer.begin() as session:
        refresh_due_dates(session)
        # Appeals the previous release finished during a rolling upgrade (migration 0014).
        fill_finished_at(session)
    app.state.server_key = load_server_key(settings.server_key_path)
    app.state.lookup_lockout = LookupLockout(
        hmac.new(bytes(app.state.server_key), b"lookup lockout", hashlib.sha256).digest()
    )
    app.state.snapshots = SnapshotCache()
    app.state.settings = settings
    # Replaced by the server's own http://host:port once it listens, if not configured.
    app.state.public_url = settings.public_url
    app.include_router(api_router)
    app.include_router(health.router)
    app.state.metrics = RequestMetrics()
    pages.install(app, settings)
    console.install(app)
    app.include_router(console_notices.router)
    app.include_router(deputy_workspace.router)
    app.include_router(deputy_workspace.api_router)
    app.include_router(fleet_pages.router)
    app.include_router(fleet_pages.api_router)
    app.include_router(privacy_pages.router)
    app.include_router(figures_pages.router)
    app.include_router(figures_pages.api_router)
    app.include_router(roster_pages.router)
    app.include_router(schedule_pages.router)
    publish_pages.install(app)
    app.include_router(publish_api.router)
    app.include_router(category_pages.router)
    app.include_router(department_pages.router)
    app.include_router(holiday_pages.router)
    app.include_router(pin_pages.router)
    database = app.state.database

    def token_known(token: str) -> bool:
        from central.services.devices import device_for_token

        with database.reader() as session:
            return device_for_token(session, token) is not None

    # Answers of 1 KB and more go gzipped to clients that accept it (kiosks' requests do; the
    # snapshot comes gzipped from its cache, built once per revision, and is passed through).
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    # Every body is capped before it is read; a kiosk's token is checked before its body.
    app.add_middleware(
        BodyLimit,
        rules=(
            BodyRule("/api/v1/stations/", API_BODY_BYTES, token_first=True),
            BodyRule("/api/v1/enrol", ENROL_BODY_BYTES),
            BodyRule("/api/", API_BODY_BYTES),
            # Roster files, photos and calendars staff upload in the console.
            BodyRule("/console/rosters/", UPLOAD_BODY_BYTES),
            BodyRule("/console/schedules/", UPLOAD_BODY_BYTES),
            BodyRule(publish_pages.PHOTO_PREFIX, publish_pages.PHOTO_BODY_BYTES),
        ),
        default_limit=FORM_BODY_BYTES,
        token_known=token_known,
    )
    # Outermost: every request's time, refusals of the body limit included.
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    return app


def worker_app() -> FastAPI:
    """The app of one `serve --workers N` process (uvicorn calls it in each worker)."""
    import os

    app = create_app(settings_from_text(os.environ[WORKER_SETTINGS]))
    heap.settle()  # what start-up made, kept out of this worker's later collections
    return app
