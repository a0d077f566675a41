# SPDX-License-Identifier: GPL-3.0-or-later
"""/healthz for the proxy and systemd, /metrics for Prometheus (docs/deploy-central.md)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from central.core import heap
from central.core.db import Database
from central.core.metrics import RequestMetrics
from central.services import monitoring

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
async def healthz(request: Request) -> Response:
    """200 when this instance answers and its database does; 503 otherwise (the proxy then
    sends requests to the other instances)."""
    database: Database = request.app.state.database

    def check() -> bool:
        with database.reader() as session:
            return monitoring.database_ok(session)

    try:
        await run_in_threadpool(check)
    except Exception:  # noqa: BLE001 - any failure of the database is "not healthy"
        return Response("database unavailable\n", status_code=503, media_type="text/plain")
    return Response("ok\n", media_type="text/plain")


@router.get("/metrics")
async def metrics(request: Request) -> Response:
    database: Database = request.app.state.database
    requests: RequestMetrics = request.app.state.metrics

    def shared() -> list[tuple[str, str, str, float]]:
        with database.reader() as session:
            return monitoring.gauges(session, datetime.now(UTC))

    lines = requests.render()
    for name, kind, help_text, value in await run_in_threadpool(shared):
        lines += [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}", f"{name} {value:g}"]
    builds = request.app.state.snapshots.builds
    lines += [
        "# HELP central_snapshot_builds_total Snapshot documents this process built.",
        "# TYPE central_snapshot_builds_total counter",
        f"central_snapshot_builds_total {builds}",
        *heap.render(),
    ]
    return Response("\n".join(lines) + "\n", media_type="text/plain; version=0.0.4; charset=utf-8")
