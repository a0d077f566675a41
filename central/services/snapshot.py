# SPDX-License-Identifier: GPL-3.0-or-later
"""A station's snapshot document (docs/sync-api.md), built from the database.

The station/deputies/schedules part is the kiosk's own document (kiosk.domain.snapshot);
the server adds photo URLs, PIN hashes, holidays, categories, the progress of the appeals
kiosks took and of appointments (open or recently closed; no contact checks: a kiosk asks the
server about what it did not take, docs/security.md), the phone pages' links and the month's
figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, union_all
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME, SNAPSHOT_APPEAL_DAYS
from central.models import (
    Appeal,
    AppealStep,
    Appointment,
    Deputy,
    Photo,
    Schedule,
    Station,
)
from central.services.appeals import due_on_now, holiday_table
from central.services.categories import categories_for_station
from central.services.day_table import READ_ONCE, holiday_calendar
from central.services.deputy_work import deputy_work_counts
from central.services.publishing import notices_showing
from kiosk.domain.appeal_states import FINISHED_STATES
from kiosk.domain.appeals import phrases_for
from kiosk.domain.deputies import Deputy as DeputyEntity
from kiosk.domain.deputies import Level
from kiosk.domain.deputy_work import deputy_work_document
from kiosk.domain.pins import is_current
from kiosk.domain.reception import ReceptionSchedule
from kiosk.domain.snapshot import schedule_from_document, snapshot_to_document
from kiosk.domain.snapshot_delta import document_hash
from kiosk.domain.station import (
    Notice,
    StationFigures,
    StationKind,
    StationRule,
    StationSnapshot,
)
from kiosk.domain.station import Station as StationEntity

PHOTO_PATH = "/api/v1/photos/"
SATISFIED = ("satisfied", "basically_satisfied")
# How long a past appointment stays in the snapshot; a finished appeal stays
# `appeal_days` (Settings.snapshot_appeal_days). Their progress then comes from the server,
# asked at the kiosk, or from the phone page.
RECENT_DAYS = 30
FINISHED = tuple(FINISHED_STATES)


def open_or_finished_since(station_id: str, since: datetime) -> Any:
    """The ids of the station's appeals that are open or finished after `since`, each part by
    the index on (station_id, finished_at): the station's closed years are not read. (As one
    OR, SQLite would walk every appeal of the station.)"""
    return union_all(
        select(Appeal.id).where(Appeal.station_id == station_id, Appeal.finished_at.is_(None)),
        select(Appeal.id).where(Appeal.station_id == station_id, Appeal.finished_at >= since),
    )


def recent_kiosk_appeals(station_id: str, since: datetime) -> Any:
    """The station's kiosk appeals that are open or finished after `since`."""
    return (
        select(Appeal)
        .where(
            Appeal.id.in_(open_or_finished_since(station_id, since)),
            Appeal.channel == "kiosk",
            # An appeal stored finished without finished_at (by hand) is not taken for open.
            or_(Appeal.finished_at.is_not(None), Appeal.state.not_in(FINISHED)),
        )
        .order_by(Appeal.id)
    )


def deputy_page_url(public_url: str, deputy_id: str) -> str:
    """码上找代表: the phone page a deputy's QR code leads to (unless the roster gives one)."""
    return f"{public_url}/d/{deputy_id}"


def links(public_url: str, station_id: str) -> dict[str, str]:
    return {
        "progress": f"{public_url}/p/{{code}}",
        "appointment": f"{public_url}/a/{station_id}",
        # The deputy's workspace (issue 14 §2): the duty console shows it as a QR code.
        "workspace": f"{public_url}/console/my",
    }


def station_deputies(session: Session, station_id: str) -> Sequence[Deputy]:
    return session.scalars(
        select(Deputy).where(Deputy.station_id == station_id).order_by(Deputy.position)
    ).all()


def station_snapshot(
    session: Session,
    station: Station,
    today: date | None = None,
    deputies: Sequence[Deputy] | None = None,
) -> StationSnapshot:
    """The kiosk's view of a station: what its screens show (`today`, China time, decides
    which notices are inside their publish window; `deputies`: its rows, if read already)."""
    today = today or datetime.now(CHINA_TIME).date()
    if deputies is None:
        deputies = station_deputies(session, station.id)
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
                Notice(n.id, n.title, n.body, n.shown_from) for n in notices_showing(station, today)
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
                pinyin=tuple(d.pinyin.split()),
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


