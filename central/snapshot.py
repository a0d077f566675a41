# SPDX-License-Identifier: GPL-3.0-or-later
"""A station's snapshot document (docs/sync-api.md), built from the database.

The station/deputies/schedules part is the kiosk's own document (kiosk.domain.snapshot);
the server adds photo URLs, PIN hashes, holidays, categories and the progress of appeals.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME
from central.holidays import holiday_calendar
from central.models import Appeal, Category, Deputy, Schedule, Station
from kiosk.domain.deputies import Deputy as DeputyEntity
from kiosk.domain.deputies import Level
from kiosk.domain.reception import ReceptionSchedule
from kiosk.domain.snapshot import schedule_from_document, snapshot_to_document
from kiosk.domain.station import (
    Notice,
    StationFigures,
    StationKind,
    StationRule,
    StationSnapshot,
)
from kiosk.domain.station import Station as StationEntity

PHOTO_PATH = "/api/v1/photos/"


def station_snapshot(session: Session, station: Station) -> StationSnapshot:
    """The kiosk's view of a station: what its screens show."""
    deputies = session.scalars(
        select(Deputy).where(Deputy.station_id == station.id).order_by(Deputy.position)
    ).all()
    schedules = session.scalars(
        select(Schedule).where(Schedule.station_id == station.id).order_by(Schedule.position)
    ).all()
    return StationSnapshot(
        station=StationEntity(
            id=station.id,
            kind=StationKind(station.kind),
            name=station.name,
            address=station.address,
            hours=station.hours,
            phone=station.phone,
            intro=station.intro,
            rules=tuple(StationRule(r["title"], r["body"]) for r in station.rules),
            notices=tuple(
                Notice(n["id"], n["title"], n["body"], date.fromisoformat(n["published_on"]))
                for n in station.notices
            ),
            figures=StationFigures(
                opinions_collected=station.opinions_collected,
                problems_solved=station.problems_solved,
                satisfaction=station.satisfaction,
            ),
        ),
        deputies=tuple(
            DeputyEntity(
                id=d.deputy_id,
                name=d.name,
                levels=tuple(Level(level) for level in d.levels),
                constituency=d.constituency,
                blocks=tuple(d.blocks),
                phone=d.phone,
                occupation=d.occupation,
                bio=d.bio,
                photo=d.photo.file_name if d.photo else "",
                qr_url=d.qr_url,
            )
            for d in deputies
        ),
        schedules=tuple(schedule_entity(s) for s in schedules),
        # Kiosks look back a little and ahead: last year on is enough (and keeps it small).
        holidays=holiday_calendar(session, since=datetime.now(CHINA_TIME).year - 1),
    )


def schedule_entity(row: Schedule) -> ReceptionSchedule:
    return schedule_from_document(schedule_document(row), f"schedule {row.schedule_id}")


def schedule_document(row: Schedule) -> dict[str, Any]:
    """A stored schedule in the snapshot document's form (one parser reads both)."""
    return {
        "id": row.schedule_id,
        "title": row.title,
        "rule": row.rule,
        "start": row.start.isoformat("minutes"),
        "end": row.end.isoformat("minutes"),
        "deputy_ids": list(row.deputy_ids),
        "per_occurrence": row.per_occurrence,
        "theme": row.theme,
        "place": row.place,
        "rotation": row.rotation,
        "roster": dict(row.roster),
        "invited": list(row.invited),
        "changes": list(row.changes),
        "on_holiday": row.on_holiday,
    }


def build_document(session: Session, station: Station) -> dict[str, Any]:
    """The whole snapshot document, `cursor` included (the hash of everything else)."""
    document = snapshot_to_document(station_snapshot(session, station))
    pins = {
        deputy_id: pin_hash
        for deputy_id, pin_hash in session.execute(
            select(Deputy.deputy_id, Deputy.pin_hash).where(Deputy.station_id == station.id)
        )
    }
    for deputy in document["deputies"]:
        deputy["photo_url"] = PHOTO_PATH + deputy["photo"] if deputy["photo"] else None
        deputy["pin_hash"] = pins.get(deputy["id"])
    document["categories"] = list(
        session.scalars(select(Category.name).order_by(Category.position))
    )
    appeals = session.scalars(
        select(Appeal).where(Appeal.station_id == station.id).order_by(Appeal.id)
    )
    document["appeals"] = [
        {
            "tracking_code": a.tracking_code,
            "state": a.state,
            "due_on": a.due_on.isoformat() if a.due_on else None,
            "steps": [
                {
                    "state": step.state,
                    "at": step.at.astimezone(CHINA_TIME).isoformat(timespec="seconds"),
                    "note": step.note,
                }
                for step in a.steps
            ],
        }
        for a in appeals
    ]
    document["cursor"] = document_hash(document)
    return document


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def document_hash(document: dict[str, Any]) -> str:
    """SHA-256 of the canonical document without its cursor: equal content, equal hash."""
    content = {key: value for key, value in document.items() if key != "cursor"}
    return hashlib.sha256(canonical_json(content).encode()).hexdigest()
