# SPDX-License-Identifier: GPL-3.0-or-later
"""What routes depend on: database sessions, the calling device, the server's key."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from nacl.public import PrivateKey
from pydantic import BaseModel
from sqlalchemy.orm import Session

from central.core.db import Database
from central.models import Device
from central.services.devices import device_for_token


def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def get_db(request: Request) -> Iterator[Session]:
    """A reading session (on SQLite it never waits for writers)."""
    with get_database(request).reader() as session:
        yield session


def get_writer(request: Request) -> Iterator[Session]:
    """A session for changes. The route commits (`with session.begin():`) before it answers:
    the exit of a dependency may run only after the response has gone out, and a kiosk must
    never hear "created" for something not yet on disk."""
    with get_database(request).writer() as session:
        yield session


def get_server_key(request: Request) -> PrivateKey:
    key: PrivateKey = request.app.state.server_key
    return key


DatabaseDep = Annotated[Database, Depends(get_database)]
SessionDep = Annotated[Session, Depends(get_db)]
WriterDep = Annotated[Session, Depends(get_writer)]
ServerKeyDep = Annotated[PrivateKey, Depends(get_server_key)]

_bearer = HTTPBearer(auto_error=False, description="The device token enrolment gave")
BearerCredentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def unauthorized() -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        "Unknown or revoked device token: enrol this kiosk again.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def forbidden() -> HTTPException:
    return HTTPException(status.HTTP_403_FORBIDDEN, "This device belongs to another station.")


def get_current_device(session: SessionDep, credentials: BearerCredentials) -> Device:
    device = device_for_token(session, credentials.credentials) if credentials else None
    if device is None:
        raise unauthorized()
    return device


CurrentDevice = Annotated[Device, Depends(get_current_device)]


def get_station_device(station_id: str, device: CurrentDevice) -> Device:
    """The calling device, if `station_id` is its own station (403 otherwise)."""
    if device.station_id != station_id:
        raise forbidden()
    return device


StationDevice = Annotated[Device, Depends(get_station_device)]


class Problem(BaseModel):
    """Why a request was refused, in plain words."""

    detail: str


_PROBLEMS = {
    400: "The request is well-formed but cannot be done (the detail says why)",
    401: "No or an unknown credential",
    403: "Not allowed for this credential (the detail says why)",
    404: "No such thing",
    409: "Not possible in the record's present state",
    413: "The body is too large",
}


def problem_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the refusals a group of routes can answer with."""
    return {code: {"model": Problem, "description": _PROBLEMS[code]} for code in codes}
