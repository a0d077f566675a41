# SPDX-License-Identifier: GPL-3.0-or-later
"""What a station publishes on its kiosks (issue 15 §1): its profile (name, kind, address,
hours, phone, intro, photo), the rules on its wall (制度) and its notices with a publish window.

Staff of the station, and reviewers and admins whose scope holds it, edit them in the console;
the command line calls the same functions (`who` None). Every change is in the audit log and,
through `Station.revision` (central.core.revisions), in every kiosk's next pull. A notice
reaches the kiosks only on the days of its window (`notices_showing`); the snapshot cache
starts a new document every day, so a window opening or closing needs no change to show.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME
from central.models import Photo, Station
from central.services import audit
from central.services.audit import Who
from central.services.permissions import Action, Refused, require, scope_of
from kiosk.domain.snapshot import MAX_TEXT
from kiosk.domain.station import StationKind

MAX_PHOTO_BYTES = 5 * 1024 * 1024
# (field, longest): what the kiosk's snapshot reader accepts, shorter where a wall says less.
PROFILE_LIMITS = {
    "name": 200,
    "address": 500,
    "hours": 500,
    "phone": 64,
    "intro": MAX_TEXT,
}
TITLE_LIMIT = 200
# Most rules and notices a station keeps (the kiosk reads up to 5,000 of each).
MAX_ENTRIES = 200


class PublishRefused(ValueError):
    """Input the console refuses; `key` names the words that say why (console text), `field`
    the form field to fix, `values` what the words fill in."""

    def __init__(self, key: str, field: str = "", **values: object) -> None:
        super().__init__(f"{key} {field} {values}".strip())
        self.key, self.field, self.values = key, field, values


class NoSuchStation(LookupError):
    """No such station (404)."""


def china_today(now: datetime) -> date:
    return now.astimezone(CHINA_TIME).date()


# -- Whose stations ------------------------------------------------------------------------


def editable_station(session: Session, who: Who | None, station_id: str) -> Station:
    """The station, if `who` may publish for it (None: the command line may)."""
    station = session.get(Station, station_id)
    if who is not None:
        require(who.account, Action.PUBLISH)
        if not scope_of(session, who.account).covers(station_id):
            raise Refused("this station is not in your scope")
    if station is None:
        raise NoSuchStation(station_id)
    return station


def editable_stations(session: Session, who: Who) -> list[Station]:
    """The stations `who` publishes for, by name."""
    require(who.account, Action.PUBLISH)
    scope = scope_of(session, who.account)
    query = select(Station).order_by(Station.name)
    if scope.station_ids is not None:
        query = query.where(Station.id.in_(sorted(scope.station_ids)))
    return list(session.scalars(query))


def _checked(value: str, field: str, limit: int, *, needed: bool = False) -> str:
    value = value.strip().replace("\r\n", "\n")
    if needed and not value:
        raise PublishRefused("field_needed", field)
    if len(value) > limit:
        raise PublishRefused("field_too_long", field, limit=limit, length=len(value))
    return value


# -- Profile and photo ----------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    name: str
    kind: str
    address: str = ""
    hours: str = ""
    phone: str = ""
    intro: str = ""

    @classmethod
    def of(cls, station: Station) -> Profile:
        return cls(
            station.name, station.kind, station.address, station.hours, station.phone, station.intro
        )


def update_profile(
    session: Session, who: Who | None, station_id: str, profile: Profile, *, now: datetime
) -> list[str]:
    """Save the profile; returns the fields that changed (audited by name, not content)."""
    station = editable_station(session, who, station_id)
    if profile.kind not in {k.value for k in StationKind}:
        raise PublishRefused("kind_unknown", "kind")
    new = {"kind": profile.kind}
    for field, limit in PROFILE_LIMITS.items():
        new[field] = _checked(getattr(profile, field), field, limit, needed=field == "name")
    changed = [field for field, value in new.items() if getattr(station, field) != value]
    for field in changed:
        setattr(station, field, new[field])
    if changed:
        audit.record(
            session, who, "station.profile", station_id, ", ".join(changed), now=now, login="cli"
        )
    return changed


PHOTO_SIGNATURES = (
    (b"\xff\xd8\xff", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
)


def photo_type(content: bytes) -> str | None:
    """The image type the bytes are (JPEG, PNG, WebP), whatever the file was called."""
    for signature, extension in PHOTO_SIGNATURES:
        if content.startswith(signature):
            return extension
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "webp"
    return None


def check_photo(content: bytes, size: int | None = None) -> str:
    """The photo's extension, or PublishRefused saying what is wrong with it. `size`: the
    file's whole size when only its beginning was read."""
    size = max(size or 0, len(content))
    if not content:
        raise PublishRefused("photo_missing", "photo")
    if size > MAX_PHOTO_BYTES:
        raise PublishRefused(
            "photo_too_large",
            "photo",
            size=f"{size / 1024 / 1024:.1f} MB",
            limit=f"{MAX_PHOTO_BYTES // 1024 // 1024} MB",
        )
    extension = photo_type(content)
    if extension is None:
        raise PublishRefused("photo_not_image", "photo")
    return extension


