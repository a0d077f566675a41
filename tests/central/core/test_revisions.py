# SPDX-License-Identifier: GPL-3.0-or-later
"""The one "station changed" mechanism: an edit through any service moves the revision of the
station whose snapshot it changes (and of no other), with no bump written by hand."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select, update

from central.core.config import Settings
from central.core.db import open_database
from central.models import (
    Appeal,
    AppealStep,
    Appointment,
    Attendance,
    Deputy,
    Device,
    Event,
    Holiday,
    Station,
)
from central.services.appeals import AppealState, move_appeal
from central.services.appointments import AppointmentState, answer_appointment
from central.services.holidays import cover_year, set_day
from central.services.rosters import RosterEntry, import_roster
from central.services.schedules import import_schedules
from kiosk.demo import demo_snapshot
from kiosk.domain.deputies import Level

NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    database = open_database(Settings(data_dir=tmp_path_factory.mktemp("revisions")))
    with database.writer.begin() as session:
        for station_id in ("s1", "s2"):
            session.add(Station(id=station_id, kind="station", name="站", rules=[], notices=[]))
        session.flush()
        session.add(
            Deputy(station_id="s1", deputy_id="d-1", name="代表", levels=["county"], position=0)
        )
        session.add(Device(id="x", station_id="s1", name="k", token_hash="h", enrolled_at=NOW))
        session.flush()
        event = Event(
            uuid="e1", station_id="s1", device_id="x", kind="appeal", created_at=NOW,
            canonical="{}", received_at=NOW,
        )  # fmt: skip
        session.add(event)
        session.flush()
        appeal = Appeal(
            station_id="s1", tracking_code="K7QM4XPD8", category="其他", channel="kiosk",
            created_at=NOW, state="received", event_id=event.id,
        )  # fmt: skip
        appeal.steps.append(AppealStep(state="received", at=NOW, actor="kiosk"))
        session.add(appeal)
        session.add(
            Appointment(
                station_id="s1", code="A7QM4XPD8", deputy_id="d-1", day=date(2026, 12, 7),
                channel="qr", created_at=NOW, state="requested",
            )
        )  # fmt: skip
    return database


def revisions(database) -> dict[str, int]:
    with database.reader() as session:
        return dict(session.execute(select(Station.id, Station.revision)).all())


def _one(session, model):
    return session.scalars(select(model).where(model.station_id == "s1")).first()


EDITS = {
    "roster import": lambda s: import_roster(
        s, "s1", [RosterEntry(deputy_id="d-1", name="新名字", levels=(Level.COUNTY,))]
    ),
    "a PIN set": lambda s: setattr(_one(s, Deputy), "pin_hash", "x" * 20),
    "schedules import": lambda s: import_schedules(s, "s1", list(demo_snapshot().schedules[:1])),
    "an appeal moved": lambda s: move_appeal(
        s, _one(s, Appeal), AppealState.ACCEPTED, note="", actor="t", now=NOW
    ),
    "an appointment answered": lambda s: answer_appointment(
        s, _one(s, Appointment), AppointmentState.CONFIRMED, note="", actor="t", now=NOW
    ),
    "the station's own text": lambda s: setattr(s.get(Station, "s1"), "hours", "9-17"),
}
SHARED = {
    "a holiday set": lambda s: set_day(s, date(2030, 10, 1), "holiday", "国庆节"),
    "a year covered": lambda s: cover_year(s, 2031),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_an_edit_moves_its_stations_revision_and_no_other(database, edit):
    before = revisions(database)
    with database.writer.begin() as session:
        EDITS[edit](session)
    after = revisions(database)
    assert after["s1"] > before["s1"]
    assert after["s2"] == before["s2"]


@pytest.mark.parametrize("edit", SHARED, ids=list(SHARED))
def test_the_holiday_table_is_every_stations(database, edit):
    before = revisions(database)
    with database.writer.begin() as session:
        SHARED[edit](session)
    after = revisions(database)
    assert all(after[s] > before[s] for s in before)


def test_what_no_snapshot_shows_moves_nothing(database):
    holiday = dict(day=date(2030, 10, 1), kind="holiday", name="国庆节")
    with database.writer.begin() as session:
        session.merge(Holiday(**holiday))
    before = revisions(database)
    with database.writer.begin() as session:
        session.get(Station, "s1").calendar_token_hash = "f" * 64  # the feed token
        session.add(
            Attendance(
                station_id="s1", deputy_id="d-1", action="sign_in", reason="duty", at=NOW,
                event_id=session.scalar(select(Event.id)),
            )
        )  # fmt: skip
        session.get(Station, "s2").name = "站"  # set, but to the same name
        session.merge(Holiday(**holiday))  # the holiday table as it is
    assert revisions(database) == before


def test_a_bulk_statement_on_a_snapshot_table_moves_every_station(database):
    before = revisions(database)
    with database.writer.begin() as session:
        session.execute(update(Deputy).values(phone="0575-1"))
    after = revisions(database)
    assert all(after[s] > before[s] for s in before)
