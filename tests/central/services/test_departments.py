# SPDX-License-Identifier: GPL-3.0-or-later
"""Departments per region with contact and liaison (issue 15 §1): reviewers edit the lists of
their regions and see the shared one read-only; a department an appeal names is not deleted;
every change audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from central.models import AuditEntry, Department, Region
from central.services import departments
from central.services.departments import DepartmentInput
from central.services.permissions import Refused
from central.services.publishing import PublishRefused
from central.services.regions import departments_for_station
from tests.central.services.conftest import FRIDAY


def region_id(world, name: str) -> int:
    return world.session.scalar(select(Region.id).where(Region.name == name))


def test_a_reviewer_adds_and_edits_a_department_a_referral_then_offers(world):
    street = region_id(world, "文昌街道")
    who = world.who("reviewer")
    added = departments.add_department(
        world.session,
        who,
        DepartmentInput("街道城管科", street, "0571-8765 4321", "赵科长"),
        now=FRIDAY,
    )
    assert "街道城管科" in [d.name for d in departments_for_station(world.session, "a")]
    assert "街道城管科" not in [d.name for d in departments_for_station(world.session, "b")]
    renamed = DepartmentInput("街道城管执法中队", street, "0571-8765 0000", "钱队长")
    departments.edit_department(world.session, who, added.id, renamed, now=FRIDAY)
    kept = world.session.get(Department, added.id)
    assert (kept.name, kept.contact, kept.liaison) == (
        "街道城管执法中队",
        "0571-8765 0000",
        "钱队长",
    )
    rows = departments.visible_departments(world.session, who)
    assert {r.department.name: r.editable for r in rows}["街道城管执法中队"] is True
    details = [e.detail for e in world.session.scalars(select(AuditEntry).where(
        AuditEntry.action.like("department.%")))]  # fmt: skip
    assert details == ["街道城管科", "街道城管执法中队: name, contact, liaison"]


def test_bad_input_and_other_scopes_are_refused(world):
    street = region_id(world, "文昌街道")
    for typed, key in (
        (DepartmentInput(" ", street), "field_needed"),
        (DepartmentInput("区交通运输局", region_id(world, "城东区")), "department_taken"),
        (DepartmentInput("科", street, liaison="长" * 101), "field_too_long"),
    ):
        with pytest.raises(PublishRefused) as refused:
            departments.add_department(world.session, world.who("admin"), typed, now=FRIDAY)
        assert refused.value.key == key
    for login in ("staff-a", "viewer", "tech"):
        with pytest.raises(Refused):
            departments.add_department(
                world.session, world.who(login), DepartmentInput("科", street), now=FRIDAY
            )
    with pytest.raises(Refused):  # the shared list belongs to whole-tree accounts
        departments.add_department(
            world.session, world.who("reviewer"), DepartmentInput("市信访局", None), now=FRIDAY
        )


def test_a_department_an_appeal_names_stays(world):
    appeal = world.appeal("K7QM4XPD8", "a")
    appeal.department_id = world.department_id
    world.session.flush()
    with pytest.raises(PublishRefused) as refused:
        departments.delete_department(
            world.session, world.who("admin"), world.department_id, now=FRIDAY
        )
    assert refused.value.key == "department_in_use"
    spare = departments.add_department(
        world.session, world.who("admin"), DepartmentInput("区水利局", None), now=FRIDAY
    )
    departments.delete_department(world.session, world.who("admin"), spare.id, now=FRIDAY)
    assert world.session.get(Department, spare.id) is None
