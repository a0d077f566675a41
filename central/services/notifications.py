# SPDX-License-Identifier: GPL-3.0-or-later
"""Notifications (issue 14 §3; docs/notifications.md): a durable outbox of notices.

What causes a notice (a new appeal, an assignment, an appointment request or answer, the
morning's due list) calls `enqueue` inside its own transaction: one `notice` row per channel
that carries that kind for the station (channels are configured per station or per region and
inherited down the regions tree). A notice is sent later by the worker (notify_worker.py), so
a request never waits for a robot or a mail server, and a notice is never lost with a crash.

A notice's context holds what may travel outside the building: a tracking code, a category,
dates, the station's and the deputy's names. Never the visitor's name, mobile or text: the
message links to the console, where reading them is audited.

A visitor's own progress texts (kind `visitor_progress`: accepted, replied, feedback, closed)
keep only the appeal's tracking code and its step: the worker reads the visitor's mobile from
the appeal when it sends (`visitor_mobile`), so an appeal erased meanwhile sends nothing.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME
from central.models import (
    Account,
    Appeal,
    Appointment,
    Deputy,
    Notice,
    NoticeAttempt,
    NotificationChannel,
    Region,
    Station,
)
from central.services import audit
from central.services.appeals import holiday_table
from central.services.audit import Who
from central.services.permissions import Action, Refused, region_and_below, require, scope_of
from kiosk.domain.appeal_states import OPEN_STATES
from kiosk.domain.tracking import display
from kiosk.domain.workdays import add_working_days, is_working_day

log = logging.getLogger(__name__)

CHANNEL_KINDS = ("webhook_wecom", "webhook_dingtalk", "sms_gateway", "email")
# Channels that address people (one by one) rather than a group.
PERSONAL_CHANNELS = ("sms_gateway", "email")
NOTICE_KINDS = (
    "appeal_new",
    "assigned",
    "due_list",
    "appointment_new",
    "appointment_answered",
    "deputy_due",
    "kiosk_alert",
    "visitor_progress",
    "referral_proposed",
    "referral_answered",
    "test",
)
# Kinds that also go to the deputy concerned (their e-mail or mobile from their account).
TO_THE_DEPUTY = ("assigned", "appointment_new", "deputy_due", "referral_answered")
# Kinds for the deputy alone: by their e-mail or SMS, never to a group or the staff.
DEPUTY_ONLY = ("deputy_due", "referral_answered")
STATES = ("pending", "sending", "sent", "failed")
# Kinds addressed to the visitor: only an SMS gateway channel that lists the kind carries them
# (a channel with no kinds listed carries every other kind, never these), and the mobile is
# read from the appeal at send time, never kept in the notice.
VISITOR_KINDS = ("visitor_progress",)
# The appeal's steps the visitor is texted about (and the words for each).
# At most 31 characters with the title and the code: the progress link (the public address,
# "/p/" and the 9-letter code) fits the 70 when the public address has at most 27 characters.
VISITOR_STEPS = {
    "accepted": "已受理，进度请查：",
    "replied": "代表已答复，请查：",
    "feedback": "有关部门已反馈，请查：",
    "closed": "已办结，请评价：",
}
# No SMS to a visitor from 21:00 to 08:00 China time, whatever the channel's own quiet hours:
# held (not a try) until 08:00.
VISITOR_QUIET = ("21:00", "08:00")

MAX_TRIES = 8
FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(hours=1)
LEASE = timedelta(minutes=5)
DUE_LIST_AT = time(8, 30)  # China time, working days
DUE_LIST_UNTIL = time(18, 0)  # a server started in the evening does not send "this morning's"
DUE_LIST_LINES = 10
SMS_LIMIT = 70
QUIET_DEFAULT = ("22:00", "07:30")
CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
EMAIL = re.compile(r"[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+")
MOBILE = re.compile(r"\+?\d{5,20}")


class ChannelError(ValueError):
    """A channel that cannot be configured as asked; the message says why in plain words."""


# -- Channels ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewChannel:
    kind: str
    target: str
    station_id: str | None = None
    region_id: int | None = None
    name: str = ""
    secret: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    kinds: tuple[str, ...] = ()
    quiet: str = "-".join(QUIET_DEFAULT)  # "HH:MM-HH:MM"; "" or equal times: never quiet


def add_channel(session: Session, new: NewChannel, *, now: datetime) -> NotificationChannel:
    """A channel for a station or a region (and every station under it)."""
    if new.kind not in CHANNEL_KINDS:
        raise ChannelError(f"the kind is one of {', '.join(CHANNEL_KINDS)}")
    if (new.station_id is None) == (new.region_id is None):
        raise ChannelError("give a station or a region (one of them)")
    if new.station_id is not None and session.get(Station, new.station_id) is None:
        raise ChannelError(f"no station {new.station_id}")
    if new.region_id is not None and session.get(Region, new.region_id) is None:
        raise ChannelError(f"no region {new.region_id}")
    unknown = [k for k in new.kinds if k not in NOTICE_KINDS]
    if unknown:
        raise ChannelError(f"unknown notice kinds {', '.join(unknown)}: {', '.join(NOTICE_KINDS)}")
    if new.kind != "sms_gateway" and any(k in VISITOR_KINDS for k in new.kinds):
        raise ChannelError("texts to visitors go through an SMS gateway channel only")
    target = new.target.strip()
    settings = dict(new.settings)
    if new.kind == "email":
        addresses = split_list(target)
        if any(not EMAIL.fullmatch(a) for a in addresses):
            raise ChannelError("the target is e-mail addresses, separated by commas")
        if not settings.get("host"):
            raise ChannelError("an e-mail channel needs its SMTP server: --setting host=...")
        if settings.get("tls", "starttls") not in ("starttls", "ssl", "none"):
            raise ChannelError("tls is starttls, ssl or none")
        if not EMAIL.fullmatch(str(settings.get("from", ""))):
            raise ChannelError("an e-mail channel needs a sender: --setting from=office@...")
        target = ",".join(addresses)
    elif not target.startswith(("http://", "https://")):
        raise ChannelError("the target is the robot's or the gateway's http(s):// address")
    if new.kind == "sms_gateway":
        mobiles = settings.get("mobiles", [])
        if isinstance(mobiles, str):
            mobiles = split_list(mobiles)
        if any(not MOBILE.fullmatch(m) for m in mobiles):
            raise ChannelError("mobiles: staff mobile numbers, separated by commas")
        settings["mobiles"] = mobiles
    if new.kind == "webhook_dingtalk" and new.secret and not new.secret.startswith("SEC"):
        raise ChannelError("a DingTalk signing secret starts with SEC")
    start, end = parse_quiet(new.quiet)
    channel = NotificationChannel(
        name=new.name.strip()[:100],
        kind=new.kind,
        station_id=new.station_id,
        region_id=new.region_id,
        target=target,
        secret=new.secret,
        settings=settings,
        kinds=list(new.kinds),
        enabled=True,
        quiet_start=start,
        quiet_end=end,
        created_at=now,
    )
    session.add(channel)
    session.flush()
    return channel


def split_list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;，；\s]+", text) if part.strip()]


def parse_quiet(text: str) -> tuple[str, str]:
    """'22:00-07:30' → ('22:00', '07:30'); '' → never quiet ('00:00', '00:00')."""
    if not text.strip():
        return "00:00", "00:00"
    start, _, end = text.strip().partition("-")
    if not (CLOCK.fullmatch(start.strip()) and CLOCK.fullmatch(end.strip())):
        raise ChannelError("quiet hours are written like 22:00-07:30")
    return start.strip(), end.strip()


def set_enabled(session: Session, channel_id: int, enabled: bool) -> NotificationChannel:
    channel = session.get(NotificationChannel, channel_id)
    if channel is None:
        raise ChannelError(f"no channel {channel_id}")
    channel.enabled = enabled
    return channel


def set_account_email(session: Session, login: str, email: str) -> Account:
    """The address a person's e-mail notices go to ("" stops them)."""
    email = email.strip()
    if email and not EMAIL.fullmatch(email):
        raise ChannelError(f"{email!r} is not an e-mail address")
    account = session.scalars(select(Account).where(Account.login == login.lower())).one_or_none()
    if account is None:
        raise ChannelError(f"no account {login}")
    account.email = email
    return account


