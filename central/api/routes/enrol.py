# SPDX-License-Identifier: GPL-3.0-or-later
"""POST /api/v1/enrol: a kiosk trades a one-time code for its device token."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status
from pydantic import BaseModel, Field

from central.api.deps import DatabaseDep
from central.core.security import public_key_text
from central.services.devices import EnrolmentRefused, enrol

router = APIRouter(tags=["enrolment"])


class EnrolRequest(BaseModel):
    enrolment_code: str = Field(max_length=64)
    device_name: str = Field(max_length=200)
    # Made by the kiosk before its first try, so that a retry after a lost answer is
    # recognised and answered with the same device (docs/sync-api.md).
    device_id: str | None = Field(
        None, pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
    )
    device_token: str | None = Field(None, min_length=32, max_length=128)


class EnrolResponse(BaseModel):
    device_id: str
    device_token: str
    station_id: str
    server_public_key: str = Field(description="base64 of the server's X25519 public key")


@router.post(
    "/enrol",
    status_code=status.HTTP_201_CREATED,
    responses={400: {"description": "The code is unknown, used or expired"}},
)
def enrol_device(request: Request, body: EnrolRequest, database: DatabaseDep) -> EnrolResponse:
    # Its own transaction, not WriterDep: a refusal must not be committed half-way.
    with database.writer.begin() as session:
        try:
            enrolment = enrol(
                session,
                body.enrolment_code,
                body.device_name,
                device_id=body.device_id,
                device_token=body.device_token,
            )
        except EnrolmentRefused as error:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, str(error)) from None
    return EnrolResponse(
        device_id=enrolment.device_id,
        device_token=enrolment.device_token,
        station_id=enrolment.station_id,
        server_public_key=public_key_text(request.app.state.server_key),
    )
