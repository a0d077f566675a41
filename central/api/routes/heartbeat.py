# SPDX-License-Identifier: GPL-3.0-or-later
"""POST a kiosk's heartbeat: how it is doing; the answer carries the server's clock."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter
from pydantic import BaseModel, Field

from central.api.deps import StationDevice, WriterDep
from central.core.config import CHINA_TIME
from central.services.devices import record_heartbeat

router = APIRouter(tags=["heartbeat"])


class OutboxCounts(BaseModel):
    pending: int = Field(ge=0)
    sent: int = Field(ge=0)
    quarantined: int = Field(ge=0)


class QuarantinedItem(BaseModel):
    """An outbox item the server refused: what kind, why (no personal data), when made."""

    kind: str = Field(max_length=32)
    reason: str = Field(max_length=300)
    created_at: str | None = Field(default=None, max_length=64)


class RetryCounts(BaseModel):
    """Syncs the kiosk retried since it was installed, by cause (kiosk.sync.policy)."""

    unreachable: int = Field(default=0, ge=0)
    timeout: int = Field(default=0, ge=0)
    cut_off: int = Field(default=0, ge=0)
    server_error: int = Field(default=0, ge=0)


class Heartbeat(BaseModel):
    version: str = Field(max_length=64)
    last_pull: str | None = Field(default=None, max_length=64)
    last_push: str | None = Field(default=None, max_length=64)
    outbox: OutboxCounts | None = None
    quarantined_items: list[QuarantinedItem] = Field(default_factory=list, max_length=20)
    disk_free_bytes: int | None = Field(default=None, ge=0)
    disk_low: bool = False  # below the kiosk's free-space floor: it refuses new appeals
    snapshot_refused: str = Field(default="", max_length=500)  # why the kiosk kept its last
    clock: str = Field(max_length=64)
    retries: RetryCounts | None = None


class HeartbeatAnswer(BaseModel):
    clock: str


@router.post("/stations/{station_id}/heartbeat")
def post_heartbeat(
    station_id: str, heartbeat: Heartbeat, device: StationDevice, session: WriterDep
) -> HeartbeatAnswer:
    now = datetime.now(UTC)
    with session.begin():
        record_heartbeat(session, device.id, heartbeat.model_dump(), now)
    return HeartbeatAnswer(clock=now.astimezone(CHINA_TIME).isoformat(timespec="milliseconds"))
