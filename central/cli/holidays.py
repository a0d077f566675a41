# SPDX-License-Identifier: GPL-3.0-or-later
"""`holidays seed|set|cover|list`: the holiday table every kiosk receives."""

from __future__ import annotations

import argparse
from datetime import date

from central.cli.common import CommandError, database
from central.core.config import Settings
from central.services.holidays import cover_year, covered_years, days_of_year, seed, set_day


def holidays_seed(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings).writer.begin() as session:
        try:
            result = seed(session, args.year)
        except ValueError as error:
            raise CommandError(f"{error}; nothing was changed") from None
    years = result.years
    span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
    kept = f"; kept {result.kept_manual} days set by hand" if result.kept_manual else ""
    print(f"seeded the holiday table for {span} from chinesecalendar: {result.days} days{kept}")
    return 0


def holidays_set(settings: Settings, args: argparse.Namespace) -> int:
    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        raise CommandError(f"{args.date!r} is not a date like 2027-10-01") from None
    with database(settings).writer.begin() as session:
        try:
            set_day(session, day, args.kind, args.name)
        except ValueError as error:
            raise CommandError(f"{error}; nothing was changed") from None
    print(f"{day.isoformat()} is now {args.kind}{' (' + args.name + ')' if args.name else ''}")
    return 0


def holidays_cover(settings: Settings, args: argparse.Namespace) -> int:
    if not 2000 <= args.year <= 2100:
        raise CommandError("a year from 2000 to 2100")
    with database(settings).writer.begin() as session:
        cover_year(session, args.year)
    print(f"the holiday table now covers {args.year}; kiosks stop saying it is not published")
    return 0


def holidays_list(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings).reader() as session:
        years = covered_years(session)
        if args.year is None:
            if not years:
                print("the holiday table is empty (fill it with: holidays seed)")
            for year, source in sorted(years.items()):
                print(f"{year}  {source}")
            return 0
        for h in days_of_year(session, args.year):
            mark = "  (set by hand)" if h.manual else ""
            print(f"{h.day.isoformat()}  {h.kind:<8} {h.name}{mark}")
        if args.year not in years:
            print(f"{args.year} is not covered: its arrangement is not published in the table")
    return 0
