# SPDX-License-Identifier: GPL-3.0-or-later
"""The FastAPI application."""

from __future__ import annotations

from fastapi import FastAPI

from central.api.main import api_router
from central.api.routes.snapshot import SnapshotCache
from central.core.config import Settings
from central.core.db import open_database
from central.core.security import load_server_key
from central.web.console import pages as console
from central.web.phone import pages


def create_app(settings: Settings) -> FastAPI:
    """The server for `settings`: database migrated and server key loaded before it returns."""
    app = FastAPI(
        title="Station kiosk central server",
        summary="Stations, rosters and schedules out to the kiosks; their appeals in.",
        version="1",
    )
    app.state.database = open_database(settings)
    app.state.server_key = load_server_key(settings.server_key_path)
    app.state.snapshots = SnapshotCache()
    app.state.settings = settings
    # Replaced by the server's own http://host:port once it listens, if not configured.
    app.state.public_url = settings.public_url
    app.include_router(api_router)
    pages.install(app, settings)
    console.install(app)
    return app
