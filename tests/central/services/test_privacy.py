# SPDX-License-Identifier: GPL-3.0-or-later
"""Visitors' data rights: every record of a person found by mobile across stations (admins
only, audited), corrected, erased with the anonymous figures unchanged; retention erases what
closed more than N years ago and nothing else (an injected clock)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from central.models import (
    Appeal,
    AppealStep,
    Appointment,
    AppointmentStep,
    AuditEntry,
    CallbackNote,
    Device,
    Event,
    ReceptionRecord,
)
from central.services import privacy
from central.services.permissions import Refused
from tests.central.services.conftest import FRIDAY

MOBILE = "13912345678"
OTHER = "13800000001"


def close(world, appeal: Appeal, at, state="closed") -> None:
    appeal.state = state
    appeal.steps.append(AppealStep(state=state, at=at, actor="工作人员", note="已联系陈阿姨"))
    world.session.flush()


def appointment(world, code, station="a", *, at=FRIDAY, mobile=MOBILE, state="requested", day=None):
    row = Appointment(
        station_id=station,
        code=code,
        deputy_id=f"{station}-0",
        day=day or (at + timedelta(days=3)).date(),
        channel="qr",
        created_at=at,
        state=state,
        contact_name="陈阿姨",
        contact_mobile=mobile,
        topic="想当面说说加装电梯的事",
    )
    row.steps.append(AppointmentStep(state="requested", at=at, actor="qr"))
    if state != "requested":
        row.steps.append(AppointmentStep(state=state, at=at + timedelta(days=1), note="陈阿姨您好"))
    world.session.add(row)
    world.session.flush()
    return row


def figures(world) -> Counter:
    """What the published figures count: never a name, a mobile or a text."""
    appeals = world.session.scalars(select(Appeal)).all()
    counted = Counter(
        (
            "appeal",
            a.station_id,
            a.category,
            a.state,
            a.channel,
            a.request,
            a.rating,
            a.created_at.date(),
            tuple((s.state, s.at) for s in a.steps),
        )
        for a in appeals
    )
    for a in world.session.scalars(select(Appointment)).all():
        counted[("appointment", a.station_id, a.deputy_id, a.state, a.day, a.created_at)] += 1
    return counted


def seed_person(world):
    """The same visitor at two stations: an appeal, a call-back, a phone message, an
    appointment; and someone else's appeal."""
    world.appeal("AAAA2222", "a", contact_mobile=MOBILE)
    callback = world.appeal("BBBB3333", "a", contact_mobile=MOBILE, request="callback", text="")
    world.session.add(
        CallbackNote(
            appeal_id=callback.id,
            at=FRIDAY,
            account_id=world.accounts["staff-a"].id,
            outcome="called",
            note="陈阿姨说下午方便",
        )
    )
    world.appeal("CCCC4444", "b", contact_mobile=MOBILE, channel="qr")
    world.appeal("DDDD5555", "b", contact_mobile=OTHER, contact_name="李先生")
    appointment(world, "EEEE6666", "b")


def test_every_record_of_a_person_is_found_by_mobile_across_stations_and_audited(world):
    seed_person(world)
    found = privacy.find_by_mobile(world.session, world.who("admin"), "139 1234 5678", FRIDAY)
    assert [(r.kind, r.ref, r.station_id) for r in found] == [
        ("appeal", "AAAA2222", "a"),
        ("callback", "BBBB3333", "a"),
        ("message", "CCCC4444", "b"),
        ("appointment", "EEEE6666", "b"),
    ]
    assert {r.name for r in found} == {"陈阿姨"}
    (entry,) = world.session.scalars(select(AuditEntry).where(AuditEntry.action == "privacy.find"))
    assert entry.login == "admin" and entry.detail == "4 records"
    assert MOBILE not in entry.target + entry.detail and entry.target.startswith("tel:")


@pytest.mark.parametrize("login", ["reviewer", "staff-a", "viewer", "tech", "deputy-a0"])
def test_only_admins_may_search_correct_or_erase(world, login):
    seed_person(world)
    for call in (
        lambda: privacy.find_by_mobile(world.session, world.who(login), MOBILE, FRIDAY),
        lambda: privacy.correct(world.session, world.who(login), MOBILE, FRIDAY, name="陈秀兰"),
        lambda: privacy.erase(world.session, world.who(login), MOBILE, FRIDAY),
    ):
        with pytest.raises(Refused):
            call()


def test_bad_numbers_get_a_plain_message(world):
    for text, message in (("", "请输入手机号"), ("1391234", "不是一个有效的手机号")):
        with pytest.raises(privacy.PrivacyError, match=message):
            privacy.find_by_mobile(world.session, world.who("admin"), text, FRIDAY)


def test_a_correction_changes_name_and_number_on_every_record(world):
    seed_person(world)
    admin = world.who("admin")
    assert (
        privacy.correct(
            world.session, admin, MOBILE, FRIDAY, name="陈秀兰", new_mobile="13711112222"
        )
        == 4
    )
    assert privacy.find_by_mobile(world.session, admin, MOBILE, FRIDAY) == []
    found = privacy.find_by_mobile(world.session, admin, "13711112222", FRIDAY)
    assert len(found) == 4 and {r.name for r in found} == {"陈秀兰"}
    with pytest.raises(privacy.PrivacyError, match="姓名或手机号"):
        privacy.correct(world.session, admin, MOBILE, FRIDAY)


