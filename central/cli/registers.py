# SPDX-License-Identifier: GPL-3.0-or-later
"""`registers activity|reception|deputy`: the printable registers (台账) as PDF files, from
the same service as the console's downloads (central/services/registers.py). The reception
register names visitors: writing it is audited as a reveal, as the console's download is."""

from __future__ import annotations

import argparse
import getpass
from datetime import UTC, datetime
from pathlib import Path

from central.cli.common import CommandError, database
from central.core.config import Settings
from central.services import registers
from central.services.figures import FiguresError, Period, parse_period
from central.services.registers import RegisterError

KINDS = {
    "activity": "活动记录簿 (reception days held, deputies, hours, visitors)",
    "reception": "接待人民群众登记簿 (every visitor with name and mobile: audited)",
    "deputy": "a deputy's 履职档案 for the year the period ends in (needs --deputy)",
}


def _period(args: argparse.Namespace) -> Period:
    given = [k for k in ("month", "quarter", "year") if getattr(args, k)]
    ranged = args.start or args.end
    if len(given) + bool(ranged) != 1:
        raise CommandError("say one period: --from and --to, --month, --quarter or --year")
    if ranged and not (args.start and args.end):
        raise CommandError("--from and --to go together")
    kind, value = ("range", f"{args.start}..{args.end}") if ranged else (given[0], "")
    try:
        return parse_period(kind, value or getattr(args, kind))
    except FiguresError as error:
        raise CommandError(str(error)) from None


def registers_write(settings: Settings, args: argparse.Namespace) -> int:
    period = _period(args)
    if args.kind == "deputy" and not args.deputy:
        raise CommandError("registers deputy needs --deputy DEPUTY_ID")
    if args.out.suffix.lower() != ".pdf":
        raise CommandError(f"--out: {args.out} should end in .pdf")
    now = datetime.now(UTC)
    try:
        with database(settings).writer.begin() as session:
            if args.kind == "activity":
                content = registers.activity_register(session, None, args.station, period)
            elif args.kind == "reception":
                who = f"cli:{getpass.getuser()}"
                content = registers.visitors_register(
                    session, None, args.station, period, now=now, login=who
                )
            else:
                year = period.last.year
                content = registers.duty_record_register(
                    session, None, args.station, args.deputy, year
                )
            args.out.write_bytes(content)
    except RegisterError as error:
        raise CommandError(str(error)) from None
    except OSError as error:
        raise CommandError(f"cannot write {args.out}: {error.strerror}") from None
    shown = f"{period.last.year}年" if args.kind == "deputy" else period.label
    print(f"wrote {args.out}: {args.kind} register of {args.station}, {shown}")
    if args.kind == "reception":
        print("it names visitors: keep it as the register, do not pass it around (audited)")
    return 0


def add_registers_commands(group, command) -> None:  # type: ignore[no-untyped-def]
    sub = group("registers", "printable registers (台账) as PDF, as the console prints them")
    for kind, help in KINDS.items():
        p = command(kind, registers_write, help, sub)
        p.set_defaults(kind=kind)
        p.add_argument("--station", required=True)
        if kind == "deputy":
            p.add_argument("--deputy", required=True, metavar="DEPUTY_ID")
        else:
            p.set_defaults(deputy=None)
        when = p.add_argument_group("when (one of)")
        when.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
        when.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="included")
        when.add_argument("--month", help="YYYY-MM")
        when.add_argument("--quarter", help="YYYY-Qn, e.g. 2026-Q4")
        when.add_argument("--year", help="YYYY")
        p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
