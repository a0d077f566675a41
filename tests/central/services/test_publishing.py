# SPDX-License-Identifier: GPL-3.0-or-later
"""Publishing a station's content (issue 15 §1): who may, what is refused and why, that every
change is audited and moves the station's revision, and that only notices inside their window
reach the kiosks' snapshot."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PIL import Image
from sqlalchemy import select

from central.models import AuditEntry, Photo, Station
from central.services import publishing
from central.services.permissions import Refused
from central.services.publishing import NoticeInput, Profile, PublishRefused
from central.services.snapshot import build_document
from kiosk.domain.snapshot import snapshot_from_document
from tests.central.services.conftest import FRIDAY

TODAY = date(2026, 11, 20)  # FRIDAY in China


def png(size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (180, 40, 30)).save(out, "PNG")
    return out.getvalue()


def revision(world, station_id: str = "a") -> int:
    world.session.flush()
    world.session.expire_all()
    return world.session.get(Station, station_id).revision


def audited(world, action: str) -> list[AuditEntry]:
    return list(world.session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_staff_of_the_station_and_reviewers_in_scope_publish_others_may_not(world):
    for login in ("staff-a", "reviewer", "admin"):
        publishing.add_rule(
            world.session, world.who(login), "a", f"制度{login}", "内容", now=FRIDAY
        )
    for login in ("viewer", "tech", "deputy-a0", "staff-b"):
        with pytest.raises(Refused):
            publishing.add_rule(world.session, world.who(login), "a", "制度", "内容", now=FRIDAY)
    titles = [r.title for r in publishing.rules_of(world.session.get(Station, "a"))]
    assert titles == ["制度staff-a", "制度reviewer", "制度admin"]
    stations = {s.id for s in publishing.editable_stations(world.session, world.who("staff-b"))}
    assert stations == {"b"}


def test_a_profile_change_is_audited_by_field_and_reaches_the_snapshot(world):
    before = revision(world)
    changed = publishing.update_profile(
        world.session,
        world.who("staff-a"),
        "a",
        Profile(
            name="文昌街道代表之家",
            kind="home",
            address="文昌路 8 号",
            hours="周一至周五 9:00-17:00",
            phone="0571-8888 1234",
            intro="欢迎来站反映意见建议。",
        ),
        now=FRIDAY,
    )
    assert set(changed) == {"name", "kind", "address", "hours", "phone", "intro"}
    assert revision(world) > before
    [entry] = audited(world, "station.profile")
    assert entry.login == "staff-a" and entry.target == "a" and "address" in entry.detail
    station = snapshot_from_document(
        build_document(world.session, world.session.get(Station, "a"), "http://x", now=FRIDAY)
    ).station
    assert (station.name, station.kind.value, station.hours) == (
        "文昌街道代表之家",
        "home",
        "周一至周五 9:00-17:00",
    )


@pytest.mark.parametrize(
    ("profile", "key", "field"),
    [
        (Profile(name="  ", kind="station"), "field_needed", "name"),
        (Profile(name="站", kind="office"), "kind_unknown", "kind"),
        (Profile(name="站", kind="station", phone="1" * 65), "field_too_long", "phone"),
    ],
)
def test_a_bad_profile_is_refused_naming_the_field(world, profile, key, field):
    with pytest.raises(PublishRefused) as refused:
        publishing.update_profile(world.session, world.who("staff-a"), "a", profile, now=FRIDAY)
    assert (refused.value.key, refused.value.field) == (key, field)
    assert world.session.get(Station, "a").name == "联络站A"


def test_rules_are_added_edited_reordered_and_deleted(world):
    who = world.who("staff-a")
    first = publishing.add_rule(world.session, who, "a", "接待制度", "每月15日接待。", now=FRIDAY)
    second = publishing.add_rule(world.session, who, "a", "学习制度", "每季度学习。", now=FRIDAY)
    publishing.move_rule(world.session, who, "a", second.id, -1, now=FRIDAY)
    publishing.edit_rule(
        world.session, who, "a", first.id, "代表接待制度", "每月15日。", now=FRIDAY
    )
    station = world.session.get(Station, "a")
    assert [r.title for r in publishing.rules_of(station)] == ["学习制度", "代表接待制度"]
    before = revision(world)
    publishing.delete_rule(world.session, who, "a", second.id, now=FRIDAY)
    assert revision(world) > before
    assert [r.title for r in publishing.rules_of(station)] == ["代表接待制度"]
    with pytest.raises(PublishRefused) as gone:
        publishing.edit_rule(world.session, who, "a", second.id, "x", "y", now=FRIDAY)
    assert gone.value.key == "rule_gone"
    with pytest.raises(PublishRefused) as empty:
        publishing.add_rule(world.session, who, "a", " ", "内容", now=FRIDAY)
    assert (empty.value.key, empty.value.field) == ("field_needed", "title")
    actions = [e.action for e in world.session.scalars(select(AuditEntry))]
    assert [a for a in actions if a.startswith("rule.")] == [
        "rule.add", "rule.add", "rule.move", "rule.edit", "rule.delete"
    ]  # fmt: skip


def test_rules_kept_before_the_console_get_ids_at_their_first_change(world):
    station = world.session.get(Station, "a")
    station.rules = [{"title": "旧制度一", "body": "一"}, {"title": "旧制度二", "body": "二"}]
    world.session.flush()
    old = publishing.rules_of(station)
    publishing.move_rule(world.session, world.who("staff-a"), "a", old[1].id, -1, now=FRIDAY)
    rules = publishing.rules_of(station)
    assert [r.title for r in rules] == ["旧制度二", "旧制度一"]
    assert all(len(r.id) == 12 for r in rules)


def kiosk_notices(world, day: date) -> list[str]:
    now = FRIDAY + timedelta(days=(day - TODAY).days)
    document = build_document(world.session, world.session.get(Station, "a"), "http://x", now=now)
    return [n.title for n in snapshot_from_document(document).station.notices]


def test_only_notices_inside_their_window_reach_the_kiosk(world):
    who = world.who("staff-a")
    for title, start, end in (
        ("元旦接待安排", "2026-11-20", "2026-11-30"),
        ("下月主题", "2026-11-25", ""),
        ("已过期", "2026-11-01", "2026-11-10"),
    ):
        publishing.add_notice(
            world.session, who, "a", NoticeInput(title, "正文", start, end), now=FRIDAY
        )
    assert kiosk_notices(world, TODAY) == ["元旦接待安排"]
    assert kiosk_notices(world, date(2026, 11, 26)) == ["下月主题", "元旦接待安排"]
    assert kiosk_notices(world, date(2026, 12, 1)) == ["下月主题"]
    states = {
        n.title: n.state_on(TODAY) for n in publishing.notices_of(world.session.get(Station, "a"))
    }
    assert states == {"元旦接待安排": "showing", "下月主题": "waiting", "已过期": "ended"}


@pytest.mark.parametrize(
    ("typed", "key", "field"),
    [
        (NoticeInput("", "正文", "2026-11-20"), "field_needed", "title"),
        (
            NoticeInput("标题", "正文", "2026-11-20", "2026-11-19"),
            "window_backwards",
            "shown_until",
        ),
        (NoticeInput("标题", "正文", "11/20/2026"), "date_unreadable", "shown_from"),
        (NoticeInput("标题", "正文", ""), "field_needed", "shown_from"),
        (NoticeInput("标题", "文" * 4001, "2026-11-20"), "field_too_long", "body"),
    ],
)
def test_a_bad_notice_is_refused_and_nothing_is_kept(world, typed, key, field):
    with pytest.raises(PublishRefused) as refused:
        publishing.add_notice(world.session, world.who("staff-a"), "a", typed, now=FRIDAY)
    assert (refused.value.key, refused.value.field) == (key, field)
    assert publishing.notices_of(world.session.get(Station, "a")) == []
    assert audited(world, "notice.add") == []


def test_a_notice_is_edited_and_deleted(world):
    who = world.who("reviewer")
    notice = publishing.add_notice(
        world.session, who, "b", NoticeInput("停电通知", "周六停电", "2026-11-20"), now=FRIDAY
    )
    publishing.edit_notice(
        world.session,
        who,
        "b",
        notice.id,
        NoticeInput("停电通知（更正）", "周日停电", "2026-11-20", "2026-11-22"),
        now=FRIDAY,
    )
    [kept] = publishing.notices_of(world.session.get(Station, "b"))
    assert (kept.title, kept.shown_until) == ("停电通知（更正）", date(2026, 11, 22))
    publishing.delete_notice(world.session, who, "b", notice.id, now=FRIDAY)
    assert publishing.notices_of(world.session.get(Station, "b")) == []
    assert [e.action for e in audited(world, "notice.delete")] == ["notice.delete"]


def test_a_photo_is_checked_stored_once_and_offered_to_the_kiosk(world):
    who = world.who("staff-a")
    content = png()
    name = publishing.set_photo(world.session, who, "a", content, now=FRIDAY)
    assert name.endswith(".png")
    publishing.set_photo(world.session, world.who("staff-b"), "b", content, now=FRIDAY)
    assert len(world.session.scalars(select(Photo)).all()) == 1
    document = build_document(world.session, world.session.get(Station, "a"), "http://x", FRIDAY)
    assert document["station"]["photo_url"] == f"/api/v1/photos/{name}"
    for bad, key in (
        (b"", "photo_missing"),
        (b"%PDF-1.7 not a picture", "photo_not_image"),
        (b"\x89PNG\r\n\x1a\n" + bytes(publishing.MAX_PHOTO_BYTES), "photo_too_large"),
    ):
        with pytest.raises(PublishRefused) as refused:
            publishing.set_photo(world.session, who, "a", bad, now=FRIDAY)
        assert refused.value.key == key
    publishing.remove_photo(world.session, who, "a", now=FRIDAY)
    document = build_document(world.session, world.session.get(Station, "a"), "http://x", FRIDAY)
    assert document["station"]["photo_url"] is None
    assert [e.detail for e in audited(world, "station.photo")][-1] == "removed"