def station_regions(session: Session, station_id: str) -> list[int]:
    """The station's region and every region above it."""
    region_id = session.scalar(select(Station.region_id).where(Station.id == station_id))
    chain: list[int] = []
    while region_id is not None and region_id not in chain:
        chain.append(region_id)
        region_id = session.scalar(select(Region.parent_id).where(Region.id == region_id))
    return chain


def channels_for(session: Session, station_id: str, kind: str | None) -> list[NotificationChannel]:
    """The enabled channels that carry `kind` (None: any) for a station (its own and its
    regions')."""
    regions = station_regions(session, station_id)
    found = session.scalars(
        select(NotificationChannel)
        .where(
            NotificationChannel.enabled.is_(True),
            or_(
                NotificationChannel.station_id == station_id,
                NotificationChannel.region_id.in_(regions),
            ),
        )
        .order_by(NotificationChannel.id)
    )
    return [c for c in found if kind is None or carries(c, kind)]


def carries(channel: NotificationChannel, kind: str) -> bool:
    """Does the channel carry notices of `kind`? No kinds listed: every kind but the
    visitor's texts, which go only by an SMS gateway that lists them."""
    if kind in VISITOR_KINDS:
        return channel.kind == "sms_gateway" and kind in channel.kinds
    return not channel.kinds or kind in channel.kinds


# -- Enqueueing -------------------------------------------------------------------------------


def _channels_cached(session: Session, station_id: str, kind: str) -> list[NotificationChannel]:
    """channels_for, remembered for the transaction (a batch of 500 kiosk events asks once)."""
    if kind not in NOTICE_KINDS:
        raise ValueError(f"unknown notice kind {kind}")
    # The transaction itself is kept (not its id, which a later one could reuse).
    transaction = session.get_transaction()
    remembered = session.info.get("notification_channels")
    if remembered is None or remembered[0] is not transaction:
        remembered = session.info["notification_channels"] = (transaction, {})
    cache: dict[Any, Any] = remembered[1]
    if station_id not in cache:
        cache[station_id] = channels_for(session, station_id, None)
    return [c for c in cache[station_id] if carries(c, kind)]


def _station_name(session: Session, station_id: str) -> str:
    """The station's name, remembered with its channels for the transaction."""
    remembered = session.info.get("notification_channels")
    cache: dict[Any, Any] = remembered[1] if remembered else {}
    key = ("name", station_id)
    if key not in cache:
        name = session.scalar(select(Station.name).where(Station.id == station_id))
        cache[key] = name or station_id
    return str(cache[key])