def set_photo(
    session: Session,
    who: Who | None,
    station_id: str,
    content: bytes,
    *,
    now: datetime,
    size: int | None = None,
) -> str:
    """Store the station's photo (content-addressed, as deputies' photos); its file name."""
    station = editable_station(session, who, station_id)
    extension = check_photo(content, size)
    sha256 = hashlib.sha256(content).hexdigest()
    if session.get(Photo, sha256) is None:
        session.add(Photo(sha256=sha256, extension=extension, content=content))
        session.flush()
    station.photo_sha256 = sha256
    audit.record(
        session, who, "station.photo", station_id, f"{len(content)} bytes", now=now, login="cli"
    )
    return f"{sha256}.{extension}"


def remove_photo(session: Session, who: Who | None, station_id: str, *, now: datetime) -> None:
    station = editable_station(session, who, station_id)
    if station.photo_sha256 is not None:
        station.photo_sha256 = None
        audit.record(session, who, "station.photo", station_id, "removed", now=now, login="cli")


def station_photo(session: Session, station: Station) -> Photo | None:
    return session.get(Photo, station.photo_sha256) if station.photo_sha256 else None


# -- Rules (制度) ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    body: str


def rules_of(station: Station) -> list[Rule]:
    """The rules in wall order. Rules stored before the console (the demo's) have no id:
    their place stands in for one until the next change gives them their own."""
    return [
        Rule(str(r.get("id") or f"i{i}"), r.get("title", ""), r.get("body", ""))
        for i, r in enumerate(station.rules or [])
    ]


def _save_rules(station: Station, rules: list[Rule]) -> None:
    # A new list, not the old one changed in place: the JSON column sees only assignments.
    # Ids are hex: one starting with "i" is a place standing in, replaced now.
    station.rules = [
        {"id": _new_id() if r.id.startswith("i") else r.id, "title": r.title, "body": r.body}
        for r in rules
    ]


def _new_id() -> str:
    return uuid.uuid4().hex[:12]


def _rule_input(title: str, body: str) -> tuple[str, str]:
    return (
        _checked(title, "title", TITLE_LIMIT, needed=True),
        _checked(body, "body", MAX_TEXT, needed=True),
    )


def add_rule(
    session: Session, who: Who | None, station_id: str, title: str, body: str, *, now: datetime
) -> Rule:
    station = editable_station(session, who, station_id)
    title, body = _rule_input(title, body)
    rules = rules_of(station)
    if len(rules) >= MAX_ENTRIES:
        raise PublishRefused("too_many", "title", limit=MAX_ENTRIES)
    rule = Rule(_new_id(), title, body)
    _save_rules(station, [*rules, rule])
    audit.record(session, who, "rule.add", station_id, title, now=now, login="cli")
    return rule


def _find(rules: list[Rule], rule_id: str) -> int:
    for i, rule in enumerate(rules):
        if rule.id == rule_id:
            return i
    raise PublishRefused("rule_gone")


def edit_rule(
    session: Session,
    who: Who | None,
    station_id: str,
    rule_id: str,
    title: str,
    body: str,
    *,
    now: datetime,
) -> Rule:
    station = editable_station(session, who, station_id)
    rules = rules_of(station)
    i = _find(rules, rule_id)
    title, body = _rule_input(title, body)
    rules[i] = Rule(rule_id, title, body)
    _save_rules(station, rules)
    audit.record(session, who, "rule.edit", station_id, title, now=now, login="cli")
    return rules[i]


def move_rule(
    session: Session, who: Who | None, station_id: str, rule_id: str, step: int, *, now: datetime
) -> None:
    """Move a rule up (-1) or down (+1) on the wall."""
    station = editable_station(session, who, station_id)
    rules = rules_of(station)
    i = _find(rules, rule_id)
    j = i + (1 if step > 0 else -1)
    if not 0 <= j < len(rules):
        return  # the first cannot go higher: nothing to do
    rules[i], rules[j] = rules[j], rules[i]
    _save_rules(station, rules)
    audit.record(
        session,
        who,
        "rule.move",
        station_id,
        f"{rules[j].title}: {i + 1} → {j + 1}",
        now=now,
        login="cli",
    )


def delete_rule(
    session: Session, who: Who | None, station_id: str, rule_id: str, *, now: datetime
) -> None:
    station = editable_station(session, who, station_id)
    rules = rules_of(station)
    gone = rules.pop(_find(rules, rule_id))
    _save_rules(station, rules)
    audit.record(session, who, "rule.delete", station_id, gone.title, now=now, login="cli")


