# SPDX-License-Identifier: GPL-3.0-or-later
"""`attendance list` and `receptions list`: what duty deputies recorded at the kiosks."""

from __future__ import annotations

import argparse

from central.cli.common import china_minute, database, month_range, station
from central.core.config import Settings
from central.services.attendance import station_attendance, station_receptions
from central.services.rosters import deputy_names
from kiosk.domain.tracking import display


def attendance_list(settings: Settings, args: argparse.Namespace) -> int:
    period = month_range(args.month)
    with database(settings).reader() as session:
        station(session, args.station)
        rows = station_attendance(session, args.station, period)
        names = deputy_names(session, args.station)
        if not rows:
            print(f"no attendance at {args.station}")
            return 0
        print(f"{'time':<17} {'action':<9} {'reason':<13} deputy")
        for a in rows:
            at, name = china_minute(a.at), names.get(a.deputy_id, "")
            print(f"{at:<17} {a.action:<9} {a.reason:<13} {a.deputy_id} {name}".rstrip())
        print(f"{len(rows)} sign-ins and sign-outs")
    return 0


def receptions_list(settings: Settings, args: argparse.Namespace) -> int:
    period = month_range(args.month)
    with database(settings).reader() as session:
        station(session, args.station)
        rows = station_receptions(session, args.station, period)
        names = deputy_names(session, args.station)
        if not rows:
            print(f"no reception records at {args.station}")
            return 0
        print(f"{'time':<17} {'visitors':>8}  deputy / topic / linked appeals")
        for r in rows:
            deputy = f"{r.deputy_id} {names.get(r.deputy_id, '')}".rstrip()
            codes = ", ".join(display(code) for code in r.tracking_codes) or "-"
            print(f"{china_minute(r.at):<17} {r.visitors:>8}  {deputy} / {r.topic} / {codes}")
            if args.notes and r.notes:
                print(f"{'':<27}notes: {r.notes}")
        print(f"{len(rows)} reception records, {sum(r.visitors for r in rows)} visitors")
    return 0
