# SPDX-License-Identifier: GPL-3.0-or-later
"""Deltas between snapshot documents: applied, they give exactly the new document, or are
refused (the kiosk then pulls the whole one)."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.snapshot_delta import (
    InvalidDelta,
    apply_snapshot_delta,
    document_hash,
    snapshot_delta,
)


def _document(**parts) -> dict:
    document = {
        "format": 1,
        "station": {"id": "s1", "name": "青禾联络站", "notices": []},
        "deputies": [{"id": "d1", "name": "林嘉禾"}, {"id": "d2", "name": "周明"}],
        "schedules": [],
        "appeals": [{"tracking_code": f"A{n}", "state": "received", "steps": []} for n in range(5)],
        "appointments": [],
        "statistics": {"appeals_received": 5},
    } | parts
    document["cursor"] = document_hash(document)
    return document


def _changed(document: dict, change) -> dict:  # type: ignore[no-untyped-def]
    new = copy.deepcopy(document)
    change(new)
    new["cursor"] = document_hash(new)
    return new


CHANGES = {
    "an appeal moves on": lambda d: d["appeals"][2].update(state="accepted"),
    "an appeal is new": lambda d: d["appeals"].append({"tracking_code": "N", "steps": []}),
    "an appeal leaves": lambda d: d["appeals"].pop(0),
    "deputies reordered": lambda d: d["deputies"].reverse(),
    "a notice": lambda d: d["station"]["notices"].append({"id": "n1", "title": "停电"}),
    "a part is gone": lambda d: d.pop("statistics"),
    "a new part": lambda d: d.update(links={"progress": "https://x/p/{code}"}),
    "the same code twice": lambda d: d["appeals"].append(dict(d["appeals"][0])),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_delta_applied_gives_exactly_the_new_document(change):
    base = _document()
    new = _changed(base, change)
    delta = snapshot_delta(base, new)
    assert apply_snapshot_delta(base, delta) == new


def test_one_appeal_changed_sends_that_appeal_only():
    base = _document()
    new = _changed(base, CHANGES["an appeal moves on"])
    delta = snapshot_delta(base, new)
    assert delta["set"] == {} and delta["drop"] == []
    assert delta["lists"] == {"appeals": {"removed": [], "changed": [new["appeals"][2]]}}


def test_a_delta_for_another_document_or_tampered_is_refused():
    base = _document()
    new = _changed(base, CHANGES["an appeal moves on"])
    delta = snapshot_delta(base, new)
    other = _changed(base, CHANGES["a notice"])
    with pytest.raises(InvalidDelta, match="another document"):
        apply_snapshot_delta(other, delta)
    tampered = copy.deepcopy(delta)
    tampered["lists"]["appeals"]["changed"][0]["state"] = "closed"
    with pytest.raises(InvalidDelta, match="cursor"):
        apply_snapshot_delta(base, tampered)
    for broken in ({}, {"delta_from": base["cursor"]}, [], "x"):
        with pytest.raises(InvalidDelta):
            apply_snapshot_delta(base, broken)


items = st.lists(
    st.fixed_dictionaries(
        {"tracking_code": st.sampled_from("ABCDEFGH"), "state": st.sampled_from(["r", "c"])}
    ),
    max_size=8,
    unique_by=lambda item: item["tracking_code"],
)


@given(old=items, new=items)
def test_any_two_appeal_lists(old, new):
    base = _document(appeals=old)
    target = _document(appeals=new)
    assert apply_snapshot_delta(base, snapshot_delta(base, target)) == target