# -- Notices --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StationNotice:
    id: str
    title: str
    body: str
    shown_from: date
    shown_until: date | None  # None: until taken down

    def showing_on(self, day: date) -> bool:
        return self.shown_from <= day and (self.shown_until is None or day <= self.shown_until)

    def state_on(self, day: date) -> str:
        """showing | waiting (its window has not begun) | ended."""
        if day < self.shown_from:
            return "waiting"
        return "showing" if self.showing_on(day) else "ended"


def notices_of(station: Station) -> list[StationNotice]:
    """Every notice kept for the station, newest window first as stored."""
    out = []
    for i, n in enumerate(station.notices or []):
        until = n.get("until") or ""
        out.append(
            StationNotice(
                str(n.get("id") or f"n{i}"),
                n.get("title", ""),
                n.get("body", ""),
                date.fromisoformat(n["published_on"]),
                date.fromisoformat(until) if until else None,
            )
        )
    return out


def notices_showing(station: Station, day: date) -> list[StationNotice]:
    """The notices a kiosk shows on `day`: those inside their window, newest first."""
    showing = [n for n in notices_of(station) if n.showing_on(day)]
    return sorted(showing, key=lambda n: n.shown_from, reverse=True)


def _date(text: str, field: str, *, needed: bool) -> date | None:
    text = text.strip()
    if not text:
        if needed:
            raise PublishRefused("field_needed", field)
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PublishRefused("date_unreadable", field) from None


@dataclass(frozen=True)
class NoticeInput:
    """A notice as typed: dates as text (YYYY-MM-DD), read here so page and CLI agree."""

    title: str
    body: str
    shown_from: str
    shown_until: str = ""


def _notice_input(typed: NoticeInput) -> tuple[str, str, date, date | None]:
    title = _checked(typed.title, "title", TITLE_LIMIT, needed=True)
    body = _checked(typed.body, "body", MAX_TEXT, needed=True)
    shown_from = _date(typed.shown_from, "shown_from", needed=True)
    shown_until = _date(typed.shown_until, "shown_until", needed=False)
    assert shown_from is not None
    if shown_until is not None and shown_until < shown_from:
        raise PublishRefused("window_backwards", "shown_until")
    return title, body, shown_from, shown_until


def _notice_document(notice: StationNotice) -> dict[str, Any]:
    return {
        "id": notice.id,
        "title": notice.title,
        "body": notice.body,
        "published_on": notice.shown_from.isoformat(),
        "until": notice.shown_until.isoformat() if notice.shown_until else "",
    }


def _save_notices(station: Station, notices: list[StationNotice]) -> None:
    station.notices = [_notice_document(n) for n in notices]


def add_notice(
    session: Session, who: Who | None, station_id: str, typed: NoticeInput, *, now: datetime
) -> StationNotice:
    station = editable_station(session, who, station_id)
    title, body, shown_from, shown_until = _notice_input(typed)
    notices = notices_of(station)
    if len(notices) >= MAX_ENTRIES:
        raise PublishRefused("too_many", "title", limit=MAX_ENTRIES)
    notice = StationNotice(_new_id(), title, body, shown_from, shown_until)
    _save_notices(station, [notice, *notices])
    detail = f"{title} ({shown_from} – {shown_until or '…'})"
    audit.record(session, who, "notice.add", station_id, detail, now=now, login="cli")
    return notice


def _find_notice(notices: list[StationNotice], notice_id: str) -> int:
    for i, notice in enumerate(notices):
        if notice.id == notice_id:
            return i
    raise PublishRefused("notice_gone")


def edit_notice(
    session: Session,
    who: Who | None,
    station_id: str,
    notice_id: str,
    typed: NoticeInput,
    *,
    now: datetime,
) -> StationNotice:
    station = editable_station(session, who, station_id)
    notices = notices_of(station)
    i = _find_notice(notices, notice_id)
    title, body, shown_from, shown_until = _notice_input(typed)
    notices[i] = StationNotice(notice_id, title, body, shown_from, shown_until)
    _save_notices(station, notices)
    detail = f"{title} ({shown_from} – {shown_until or '…'})"
    audit.record(session, who, "notice.edit", station_id, detail, now=now, login="cli")
    return notices[i]


def delete_notice(
    session: Session, who: Who | None, station_id: str, notice_id: str, *, now: datetime
) -> None:
    station = editable_station(session, who, station_id)
    notices = notices_of(station)
    gone = notices.pop(_find_notice(notices, notice_id))
    _save_notices(station, notices)
    audit.record(session, who, "notice.delete", station_id, gone.title, now=now, login="cli")
