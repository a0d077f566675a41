# SPDX-License-Identifier: GPL-3.0-or-later
"""POST a batch of a kiosk's outbox events; one result per event, in order."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from central.api.deps import ServerKeyDep, StationDevice, WriterDep
from central.core.config import MAX_EVENTS_PER_BATCH
from central.services.events import take_events

router = APIRouter(tags=["events"])


class EventBatch(BaseModel):
    # Items stay raw: a malformed event is answered "invalid", it does not fail the batch.
    events: list[Any] = Field(max_length=MAX_EVENTS_PER_BATCH)


class EventResult(BaseModel):
    uuid: str
    status: Literal["created", "duplicate", "conflict", "invalid"]
    reason: str | None = None


class EventResults(BaseModel):
    results: list[EventResult]


@router.post("/stations/{station_id}/events", response_model_exclude_none=True)
def post_events(
    station_id: str,
    batch: EventBatch,
    device: StationDevice,
    session: WriterDep,
    key: ServerKeyDep,
) -> EventResults:
    with session.begin():
        results = take_events(session, batch.events, station_id, device.id, key)
    return EventResults(results=[EventResult.model_validate(result) for result in results])
