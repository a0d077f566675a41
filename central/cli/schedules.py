# SPDX-License-Identifier: GPL-3.0-or-later
"""`schedules import|export|dates|create|people|delete|cancel|move|restore|feed-token`."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.cli.common import CommandError, database, import_refused, station
from central.core.config import CHINA_TIME, Settings
from central.models import Deputy
from central.services.ical import import_calendar
from central.services.rosters import ImportRefused, decode_text, read_rows
from central.services.schedules import (
    ScheduleError,
    ScheduleNotFound,
    change_occurrence,
    create_schedule,
    delete_schedule,
    deputy_ids,
    describe_rule,
    find_schedule,
    import_schedules,
    new_feed_token,
    next_dates,
    parse_schedules,
    station_calendar,
    update_people,
)
from central.services.snapshot import schedule_entity
from kiosk.domain.reception import ReceptionSchedule


def schedules_import(settings: Settings, args: argparse.Namespace) -> int:
    suffix = args.file.suffix.lower()
    if suffix not in (".json", ".ics"):
        raise CommandError("schedules are imported from a .json or an .ics file")
    if suffix == ".ics":
        try:
            text = decode_text(args.file.read_bytes())
        except OSError as error:
            raise CommandError(f"cannot read {args.file}: {error.strerror}") from None
        except ImportRefused as error:
            raise import_refused(error) from None
    with database(settings).writer.begin() as session:
        station(session, args.station)
        known = deputy_ids(session, args.station)
        try:
            if suffix == ".ics":
                schedules = import_calendar(text, known)
            else:
                schedules = parse_schedules(read_rows(args.file), known)
        except ImportRefused as error:
            raise import_refused(error) from None
        import_schedules(session, args.station, schedules)
    print(f"imported {len(schedules)} reception schedules into {args.station}")
    return 0


def schedules_export(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings).reader() as session:
        text = station_calendar(session, station(session, args.station))
    if str(args.file) == "-":
        sys.stdout.write(text)
        return 0
    try:
        args.file.write_bytes(text.encode())
    except OSError as error:
        raise CommandError(f"cannot write {args.file}: {error.strerror}") from None
    print(f"wrote the schedules of {args.station} to {args.file}")
    return 0


def schedules_feed_token(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings).writer.begin() as session:
        token = new_feed_token(station(session, args.station))
    print(
        f"calendar feed for {args.station} (the old one, if any, no longer works):\n"
        f"  <server>/api/v1/stations/{args.station}/schedules.ics?token={token}\n"
        "Give it only to the station's staff: anyone with it can read the schedules."
    )
    return 0


STATUS_WORDS = {"held": "", "moved": "  moved", "cancelled": "  CANCELLED", "moved_away": "  moved"}


def schedules_dates(settings: Settings, args: argparse.Namespace) -> int:
    """The schedule's next days as the kiosks' calendar shows them."""
    with database(settings).reader() as session:
        station(session, args.station)
        try:
            schedule = schedule_entity(find_schedule(session, args.station, args.schedule))
        except ScheduleNotFound:
            raise CommandError(f"no schedule {args.schedule} at {args.station}") from None
        _print_dates(session, args.station, schedule, args.count)
    return 0


def _print_dates(
    session: Session, station_id: str, schedule: ReceptionSchedule, count: int
) -> None:
    today = datetime.now(CHINA_TIME).date()
    days = next_dates(session, station_id, schedule, today, count=count)
    names = dict(
        session.execute(
            select(Deputy.deputy_id, Deputy.name).where(Deputy.station_id == station_id)
        ).all()
    )
    hours = f"{schedule.start:%H:%M}-{schedule.end:%H:%M}"
    print(f"{schedule.title}: {describe_rule(schedule.rule)} {hours}")
    for d in days:
        to = f" to {d.moved_to}" if d.moved_to else ""
        reason = f" ({d.reason})" if d.reason else ""
        holiday = f" [{d.holiday.name}]" if d.holiday else ""
        status = STATUS_WORDS[d.status.value]
        duty = "  " + "、".join(names.get(i, i) for i in d.deputy_ids) if d.is_held else ""
        print(f"  {d.day}  {d.start:%H:%M}-{d.end:%H:%M}{status}{to}{reason}{holiday}{duty}")


def schedules_change(settings: Settings, args: argparse.Namespace) -> int:
    """cancel | move | restore one day, with the reason visitors read."""
    values = {
        "day": args.date,
        "action": args.action,
        "reason": getattr(args, "reason", "") or "",
        "moved_to": getattr(args, "to", "") or "",
        "new_start": getattr(args, "start", "") or "",
        "new_end": getattr(args, "end", "") or "",
    }
    with database(settings).writer.begin() as session:
        station(session, args.station)
        try:
            change_occurrence(
                session, None, args.station, args.schedule, values, now=datetime.now(UTC)
            )
        except ScheduleNotFound:
            raise CommandError(f"no schedule {args.schedule} at {args.station}") from None
        except ScheduleError as error:
            raise CommandError(f"{error}; nothing was changed") from None
    print(f"{args.action}: {args.schedule} on {args.date}; kiosks show it after their next pull")
    return 0


# The form's field names, so the command and the console's form read the same values.
RULE_OPTIONS = ("title", "theme", "place", "start", "end", "repeat", "first", "weekday", "nth")


def schedules_create(settings: Settings, args: argparse.Namespace) -> int:
    """A new schedule, as the console's form makes it; prints its next 12 days."""
    values = {name: str(getattr(args, name) or "") for name in RULE_OPTIONS}
    values |= {
        "until": args.until or "",
        "rule": (args.rule or "").replace("\\n", "\n"),
        "per_occurrence": str(args.per_occurrence or ""),
    }
    if not args.repeat:
        values["repeat"] = "custom" if args.rule else "weekly"
    with database(settings).writer.begin() as session:
        station(session, args.station)
        try:
            made = create_schedule(
                session, None, args.station, values, args.deputy, now=datetime.now(UTC)
            )
        except ScheduleError as error:
            option = "--" + error.field.replace("_", "-").replace("deputies", "deputy")
            raise CommandError(f"{option}: {error}; nothing was changed") from None
        print(f"created schedule {made.id} at {args.station}; kiosks show it after their next pull")
        _print_dates(session, args.station, made, 12)
    return 0


def schedules_delete(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings).writer.begin() as session:
        station(session, args.station)
        try:
            title = delete_schedule(
                session, None, args.station, args.schedule, now=datetime.now(UTC)
            )
        except ScheduleNotFound:
            raise CommandError(f"no schedule {args.schedule} at {args.station}") from None
    print(f"deleted schedule {args.schedule} ({title}) of {args.station}")
    return 0


def schedules_people(settings: Settings, args: argparse.Namespace) -> int:
    """Who is on a schedule, their turns and its theme, as the edit page's second form."""
    values = {"theme": args.theme or "", "per_occurrence": str(args.per_occurrence or "")}
    with database(settings).writer.begin() as session:
        station(session, args.station)
        try:
            changed = update_people(
                session, None, args.station, args.schedule, values, args.deputy,
                now=datetime.now(UTC),
            )  # fmt: skip
        except ScheduleNotFound:
            raise CommandError(f"no schedule {args.schedule} at {args.station}") from None
        except ScheduleError as error:
            option = "--" + error.field.replace("_", "-").replace("deputies", "deputy")
            raise CommandError(f"{option}: {error}; nothing was changed") from None
        _print_dates(session, args.station, changed, 12)
    return 0
