# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk fleet (issue 15 §3): how every kiosk is doing, said in plain words, and the alerts
sent when one falls silent or holds records the server refused.

Everything here reads the devices and their last heartbeat (docs/sync-api.md); nothing here
holds a visitor's personal data: a quarantined item's reason is the server's words about a
field, masked again by the kiosk before it reports it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import Settings
from central.models import Device, KioskAlert, Region, Station
from central.services import audit
from central.services.audit import Who
from central.services.devices import issue_enrolment_code, revoke_device
from central.services.permissions import Action, Refused, require, scope_of

log = logging.getLogger(__name__)


class Colour(StrEnum):
    GREEN = "green"  # all well
    YELLOW = "yellow"  # look at it soon
    RED = "red"  # needs a visit (or a call to the station)
    GREY = "grey"  # revoked: no longer part of the fleet


@dataclass(frozen=True)
class Thresholds:
    """Every limit of the fleet page in one place (docs/fleet.md)."""

    # Kiosks sync every minute; half an hour without a word is worth a look.
    quiet_minutes: int = 30
    # Silent this long: red, and an alert (serve --kiosk-silent-hours).
    silent_hours: int = 24
    # Below the kiosk's own floor it refuses new appeals (disk_low); below this it soon will.
    disk_warn_bytes: int = 1024**3
    clock_warn_minutes: int = 5
    clock_red_minutes: int = 60
    pending_warn: int = 100


DEFAULT_THRESHOLDS = Thresholds()