def enqueue(
    session: Session,
    *,
    kind: str,
    station_id: str,
    region_id: int | None = None,
    context: dict[str, Any],
    now: datetime,
    dedupe_key: str | None = None,
    deputy_id: str | None = None,
) -> int:
    """Queue a notice of `kind` to every channel that carries it; how many were queued.

    Runs in a savepoint of the caller's transaction: the notices are kept if and only if what
    caused them is, and a failure here is logged and never breaks the caller. `dedupe_key`
    makes a second call for the same thing (another server, a repeated event) a no-op.
    """
    # The caller's own rows first, outside the savepoint: their errors stay the caller's.
    session.flush()
    try:
        channels = _channels_cached(session, station_id, kind)
        if not channels:  # the usual case: no savepoint, no more queries
            return 0
        args = (kind, station_id, region_id, context, now, dedupe_key, deputy_id, channels)
        batch = session.info.get(BATCH)
        if batch is not None:  # `batched`: added with the others at the end
            batch.append(args)
            return len(channels)
        with session.begin_nested():
            rows = _rows(session, *args)
            session.add_all(rows)
            session.flush()
            return len(rows)
    except IntegrityError:  # queued before: nothing to add
        return 0
    except Exception as error:  # the caller's action matters more than its notice
        log.warning("notice %s for station %s not queued: %r", kind, station_id, type(error))
        return 0


BATCH = "notification_batch"


@contextmanager
def batched(session: Session) -> Iterator[None]:
    """Within the block, `enqueue` collects; at its end all the notices are added in one
    savepoint and one flush (a kiosk's batch of events: a few statements, not a few per
    event). If one of them was queued before, they are added one by one instead."""
    collected: list[tuple[Any, ...]] = []
    session.info[BATCH] = collected
    try:
        yield
    finally:
        session.info.pop(BATCH, None)
    if not collected:
        return
    try:
        with session.begin_nested():
            session.add_all([row for args in collected for row in _rows(session, *args)])
            session.flush()
    except Exception:
        for kind, station_id, region_id, context, now, dedupe_key, deputy_id, _ in collected:
            enqueue(
                session,
                kind=kind,
                station_id=station_id,
                region_id=region_id,
                context=context,
                now=now,
                dedupe_key=dedupe_key,
                deputy_id=deputy_id,
            )


def _rows(
    session: Session,
    kind: str,
    station_id: str,
    region_id: int | None,
    context: dict[str, Any],
    now: datetime,
    dedupe_key: str | None,
    deputy_id: str | None,
    channels: list[NotificationChannel],
) -> list[Notice]:
    context = {"station": _station_name(session, station_id)} | context
    deputy = _deputy_account(session, deputy_id) if kind in TO_THE_DEPUTY and deputy_id else None
    base = dedupe_key or f"{kind}:{uuid.uuid4().hex}"
    rows: list[Notice] = []
    if kind in DEPUTY_ONLY:
        channels = [c for c in channels if c.kind in PERSONAL_CHANNELS]
    for channel in channels:
        # The visitor's mobile is not kept here: the worker reads it from the appeal.
        addressed: list[list[str]] | None = [[]] if kind in VISITOR_KINDS else None
        for n, recipients in enumerate(
            addressed or recipients_of(channel, deputy, kind in DEPUTY_ONLY)
        ):
            rows.append(
                Notice(
                    kind=kind,
                    station_id=station_id,
                    region_id=region_id,
                    channel_id=channel.id,
                    recipients=recipients,
                    context=context,
                    dedupe_key=f"{base}#{channel.id}.{n}"[:200],
                    state="pending",
                    created_at=now,
                    due_at=now,
                    attempts=0,
                    last_error="",
                )
            )
    # A key taken already (the same event again, another server's due list) fails the
    # insert: the caller's savepoint drops these rows and nothing else.
    return rows


def _deputy_account(session: Session, deputy_id: str) -> Account | None:
    return session.scalars(
        select(Account)
        .where(
            Account.role == "deputy",
            Account.deputy_id == deputy_id,
            Account.disabled_at.is_(None),
        )
        .limit(1)
    ).one_or_none()


def recipients_of(
    channel: NotificationChannel, deputy: Account | None, deputy_only: bool = False
) -> list[list[str]]:
    """Who one channel addresses, as the notices it makes: a group robot makes one notice
    with no addresses; mail one notice to every address; SMS one notice per mobile (a retry
    never texts someone twice). `deputy_only`: the deputy's address alone."""
    if deputy_only:
        address = (
            "" if deputy is None else deputy.email if channel.kind == "email" else deputy.mobile
        )
        return [[address]] if address else []
    if channel.kind == "email":
        addresses = split_list(channel.target)
        if deputy is not None and deputy.email and deputy.email not in addresses:
            addresses.append(deputy.email)
        return [addresses] if addresses else []
    if channel.kind == "sms_gateway":
        mobiles = list(channel.settings.get("mobiles", []))
        if deputy is not None and deputy.mobile and deputy.mobile not in mobiles:
            mobiles.append(deputy.mobile)
        return [[mobile] for mobile in mobiles]
    return [[]]


# -- The hooks: what causes a notice ----------------------------------------------------------


def _day(value: date | None) -> str:
    return f"{value.month}月{value.day}日" if value else "—"


def _deputy_name(session: Session, station_id: str, deputy_id: str | None) -> str:
    if not deputy_id:
        return ""
    name = session.scalar(
        select(Deputy.name).where(Deputy.station_id == station_id, Deputy.deputy_id == deputy_id)
    )
    return name or deputy_id


