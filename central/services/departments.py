# SPDX-License-Identifier: GPL-3.0-or-later
"""The departments appeals are referred to (转办), kept per region with how to reach them
(issue 15 §1): name, contact, liaison (联络人). Admins and reviewers edit the lists of the
regions in their scope (whole-tree accounts also the shared list); every change is audited.
The command line calls the same functions with `who` None."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Appeal, Department, ReferralProposal, Region
from central.services import audit
from central.services.audit import Who
from central.services.categories import editable_region_ids
from central.services.permissions import Action, Refused
from central.services.publishing import PublishRefused
from central.services.regions import region_path, region_tree

LIMITS = {"name": 200, "contact": 200, "liaison": 100}


@dataclass(frozen=True)
class DepartmentInput:
    name: str
    region_id: int | None
    contact: str = ""
    liaison: str = ""


@dataclass(frozen=True)
class DepartmentRow:
    department: Department
    region: str  # "" for the shared list
    editable: bool


def _editable(session: Session, who: Who | None, region_id: int | None) -> bool:
    if who is None:
        return True
    allowed = editable_region_ids(session, who.account, Action.DEPARTMENTS)
    return allowed is None or (region_id is not None and region_id in allowed)


def _check_region(session: Session, who: Who | None, region_id: int | None) -> None:
    if region_id is not None and session.get(Region, region_id) is None:
        raise PublishRefused("region_unknown", "region")
    if not _editable(session, who, region_id):
        raise Refused("this region's departments are not yours to change")


def visible_departments(session: Session, who: Who) -> list[DepartmentRow]:
    """The departments of the regions in scope, of the regions above them and the shared
    ones (those a referral from the scope may choose), each marked editable or not."""
    allowed = editable_region_ids(session, who.account, Action.DEPARTMENTS)
    names = {n.region.id: n.region.name for n in region_tree(session)}
    seen: set[int | None] | None = None
    if allowed is not None:
        seen = {None}
        for region_id in allowed:
            seen |= set(region_path(session, region_id))
    rows = []
    for d in session.scalars(select(Department).order_by(Department.region_id, Department.name)):
        if seen is None or d.region_id in seen:
            editable = allowed is None or (d.region_id is not None and d.region_id in allowed)
            rows.append(DepartmentRow(d, names.get(d.region_id or 0, ""), editable))
    return rows


def _checked(session: Session, typed: DepartmentInput, department_id: int | None) -> dict[str, str]:
    values = {field: getattr(typed, field).strip().replace("\n", " ") for field in LIMITS}
    if not values["name"]:
        raise PublishRefused("field_needed", "department_name")
    for field, limit in LIMITS.items():
        if len(values[field]) > limit:
            key = "department_name" if field == "name" else field
            raise PublishRefused("field_too_long", key, limit=limit, length=len(values[field]))
    taken = session.scalar(
        select(Department.id).where(
            Department.name == values["name"], Department.region_id.is_(typed.region_id)
            if typed.region_id is None else Department.region_id == typed.region_id,
        )
    )  # fmt: skip
    if taken is not None and taken != department_id:
        raise PublishRefused("department_taken", "department_name", name=values["name"])
    return values


def add_department(
    session: Session, who: Who | None, typed: DepartmentInput, *, now: datetime
) -> Department:
    _check_region(session, who, typed.region_id)
    values = _checked(session, typed, None)
    department = Department(region_id=typed.region_id, **values)
    session.add(department)
    session.flush()
    audit.record(
        session, who, "department.add", str(department.id), department.name, now=now, login="cli"
    )
    return department


def _department(session: Session, who: Who | None, department_id: int) -> Department:
    department = session.get(Department, department_id)
    if department is None:
        raise PublishRefused("department_gone")
    _check_region(session, who, department.region_id)
    return department


def edit_department(
    session: Session, who: Who | None, department_id: int, typed: DepartmentInput, *,
    now: datetime,
) -> Department:  # fmt: skip
    department = _department(session, who, department_id)
    _check_region(session, who, typed.region_id)
    values = _checked(session, typed, department_id)
    changed = [f for f, v in values.items() if getattr(department, f) != v]
    if department.region_id != typed.region_id:
        changed.append("region")
    for field, value in values.items():
        setattr(department, field, value)
    department.region_id = typed.region_id
    if changed:
        audit.record(
            session, who, "department.edit", str(department_id),
            f"{department.name}: {', '.join(changed)}", now=now, login="cli",
        )  # fmt: skip
    return department


def delete_department(
    session: Session, who: Who | None, department_id: int, *, now: datetime
) -> None:
    """Delete a department no appeal or proposal names (those keep it: rename it instead)."""
    department = _department(session, who, department_id)
    used = session.scalar(
        select(Appeal.id).where(Appeal.department_id == department_id).limit(1)
    ) or session.scalar(
        select(ReferralProposal.id).where(ReferralProposal.department_id == department_id).limit(1)
    )
    if used is not None:
        raise PublishRefused("department_in_use", name=department.name)
    session.delete(department)
    session.flush()
    audit.record(
        session, who, "department.delete", str(department_id), department.name, now=now,
        login="cli",
    )  # fmt: skip
