# SPDX-License-Identifier: GPL-3.0-or-later
"""Appeal categories and response templates per region (issue 15 §1, issue 13's left-over).

Categories are inherited down the regions tree: a station offers the list of the nearest
region above it that has its own (`RegionCategory`), else the shared list (`Category`). A
region starts its own list as a copy of what it inherited, and may go back to inheriting.

Response templates belong to a region (or are shared) and to a step (accept, reject, reply,
feedback, close) and a category ("" for every one). An appeal's page offers, for each step,
the templates of its category then the general ones, from the station's street up to the
shared ones, then the built-in ones (central.services.casework.TEMPLATES); the note stays
editable before sending.

Admins and reviewers edit the regions in their scope; only whole-tree accounts the shared
ones. Every change is audited; categories reach the kiosks at their next pull (a change of
either table moves every station's revision: central.core.revisions).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from central.models import Account, Category, Region, RegionCategory, ResponseTemplate, Station
from central.services import audit
from central.services.audit import Who
from central.services.permissions import Action, Refused, region_and_below, require
from central.services.publishing import PublishRefused
from central.services.regions import region_path, region_tree

STEPS = ("accept", "reject", "reply", "feedback", "close")
NAME_LIMIT = 100
TEMPLATE_LIMIT = 2000  # a step's note (casework.NOTE_LIMIT)
MAX_CATEGORIES = 60
MAX_TEMPLATES = 300  # per region


def _whole_tree(account: Account) -> bool:
    return account.region_id is None and account.station_id is None


def editable_region_ids(
    session: Session, account: Account, action: Action = Action.CATEGORIES
) -> set[int] | None:
    """The regions `account` edits lists for (None: every one, and the shared lists)."""
    require(account, action)
    if _whole_tree(account):
        return None
    if account.region_id is None:
        return set()
    return region_and_below(session, account.region_id)


def check_region(session: Session, who: Who | None, region_id: int | None) -> None:
    """Refused unless `who` may edit `region_id`'s lists (None: the shared lists)."""
    if region_id is not None and session.get(Region, region_id) is None:
        raise PublishRefused("region_unknown")
    if who is None:
        return
    allowed = editable_region_ids(session, who.account)
    if allowed is not None and (region_id is None or region_id not in allowed):
        raise Refused("this region is not in your scope")


@dataclass(frozen=True)
class RegionChoice:
    region_id: int | None
    label: str


def editable_regions(
    session: Session, who: Who, action: Action = Action.CATEGORIES
) -> list[RegionChoice]:
    """The shared lists (whole-tree accounts) and the regions in scope, as an indented tree."""
    allowed = editable_region_ids(session, who.account, action)
    out = [RegionChoice(None, "")] if allowed is None else []
    for node in region_tree(session):
        if allowed is None or node.region.id in allowed:
            out.append(RegionChoice(node.region.id, "　" * node.depth + node.region.name))
    return out


# -- Categories ----------------------------------------------------------------------------


def own_categories(session: Session, region_id: int | None) -> list[str] | None:
    """The region's own list, or None when it inherits (the shared list is always its own)."""
    if region_id is None:
        return list(session.scalars(select(Category.name).order_by(Category.position)))
    names = list(
        session.scalars(
            select(RegionCategory.name)
            .where(RegionCategory.region_id == region_id)
            .order_by(RegionCategory.position)
        )
    )
    return names or None


@dataclass(frozen=True)
class CategoryList:
    names: list[str]
    source: int | None  # the region whose list it is; None: the shared list
    own: bool  # the region's own list (not inherited)


def categories_of_region(session: Session, region_id: int | None) -> CategoryList:
    """What `region_id` (None: the shared list) offers, and where the list comes from."""
    path = region_path(session, region_id)
    # The lists of every region on the path in one read (a snapshot's build reads this).
    lists: dict[int, list[str]] = {}
    if path:
        for rid, name in session.execute(
            select(RegionCategory.region_id, RegionCategory.name)
            .where(RegionCategory.region_id.in_(path))
            .order_by(RegionCategory.region_id, RegionCategory.position)
        ):
            lists.setdefault(rid, []).append(name)
    for i, rid in enumerate(path):
        if rid in lists:
            return CategoryList(lists[rid], rid, own=i == 0)
    return CategoryList(own_categories(session, None) or [], None, own=region_id is None)


def categories_for_station(session: Session, station_id: str) -> list[str]:
    """The categories a station's kiosks and phone pages offer."""
    station = session.get(Station, station_id)
    return categories_of_region(session, station.region_id if station else None).names


def _store(session: Session, region_id: int | None, names: list[str]) -> None:
    if region_id is None:
        session.execute(delete(Category))
        session.add_all(Category(name=n, position=i) for i, n in enumerate(names))
    else:
        session.execute(delete(RegionCategory).where(RegionCategory.region_id == region_id))
        session.add_all(
            RegionCategory(region_id=region_id, name=n, position=i) for i, n in enumerate(names)
        )
    session.flush()


def _editable_list(session: Session, region_id: int | None) -> list[str]:
    """The list an edit changes: the region's own, or (first edit) a copy of the inherited."""
    return list(categories_of_region(session, region_id).names)


def _audit(session: Session, who: Who | None, action: str, region_id: int | None, detail: str,
           now: datetime) -> None:  # fmt: skip
    target = f"region {region_id}" if region_id is not None else "shared"
    audit.record(session, who, action, target, detail, now=now, login="cli")


