# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading and replacing the station snapshot (station, deputies, schedules) as a whole."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kiosk.domain.deputies import Deputy, parse_levels
from kiosk.domain.reception import OccurrenceChange, ReceptionSchedule
from kiosk.domain.snapshot import change_document
from kiosk.domain.station import (
    Notice,
    Station,
    StationFigures,
    StationKind,
    StationRule,
    StationSnapshot,
)
from kiosk.store.holidays import load_holidays, replace_holidays
from kiosk.store.models import (
    DeputyRow,
    NoticeRow,
    ReceptionScheduleRow,
    StationRow,
    StationRuleRow,
)


def load_station(session: Session) -> StationSnapshot | None:
    """The station this kiosk serves, or None before the first seed or pull."""
    row = session.scalars(select(StationRow)).first()
    if row is None:
        return None
    station = Station(
        id=row.id,
        kind=StationKind(row.kind),
        name=row.name,
        address=row.address,
        hours=row.hours,
        phone=row.phone,
        intro=row.intro,
        rules=tuple(StationRule(rule.title, rule.body) for rule in row.rules),
        notices=tuple(
            Notice(notice.id, notice.title, notice.body, notice.published_on)
            for notice in row.notices
        ),
        figures=StationFigures(row.opinions_collected, row.problems_solved, row.satisfaction),
    )
    deputies = session.scalars(
        select(DeputyRow).where(DeputyRow.station_id == row.id).order_by(DeputyRow.position)
    )
    schedules = session.scalars(
        select(ReceptionScheduleRow)
        .where(ReceptionScheduleRow.station_id == row.id)
        .order_by(ReceptionScheduleRow.position)
    )
    return StationSnapshot(
        station=station,
        deputies=tuple(
            Deputy(
                id=d.id,
                name=d.name,
                levels=parse_levels(d.levels),
                constituency=d.constituency,
                blocks=tuple(d.blocks),
                phone=d.phone,
                occupation=d.occupation,
                bio=d.bio,
                photo=d.photo,
                qr_url=d.qr_url,
                pinyin=tuple(d.pinyin or ()),
            )
            for d in deputies
        ),
        schedules=tuple(
            ReceptionSchedule(
                id=s.id,
                title=s.title,
                rule=s.rule,
                start=time.fromisoformat(s.start_time),
                end=time.fromisoformat(s.end_time),
                deputy_ids=tuple(s.deputy_ids),
                per_occurrence=s.per_occurrence,
                theme=s.theme,
                place=s.place,
                rotation=s.rotation,
                roster={date.fromisoformat(d): tuple(ids) for d, ids in s.roster.items()},
                invited=tuple(s.invited),
                changes=tuple(_change(c) for c in s.changes),
                on_holiday=s.on_holiday,
            )
            for s in schedules
        ),
        holidays=load_holidays(session),
    )


def _change(document: dict[str, Any]) -> OccurrenceChange:
    def optional(key: str, parse):  # type: ignore[no-untyped-def]
        return parse(document[key]) if document.get(key) else None

    return OccurrenceChange(
        day=date.fromisoformat(document["date"]),
        cancelled=bool(document.get("cancelled")),
        moved_to=optional("moved_to", date.fromisoformat),
        start=optional("start", time.fromisoformat),
        end=optional("end", time.fromisoformat),
        reason=document.get("reason", ""),
    )


def replace_station(session: Session, snapshot: StationSnapshot) -> None:
    """Make `snapshot` the station's whole data, in the caller's transaction.

    Appeals and the outbox are left alone: they are the visitors', not the station's.
    """
    for model in (ReceptionScheduleRow, DeputyRow, StationRow):
        session.execute(delete(model))
    station = snapshot.station
    session.add(
        StationRow(
            id=station.id,
            kind=station.kind.value,
            name=station.name,
            address=station.address,
            hours=station.hours,
            phone=station.phone,
            intro=station.intro,
            opinions_collected=station.figures.opinions_collected,
            problems_solved=station.figures.problems_solved,
            satisfaction=station.figures.satisfaction,
            rules=[
                StationRuleRow(position=i, title=rule.title, body=rule.body)
                for i, rule in enumerate(station.rules)
            ],
            notices=[
                NoticeRow(
                    id=notice.id,
                    position=i,
                    title=notice.title,
                    body=notice.body,
                    published_on=notice.published_on,
                )
                for i, notice in enumerate(station.notices)
            ],
        )
    )
    session.flush()
    session.add_all(
        DeputyRow(
            id=d.id,
            station_id=station.id,
            position=i,
            name=d.name,
            levels=",".join(level.value for level in d.levels),
            constituency=d.constituency,
            blocks=list(d.blocks),
            phone=d.phone,
            occupation=d.occupation,
            bio=d.bio,
            photo=d.photo,
            qr_url=d.qr_url,
            pinyin=list(d.pinyin),
        )
        for i, d in enumerate(snapshot.deputies)
    )
    session.add_all(
        ReceptionScheduleRow(
            id=s.id,
            station_id=station.id,
            position=i,
            title=s.title,
            theme=s.theme,
            place=s.place,
            rule=s.rule,
            start_time=s.start.isoformat("minutes"),
            end_time=s.end.isoformat("minutes"),
            deputy_ids=list(s.deputy_ids),
            per_occurrence=s.per_occurrence,
            rotation=s.rotation.value,
            roster={d.isoformat(): list(ids) for d, ids in sorted(s.roster.items())},
            invited=list(s.invited),
            changes=[change_document(c) for c in s.changes],
            on_holiday=s.on_holiday.value,
        )
        for i, s in enumerate(snapshot.schedules)
    )
    replace_holidays(session, snapshot.holidays)