def build_document(
    session: Session,
    station: Station,
    public_url: str,
    now: datetime | None = None,
    appeal_days: int = SNAPSHOT_APPEAL_DAYS,
) -> dict[str, Any]:
    """The whole snapshot document, `cursor` included (the hash of everything else).

    `public_url` is the phone pages' base; `now` decides the month of the figures; finished
    appeals older than `appeal_days` are left out.
    """
    today = (now or datetime.now(CHINA_TIME)).astimezone(CHINA_TIME).date()
    # The holiday table once for the whole document (the session only reads; on PostgreSQL
    # every query is a round trip, which a loaded machine makes slow).
    session.info[READ_ONCE] = True
    deputy_rows = station_deputies(session, station.id)
    document = snapshot_to_document(station_snapshot(session, station, today, deputy_rows))
    document["links"] = links(public_url, station.id)
    # The station's own photo (issue 15 §1), fetched like a deputy's.
    photo = session.get(Photo, station.photo_sha256) if station.photo_sha256 else None
    document["station"]["photo_url"] = PHOTO_PATH + photo.file_name if photo else None
    pins = {row.deputy_id: row.pin_hash for row in deputy_rows}
    for deputy in document["deputies"]:
        deputy["photo_url"] = PHOTO_PATH + deputy["photo"] if deputy["photo"] else None
        # Only hashes with today's costs leave the server (kiosk.domain.pins).
        pin_hash = pins.get(deputy["id"])
        deputy["pin_hash"] = pin_hash if is_current(pin_hash) else None
        deputy["qr_url"] = deputy["qr_url"] or deputy_page_url(public_url, deputy["id"])
    # The station's region's list, inherited down the regions tree (issue 15 §1).
    document["categories"] = categories_for_station(session, station.id)
    # Tappable phrases per category (issue 16 §3): the defaults until categories carry their own.
    document["category_phrases"] = {
        name: phrases_for(name) for name in document["categories"] if phrases_for(name)
    }
    moment = now or datetime.now(CHINA_TIME)
    appeals = session.scalars(
        recent_kiosk_appeals(station.id, moment - timedelta(days=appeal_days))
    ).all()
    holidays = holiday_table(session) if appeals else {}
    since = moment - timedelta(days=RECENT_DAYS)
    document["appeals"] = [
        {
            "tracking_code": a.tracking_code,
            "state": a.state,
            # The one rule, from today's holiday table: the date the console and phone show.
            "due_on": due.isoformat() if (due := due_on_now(a, holidays)) else None,
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
    appointments = session.scalars(
        select(Appointment)
        .where(Appointment.station_id == station.id, Appointment.day >= since.date())
        .order_by(Appointment.id)
    )
    document["appointments"] = [
        {
            "code": a.code,
            "deputy_id": a.deputy_id,
            "date": a.day.isoformat(),
            "state": a.state,
            "steps": [
                {
                    "state": step.state,
                    "at": step.at.astimezone(CHINA_TIME).isoformat(timespec="seconds"),
                    "note": step.note,
                }
                for step in a.steps
            ],
        }
        for a in appointments
    ]
    document["statistics"] = statistics(session, station.id, now)
    # Counts per deputy for the duty console (no personal data; colours change with the day,
    # hence the snapshot cache's daily key).
    document["deputy_work"] = deputy_work_document(
        deputy_work_counts(session, station.id, now=now or datetime.now(CHINA_TIME))
    )
    document["cursor"] = document_hash(document)
    return document


def statistics(session: Session, station_id: str, now: datetime | None = None) -> dict[str, Any]:
    """This month's figures (China time): appeals received, solved (closed this month), and
    the share of this month's ratings that were satisfied or basically satisfied."""
    today = (now or datetime.now(CHINA_TIME)).astimezone(CHINA_TIME).date()
    first = datetime.combine(today.replace(day=1), datetime.min.time(), CHINA_TIME)
    after = datetime.combine(
        (today.replace(day=28) + timedelta(days=4)).replace(day=1),
        datetime.min.time(),
        CHINA_TIME,
    )
    received = session.scalar(
        select(func.count())
        .select_from(Appeal)
        .where(
            Appeal.station_id == station_id, Appeal.created_at >= first, Appeal.created_at < after
        )
    )
    steps = session.execute(
        select(AppealStep.appeal_id, AppealStep.state, AppealStep.at)
        .join(Appeal, Appeal.id == AppealStep.appeal_id)
        .where(
            # Closed or rated this month: finished since the 1st, or reopened since (open).
            Appeal.id.in_(open_or_finished_since(station_id, first)),
            AppealStep.state.in_(("closed", "rated")),
            AppealStep.at >= first,
            AppealStep.at < after,
        )
    ).all()
    solved = {appeal_id for appeal_id, state, _ in steps if state == "closed"}
    rated = {appeal_id for appeal_id, state, _ in steps if state == "rated"}
    ratings = (
        [
            rating
            for rating in session.scalars(select(Appeal.rating).where(Appeal.id.in_(sorted(rated))))
            if rating
        ]
        if rated
        else []
    )
    satisfied = sum(1 for rating in ratings if rating in SATISFIED)
    return {
        "month": today.strftime("%Y-%m"),
        "appeals_received": received,
        "appeals_solved": len(solved),
        "satisfaction_rate": round(satisfied / len(ratings), 4) if ratings else None,
    }