def appeal_received(session: Session, appeal: Appeal, *, now: datetime) -> None:
    """A new appeal (kiosk or phone page): the station's staff are told."""
    enqueue(
        session,
        kind="appeal_new",
        station_id=appeal.station_id,
        context={
            "code": appeal.tracking_code,
            "category": appeal.category,
            "due": _day(appeal.due_on),
            "callback": appeal.request == "callback",
        },
        now=now,
        dedupe_key=f"appeal_new:{appeal.tracking_code}",
    )


def kiosk_alert(
    session: Session, *, station_id: str, device_id: str, problem: str, now: datetime
) -> None:
    """A kiosk needs a visit (silent, or records it cannot send; central/services/fleet.py):
    the station's channels are told, once per episode (the fleet records what fired)."""
    enqueue(
        session,
        kind="kiosk_alert",
        station_id=station_id,
        context={
            "station": _station_name(session, station_id),
            "device": device_id[:8],
            "problem": problem,
        },
        now=now,
        dedupe_key=f"kiosk_alert:{device_id}:{now.isoformat()}:{problem}"[:200],
    )


def appeal_assigned(session: Session, appeal: Appeal, *, now: datetime) -> None:
    """An appeal given to a deputy: the deputy (e-mail, SMS) and the staff are told."""
    enqueue(
        session,
        kind="assigned",
        station_id=appeal.station_id,
        context={
            "code": appeal.tracking_code,
            "category": appeal.category,
            "due": _day(appeal.due_on),
            "deputy": _deputy_name(session, appeal.station_id, appeal.assigned_deputy_id),
        },
        now=now,
        # Each assignment (a reassignment too) is news; its step count tells them apart.
        dedupe_key=f"assigned:{appeal.tracking_code}:{len(appeal.steps)}",
        deputy_id=appeal.assigned_deputy_id,
    )


def referral_proposed(
    session: Session, appeal: Appeal, deputy_id: str, department: str, *, now: datetime
) -> None:
    """A deputy proposes referring an appeal: the staff who confirm it are told."""
    enqueue(
        session,
        kind="referral_proposed",
        station_id=appeal.station_id,
        context={
            "code": appeal.tracking_code,
            "deputy": _deputy_name(session, appeal.station_id, deputy_id),
            "department": department,
        },
        now=now,
        dedupe_key=f"referral_proposed:{appeal.tracking_code}:{len(appeal.steps)}:{deputy_id}",
    )


def referral_answered(
    session: Session,
    appeal: Appeal,
    deputy_id: str,
    *,
    department: str,
    answer: str,
    proposal_id: int,
    now: datetime,
) -> None:
    """A deputy's referral proposal confirmed (`answer` "") or declined with `answer`: the
    deputy alone is told, by their e-mail or SMS."""
    enqueue(
        session,
        kind="referral_answered",
        station_id=appeal.station_id,
        context={
            "code": appeal.tracking_code,
            "deputy": _deputy_name(session, appeal.station_id, deputy_id),
            "outcome": f"已采纳，已转{department}办理" if not answer else f"未采纳：{answer}",
        },
        now=now,
        dedupe_key=f"referral_answered:{proposal_id}",
        deputy_id=deputy_id,
    )


def visitor_progress(session: Session, appeal: Appeal, *, now: datetime) -> None:
    """An appeal accepted, replied to, with a department's feedback, or closed: the visitor
    is texted their tracking code and the progress page, if they left a mobile (their consent
    at the kiosk or on the phone form covers it) and a channel carries visitor texts. Only
    the code and the step are queued; the mobile is read from the appeal when it is sent."""
    if appeal.state not in VISITOR_STEPS or not appeal.contact_mobile or not appeal.consent:
        return
    enqueue(
        session,
        kind="visitor_progress",
        station_id=appeal.station_id,
        context={"code": appeal.tracking_code, "step": appeal.state},
        now=now,
        dedupe_key=f"visitor_progress:{appeal.tracking_code}:{len(appeal.steps)}",
    )


def visitor_mobile(session: Session, code: str) -> str:
    """The mobile a visitor text goes to, read at send time: "" when the appeal has none any
    more (erased on request or by retention)."""
    appeal = session.scalars(select(Appeal).where(Appeal.tracking_code == code)).one_or_none()
    if appeal is None or appeal.personal_erased_at is not None or not appeal.consent:
        return ""
    return appeal.contact_mobile


def appointment_requested(session: Session, appointment: Appointment, *, now: datetime) -> None:
    """A new appointment request: the deputy asked for and the staff are told."""
    enqueue(
        session,
        kind="appointment_new",
        station_id=appointment.station_id,
        context={
            "code": appointment.code,
            "day": _day(appointment.day),
            "deputy": _deputy_name(session, appointment.station_id, appointment.deputy_id),
        },
        now=now,
        dedupe_key=f"appointment_new:{appointment.code}",
        deputy_id=appointment.deputy_id,
    )


def appointment_answered(session: Session, appointment: Appointment, *, now: datetime) -> None:
    """An appointment confirmed, declined or done: the staff are told. The visitor is not
    messaged (no consent to SMS is asked); their progress page shows the answer."""
    enqueue(
        session,
        kind="appointment_answered",
        station_id=appointment.station_id,
        context={
            "code": appointment.code,
            "day": _day(appointment.day),
            "deputy": _deputy_name(session, appointment.station_id, appointment.deputy_id),
            "answer": appointment.state,
        },
        now=now,
        dedupe_key=f"appointment_answered:{appointment.code}:{len(appointment.steps)}",
    )


