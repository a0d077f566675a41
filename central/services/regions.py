# SPDX-License-Identifier: GPL-3.0-or-later
"""The regions tree (city → district → street; stations hang in it) and the departments
appeals are referred to, managed per region (DESIGN.md §10)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Department, Region, Station

LEVELS = ("city", "district", "street")


class RegionError(ValueError):
    """Bad input for a region or a department; the message says what to change."""


def add_region(session: Session, name: str, level: str, parent_id: int | None = None) -> Region:
    if level not in LEVELS:
        raise RegionError(f"a region's level is one of {', '.join(LEVELS)}")
    if not name.strip():
        raise RegionError("a region needs a name")
    if parent_id is not None:
        parent = session.get(Region, parent_id)
        if parent is None:
            raise RegionError(f"no region {parent_id}")
        if LEVELS.index(level) <= LEVELS.index(parent.level):
            raise RegionError(f"a {level} cannot sit under a {parent.level}")
    region = Region(name=name.strip(), level=level, parent_id=parent_id)
    session.add(region)
    session.flush()
    return region


def place_station(session: Session, station_id: str, region_id: int | None) -> None:
    station = session.get(Station, station_id)
    if station is None:
        raise RegionError(f"no station {station_id}")
    if region_id is not None and session.get(Region, region_id) is None:
        raise RegionError(f"no region {region_id}")
    station.region_id = region_id


@dataclass(frozen=True)
class RegionNode:
    region: Region
    depth: int


def region_tree(session: Session) -> list[RegionNode]:
    """Every region, each followed by the regions under it (for indented lists)."""
    regions = list(session.scalars(select(Region).order_by(Region.name)))
    children: dict[int | None, list[Region]] = {}
    for region in regions:
        children.setdefault(region.parent_id, []).append(region)
    out: list[RegionNode] = []

    def walk(parent: int | None, depth: int) -> None:
        for region in children.get(parent, []):
            out.append(RegionNode(region, depth))
            walk(region.id, depth + 1)

    walk(None, 0)
    return out


def region_path(session: Session, region_id: int | None) -> list[int]:
    """The region and the regions above it, nearest first."""
    path: list[int] = []
    while region_id is not None and region_id not in path:
        path.append(region_id)
        region = session.get(Region, region_id)
        region_id = region.parent_id if region else None
    return path


def add_department(session: Session, name: str, region_id: int | None) -> Department:
    name = name.strip()
    if not name:
        raise RegionError("a department needs a name")
    if len(name) > 200:
        raise RegionError("a department's name has at most 200 characters")
    if region_id is not None and session.get(Region, region_id) is None:
        raise RegionError(f"no region {region_id}")
    taken = session.scalar(
        select(Department.id).where(Department.name == name, Department.region_id == region_id)
    )
    if taken is not None:
        raise RegionError(f"{name} is on the list already")
    department = Department(name=name, region_id=region_id)
    session.add(department)
    session.flush()
    return department


def departments_for_station(session: Session, station_id: str) -> list[Department]:
    """The departments an appeal of this station may be referred to: its regions' lists
    (street, district, city) and the shared list (no region)."""
    station = session.get(Station, station_id)
    regions = region_path(session, station.region_id if station else None)
    query = select(Department).order_by(Department.name)
    query = query.where(Department.region_id.in_(regions) | Department.region_id.is_(None))
    return list(session.scalars(query))


def departments_in(session: Session, region_ids: list[int] | None) -> list[Department]:
    query = select(Department).order_by(Department.name)
    if region_ids is not None:
        query = query.where(Department.region_id.in_(region_ids) | Department.region_id.is_(None))
    return list(session.scalars(query))
