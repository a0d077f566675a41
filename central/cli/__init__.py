# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m central`: run the server, or administer stations, rosters, appeals and devices.

One module per command group, each a thin call of a service (central/services).
Every command prints what it did; bad input ends it with a plain message and exit status 1
(2 for a command line argparse cannot read) and changes nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from central.cli.appeals import appeals_list, appeals_move
from central.cli.appointments import appointments_answer, appointments_list
from central.cli.attendance import attendance_list, receptions_list
from central.cli.common import CommandError, Handler, close_databases
from central.cli.devices import device_list, device_revoke
from central.cli.figures import add_figures_commands
from central.cli.holidays import holidays_cover, holidays_list, holidays_seed, holidays_set
from central.cli.notify import add_commands as add_notify_commands
from central.cli.privacy import add_commands as add_privacy_commands
from central.cli.publishing import add_commands as add_publishing_commands
from central.cli.publishing import add_station_commands
from central.cli.registers import add_registers_commands
from central.cli.rosters import pin_rotate, pin_set, roster_import, roster_photo
from central.cli.schedules import (
    schedules_change,
    schedules_create,
    schedules_dates,
    schedules_delete,
    schedules_export,
    schedules_feed_token,
    schedules_import,
    schedules_people,
)
from central.cli.serve import serve
from central.cli.stations import demo_station, enrolment_code, station_create
from central.cli.users import add_commands as add_user_commands
from central.core.config import (
    ADDRESS_LIMIT,
    ADDRESS_WINDOW_SECONDS,
    ENROLMENT_CODE_DAYS,
    KIOSK_SILENT_HOURS,
    MOBILE_LIMIT,
    MOBILE_WINDOW_SECONDS,
    RETENTION_YEARS,
    SNAPSHOT_APPEAL_DAYS,
    Settings,
)
from kiosk.domain.station import StationKind


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: given before or after the command, the option is not reset by the other parser.
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="the server's data folder (or CENTRAL_DATA_DIR)",
    )
    common.add_argument(
        "--database-url",
        default=argparse.SUPPRESS,
        help="a database URL (or CENTRAL_DATABASE_URL); default: SQLite in the data folder",
    )
    parser = argparse.ArgumentParser(
        prog="python -m central", description=__doc__.splitlines()[0], parents=[common]
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, handler: Handler, help: str, sub: Any = commands
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(
            name, help=help, description=help, parents=[common]
        )
        p.set_defaults(handler=handler)
        return p

    def group(name: str, help: str) -> Any:
        p = commands.add_parser(name, help=help, description=help)
        return p.add_subparsers(dest="subcommand", required=True, metavar="COMMAND")

    p = command("serve", serve, "run the server until stopped (Ctrl+C)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000, help="0: any free port")
    p.add_argument("--no-access-log", action="store_true", help="do not log every request")
    p.add_argument(
        "--public-url",
        default=os.environ.get("CENTRAL_PUBLIC_URL", ""),
        help="base URL of the phone pages in QR codes (or CENTRAL_PUBLIC_URL); "
        "default: this server's own http://HOST:PORT",
    )
    p.add_argument(
        "--address-limit",
        type=int,
        default=ADDRESS_LIMIT,
        help=f"forms one address may send in {ADDRESS_WINDOW_SECONDS // 60} minutes",
    )
    p.add_argument(
        "--mobile-limit",
        type=int,
        default=MOBILE_LIMIT,
        help=f"messages and requests per mobile number from one address in "
        f"{MOBILE_WINDOW_SECONDS // 60} minutes",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes sharing the port (docs/deploy-central.md); periodic work and "
        "notices run once, in the process that starts them",
    )
    p.add_argument(
        "--rate-limit-storage",
        default="database",
        help="where the phone pages' rate limits count: database (default: the server's "
        "database, shared by every process and instance), or a URI of the `limits` library "
        "(memory:// counts in one process only: refused with --workers above 1)",
    )
    p.add_argument(
        "--api-docs",
        action="store_true",
        help="serve the API's documentation (/docs, /openapi.json), from local files",
    )
    p.add_argument(
        "--behind-tls-proxy",
        action="store_true",
        help="a TLS proxy forwards to this server: cookies get Secure, and X-Forwarded-For "
        "from the trusted proxies names the visitor's address",
    )
    p.add_argument(
        "--trusted-proxies",
        default="127.0.0.1",
        help="with --behind-tls-proxy: addresses of the proxies whose X-Forwarded-For is "
        "believed, comma-separated (default 127.0.0.1)",
    )
    p.add_argument(
        "--kiosk-silent-hours",
        type=int,
        default=KIOSK_SILENT_HOURS,
        help="alert when a kiosk has not been heard from for this many hours",
    )
    p.add_argument(
        "--snapshot-appeal-days",
        type=int,
        default=SNAPSHOT_APPEAL_DAYS,
        help="kiosks' snapshots list open appeals and those finished in this many days",
    )
    p.add_argument(
        "--retention-years",
        type=int,
        default=RETENTION_YEARS,
        help="erase visitors' personal data this many years after their matter closed (daily)",
    )

    stations = group("station", "stations (家站点)")
    p = command("create", station_create, "create a station", stations)
    p.add_argument("--id", required=True)
    p.add_argument("--kind", required=True, choices=[k.value for k in StationKind])
    p.add_argument("--name", required=True)
    p.add_argument("--address", default="")
    p.add_argument("--hours", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--intro", default="")
    p.add_argument("--enrolment-code", action="store_true", help="also issue an enrolment code")
    add_station_commands(stations, command)

    p = command("enrolment-code", enrolment_code, "issue a one-time code to enrol a kiosk")
    p.add_argument("--station", required=True)
    p.add_argument("--days", type=int, default=ENROLMENT_CODE_DAYS, help="valid for (days)")

    roster = group("roster", "a station's deputies")
    p = command(
        "import", roster_import, "replace a station's roster from .xlsx, CSV or JSON", roster
    )
    p.add_argument("--station", required=True)
    p.add_argument("file", type=Path, metavar="FILE.xlsx|FILE.csv|FILE.json")
    p.add_argument("--photos", type=Path, help="folder with the files the photo column names")
    p.add_argument(
        "--dry-run", action="store_true", help="only list what would change, write nothing"
    )
    p = command("photo", roster_photo, "give one deputy a new photo (JPEG, PNG, WebP)", roster)
    p.add_argument("--station", required=True)
    p.add_argument("--deputy", required=True)
    p.add_argument("file", type=Path, metavar="PHOTO")

    schedules = group("schedules", "a station's reception schedules")
    p = command(
        "import", schedules_import, "replace a station's schedules from JSON or .ics", schedules
    )
    p.add_argument("--station", required=True)
    p.add_argument("file", type=Path, metavar="FILE.json|FILE.ics")
    p = command("export", schedules_export, "write a station's schedules as .ics", schedules)
    p.add_argument("--station", required=True)
    p.add_argument("file", type=Path, metavar="FILE.ics", help="'-' for standard output")
    p = command("dates", schedules_dates, "a schedule's next days as kiosks show them", schedules)
    p.add_argument("--station", required=True)
    p.add_argument("--schedule", required=True)
    p.add_argument("--count", type=int, default=12)
    p = command(
        "create",
        schedules_create,
        "add a reception schedule (as the console's form does); prints its next 12 days",
        schedules,
    )
    p.add_argument("--station", required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--theme", default="")
    p.add_argument("--place", default="")
    p.add_argument("--start", default="09:00", metavar="HH:MM")
    p.add_argument("--end", default="11:30", metavar="HH:MM")
    p.add_argument(
        "--deputy",
        action="append",
        default=[],
        metavar="DEPUTY_ID",
        help="a deputy of the station's roster on this schedule (repeat for several)",
    )
    p.add_argument(
        "--per-occurrence",
        type=int,
        metavar="N",
        help="the deputies take turns in roster order, N each time (default: all every time)",
    )
    p.add_argument(
        "--repeat",
        choices=["weekly", "biweekly", "monthly", "custom"],
        help="default: weekly, or custom with --rule",
    )
    p.add_argument("--first", default="", metavar="YYYY-MM-DD", help="the first day")
    p.add_argument("--weekday", choices=["MO", "TU", "WE", "TH", "FR", "SA", "SU"])
    p.add_argument("--nth", default="1", choices=["1", "2", "3", "4", "-1"], help="monthly")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="the last possible day")
    p.add_argument("--rule", help="RFC 5545 text (DTSTART, RRULE, ... lines; \\n between)")
    p = command(
        "people",
        schedules_people,
        "set who is on a schedule (and their turns) and its theme; prints its next 12 days",
        schedules,
    )
    p.add_argument("--station", required=True)
    p.add_argument("--schedule", required=True)
    p.add_argument("--deputy", action="append", default=[], metavar="DEPUTY_ID")
    p.add_argument("--per-occurrence", type=int, metavar="N")
    p.add_argument("--theme", default="")
    p = command("delete", schedules_delete, "delete a reception schedule", schedules)
    p.add_argument("--station", required=True)
    p.add_argument("--schedule", required=True)
    for action, text in (
        ("cancel", "cancel one day (visitors read the reason)"),
        ("move", "move one day to another date or time (visitors read the reason)"),
        ("restore", "undo the cancelling or moving of one day"),
    ):
        p = command(action, schedules_change, text, schedules)
        p.set_defaults(action=action)
        p.add_argument("--station", required=True)
        p.add_argument("--schedule", required=True)
        p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the rule's day")
        if action != "restore":
            p.add_argument("--reason", required=True)
        if action == "move":
            p.add_argument("--to", metavar="YYYY-MM-DD", help="the new date")
            p.add_argument("--start", metavar="HH:MM")
            p.add_argument("--end", metavar="HH:MM")
    p = command(
        "feed-token",
        schedules_feed_token,
        "issue the secret calendar-feed URL for a station (replacing the old one)",
        schedules,
    )
    p.add_argument("--station", required=True)

    holidays = group("holidays", "the holiday table (节假日安排) every kiosk receives")
    p = command("seed", holidays_seed, "fill the table from chinesecalendar", holidays)
    p.add_argument("--year", type=int, action="append", help="only this year (repeatable)")
    p = command("set", holidays_set, "set one day by hand (kept by later seeding)", holidays)
    p.add_argument("date", metavar="YYYY-MM-DD")
    p.add_argument("kind", choices=["holiday", "workday", "normal"])
    p.add_argument("--name", default="", help="e.g. 国庆节 (needed for holiday and workday)")
    p = command("cover", holidays_cover, "declare a year entered by hand complete", holidays)
    p.add_argument("year", type=int)
    p = command("list", holidays_list, "list the table (one year, or the years covered)", holidays)
    p.add_argument("--year", type=int)

    pins = group("pin", "deputies' sign-in PINs")
    p = command("set", pin_set, "set a deputy's PIN, read from standard input", pins)
    p.add_argument("--station", required=True)
    p.add_argument("--deputy", required=True)
    p = command(
        "rotate", pin_rotate, "give deputies new random PINs (printed once); old ones stop", pins
    )
    p.add_argument("--station", required=True)
    p.add_argument("--deputy", help="only this deputy (default: every deputy of the station)")

    appeals = group("appeals", "appeals (意见建议) and their progress")
    p = command("list", appeals_list, "list a station's appeals", appeals)
    p.add_argument("--station", required=True)
    p = command("move", appeals_move, "move an appeal to its next state", appeals)
    p.add_argument("tracking_code", metavar="TRACKING_CODE")
    p.add_argument("state", metavar="STATE")
    p.add_argument("--note", required=True, help="a note the visitor may read")
    p.add_argument("--actor", default="", help="who did it (default: the system user)")
    p.add_argument("--rating", help="with rated: satisfied, basically_satisfied, dissatisfied")

    appointments = group("appointments", "appointment requests (约见代表)")
    p = command("list", appointments_list, "list a station's appointments", appointments)
    p.add_argument("--station", required=True)
    for name, verb in (("confirm", "confirm"), ("decline", "decline")):
        p = command(name, appointments_answer, f"{verb} an appointment request", appointments)
        p.add_argument("code", metavar="CODE")
        p.add_argument("--note", default="", help="a note the visitor may read")
        p.add_argument("--actor", default="", help="who did it (default: the system user)")
        p.set_defaults(answer={"confirm": "confirmed", "decline": "declined"}[name])
    p = command("done", appointments_answer, "record that the meeting took place", appointments)
    p.add_argument("code", metavar="CODE")
    p.add_argument("--note", default="", help="a note the visitor may read")
    p.add_argument("--actor", default="", help="who did it (default: the system user)")
    p.set_defaults(answer="done")
    attendance = group("attendance", "duty deputies' sign-ins and sign-outs")
    p = command("list", attendance_list, "list a station's attendance, oldest first", attendance)
    p.add_argument("--station", required=True)
    p.add_argument("--month", help="only this month, YYYY-MM (China time)")

    receptions = group("receptions", "duty deputies' reception records (接待登记)")
    p = command("list", receptions_list, "list a station's reception records", receptions)
    p.add_argument("--station", required=True)
    p.add_argument("--month", help="only this month, YYYY-MM (China time)")
    p.add_argument("--notes", action="store_true", help="also print the notes (may name people)")

    devices = group("device", "enrolled kiosks")
    p = command("list", device_list, "list the enrolled kiosks", devices)
    p.add_argument("--station")
    p = command("revoke", device_revoke, "revoke a kiosk's token", devices)
    p.add_argument("device_id", metavar="DEVICE_ID")

    command("demo-station", demo_station, "create the demo station and print an enrolment code")
    add_user_commands(group, command)
    add_notify_commands(group, command)
    add_privacy_commands(group, command)
    add_figures_commands(command)
    add_registers_commands(group, command)
    add_publishing_commands(group, command)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = getattr(args, "data_dir", None) or os.environ.get("CENTRAL_DATA_DIR")
    if not data_dir:
        parser.error("say where the server's data is: --data-dir DIR (or CENTRAL_DATA_DIR)")
    url = getattr(args, "database_url", None) or os.environ.get("CENTRAL_DATABASE_URL", "")
    settings = Settings(data_dir=Path(data_dir), database_url=url)
    try:
        handler: Handler = args.handler
        return handler(settings, args)
    except CommandError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        close_databases()