def queue_due_lists(session: Session, *, now: datetime) -> int:
    """On a working day from 08:30 to 18:00 (China time): one list per station of its
    overdue appeals and those due by the next working day, to the channels that carry due
    lists. Once a day: the dedupe key holds the date. How many notices were queued."""
    local = now.astimezone(CHINA_TIME)
    today = local.date()
    if not DUE_LIST_AT <= local.time() < DUE_LIST_UNTIL:
        return 0
    holidays = holiday_table(session)
    if not is_working_day(today, holidays):
        return 0
    stations = _stations_with_channels(session, "due_list") | _stations_with_channels(
        session, "deputy_due"
    )
    if not stations:
        return 0
    next_day = add_working_days(today, 1, holidays)
    rows = session.execute(
        select(Appeal.station_id, Appeal.tracking_code, Appeal.category, Appeal.due_on)
        .where(
            Appeal.station_id.in_(sorted(stations)),
            Appeal.state.in_([s.value for s in OPEN_STATES]),
            Appeal.due_on <= next_day,
        )
        .order_by(Appeal.station_id, Appeal.due_on, Appeal.id)
    ).all()
    by_station: dict[str, list[tuple[str, str, date]]] = {}
    for station_id, code, category, due_on in rows:
        if due_on is not None:  # (the query's `<=` leaves none without)
            by_station.setdefault(station_id, []).append((code, category, due_on))
    queued = _queue_deputy_reminders(session, stations, today, next_day, now)
    for station_id, items in by_station.items():
        overdue = [i for i in items if i[2] < today]
        lines = [
            f"{display(code)} {category} 期限{_day(due)}{'（已超期）' if due < today else ''}"
            for code, category, due in items[:DUE_LIST_LINES]
        ]
        if len(items) > DUE_LIST_LINES:
            lines.append(f"……另有{len(items) - DUE_LIST_LINES}件")
        queued += enqueue(
            session,
            kind="due_list",
            station_id=station_id,
            context={
                "overdue": len(overdue),
                "soon": len(items) - len(overdue),
                "by": _day(next_day),
                "lines": lines,
            },
            now=now,
            dedupe_key=f"due_list:{station_id}:{today.isoformat()}",
        )
    return queued


def _queue_deputy_reminders(
    session: Session, stations: set[str], today: date, next_day: date, now: datetime
) -> int:
    """The working day before a due date (and every working day after it): each deputy with
    appeals assigned to them and due by the next working day gets their own reminder."""
    rows = session.execute(
        select(Appeal.station_id, Appeal.assigned_deputy_id, Appeal.due_on)
        .where(
            Appeal.station_id.in_(sorted(stations)),
            Appeal.state.in_([s.value for s in OPEN_STATES]),
            Appeal.assigned_deputy_id.is_not(None),
            Appeal.due_on <= next_day,
        )
        .order_by(Appeal.station_id, Appeal.assigned_deputy_id)
    ).all()
    by_deputy: dict[tuple[str, str], list[date]] = {}
    for station_id, deputy_id, due_on in rows:
        if deputy_id is not None and due_on is not None:  # (the query leaves none without)
            by_deputy.setdefault((station_id, deputy_id), []).append(due_on)
    queued = 0
    for (station_id, deputy_id), dues in by_deputy.items():
        overdue = sum(due < today for due in dues)
        queued += enqueue(
            session,
            kind="deputy_due",
            station_id=station_id,
            context={
                "deputy": _deputy_name(session, station_id, deputy_id),
                "soon": len(dues) - overdue,
                "overdue": overdue,
                "by": _day(next_day),
            },
            now=now,
            dedupe_key=f"deputy_due:{station_id}:{deputy_id}:{today.isoformat()}",
            deputy_id=deputy_id,
        )
    return queued


def _stations_with_channels(session: Session, kind: str) -> set[str]:
    stations: set[str] = set()
    for channel in session.scalars(
        select(NotificationChannel).where(NotificationChannel.enabled.is_(True))
    ):
        if not carries(channel, kind):
            continue
        if channel.station_id is not None:
            stations.add(channel.station_id)
        elif channel.region_id is not None:
            regions = region_and_below(session, channel.region_id)
            stations |= set(
                session.scalars(select(Station.id).where(Station.region_id.in_(regions)))
            )
    return stations


# -- The messages -----------------------------------------------------------------------------

