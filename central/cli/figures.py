# SPDX-License-Identifier: GPL-3.0-or-later
"""`figures`: a station's, a deputy's, a region's or the whole tree's figures for a month, a
quarter, a year or a range (issue 15 §2), the same service and tables as /console/figures.
Printed as a table, or written as CSV or .xlsx. Counts and rates only."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from central.cli.common import Command, CommandError, database
from central.core.config import Settings
from central.models import Region, Station
from central.services import figure_tables
from central.services.figures import FiguresError, Target, parse_period, report


def _target(session: Session, args: argparse.Namespace) -> Target:
    if args.deputy and not args.station:
        raise CommandError("--deputy needs --station (a deputy's id is their station's)")
    if args.station:
        if session.get(Station, args.station) is None:
            raise CommandError(f"no station {args.station}")
        if args.deputy:
            return Target("deputy", station_id=args.station, deputy_id=args.deputy)
        return Target("station", station_id=args.station)
    if args.region is not None:
        if session.get(Region, args.region) is None:
            raise CommandError(f"no region {args.region}")
        return Target("region", region_id=args.region)
    return Target("all")


def figures_show(settings: Settings, args: argparse.Namespace) -> int:
    kinds = [k for k in ("month", "quarter", "year", "range") if getattr(args, k)]
    if len(kinds) != 1:
        raise CommandError("say one period: --month, --quarter, --year or --range")
    try:
        period = parse_period(kinds[0], getattr(args, kinds[0]))
    except FiguresError as error:
        raise CommandError(str(error)) from None
    with database(settings).reader() as session:
        got = report(session, _target(session, args), period)
    if args.xlsx:
        Path(args.xlsx).write_bytes(figure_tables.as_xlsx(got))
        print(f"wrote {args.xlsx}")
        return 0
    if args.csv:
        table = figure_tables.table_named(got, args.table)
        Path(args.csv).write_bytes(figure_tables.as_csv(table))
        print(f"wrote {args.csv}")
        return 0
    print(f"{got.name} · {got.period.label}")
    total = figure_tables.table_named(got, "total")
    for heading, value in list(zip(total.headers, total.rows[0], strict=True))[2:]:
        print(f"  {heading}: {value}")
    rows = figure_tables.table_named(got, "rows")
    if rows.rows:
        print()
        print("  ".join(rows.headers[1:8]))
        for row in rows.rows:
            print("  ".join(str(value) for value in row[1:8]))
    sys.stdout.flush()
    return 0


def add_figures_commands(command: Command) -> None:
    p = command("figures", figures_show, "a station's, deputy's or region's figures (统计)")
    where = p.add_argument_group("what (default: every station)")
    where.add_argument("--region", type=int, help="a region's id (its stations rolled up)")
    where.add_argument("--station", help="a station's id (rows per deputy)")
    where.add_argument("--deputy", help="a deputy's id at --station")
    when = p.add_argument_group("when (one of)")
    when.add_argument("--month", help="YYYY-MM")
    when.add_argument("--quarter", help="YYYY-Qn, e.g. 2026-Q4")
    when.add_argument("--year", help="YYYY")
    when.add_argument("--range", help="YYYY-MM-DD..YYYY-MM-DD (both days included)")
    out = p.add_argument_group("output (default: printed)")
    out.add_argument("--csv", metavar="FILE", help="write one table as CSV (UTF-8 with BOM)")
    out.add_argument(
        "--table",
        choices=figure_tables.TABLE_NAMES,
        default="rows",
        help="the table --csv writes (default: rows)",
    )
    out.add_argument("--xlsx", metavar="FILE", help="write every table to one .xlsx")
