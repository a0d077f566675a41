# SPDX-License-Identifier: GPL-3.0-or-later
"""Appeal categories inherited down the regions tree and response templates per category and
step (issue 15 §1; issue 13's left-over): a street's own list reaches its stations' snapshot
and phone pages, the others keep the district's; an appeal's page offers its category's
templates of its regions first; who may edit what; every change audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from central.models import AuditEntry, Region, Station
from central.services import casework, categories
from central.services.categories import TemplateInput
from central.services.permissions import Refused
from central.services.phone import categories as phone_categories
from central.services.publishing import PublishRefused
from central.services.snapshot import build_document
from kiosk.domain.tracking import check_character
from tests.central.services.conftest import FRIDAY

C1, C2 = (body + check_character(body) for body in ("K7QM4XPD", "ABCDEFGH"))


def region_id(world, name: str) -> int:
    return world.session.scalar(select(Region.id).where(Region.name == name))


def kiosk_categories(world, station_id: str) -> list[str]:
    station = world.session.get(Station, station_id)
    return build_document(world.session, station, "http://x", now=FRIDAY)["categories"]


def test_a_street_keeps_its_own_list_and_its_stations_offer_it(world):
    shared = categories.categories_of_region(world.session, None).names
    assert kiosk_categories(world, "a") == kiosk_categories(world, "b") == shared
    street = region_id(world, "文昌街道")
    before = world.session.get(Station, "a").revision
    categories.add_category(world.session, world.who("reviewer"), street, "加装电梯", now=FRIDAY)
    world.session.flush()
    world.session.expire_all()
    assert world.session.get(Station, "a").revision > before  # kiosks pull it
    assert kiosk_categories(world, "a") == [*shared, "加装电梯"]
    assert phone_categories(world.session, "a") == [*shared, "加装电梯"]
    assert kiosk_categories(world, "b") == shared
    listed = categories.categories_of_region(world.session, street)
    assert listed.own and listed.source == street

    # The district's own list reaches station b (its street inherits); a keeps its street's.
    district = region_id(world, "城东区")
    categories.remove_category(world.session, world.who("admin"), district, "其他", now=FRIDAY)
    assert "其他" not in kiosk_categories(world, "b")
    assert "其他" in kiosk_categories(world, "a")
    categories.inherit_categories(world.session, world.who("reviewer"), street, now=FRIDAY)
    assert kiosk_categories(world, "a") == kiosk_categories(world, "b")
    actions = [e.action for e in world.session.scalars(select(AuditEntry))]
    assert [a for a in actions if a.startswith("category.")] == [
        "category.add", "category.delete", "category.inherit"
    ]  # fmt: skip


def test_categories_are_reordered_and_bad_names_refused(world):
    street = region_id(world, "城南街道")
    who = world.who("reviewer")
    names = categories.move_category(world.session, who, street, "其他", -1, now=FRIDAY)
    assert names.index("其他") == len(names) - 2
    for name, key in (
        ("  ", "field_needed"),
        ("交通出行", "category_taken"),
        ("长" * 101, "field_too_long"),
    ):
        with pytest.raises(PublishRefused) as refused:
            categories.add_category(world.session, who, street, name, now=FRIDAY)
        assert refused.value.key == key


def test_only_reviewers_and_admins_in_scope_edit_and_only_whole_tree_ones_the_shared_list(world):
    street = region_id(world, "文昌街道")
    for login in ("staff-a", "viewer", "tech", "deputy-a0"):
        with pytest.raises(Refused):
            categories.add_category(world.session, world.who(login), street, "新类别", now=FRIDAY)
    with pytest.raises(Refused):  # a district reviewer: not the shared list
        categories.add_category(world.session, world.who("reviewer"), None, "新类别", now=FRIDAY)
    categories.add_category(world.session, world.who("admin"), None, "新类别", now=FRIDAY)
    regions = categories.editable_regions(world.session, world.who("reviewer"))
    assert [r.region_id for r in regions][0] == region_id(world, "城东区")
    assert None in [
        r.region_id for r in categories.editable_regions(world.session, world.who("admin"))
    ]


def test_an_appeal_is_offered_its_categorys_templates_first(world):
    district, street = region_id(world, "城东区"), region_id(world, "文昌街道")
    reviewer = world.who("reviewer")
    categories.add_template(
        world.session, reviewer, district,
        TemplateInput("accept", "您反映的{category}问题已受理，已请区交通局协助。", "交通出行"),
        now=FRIDAY,
    )  # fmt: skip
    categories.add_template(
        world.session, reviewer, street, TemplateInput("accept", "文昌街道已受理。"), now=FRIDAY
    )
    categories.add_template(
        world.session, reviewer, street, TemplateInput("close", "环境问题已办结。", "环境保护"),
        now=FRIDAY,
    )  # fmt: skip
    traffic = world.appeal(C1, "a", category="交通出行")
    view = casework.appeal_view(
        world.session, world.who("staff-a"), traffic.tracking_code, now=FRIDAY
    )
    assert view.templates["accept"][:2] == [
        "您反映的交通出行问题已受理，已请区交通局协助。",
        "文昌街道已受理。",
    ]
    assert view.templates["accept"][2] == "您反映的交通出行问题已受理，我们将尽快交代表办理。"
    assert "环境问题已办结。" not in view.templates["close"]
    other = world.appeal(C2, "b", category="交通出行")
    view_b = casework.appeal_view(
        world.session, world.who("staff-b"), other.tracking_code, now=FRIDAY
    )
    assert "文昌街道已受理。" not in view_b.templates["accept"]  # another street's
    assert view_b.templates["accept"][0].startswith("您反映的交通出行问题已受理，已请")


def test_templates_are_edited_deleted_and_bad_ones_refused(world):
    street = region_id(world, "文昌街道")
    who = world.who("admin")
    template = categories.add_template(
        world.session, who, street, TemplateInput("reply", "答复如下："), now=FRIDAY
    )
    categories.edit_template(
        world.session, who, template.id, TemplateInput("reply", "经了解，答复如下：", "交通出行"),
        now=FRIDAY,
    )  # fmt: skip
    [kept] = categories.region_templates(world.session, street)
    assert (kept.text, kept.category) == ("经了解，答复如下：", "交通出行")
    for typed, key in (
        (TemplateInput("assign", "x"), "step_unknown"),
        (TemplateInput("reply", " "), "field_needed"),
        (TemplateInput("reply", "x", "不存在的类别"), "category_gone"),
    ):
        with pytest.raises(PublishRefused) as refused:
            categories.add_template(world.session, who, street, typed, now=FRIDAY)
        assert refused.value.key == key
    with pytest.raises(Refused):
        categories.delete_template(world.session, world.who("staff-a"), template.id, now=FRIDAY)
    categories.delete_template(world.session, who, template.id, now=FRIDAY)
    assert categories.region_templates(world.session, street) == []