ANSWERS = {"confirmed": "已确认", "declined": "已婉拒", "done": "已接待完毕", "requested": "待确认"}
TEMPLATES: dict[str, tuple[str, str]] = {
    "appeal_new": ("新诉求", "{station}收到一件“{category}”{what}，编号{code}，请于{due}前审核。"),
    "assigned": (
        "诉求交办",
        "{station}“{category}”诉求{code}已交{deputy}代表办理，请于{due}前答复。",
    ),
    "appointment_new": (
        "约见申请",
        "{station}：有群众申请{day}约见{deputy}代表，编号{code}，请确认。",
    ),
    "appointment_answered": (
        "约见答复",
        "{station}：{day}约见{deputy}代表（编号{code}）{answer}。",
    ),
    "due_list": ("今日督办", "{station}：{overdue}件已超期，{soon}件将于{by}前到期。"),
    "deputy_due": (
        "答复提醒",
        "{deputy}代表：您有{soon}件诉求将于{by}前到期、{overdue}件已超期，请及时答复。",
    ),
    "referral_proposed": (
        "转办建议",
        "{station}：{deputy}代表建议将诉求{code}转{department}办理，请确认。",
    ),
    "referral_answered": ("转办答复", "{deputy}代表：您对诉求{code}的转办建议{outcome}。"),
    "test": ("测试消息", "{station}的通知渠道测试：收到这条消息说明配置正确。"),
    "kiosk_alert": ("终端告警", "{station}的触摸屏终端{device}：{problem}，请安排检查。"),
    # To the visitor; the progress link follows the text (short() keeps it within 70).
    "visitor_progress": ("代表联络站", "诉求{code}{step_words}"),
}
LINKS = {
    "appeal_new": "/console/appeals/{raw_code}",
    "assigned": "/console/appeals/{raw_code}",
    "appointment_new": "/console/appointments",
    "appointment_answered": "/console/appointments",
    "due_list": "/console/overdue",
    "deputy_due": "/console/",
    "referral_proposed": "/console/referrals",
    "referral_answered": "/console/my/appeals/{raw_code}",
    "test": "/console/notifications",
    "kiosk_alert": "/console/fleet",
    "visitor_progress": "/p/{raw_code}",  # the public progress page (central/web/phone)
}


@dataclass(frozen=True)
class Message:
    """A notice in words: a title, a short body (lines), and the console link."""

    title: str
    body: str
    lines: tuple[str, ...]
    link: str

    def full(self) -> str:
        """The text for mail and robots: title, body, list, link."""
        parts = [f"【{self.title}】{self.body}", *self.lines, f"处理：{self.link}"]
        return "\n".join(parts)

    def short(self) -> str:
        """The text for SMS: at most 70 characters; the link only when it fits."""
        text = f"【{self.title}】{self.body}"
        with_link = f"{text}{self.link}"
        if len(with_link) <= SMS_LIMIT:
            return with_link
        return text if len(text) <= SMS_LIMIT else text[: SMS_LIMIT - 1] + "…"


def render(kind: str, context: dict[str, Any], base_url: str) -> Message:
    """The message of a notice (zh_CN), its link made absolute with the server's address."""
    title, template = TEMPLATES[kind]
    values = {key: value for key, value in context.items() if isinstance(value, str | int)}
    raw_code = str(context.get("code", ""))
    values["raw_code"] = raw_code
    values["code"] = display(raw_code) if raw_code else ""
    values["what"] = "回电请求" if context.get("callback") else "诉求"
    values["answer"] = ANSWERS.get(str(context.get("answer", "")), str(context.get("answer", "")))
    values.setdefault("station", "")
    values["step_words"] = VISITOR_STEPS.get(str(context.get("step", "")), "")
    body = template.format_map(_Blank(values))
    link = base_url.rstrip("/") + LINKS[kind].format(raw_code=raw_code)
    return Message(title, body, tuple(str(x) for x in context.get("lines", [])), link)


