# SPDX-License-Identifier: GPL-3.0-or-later
"""`privacy find|correct|erase|retention`: a visitor's data rights from the command line, the
same services as the console's /console/privacy (docs/privacy.md). Every use is audited."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from central.cli.common import CommandError, china_minute, database
from central.core.config import RETENTION_YEARS, Settings
from central.services import privacy
from central.services.privacy import PrivacyError
from central.web.console.text import translator


def _mobile(args: argparse.Namespace) -> str:
    # Read from standard input when "-": a number on the command line stays in shell history.
    if args.mobile == "-":
        return sys.stdin.readline().strip()
    return str(args.mobile)


def privacy_find(settings: Settings, args: argparse.Namespace) -> int:
    try:
        with database(settings).writer.begin() as session:
            records = privacy.find_by_mobile(session, None, _mobile(args), datetime.now(UTC))
            for r in records:
                print(
                    f"{r.kind:<12} {r.ref:<10} {r.station_id:<16} {china_minute(r.created_at)}  "
                    f"{r.state:<10} {r.subject}  {r.name}  {r.mobile}"
                )
    except PrivacyError as error:
        raise CommandError(str(error)) from None
    print(f"{len(records)} records (the search is in the audit log)")
    return 0


def privacy_export(settings: Settings, args: argparse.Namespace) -> int:
    try:
        with database(settings).writer.begin() as session:
            records = privacy.find_by_mobile(
                session, None, _mobile(args), datetime.now(UTC), for_copy=True
            )
    except PrivacyError as error:
        raise CommandError(str(error)) from None
    from central.web.console.privacy_pages import person_copy  # the console's own CSV

    args.out.write_text(person_copy(records, translator("zh")), encoding="utf-8")
    print(f"wrote {len(records)} records to {args.out} (the export is in the audit log)")
    return 0


def privacy_correct(settings: Settings, args: argparse.Namespace) -> int:
    try:
        with database(settings).writer.begin() as session:
            count = privacy.correct(
                session,
                None,
                _mobile(args),
                datetime.now(UTC),
                name=args.name or "",
                new_mobile=args.new_mobile or "",
            )
    except PrivacyError as error:
        raise CommandError(str(error)) from None
    print(f"corrected {count} records")
    return 0


def privacy_erase(settings: Settings, args: argparse.Namespace) -> int:
    if not args.yes:
        raise CommandError("erasing cannot be undone: add --yes to confirm")
    try:
        with database(settings).writer.begin() as session:
            count = privacy.erase(session, None, _mobile(args), datetime.now(UTC))
    except PrivacyError as error:
        raise CommandError(str(error)) from None
    print(f"erased the personal data of {count} records; the anonymous figures stay")
    return 0


def privacy_retention(settings: Settings, args: argparse.Namespace) -> int:
    try:
        with database(settings).writer.begin() as session:
            result = privacy.run_retention(session, datetime.now(UTC), args.years)
    except PrivacyError as error:
        raise CommandError(str(error)) from None
    print(
        f"erased the personal data of {result.appeals} appeals, {result.appointments} "
        f"appointments and {result.receptions} reception notes closed over {args.years} years ago"
    )
    return 0


def add_commands(group, command) -> None:  # type: ignore[no-untyped-def]
    rights = group("privacy", "visitors' data rights: find, correct, erase; retention")
    p = command("find", privacy_find, "every record of a person, by mobile number", rights)
    p.add_argument("mobile", metavar="MOBILE", help="'-' to read it from standard input")
    p = command("export", privacy_export, "a copy of a person's records, as CSV", rights)
    p.add_argument("mobile", metavar="MOBILE", help="'-' to read it from standard input")
    p.add_argument("--out", type=Path, required=True, help="the CSV file to write")
    p = command("correct", privacy_correct, "correct a person's name or number", rights)
    p.add_argument("mobile", metavar="MOBILE", help="'-' to read it from standard input")
    p.add_argument("--name", help="the right name")
    p.add_argument("--new-mobile", help="the right number")
    p = command("erase", privacy_erase, "erase a person's personal data (figures stay)", rights)
    p.add_argument("mobile", metavar="MOBILE", help="'-' to read it from standard input")
    p.add_argument("--yes", action="store_true", help="confirm: it cannot be undone")
    p = command(
        "retention", privacy_retention, "erase personal data of matters closed long ago", rights
    )
    p.add_argument(
        "--years", type=int, default=RETENTION_YEARS, help="after closure (default: %(default)s)"
    )
