# SPDX-License-Identifier: GPL-3.0-or-later
"""`schedules import|export|feed-token`."""

from __future__ import annotations

import argparse
import sys

from central.cli.common import CommandError, database, import_refused, station
from central.core.config import Settings
from central.services.ical import import_calendar
from central.services.rosters import ImportRefused, read_rows
from central.services.schedules import (
    deputy_ids,
    import_schedules,
    new_feed_token,
    parse_schedules,
    station_calendar,
)


def schedules_import(settings: Settings, args: argparse.Namespace) -> int:
    suffix = args.file.suffix.lower()
    if suffix not in (".json", ".ics"):
        raise CommandError("schedules are imported from a .json or an .ics file")
    if suffix == ".ics":
        try:
            text = args.file.read_text(encoding="utf-8-sig")
        except OSError as error:
            raise CommandError(f"cannot read {args.file}: {error.strerror}") from None
        except UnicodeDecodeError:
            raise CommandError(f"{args.file} is not UTF-8 text") from None
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