class _Blank(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


# -- The outbox, as the worker sees it --------------------------------------------------------


@dataclass(frozen=True)
class ChannelSpec:
    """What a sender needs of a channel (copied out of the session)."""

    id: int
    kind: str
    target: str
    secret: str
    settings: dict[str, Any]
    quiet_start: str
    quiet_end: str

    @classmethod
    def of(cls, channel: NotificationChannel) -> ChannelSpec:
        return cls(
            channel.id,
            channel.kind,
            channel.target,
            channel.secret,
            dict(channel.settings),
            channel.quiet_start,
            channel.quiet_end,
        )


@dataclass(frozen=True)
class Claimed:
    """A notice leased to one worker for sending."""

    id: int
    kind: str
    context: dict[str, Any]
    recipients: list[str]
    attempts: int
    channel: ChannelSpec


def _claimable(now: datetime) -> Any:
    return or_(
        Notice.state == "pending",
        (Notice.state == "sending") & (Notice.lease_until < now),
    )


def anything_due(session: Session, *, now: datetime) -> bool:
    """Is any notice due to be sent (or left by a worker that died)?"""
    found = session.scalar(select(Notice.id).where(_claimable(now), Notice.due_at <= now).limit(1))
    return found is not None


def claim(session: Session, *, now: datetime, owner: str, limit: int = 10) -> list[Claimed]:
    """Lease up to `limit` due notices to `owner` (pending ones, and sending ones whose lease
    ran out: their worker died). Two servers never hold the same notice: the update checks the
    state again on the row it changes."""
    claimable = _claimable(now)
    ids = select(Notice.id).where(claimable, Notice.due_at <= now).order_by(Notice.due_at)
    session.execute(
        update(Notice)
        .where(Notice.id.in_(ids.limit(limit).scalar_subquery()), claimable)
        .values(state="sending", lease_owner=owner, lease_until=now + LEASE)
        .execution_options(synchronize_session=False)
    )
    rows = session.execute(
        select(Notice, NotificationChannel)
        .join(NotificationChannel, NotificationChannel.id == Notice.channel_id)
        .where(Notice.state == "sending", Notice.lease_owner == owner)
        .order_by(Notice.due_at, Notice.id)
    ).all()
    return [
        Claimed(n.id, n.kind, dict(n.context), list(n.recipients), n.attempts, ChannelSpec.of(c))
        for n, c in rows
    ]


def quiet_until(channel: ChannelSpec, now: datetime) -> datetime | None:
    """The end of the channel's quiet hours if `now` falls in them, else None."""
    if channel.quiet_start == channel.quiet_end:
        return None
    local = now.astimezone(CHINA_TIME)
    start = time.fromisoformat(channel.quiet_start)
    end = time.fromisoformat(channel.quiet_end)
    t, today = local.time(), local.date()
    if start < end:  # e.g. 12:00-14:00
        quiet = start <= t < end
        end_day = today
    elif t >= start:  # overnight, before midnight
        quiet, end_day = True, today + timedelta(days=1)
    else:  # overnight, after midnight
        quiet, end_day = t < end, today
    if not quiet:
        return None
    return datetime.combine(end_day, end, CHINA_TIME).astimezone(UTC)


def hold(session: Session, notice_id: int, owner: str, until: datetime) -> None:
    """Back to pending until `until` (quiet hours); not an attempt."""
    session.execute(
        update(Notice)
        .where(Notice.id == notice_id, Notice.lease_owner == owner)
        .values(state="pending", due_at=until, lease_owner=None, lease_until=None)
    )


def retry_delay(attempts: int) -> timedelta:
    """After the `attempts`-th failed try: 30 s, doubling, at most an hour."""
    delay: timedelta = FIRST_RETRY * 2 ** (attempts - 1)
    return min(delay, LONGEST_RETRY)


def record(
    session: Session, notice_id: int, owner: str, *, now: datetime, error: str | None
) -> str:
    """An attempt's outcome (`error` None: sent); the notice's new state."""
    notice = session.get(Notice, notice_id)
    if notice is None:
        return "gone"
    session.add(
        NoticeAttempt(
            notice_id=notice_id,
            at=now,
            outcome="sent" if error is None else "failed",
            error=(error or "")[:500],
        )
    )
    notice.attempts += 1
    notice.lease_owner = None
    notice.lease_until = None
    if error is None:
        notice.state = "sent"
        notice.sent_at = now
        notice.last_error = ""
    elif notice.attempts >= MAX_TRIES:
        notice.state = "failed"
        notice.last_error = error[:500]
    else:
        notice.state = "pending"
        notice.due_at = now + retry_delay(notice.attempts)
        notice.last_error = error[:500]
    return notice.state


NO_MOBILE = "nothing sent: the appeal has no mobile (none given, or erased)"


def give_up(session: Session, notice_id: int, *, now: datetime, reason: str) -> None:
    """A notice that cannot be sent at all (a visitor text whose appeal has no mobile any
    more): failed at once, not retried, with `reason` (never personal data) as its attempt."""
    notice = session.get(Notice, notice_id)
    if notice is None:
        return
    session.add(NoticeAttempt(notice_id=notice_id, at=now, outcome="failed", error=reason))
    notice.attempts += 1
    notice.state = "failed"
    notice.last_error = reason
    notice.lease_owner = None
    notice.lease_until = None


def retry(session: Session, notice_id: int, *, now: datetime) -> Notice:
    """A failed notice tried again now, with a fresh count of tries."""
    notice = session.get(Notice, notice_id)
    if notice is None:
        raise ChannelError(f"no notice {notice_id}")
    if notice.state != "failed":
        raise ChannelError(f"notice {notice_id} is {notice.state}, not failed")
    notice.state = "pending"
    notice.attempts = 0
    notice.due_at = now
    return notice


def make_due_now(session: Session, *, now: datetime) -> int:
    """Every pending notice due now (a retry's wait cut short); how many."""
    result = session.execute(
        update(Notice).where(Notice.state == "pending", Notice.due_at > now).values(due_at=now)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


# -- What the console and the command line show -------------------------------------------------


@dataclass(frozen=True)
class ChannelLine:
    id: int
    name: str
    kind: str
    where: str  # the station's or the region's name
    target: str  # shown without its secret part
    kinds: list[str]
    enabled: bool
    quiet: str
    visitor_quiet: str = ""  # the visitor texts' own quiet hours, if the channel carries them
    only_visitors: bool = False  # it carries visitor texts and nothing else


@dataclass(frozen=True)
class NoticeLine:
    id: int
    kind: str
    station: str
    channel: str
    channel_kind: str
    code: str
    state: str
    created_at: datetime
    due_at: datetime
    sent_at: datetime | None
    attempts: int
    last_error: str


def masked_target(channel: NotificationChannel) -> str:
    """A robot's URL carries its key: show the address without the query."""
    if channel.kind == "email":
        return channel.target
    address, _, query = channel.target.partition("?")
    return address + ("?…" if query else "")


def list_channels(session: Session, station_ids: Iterable[str] | None = None) -> list[ChannelLine]:
    """Channels (of these stations and of the regions above them, or all)."""
    query = select(NotificationChannel).order_by(NotificationChannel.id)
    if station_ids is not None:
        ids = sorted(station_ids)
        regions: set[int] = set()
        for station_id in ids:
            regions |= set(station_regions(session, station_id))
        query = query.where(
            or_(
                NotificationChannel.station_id.in_(ids),
                NotificationChannel.region_id.in_(sorted(regions)),
            )
        )
    stations = dict(session.execute(select(Station.id, Station.name)).all())
    region_names = dict(session.execute(select(Region.id, Region.name)).all())
    return [
        ChannelLine(
            id=c.id,
            name=c.name,
            kind=c.kind,
            where=stations.get(c.station_id, c.station_id or "")
            if c.station_id
            else region_names.get(c.region_id or 0, str(c.region_id)),
            target=masked_target(c),
            kinds=list(c.kinds),
            enabled=c.enabled,
            quiet="" if c.quiet_start == c.quiet_end else f"{c.quiet_start}-{c.quiet_end}",
            visitor_quiet="-".join(VISITOR_QUIET) if carries(c, VISITOR_KINDS[0]) else "",
            only_visitors=bool(c.kinds) and all(k in VISITOR_KINDS for k in c.kinds),
        )
        for c in session.scalars(query)
    ]


def list_notices(
    session: Session,
    *,
    station_ids: Iterable[str] | None = None,
    states: Iterable[str] | None = None,
    limit: int = 100,
) -> list[NoticeLine]:
    """The newest notices (of these stations, in these states)."""
    query = (
        select(Notice, NotificationChannel)
        .join(NotificationChannel, NotificationChannel.id == Notice.channel_id)
        .order_by(Notice.id.desc())
        .limit(limit)
    )
    if station_ids is not None:
        query = query.where(Notice.station_id.in_(sorted(station_ids)))
    if states is not None:
        query = query.where(Notice.state.in_(list(states)))
    stations = dict(session.execute(select(Station.id, Station.name)).all())
    return [
        NoticeLine(
            id=n.id,
            kind=n.kind,
            station=stations.get(n.station_id or "", n.station_id or ""),
            channel=c.name or f"#{c.id}",
            channel_kind=c.kind,
            code=str(n.context.get("code", "")),
            state=n.state,
            created_at=n.created_at,
            due_at=n.due_at,
            sent_at=n.sent_at,
            attempts=n.attempts,
            last_error=n.last_error,
        )
        for n, c in session.execute(query)
    ]


# -- The console ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsoleView:
    channels: list[ChannelLine]
    notices: list[NoticeLine]
    failed: int
    stations: list[tuple[str, str]]  # (id, name) a group robot can be added for


def console_view(session: Session, who: Who, *, limit: int = 100) -> ConsoleView:
    """The channels and the newest notices of the stations in the account's scope."""
    require(who.account, Action.NOTIFICATIONS)
    stations = scope_of(session, who.account).station_ids
    notices = list_notices(session, station_ids=stations, limit=limit)
    failed_query = select(func.count()).select_from(Notice).where(Notice.state == "failed")
    if stations is not None:
        failed_query = failed_query.where(Notice.station_id.in_(sorted(stations)))
    choices = select(Station.id, Station.name).order_by(Station.name)
    if stations is not None:
        choices = choices.where(Station.id.in_(sorted(stations)))
    return ConsoleView(
        list_channels(session, stations),
        notices,
        int(session.scalar(failed_query) or 0),
        [(row.id, row.name) for row in session.execute(choices.limit(500))],
    )


# What the console adds itself: the group robots offices already use. SMS gateways and mail
# need settings of their own (`python -m central notify channels add`, docs/notifications.md).
ROBOT_KINDS = ("webhook_wecom", "webhook_dingtalk")


class RobotRefused(ValueError):
    """A robot the console cannot add; `key` names the words that say why (console text)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def console_add_robot(
    session: Session,
    who: Who,
    *,
    station_id: str,
    kind: str,
    name: str,
    target: str,
    secret: str,
    now: datetime,
) -> NotificationChannel:
    """A station's group robot, added from the console by staff or an admin in scope, audited.
    It carries every notice kind but visitors' texts, with the default quiet hours."""
    require(who.account, Action.NOTIFICATIONS)
    if not scope_of(session, who.account).covers(station_id) or not session.get(
        Station, station_id
    ):
        raise RobotRefused("robot_station_refused")
    if kind not in ROBOT_KINDS:
        raise RobotRefused("robot_kind_refused")
    target, secret, name = target.strip(), secret.strip(), name.strip()[:100]
    if not re.fullmatch(r"https?://[^\s]{4,1000}", target):
        raise RobotRefused("robot_url_refused")
    if kind == "webhook_dingtalk" and secret and not secret.isascii():
        raise RobotRefused("robot_secret_refused")
    channel = add_channel(
        session,
        NewChannel(kind=kind, target=target, station_id=station_id, name=name, secret=secret),
        now=now,
    )
    audit.record(session, who, "channel.add", str(channel.id), kind, now=now)
    return channel


def console_switch(
    session: Session, who: Who, channel_id: int, enabled: bool, *, now: datetime
) -> None:
    """Turn a channel of a station in scope on or off, audited."""
    require(who.account, Action.NOTIFICATIONS)
    channel = session.get(NotificationChannel, channel_id)
    scope = scope_of(session, who.account)
    in_scope = channel is not None and (
        scope.covers(channel.station_id) if channel.station_id else scope.station_ids is None
    )
    if channel is None or not in_scope:
        raise Refused("this channel is not in your stations")
    set_enabled(session, channel_id, enabled)
    audit.record(session, who, "channel.on" if enabled else "channel.off", str(channel_id), now=now)


def console_retry(session: Session, who: Who, notice_id: int, *, now: datetime) -> None:
    """Try a failed notice again (from the console), audited."""
    require(who.account, Action.NOTIFICATIONS)
    notice = session.get(Notice, notice_id)
    scope = scope_of(session, who.account)
    if notice is None or (notice.station_id is not None and not scope.covers(notice.station_id)):
        raise Refused("this notice is not in your stations")
    retry(session, notice_id, now=now)
    audit.record(session, who, "notice.retry", str(notice_id), notice.kind, now=now)
