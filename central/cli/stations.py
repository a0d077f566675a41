# SPDX-License-Identifier: GPL-3.0-or-later
"""`station create`, `enrolment-code`, `demo-station`."""

from __future__ import annotations

import argparse

from central.cli.common import CommandError, database, issue_code, station
from central.core.config import ENROLMENT_CODE_DAYS, Settings
from central.services.stations import (
    StationRefused,
    check_new_station,
    create_demo_station,
    create_station,
)


def station_create(settings: Settings, args: argparse.Namespace) -> int:
    try:
        check_new_station(args.id, args.name)
        with database(settings).writer.begin() as session:
            create_station(
                session,
                station_id=args.id,
                kind=args.kind,
                name=args.name,
                address=args.address,
                hours=args.hours,
                phone=args.phone,
                intro=args.intro,
            )
            print(f"created station {args.id}: {args.name.strip()} ({args.kind})")
            if args.enrolment_code:
                issue_code(session, args.id, ENROLMENT_CODE_DAYS)
    except StationRefused as error:
        raise CommandError(str(error)) from None
    return 0


def enrolment_code(settings: Settings, args: argparse.Namespace) -> int:
    if not 1 <= args.days <= 90:
        raise CommandError("--days: from 1 to 90")
    with database(settings).writer.begin() as session:
        station(session, args.station)
        issue_code(session, args.station, args.days)
    return 0


def demo_station(settings: Settings, args: argparse.Namespace) -> int:
    """The kiosk's fictional demo station, with placeholder portraits, on the server."""
    with database(settings).writer.begin() as session:
        demo = create_demo_station(session)
        if demo.created:
            print(f"created the demo station {demo.id}: {demo.name}, {demo.deputies} deputies")
        else:
            print(f"the demo station {demo.id} exists already")
        issue_code(session, demo.id, ENROLMENT_CODE_DAYS)
    return 0