def duration_text(seconds: float, lang: str = "zh") -> str:
    """A length of time as a sentence would say it: 3 天, 2 小时, 20 分钟 (3 days, 2 hours, …)."""
    seconds = abs(seconds)
    for size, zh, en in ((86400, "天", "day"), (3600, "小时", "hour"), (60, "分钟", "minute")):
        if seconds >= size or size == 60:
            n = max(1, int(seconds // size))
            return f"{n} {zh}" if lang == "zh" else f"{n} {en}{'s' if n > 1 else ''}"
    raise AssertionError  # pragma: no cover


# What is wrong with a kiosk, in the words a technician reads: {n} a count, {time} a
# duration, {reason} the server's words about a refused record.
_CAUSE_TEXT: dict[str, tuple[str, str]] = {
    "revoked": ("已停用", "revoked"),
    "never_seen": ("登记后从未联网", "never online since enrolment"),
    "silent": ("{time}未联网", "offline for {time}"),
    "quarantined": ("{n} 条记录无法发送：{reason}", "{n} record(s) the server refused: {reason}"),
    "disk_full": ("磁盘已满，不再接收新的反映", "disk full: no new appeals taken"),
    "disk_low": ("磁盘快满", "disk almost full"),
    "clock_slow": ("时钟慢了 {time}", "clock {time} slow"),
    "clock_fast": ("时钟快了 {time}", "clock {time} fast"),
    "pending": ("{n} 条记录等待发送", "{n} records waiting to be sent"),
    "snapshot_refused": ("未能更新站点内容", "could not update the station's content"),
}


@dataclass(frozen=True)
class Cause:
    """One thing wrong with a kiosk; its words come from `text`, in Chinese or English."""

    kind: str
    seconds: float = 0
    count: int = 0
    reason: str = ""

    def text(self, lang: str = "zh") -> str:
        zh, en = _CAUSE_TEXT[self.kind]
        unreported = "原因未报" if lang == "zh" else "no reason reported"
        return (zh if lang == "zh" else en).format(
            n=self.count,
            time=duration_text(self.seconds, lang),
            reason=self.reason or unreported,
        )


@dataclass(frozen=True)
class KioskHealth:
    """One kiosk as the fleet page shows it."""

    device_id: str
    name: str
    station_id: str
    station_name: str
    region_id: int | None
    region_name: str
    colour: Colour
    causes: tuple[Cause, ...]
    enrolled_at: datetime
    revoked_at: datetime | None
    last_seen_at: datetime | None
    version: str = ""
    pending: int | None = None
    quarantined: int = 0
    quarantined_items: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    disk_free_bytes: int | None = None
    clock_skew_seconds: float | None = None
    last_pull: datetime | None = None
    last_push: datetime | None = None
    # Syncs the kiosk retried since installation, by cause (kiosk.sync.policy.RETRY_CAUSES).
    retries: dict[str, int] = field(default_factory=dict)

    @property
    def cause(self) -> str:
        return self.cause_in("zh")

    def cause_in(self, lang: str) -> str:
        if not self.causes:
            return "正常" if lang == "zh" else "all well"
        return ("；" if lang == "zh" else "; ").join(c.text(lang) for c in self.causes)

    @property
    def needs_visit(self) -> bool:
        return self.colour in (Colour.YELLOW, Colour.RED)


def _when(text: Any) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else None


_RANK = {Colour.GREEN: 0, Colour.YELLOW: 1, Colour.RED: 2}


def assess(
    device: Device,
    now: datetime,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    station_name: str = "",
    region_id: int | None = None,
    region_name: str = "",
) -> KioskHealth:
    """A kiosk's colour and causes at `now`, from its device row and last heartbeat."""
    beat = device.last_heartbeat if isinstance(device.last_heartbeat, dict) else {}
    outbox: dict[str, Any] = beat["outbox"] if isinstance(beat.get("outbox"), dict) else {}
    quarantined = int(outbox.get("quarantined") or 0)
    items = tuple(i for i in beat.get("quarantined_items") or () if isinstance(i, dict))
    seen = device.last_seen_at
    kiosk_clock = _when(beat.get("clock"))
    skew = (kiosk_clock - seen).total_seconds() if kiosk_clock and seen else None
    common: dict[str, Any] = dict(
        device_id=device.id,
        name=device.name,
        station_id=device.station_id,
        station_name=station_name or device.station_id,
        region_id=region_id,
        region_name=region_name,
        enrolled_at=device.enrolled_at,
        revoked_at=device.revoked_at,
        last_seen_at=seen,
        version=str(beat.get("version") or ""),
        pending=outbox.get("pending"),
        quarantined=quarantined,
        quarantined_items=items,
        disk_free_bytes=beat.get("disk_free_bytes"),
        clock_skew_seconds=skew,
        last_pull=_when(beat.get("last_pull")),
        last_push=_when(beat.get("last_push")),
        retries={k: v for k, v in (beat.get("retries") or {}).items() if isinstance(v, int)}
        if isinstance(beat.get("retries"), dict)
        else {},
    )
    if device.revoked_at is not None:
        return KioskHealth(colour=Colour.GREY, causes=(Cause("revoked"),), **common)

    found: list[tuple[Colour, Cause]] = []
    if seen is None:
        silent = (now - device.enrolled_at).total_seconds()
        colour = Colour.RED if silent >= thresholds.silent_hours * 3600 else Colour.YELLOW
        found.append((colour, Cause("never_seen")))
    else:
        silent = (now - seen).total_seconds()
        if silent >= thresholds.silent_hours * 3600:
            found.append((Colour.RED, Cause("silent", seconds=silent)))
        elif silent >= thresholds.quiet_minutes * 60:
            found.append((Colour.YELLOW, Cause("silent", seconds=silent)))
    if quarantined:
        reason = str(items[0].get("reason", "")) if items else ""
        found.append((Colour.RED, Cause("quarantined", count=quarantined, reason=reason)))
    if beat.get("disk_low"):
        found.append((Colour.RED, Cause("disk_full")))
    elif isinstance(beat.get("disk_free_bytes"), int) and (
        beat["disk_free_bytes"] < thresholds.disk_warn_bytes
    ):
        found.append((Colour.YELLOW, Cause("disk_low")))
    if skew is not None and abs(skew) >= thresholds.clock_warn_minutes * 60:
        colour = Colour.RED if abs(skew) >= thresholds.clock_red_minutes * 60 else Colour.YELLOW
        found.append((colour, Cause("clock_slow" if skew < 0 else "clock_fast", seconds=skew)))
    pending = outbox.get("pending")
    if isinstance(pending, int) and pending >= thresholds.pending_warn:
        found.append((Colour.YELLOW, Cause("pending", count=pending)))
    if beat.get("snapshot_refused"):
        found.append((Colour.YELLOW, Cause("snapshot_refused")))
    colour = max((c for c, _ in found), key=_RANK.__getitem__, default=Colour.GREEN)
    # The worst first: that is what a technician reads.
    causes = tuple(cause for c, cause in sorted(found, key=lambda f: -_RANK[f[0]]))
    return KioskHealth(colour=colour, causes=causes, **common)


def fleet(
    session: Session,
    now: datetime,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    station_ids: Iterable[str] | None = None,
    include_revoked: bool = True,
) -> list[KioskHealth]:
    """Every kiosk (of `station_ids`, None: all), by region then station name."""
    query = (
        select(Device, Station.name, Station.region_id, Region.name)
        .join(Station, Station.id == Device.station_id)
        .outerjoin(Region, Region.id == Station.region_id)
    )
    if station_ids is not None:
        query = query.where(Device.station_id.in_(sorted(station_ids)))
    if not include_revoked:
        query = query.where(Device.revoked_at.is_(None))
    out = [
        assess(
            device,
            now,
            thresholds,
            station_name=name,
            region_id=region_id,
            region_name=region_name or "",
        )
        for device, name, region_id, region_name in session.execute(query)
    ]
    out.sort(key=lambda k: (k.region_name == "", k.region_name, k.station_name, k.name))
    return out


def kiosk(
    session: Session, device_id: str, now: datetime, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> KioskHealth | None:
    row = session.execute(
        select(Device, Station.name, Station.region_id, Region.name)
        .join(Station, Station.id == Device.station_id)
        .outerjoin(Region, Region.id == Station.region_id)
        .where(Device.id == device_id)
    ).one_or_none()
    if row is None:
        return None
    device, name, region_id, region_name = row
    return assess(
        device,
        now,
        thresholds,
        station_name=name,
        region_id=region_id,
        region_name=region_name or "",
    )


# -- Alerts ----------------------------------------------------------------------------------


class AlertKind(StrEnum):
    SILENT = "silent"
    QUARANTINED = "quarantined"


@dataclass(frozen=True)
class KioskAlertDue:
    """An alert to send: no personal data, only the station, the kiosk and what is wrong."""

    device_id: str
    kind: AlertKind
    station_id: str
    station_name: str
    message: str

    @property
    def text(self) -> str:
        return f"kiosk alert: station {self.station_name}（{self.station_id}）, {self.message}"


def _conditions(health: KioskHealth, now: datetime, silent_hours: int) -> dict[AlertKind, str]:
    """Which alert conditions hold for a kiosk now, with the words of each."""
    held: dict[AlertKind, str] = {}
    if health.revoked_at is not None:
        return held
    since = health.last_seen_at or health.enrolled_at
    silent = (now - since).total_seconds()
    if silent >= silent_hours * 3600:
        held[AlertKind.SILENT] = (
            Cause("silent", seconds=silent) if health.last_seen_at else Cause("never_seen")
        ).text()
    if health.quarantined:
        reason = (
            str(health.quarantined_items[0].get("reason", "")) if health.quarantined_items else ""
        )
        held[AlertKind.QUARANTINED] = Cause(
            "quarantined", count=health.quarantined, reason=reason
        ).text()
    return held


def _open_alerts(session: Session) -> dict[tuple[str, str], KioskAlert]:
    rows = session.scalars(select(KioskAlert).where(KioskAlert.cleared_at.is_(None)))
    return {(row.device_id, row.kind): row for row in rows}


def _held(
    session: Session, now: datetime, silent_hours: int
) -> list[tuple[KioskHealth, dict[AlertKind, str]]]:
    """Every kiosk with the alert conditions that hold for it now (none when revoked)."""
    thresholds = Thresholds(silent_hours=silent_hours)
    return [(h, _conditions(h, now, silent_hours)) for h in fleet(session, now, thresholds)]


def _due(
    held: list[tuple[KioskHealth, dict[AlertKind, str]]], fired: dict[tuple[str, str], KioskAlert]
) -> list[KioskAlertDue]:
    return [
        KioskAlertDue(health.device_id, kind, health.station_id, health.station_name, message)
        for health, conditions in held
        for kind, message in conditions.items()
        if (health.device_id, kind.value) not in fired
    ]


def alerts_due(session: Session, now: datetime, silent_hours: int) -> list[KioskAlertDue]:
    """Alerts whose condition holds and that have not fired in this episode (read only)."""
    return _due(_held(session, now, silent_hours), _open_alerts(session))


Send = Callable[[KioskAlertDue], None]


def fire_alerts(session: Session, now: datetime, settings: Settings, send: Send) -> int:
    """Send the alerts due and record them; close the episodes that ended (a kiosk heard from
    again, its quarantine emptied, or revoked), so a new episode fires again. An alert whose
    `send` raises is not recorded: it is tried again next time. Returns how many were sent."""
    held = _held(session, now, settings.kiosk_silent_hours)
    holding = {(h.device_id, kind.value) for h, conditions in held for kind in conditions}
    fired = _open_alerts(session)
    for key, row in list(fired.items()):
        if key not in holding:
            row.cleared_at = now
            del fired[key]
    sent = 0
    for alert in _due(held, fired):
        try:
            send(alert)
        except Exception:
            log.exception("kiosk alert not sent (tried again later): %s", alert.kind)
            continue
        session.add(
            KioskAlert(
                device_id=alert.device_id, kind=alert.kind, fired_at=now, message=alert.message
            )
        )
        sent += 1
    return sent


def log_sender(alert: KioskAlertDue) -> None:
    """A clear log line per alert (no personal data); serve also queues it on the channels."""
    log.warning("%s", alert.text)


# -- What a technician does in the console (permissions, scope and audit here, once) ----------


class FleetError(ValueError):
    """A kiosk action that cannot be done; the message says why in plain words."""


def visible_fleet(
    session: Session, who: Who, now: datetime, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> list[KioskHealth]:
    """The kiosks of the stations in `who`'s scope."""
    require(who.account, Action.FLEET)
    scope = scope_of(session, who.account)
    return fleet(session, now, thresholds, station_ids=scope.station_ids)


def visible_kiosk(
    session: Session,
    who: Who,
    device_id: str,
    now: datetime,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> KioskHealth:
    require(who.account, Action.FLEET)
    found = kiosk(session, device_id, now, thresholds)
    if found is None or not scope_of(session, who.account).covers(found.station_id):
        raise Refused("this kiosk is not in your stations")
    return found


def issue_code(session: Session, who: Who, station_id: str, now: datetime) -> tuple[str, datetime]:
    """A one-time enrolment code for a station in scope (audited; only its hash is kept)."""
    require(who.account, Action.KIOSKS)
    if session.get(Station, station_id) is None:
        raise FleetError("没有这个联络站。")
    if not scope_of(session, who.account).covers(station_id):
        raise Refused("this station is not in your stations")
    code, expires = issue_enrolment_code(session, station_id)
    audit.record(session, who, "kiosk.enrolment_code", station_id, "", now=now)
    return code, expires


def revoke(session: Session, who: Who, device_id: str, now: datetime) -> bool:
    """Revoke a kiosk in scope: its token stops working at once. False if it was already."""
    require(who.account, Action.KIOSKS)
    device = session.get(Device, device_id)
    if device is None or not scope_of(session, who.account).covers(device.station_id):
        raise Refused("this kiosk is not in your stations")
    _device, changed = revoke_device(session, device_id) or (device, False)
    if changed:
        audit.record(
            session, who, "kiosk.revoke", device_id, f"{device.station_id} {device.name}", now=now
        )
    return changed
