# SPDX-License-Identifier: GPL-3.0-or-later
import copy
import json

import pytest

from kiosk.demo import demo_snapshot
from kiosk.domain.snapshot import (
    MAX_TEXT,
    InvalidSnapshot,
    snapshot_from_document,
    snapshot_to_document,
)


def document():
    return json.loads(json.dumps(snapshot_to_document(demo_snapshot())))


def test_a_snapshot_survives_a_round_trip_through_json():
    assert snapshot_from_document(document()) == demo_snapshot()


def test_unknown_fields_are_ignored():
    doc = document()
    doc["station"]["mascot"] = "panda"
    doc["deputies"][0]["twitter"] = "@nobody"
    assert snapshot_from_document(doc) == demo_snapshot()


def damaged(change):
    doc = document()
    change(doc)
    return doc


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda d: d.clear(), "snapshot.format: missing"),
        (lambda d: d.update(format=2), "only format 1"),
        (lambda d: d.pop("station"), "snapshot.station: missing"),
        (lambda d: d["station"].update(name=42), "station.name: wrong type int"),
        (lambda d: d["station"].update(kind="castle"), "station.kind"),
        (lambda d: d["station"].update(intro="长" * (MAX_TEXT + 1)), "longer than"),
        (lambda d: d["station"]["notices"][0].update(published_on="soon"), "published_on"),
        (lambda d: d["station"]["figures"].update(problems_solved=True), "wrong type bool"),
        (lambda d: d["deputies"][2].pop("name"), "deputies[2].name: missing"),
        (lambda d: d["deputies"][0].update(levels=["galactic"]), "deputies[0].levels"),
        (lambda d: d["deputies"][0].update(blocks="文昌社区"), "deputies[0].blocks"),
        (lambda d: d.update(deputies={"a": 1}), "snapshot.deputies: wrong type dict"),
        (lambda d: d["deputies"].append("周晓喆"), "deputies[15]: expected an object"),
        (lambda d: d["schedules"][0].update(rule="RRULE:FREQ=WEEKLY"), "schedules[0]"),
        (lambda d: d["schedules"][0].update(start="9 o'clock"), "schedules[0].start"),
        (lambda d: d["schedules"][0].update(end="08:00"), "ends"),
    ],
)
def test_a_malformed_document_is_refused_saying_where(change, says):
    with pytest.raises(InvalidSnapshot, match=says.replace("[", r"\[").replace("]", r"\]")):
        snapshot_from_document(damaged(change))


def test_the_document_is_not_changed_by_reading_it():
    doc = document()
    before = copy.deepcopy(doc)
    snapshot_from_document(doc)
    assert doc == before