def add_category(
    session: Session, who: Who | None, region_id: int | None, name: str, *, now: datetime
) -> list[str]:
    check_region(session, who, region_id)
    name = name.strip()
    if not name:
        raise PublishRefused("field_needed", "category")
    if len(name) > NAME_LIMIT:
        raise PublishRefused("field_too_long", "category", limit=NAME_LIMIT, length=len(name))
    names = _editable_list(session, region_id)
    if name in names:
        raise PublishRefused("category_taken", "category", name=name)
    if len(names) >= MAX_CATEGORIES:
        raise PublishRefused("too_many", "category", limit=MAX_CATEGORIES)
    names.append(name)
    _store(session, region_id, names)
    _audit(session, who, "category.add", region_id, name, now)
    return names


def remove_category(
    session: Session, who: Who | None, region_id: int | None, name: str, *, now: datetime
) -> list[str]:
    check_region(session, who, region_id)
    names = _editable_list(session, region_id)
    if name not in names:
        raise PublishRefused("category_gone", name=name)
    if len(names) == 1:
        raise PublishRefused("category_last")
    names.remove(name)
    _store(session, region_id, names)
    _audit(session, who, "category.delete", region_id, name, now)
    return names


def move_category(
    session: Session, who: Who | None, region_id: int | None, name: str, step: int, *,
    now: datetime,
) -> list[str]:  # fmt: skip
    check_region(session, who, region_id)
    names = _editable_list(session, region_id)
    if name not in names:
        raise PublishRefused("category_gone", name=name)
    i = names.index(name)
    j = i + (1 if step > 0 else -1)
    if 0 <= j < len(names):
        names[i], names[j] = names[j], names[i]
        _store(session, region_id, names)
        _audit(session, who, "category.move", region_id, f"{name}: {i + 1} → {j + 1}", now)
    return names


def inherit_categories(
    session: Session, who: Who | None, region_id: int, *, now: datetime
) -> list[str]:
    """Drop the region's own list: it offers what the region above offers again."""
    check_region(session, who, region_id)
    if own_categories(session, region_id) is not None:
        _store(session, region_id, [])
        _audit(session, who, "category.inherit", region_id, "", now)
    return categories_of_region(session, region_id).names


# -- Response templates --------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateInput:
    step: str
    text: str
    category: str = ""


def _template_input(
    session: Session, region_id: int | None, typed: TemplateInput
) -> tuple[str, str, str]:
    if typed.step not in STEPS:
        raise PublishRefused("step_unknown", "step")
    text = typed.text.strip().replace("\r\n", "\n")
    if not text:
        raise PublishRefused("field_needed", "text")
    if len(text) > TEMPLATE_LIMIT:
        raise PublishRefused("field_too_long", "text", limit=TEMPLATE_LIMIT, length=len(text))
    category = typed.category.strip()
    if category and category not in categories_of_region(session, region_id).names:
        raise PublishRefused("category_gone", "category", name=category)
    return typed.step, text, category


def region_templates(session: Session, region_id: int | None) -> list[ResponseTemplate]:
    query = select(ResponseTemplate).order_by(
        ResponseTemplate.step, ResponseTemplate.category, ResponseTemplate.position,
        ResponseTemplate.id,
    )  # fmt: skip
    if region_id is None:
        query = query.where(ResponseTemplate.region_id.is_(None))
    else:
        query = query.where(ResponseTemplate.region_id == region_id)
    return list(session.scalars(query))


def add_template(
    session: Session, who: Who | None, region_id: int | None, typed: TemplateInput, *,
    now: datetime,
) -> ResponseTemplate:  # fmt: skip
    check_region(session, who, region_id)
    step, text, category = _template_input(session, region_id, typed)
    if len(region_templates(session, region_id)) >= MAX_TEMPLATES:
        raise PublishRefused("too_many", "text", limit=MAX_TEMPLATES)
    template = ResponseTemplate(
        region_id=region_id, category=category, step=step, text=text,
        position=len(region_templates(session, region_id)),
    )  # fmt: skip
    session.add(template)
    session.flush()
    _audit(session, who, "template.add", region_id, f"{step} {category}: {text[:60]}", now)
    return template


def _template(session: Session, template_id: int) -> ResponseTemplate:
    template = session.get(ResponseTemplate, template_id)
    if template is None:
        raise PublishRefused("template_gone")
    return template


def edit_template(
    session: Session, who: Who | None, template_id: int, typed: TemplateInput, *, now: datetime
) -> ResponseTemplate:
    template = _template(session, template_id)
    check_region(session, who, template.region_id)
    step, text, category = _template_input(session, template.region_id, typed)
    template.step, template.text, template.category = step, text, category
    _audit(session, who, "template.edit", template.region_id, f"{step} {category}: {text[:60]}",
           now)  # fmt: skip
    return template


def delete_template(session: Session, who: Who | None, template_id: int, *, now: datetime) -> None:
    template = _template(session, template_id)
    check_region(session, who, template.region_id)
    session.delete(template)
    _audit(session, who, "template.delete", template.region_id, template.text[:60], now)


def station_templates(session: Session, station_id: str, category: str) -> dict[str, list[str]]:
    """The templates an appeal of `category` at the station is offered, per step: its
    category's, then the general ones; each nearest region first, the shared ones last."""
    station = session.get(Station, station_id)
    levels: list[int | None] = [*region_path(session, station.region_id if station else None)]
    levels.append(None)
    rows = session.scalars(
        select(ResponseTemplate).where(
            ResponseTemplate.category.in_(("", category)),
            ResponseTemplate.region_id.in_([r for r in levels if r is not None])
            | ResponseTemplate.region_id.is_(None),
        )
    ).all()

    def order(t: ResponseTemplate) -> tuple[bool, int, int, int]:
        return (t.category == "", levels.index(t.region_id), t.position, t.id)

    out: dict[str, list[str]] = {}
    for t in sorted(rows, key=order):
        text = t.text.replace("{category}", category)
        if text not in out.setdefault(t.step, []):
            out[t.step].append(text)
    return out