def test_erasing_removes_the_personal_data_and_keeps_the_figures(world):
    seed_person(world)
    kiosk_appeal = world.session.scalars(
        select(Appeal).where(Appeal.tracking_code == "AAAA2222")
    ).one()
    event = Event(
        uuid="0" * 36,
        station_id="a",
        device_id=_device(world),
        kind="appeal",
        created_at=FRIDAY,
        canonical='{"body":{"sealed":"secret box"}}',
        received_at=FRIDAY,
    )
    world.session.add(event)
    world.session.flush()
    kiosk_appeal.event_id = event.id
    close(world, kiosk_appeal, FRIDAY + timedelta(days=2))
    before = figures(world)

    assert privacy.erase(world.session, world.who("admin"), MOBILE, FRIDAY) == 4
    world.session.expire_all()
    assert figures(world) == before
    assert privacy.find_by_mobile(world.session, world.who("admin"), MOBILE, FRIDAY) == []
    for a in world.session.scalars(select(Appeal).where(Appeal.tracking_code != "DDDD5555")):
        assert (a.contact_name, a.contact_mobile, a.text, a.address) == ("", "", "", "")
        assert a.personal_erased_at == FRIDAY
        assert all(s.note == "" and s.internal_note == "" for s in a.steps)
    assert {n.note for n in world.session.scalars(select(CallbackNote))} == {""}
    assert "secret" not in world.session.get(Event, event.id).canonical
    (row,) = world.session.scalars(select(Appointment)).all()
    assert (row.contact_name, row.contact_mobile, row.topic) == ("", "", "")
    other = world.session.scalars(select(Appeal).where(Appeal.tracking_code == "DDDD5555")).one()
    assert (other.contact_name, other.contact_mobile) == ("李先生", OTHER)  # someone else's
    actions = world.session.scalars(select(AuditEntry.action)).all()
    assert "privacy.erase" in actions


def test_retention_erases_what_closed_more_than_three_years_ago_and_nothing_else(world):
    long_ago = FRIDAY - timedelta(days=4 * 365)
    # Closed 3 years and a day before "now": due.
    now = FRIDAY
    due = world.appeal("DUE22222", at=long_ago, contact_mobile="13700000001")
    close(world, due, privacy.years_before(now, 3) - timedelta(days=1))
    rated = world.appeal("RATED333", at=long_ago, contact_mobile="13700000002")
    close(world, rated, long_ago + timedelta(days=5), state="rated")
    # Closed 3 years less a day ago: kept. Received long ago but still open: kept.
    recent = world.appeal("RECENT44", at=long_ago, contact_mobile="13700000003")
    close(world, recent, privacy.years_before(now, 3) + timedelta(days=1))
    still_open = world.appeal("OPEN5555", at=long_ago, contact_mobile="13700000004")
    fresh = world.appeal("FRESH666", at=now - timedelta(days=3), contact_mobile="13700000005")
    done = appointment(world, "APPT7777", at=long_ago, mobile="13700000006", state="done")
    unanswered = appointment(
        world,
        "APPT8888",
        at=long_ago,
        mobile="13700000007",
        day=long_ago.date() + timedelta(days=7),
    )
    booked = appointment(
        world, "APPT9999", at=now - timedelta(days=1), mobile="13700000008", day=date(2026, 12, 1)
    )
    world.session.add_all(
        [
            ReceptionRecord(
                event_id=_event(world, "1"),
                station_id="a",
                deputy_id="a-0",
                at=long_ago,
                visitors=1,
                topic="交通",
                notes="陈阿姨反映路灯",
            ),
            ReceptionRecord(
                event_id=_event(world, "2"),
                station_id="a",
                deputy_id="a-0",
                at=now - timedelta(days=30),
                visitors=1,
                topic="交通",
                notes="王大爷反映",
            ),
        ]
    )
    world.session.flush()
    before = figures(world)

    result = privacy.run_retention(world.session, now, 3)
    assert (result.appeals, result.appointments, result.receptions) == (2, 2, 1)
    world.session.expire_all()
    assert figures(world) == before
    erased = {
        a.tracking_code for a in world.session.scalars(select(Appeal)) if not a.contact_mobile
    }
    assert erased == {due.tracking_code, rated.tracking_code}
    for kept in (recent, still_open, fresh):
        assert kept.contact_mobile and kept.text and kept.personal_erased_at is None
    assert (done.contact_mobile, unanswered.contact_mobile) == ("", "")
    assert booked.contact_mobile == "13700000008"
    notes = sorted(r.notes for r in world.session.scalars(select(ReceptionRecord)))
    assert notes == ["", "王大爷反映"]
    # Run again the next day: nothing more is due.
    again = privacy.run_retention(world.session, now + timedelta(days=1), 3)
    assert again.total == 0


def _device(world) -> str:
    if world.session.get(Device, "k1") is None:
        world.session.add(
            Device(id="k1", station_id="a", name="大厅", token_hash="t" * 64, enrolled_at=FRIDAY)
        )
        world.session.flush()
    return "k1"


def _event(world, n: str) -> int:
    event = Event(
        uuid=n * 36,
        station_id="a",
        device_id=_device(world),
        kind="reception",
        created_at=FRIDAY,
        canonical="{}",
        received_at=FRIDAY,
    )
    world.session.add(event)
    world.session.flush()
    return event.id
