# SPDX-License-Identifier: GPL-3.0-or-later
"""`appeals list|move`."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from central.cli.common import CommandError, actor, china_minute, database, station
from central.core.config import CHINA_TIME, Settings
from central.services.appeals import (
    AppealState,
    MoveRefused,
    Rating,
    find_appeal,
    move_appeal,
    station_appeals,
)
from central.services.holidays import uncovered_years
from central.services.notifications import visitor_progress
from kiosk.domain.tracking import InvalidTrackingCode, display, parse_tracking_code


def appeals_list(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings).reader() as session:
        station(session, args.station)
        appeals = station_appeals(session, args.station)
        if not appeals:
            print(f"no appeals at {args.station}")
            return 0
        print(
            f"{'tracking code':<14} {'state':<10} {'due':<11} {'received':<17} "
            f"{'channel':<8} category"
        )
        for a in appeals:
            received = china_minute(a.created_at)
            due = a.due_on.isoformat() if a.due_on else "-"
            kind = a.channel + ("/call" if a.request == "callback" else "")
            print(
                f"{display(a.tracking_code):<14} {a.state:<10} {due:<11} {received:<17} "
                f"{kind:<8} {a.category}"
            )
        print(f"{len(appeals)} appeals")
    return 0


def appeals_move(settings: Settings, args: argparse.Namespace) -> int:
    try:
        code = parse_tracking_code(args.tracking_code)
    except InvalidTrackingCode as error:
        raise CommandError(f"{args.tracking_code}: {error}") from None
    try:
        state = AppealState(args.state)
    except ValueError:
        raise CommandError(
            f"no state {args.state}; the states are {', '.join(AppealState)}"
        ) from None
    try:
        rating = Rating(args.rating) if args.rating else None
    except ValueError:
        raise CommandError(f"--rating: one of {', '.join(Rating)}") from None
    with database(settings).writer.begin() as session:
        appeal = find_appeal(session, code)
        if appeal is None:
            raise CommandError(f"no appeal with tracking code {display(code)}")
        try:
            move_appeal(
                session,
                appeal,
                state,
                note=args.note,
                actor=actor(args),
                now=datetime.now(UTC),
                rating=rating,
            )
        except MoveRefused as error:
            raise CommandError(f"{display(code)}: {error}") from None
        visitor_progress(session, appeal, now=datetime.now(UTC))
        due = f", due {appeal.due_on.isoformat()}" if appeal.due_on else ""
        unknown = uncovered_years(session, appeal.due_on, datetime.now(CHINA_TIME).date())
    print(f"{display(code)} is now {state}{due}")
    if unknown:
        # Never silently wrong: the count skipped weekends only in those years.
        print(
            f"warning: the holiday table does not cover {', '.join(map(str, unknown))}; "
            "the due date counts weekends only there (holidays seed / holidays set)"
        )
    return 0
