# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m central`: run the server, or administer stations, rosters, appeals and devices.

Every command prints what it did; bad input ends it with a plain message and exit status 1
(2 for a command line argparse cannot read) and changes nothing.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import (
    ADDRESS_LIMIT,
    ADDRESS_WINDOW_SECONDS,
    CHINA_TIME,
    ENROLMENT_CODE_DAYS,
    MOBILE_LIMIT,
    MOBILE_WINDOW_SECONDS,
    Settings,
)
from central.core.db import Database, open_database, touch_stations
from kiosk.domain.station import StationKind


class CommandError(Exception):
    """Bad input to a command: the message is shown as is."""


Handler = Callable[[Settings, argparse.Namespace], int]


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

    def command(name: str, handler: Handler, help: str, sub=commands) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, parents=[common])
        p.set_defaults(handler=handler)
        return p

    def group(name: str, help: str):
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
        help=f"messages and requests per mobile number in {MOBILE_WINDOW_SECONDS // 60} minutes",
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

    p = command("enrolment-code", enrolment_code, "issue a one-time code to enrol a kiosk")
    p.add_argument("--station", required=True)
    p.add_argument("--days", type=int, default=ENROLMENT_CODE_DAYS, help="valid for (days)")

    roster = group("roster", "a station's deputies")
    p = command("import", roster_import, "replace a station's roster from CSV or JSON", roster)
    p.add_argument("--station", required=True)
    p.add_argument("file", type=Path, metavar="FILE.csv|FILE.json")
    p.add_argument("--photos", type=Path, help="folder with the files the photo column names")

    schedules = group("schedules", "a station's reception schedules")
    p = command(
        "import", schedules_import, "replace a station's schedules from JSON or .ics", schedules
    )
    p.add_argument("--station", required=True)
    p.add_argument("file", type=Path, metavar="FILE.json|FILE.ics")
    p = command("export", schedules_export, "write a station's schedules as .ics", schedules)
    p.add_argument("--station", required=True)
    p.add_argument("file", type=Path, metavar="FILE.ics", help="'-' for standard output")
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
        return args.handler(settings, args)
    except CommandError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def serve(settings: Settings, args: argparse.Namespace) -> int:
    import dataclasses

    import uvicorn

    from central.main import create_app

    public_url = args.public_url.strip().rstrip("/")
    if public_url and not public_url.startswith(("http://", "https://")):
        raise CommandError("--public-url: an http:// or https:// address")
    if args.address_limit < 1 or args.mobile_limit < 1:
        raise CommandError("--address-limit and --mobile-limit: at least 1")
    settings = dataclasses.replace(
        settings,
        public_url=public_url,
        address_limit=args.address_limit,
        mobile_limit=args.mobile_limit,
    )
    app = create_app(settings)
    log_config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    # Standard output carries only the ready line; logs go to standard error.
    log_config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_config=log_config,
        access_log=not args.no_access_log,
        timeout_graceful_shutdown=5,
    )

    class ReadyServer(uvicorn.Server):
        """Says so on standard output once it listens: what scripts and tests wait for."""

        async def startup(self, sockets=None) -> None:  # type: ignore[no-untyped-def]
            await super().startup(sockets=sockets)
            if self.started:
                port = self.servers[0].sockets[0].getsockname()[1]
                if not settings.public_url:  # the port is known only now (--port 0)
                    app.state.public_url = f"http://{self.config.host}:{port}"
                print(f"central ready on http://{self.config.host}:{port}", flush=True)

    ReadyServer(config).run()
    return 0


def _database(settings: Settings) -> Database:
    try:
        return open_database(settings)
    except Exception as error:  # the message names the file or the server it could not open
        raise CommandError(f"cannot open the database: {error}") from None


def _station(session: Session, station_id: str):
    from central.models import Station

    station = session.get(Station, station_id)
    if station is None:
        raise CommandError(f"no station {station_id} (create it with: station create)")
    return station


def station_create(settings: Settings, args: argparse.Namespace) -> int:
    from central.imports import ID_PATTERN
    from central.models import Station

    if not ID_PATTERN.fullmatch(args.id):
        raise CommandError("a station id uses letters, digits, '.', '_' or '-' (up to 64)")
    if not args.name.strip():
        raise CommandError("the station needs a name")
    with _database(settings).writer.begin() as session:
        if session.get(Station, args.id) is not None:
            raise CommandError(f"station {args.id} exists already")
        session.add(
            Station(
                id=args.id,
                kind=args.kind,
                name=args.name.strip(),
                address=args.address,
                hours=args.hours,
                phone=args.phone,
                intro=args.intro,
                rules=[],
                notices=[],
            )
        )
        print(f"created station {args.id}: {args.name.strip()} ({args.kind})")
        if args.enrolment_code:
            session.flush()  # the station row first: the code refers to it
            _issue_code(session, args.id, ENROLMENT_CODE_DAYS)
    return 0


def _issue_code(session: Session, station_id: str, days: int) -> None:
    from central.devices import issue_enrolment_code

    code, expires_at = issue_enrolment_code(session, station_id, days)
    until = expires_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
    print(f"enrolment code for {station_id}: {code} (one use, valid until {until})")


def enrolment_code(settings: Settings, args: argparse.Namespace) -> int:
    if not 1 <= args.days <= 90:
        raise CommandError("--days: from 1 to 90")
    with _database(settings).writer.begin() as session:
        _station(session, args.station)
        _issue_code(session, args.station, args.days)
    return 0


def _report(error) -> CommandError:  # type: ignore[no-untyped-def]
    lines = "\n".join(f"  {problem}" for problem in error.problems)
    return CommandError(f"nothing was imported; fix these and import again:\n{lines}")


def roster_import(settings: Settings, args: argparse.Namespace) -> int:
    from central.imports import ImportRefused, import_roster, parse_roster, read_rows

    if args.photos is not None and not args.photos.is_dir():
        raise CommandError(f"--photos: {args.photos} is not a folder")
    try:
        entries = parse_roster(read_rows(args.file), args.photos)
    except ImportRefused as error:
        raise _report(error) from None
    with _database(settings).writer.begin() as session:
        _station(session, args.station)
        change = import_roster(session, args.station, entries)
    removed = f", removed {', '.join(change.removed)}" if change.removed else ""
    print(
        f"imported {len(entries)} deputies into {args.station}: "
        f"{change.added} new, {change.updated} updated{removed}"
    )
    return 0


def schedules_import(settings: Settings, args: argparse.Namespace) -> int:
    from central.ical import import_calendar
    from central.imports import ImportRefused, import_schedules, parse_schedules, read_rows
    from central.models import Deputy

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
    with _database(settings).writer.begin() as session:
        _station(session, args.station)
        deputy_ids = set(
            session.scalars(select(Deputy.deputy_id).where(Deputy.station_id == args.station))
        )
        try:
            if suffix == ".ics":
                schedules = import_calendar(text, deputy_ids)
            else:
                schedules = parse_schedules(read_rows(args.file), deputy_ids)
        except ImportRefused as error:
            raise _report(error) from None
        import_schedules(session, args.station, schedules)
    print(f"imported {len(schedules)} reception schedules into {args.station}")
    return 0


def schedules_export(settings: Settings, args: argparse.Namespace) -> int:
    from central.api.routes.calendar import station_calendar

    with _database(settings).reader() as session:
        station = _station(session, args.station)
        text = station_calendar(session, station)
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
    from central.core.security import new_device_token, token_hash

    token = new_device_token()
    with _database(settings).writer.begin() as session:
        station = _station(session, args.station)
        station.calendar_token_hash = token_hash(token)
    print(
        f"calendar feed for {args.station} (the old one, if any, no longer works):\n"
        f"  <server>/api/v1/stations/{args.station}/schedules.ics?token={token}\n"
        "Give it only to the station's staff: anyone with it can read the schedules."
    )
    return 0


def holidays_seed(settings: Settings, args: argparse.Namespace) -> int:
    from central.holidays import seed

    with _database(settings).writer.begin() as session:
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

    from central.holidays import set_day

    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        raise CommandError(f"{args.date!r} is not a date like 2027-10-01") from None
    with _database(settings).writer.begin() as session:
        try:
            set_day(session, day, args.kind, args.name)
        except ValueError as error:
            raise CommandError(f"{error}; nothing was changed") from None
    print(f"{day.isoformat()} is now {args.kind}{' (' + args.name + ')' if args.name else ''}")
    return 0


def holidays_cover(settings: Settings, args: argparse.Namespace) -> int:
    from central.holidays import cover_year

    if not 2000 <= args.year <= 2100:
        raise CommandError("a year from 2000 to 2100")
    with _database(settings).writer.begin() as session:
        cover_year(session, args.year)
    print(f"the holiday table now covers {args.year}; kiosks stop saying it is not published")
    return 0


def holidays_list(settings: Settings, args: argparse.Namespace) -> int:
    from central.models import Holiday, HolidayYear

    with _database(settings).reader() as session:
        years = {y.year: y.source for y in session.scalars(select(HolidayYear))}
        if args.year is None:
            if not years:
                print("the holiday table is empty (fill it with: holidays seed)")
            for year, source in sorted(years.items()):
                print(f"{year}  {source}")
            return 0
        rows = session.scalars(
            select(Holiday)
            .where(Holiday.day.between(date(args.year, 1, 1), date(args.year, 12, 31)))
            .order_by(Holiday.day)
        ).all()
        for h in rows:
            mark = "  (set by hand)" if h.manual else ""
            print(f"{h.day.isoformat()}  {h.kind:<8} {h.name}{mark}")
        if args.year not in years:
            print(f"{args.year} is not covered: its arrangement is not published in the table")
    return 0


def pin_set(settings: Settings, args: argparse.Namespace) -> int:
    from central.core.security import hash_pin
    from central.models import Deputy

    pin = sys.stdin.readline().strip()
    try:
        pin_hash = hash_pin(pin)
    except ValueError as error:
        raise CommandError(f"{error}; nothing was changed") from None
    with _database(settings).writer.begin() as session:
        _station(session, args.station)
        deputy = session.scalars(
            select(Deputy).where(Deputy.station_id == args.station, Deputy.deputy_id == args.deputy)
        ).one_or_none()
        if deputy is None:
            raise CommandError(f"no deputy {args.deputy} at station {args.station}")
        deputy.pin_hash = pin_hash
        touch_stations(session, args.station)
    print(f"PIN set for {deputy.name} ({args.deputy}); kiosks receive it with their next pull")
    return 0


def pin_rotate(settings: Settings, args: argparse.Namespace) -> int:
    """New random 6-digit PINs (docs/security.md): after a kiosk is lost, or on request.
    The PINs are printed once, for the staff to hand over; kiosks get the hashes at their
    next pull and the old PINs stop working there."""
    from central.core.security import hash_pin
    from central.models import Deputy
    from kiosk.domain.pins import new_pin

    with _database(settings).writer.begin() as session:
        _station(session, args.station)
        query = select(Deputy).where(Deputy.station_id == args.station).order_by(Deputy.position)
        if args.deputy:
            query = query.where(Deputy.deputy_id == args.deputy)
        deputies = session.scalars(query).all()
        if not deputies:
            raise CommandError(f"no deputy {args.deputy or ''} at station {args.station}")
        given = []
        for deputy in deputies:
            pin = new_pin()
            deputy.pin_hash = hash_pin(pin)
            given.append((deputy, pin))
        touch_stations(session, args.station)
    for deputy, pin in given:
        print(f"{deputy.deputy_id}  {deputy.name}  new PIN: {pin}")
    print("kiosks receive the new PINs with their next pull; the old ones stop working there")
    return 0


def appeals_list(settings: Settings, args: argparse.Namespace) -> int:
    from central.models import Appeal
    from kiosk.domain.tracking import display

    with _database(settings).reader() as session:
        _station(session, args.station)
        appeals = session.scalars(
            select(Appeal).where(Appeal.station_id == args.station).order_by(Appeal.id)
        ).all()
        if not appeals:
            print(f"no appeals at {args.station}")
            return 0
        print(
            f"{'tracking code':<14} {'state':<10} {'due':<11} {'received':<17} "
            f"{'channel':<8} category"
        )
        for a in appeals:
            received = a.created_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
            due = a.due_on.isoformat() if a.due_on else "-"
            kind = a.channel + ("/call" if a.request == "callback" else "")
            print(
                f"{display(a.tracking_code):<14} {a.state:<10} {due:<11} {received:<17} "
                f"{kind:<8} {a.category}"
            )
        print(f"{len(appeals)} appeals")
    return 0


def appeals_move(settings: Settings, args: argparse.Namespace) -> int:
    from central.appeals import AppealState, MoveRefused, Rating, move_appeal
    from central.models import Appeal
    from kiosk.domain.tracking import InvalidTrackingCode, display, parse_tracking_code

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
    actor = args.actor or os.environ.get("USER", "")
    with _database(settings).writer.begin() as session:
        appeal = session.scalars(select(Appeal).where(Appeal.tracking_code == code)).one_or_none()
        if appeal is None:
            raise CommandError(f"no appeal with tracking code {display(code)}")
        try:
            move_appeal(
                session,
                appeal,
                state,
                note=args.note,
                actor=actor,
                now=datetime.now(UTC),
                rating=rating,
            )
        except MoveRefused as error:
            raise CommandError(f"{display(code)}: {error}") from None
        due = f", due {appeal.due_on.isoformat()}" if appeal.due_on else ""
        unknown = _uncovered_years(session, appeal.due_on)
    print(f"{display(code)} is now {state}{due}")
    if unknown:
        # Never silently wrong: the count skipped weekends only in those years.
        print(
            f"warning: the holiday table does not cover {', '.join(map(str, unknown))}; "
            "the due date counts weekends only there (holidays seed / holidays set)"
        )
    return 0


def _uncovered_years(session: Session, due: date | None) -> list[int]:
    from central.holidays import holiday_calendar

    if due is None:
        return []
    calendar = holiday_calendar(session, since=due.year - 1)
    return calendar.missing_years(datetime.now(CHINA_TIME).date(), due)


def appointments_list(settings: Settings, args: argparse.Namespace) -> int:
    from central.models import Appointment, Deputy
    from kiosk.domain.tracking import display

    with _database(settings).reader() as session:
        _station(session, args.station)
        appointments = session.scalars(
            select(Appointment)
            .where(Appointment.station_id == args.station)
            .order_by(Appointment.day, Appointment.id)
        ).all()
        if not appointments:
            print(f"no appointments at {args.station}")
            return 0
        names = dict(
            session.execute(
                select(Deputy.deputy_id, Deputy.name).where(Deputy.station_id == args.station)
            ).all()
        )
        print(f"{'code':<12} {'state':<10} {'date':<11} {'requested':<17} {'channel':<7} deputy")
        for a in appointments:
            requested = a.created_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
            deputy = names.get(a.deputy_id, a.deputy_id)
            print(
                f"{display(a.code):<12} {a.state:<10} {a.day.isoformat():<11} {requested:<17} "
                f"{a.channel:<7} {deputy}"
            )
        print(f"{len(appointments)} appointments")
    return 0


def appointments_answer(settings: Settings, args: argparse.Namespace) -> int:
    from central.appointments import AnswerRefused, AppointmentState, answer_appointment
    from central.models import Appointment
    from kiosk.domain.tracking import InvalidTrackingCode, display, parse_tracking_code

    try:
        code = parse_tracking_code(args.code)
    except InvalidTrackingCode as error:
        raise CommandError(f"{args.code}: {error}") from None
    state = AppointmentState(args.answer)
    actor = args.actor or os.environ.get("USER", "")
    with _database(settings).writer.begin() as session:
        appointment = session.scalars(
            select(Appointment).where(Appointment.code == code)
        ).one_or_none()
        if appointment is None:
            raise CommandError(f"no appointment with code {display(code)}")
        try:
            changed = answer_appointment(
                session, appointment, state, note=args.note, actor=actor, now=datetime.now(UTC)
            )
        except AnswerRefused as error:
            raise CommandError(f"{display(code)}: {error}") from None
    print(f"{display(code)} is {'now' if changed else 'already'} {state}")
    return 0


def _month_range(month: str | None) -> tuple[datetime, datetime] | None:
    """The UTC bounds of a YYYY-MM month in China time, or None for every month."""
    if month is None:
        return None
    try:
        start = datetime.strptime(month, "%Y-%m").replace(tzinfo=CHINA_TIME)
    except ValueError:
        raise CommandError(f"--month: {month!r} is not a month like 2026-11") from None
    end = start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return start.astimezone(UTC), end.astimezone(UTC)


def _deputy_names(session: Session, station_id: str) -> dict[str, str]:
    from central.models import Deputy

    rows = session.execute(
        select(Deputy.deputy_id, Deputy.name).where(Deputy.station_id == station_id)
    )
    return {deputy_id: name for deputy_id, name in rows}


def attendance_list(settings: Settings, args: argparse.Namespace) -> int:
    from central.models import Attendance

    bounds = _month_range(args.month)
    with _database(settings).reader() as session:
        _station(session, args.station)
        query = select(Attendance).where(Attendance.station_id == args.station)
        if bounds:
            query = query.where(Attendance.at >= bounds[0], Attendance.at < bounds[1])
        rows = session.scalars(query.order_by(Attendance.at, Attendance.id)).all()
        names = _deputy_names(session, args.station)
        if not rows:
            print(f"no attendance at {args.station}")
            return 0
        print(f"{'time':<17} {'action':<9} {'reason':<13} deputy")
        for a in rows:
            at = a.at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
            name = names.get(a.deputy_id, "")
            print(f"{at:<17} {a.action:<9} {a.reason:<13} {a.deputy_id} {name}".rstrip())
        print(f"{len(rows)} sign-ins and sign-outs")
    return 0


def receptions_list(settings: Settings, args: argparse.Namespace) -> int:
    from central.models import ReceptionRecord
    from kiosk.domain.tracking import display

    bounds = _month_range(args.month)
    with _database(settings).reader() as session:
        _station(session, args.station)
        query = select(ReceptionRecord).where(ReceptionRecord.station_id == args.station)
        if bounds:
            query = query.where(ReceptionRecord.at >= bounds[0], ReceptionRecord.at < bounds[1])
        rows = session.scalars(query.order_by(ReceptionRecord.at, ReceptionRecord.id)).all()
        names = _deputy_names(session, args.station)
        if not rows:
            print(f"no reception records at {args.station}")
            return 0
        print(f"{'time':<17} {'visitors':>8}  deputy / topic / linked appeals")
        for r in rows:
            at = r.at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
            deputy = f"{r.deputy_id} {names.get(r.deputy_id, '')}".rstrip()
            codes = ", ".join(display(code) for code in r.tracking_codes) or "-"
            print(f"{at:<17} {r.visitors:>8}  {deputy} / {r.topic} / {codes}")
            if args.notes and r.notes:
                print(f"{'':<27}notes: {r.notes}")
        print(f"{len(rows)} reception records, {sum(r.visitors for r in rows)} visitors")
    return 0


def device_list(settings: Settings, args: argparse.Namespace) -> int:
    from central.models import Device

    with _database(settings).reader() as session:
        query = select(Device).order_by(Device.enrolled_at)
        if args.station:
            query = query.where(Device.station_id == args.station)
        devices = session.scalars(query).all()
        for d in devices:
            seen = (
                d.last_seen_at.astimezone(CHINA_TIME).isoformat("minutes")
                if d.last_seen_at
                else "never"
            )
            state = "revoked" if d.revoked_at else "active"
            print(f"{d.id}  {d.station_id}  {state}  last seen {seen}  {d.name}")
        print(f"{len(devices)} devices")
    return 0


def device_revoke(settings: Settings, args: argparse.Namespace) -> int:
    from central.models import Device

    with _database(settings).writer.begin() as session:
        device = session.get(Device, args.device_id)
        if device is None:
            raise CommandError(f"no device {args.device_id} (see: device list)")
        if device.revoked_at is not None:
            print(f"device {args.device_id} was already revoked")
            return 0
        device.revoked_at = datetime.now(UTC)
    print(
        f"revoked device {args.device_id} ({device.name}, station {device.station_id}); "
        "its token no longer works"
    )
    return 0


def demo_station(settings: Settings, args: argparse.Namespace) -> int:
    """The kiosk's fictional demo station, with placeholder portraits, on the server."""
    from central.imports import PhotoFile, RosterEntry, import_roster, import_schedules
    from central.models import Deputy, Station
    from kiosk.demo import DEMO_PIN_HASH, demo_snapshot, portrait_svg

    snapshot = demo_snapshot()
    s = snapshot.station
    with _database(settings).writer.begin() as session:
        if session.get(Station, s.id) is not None:
            print(f"the demo station {s.id} exists already")
        else:
            session.add(
                Station(
                    id=s.id,
                    kind=s.kind.value,
                    name=s.name,
                    address=s.address,
                    hours=s.hours,
                    phone=s.phone,
                    intro=s.intro,
                    rules=[{"title": r.title, "body": r.body} for r in s.rules],
                    notices=[
                        {
                            "id": n.id,
                            "title": n.title,
                            "body": n.body,
                            "published_on": n.published_on.isoformat(),
                        }
                        for n in s.notices
                    ],
                    opinions_collected=s.figures.opinions_collected,
                    problems_solved=s.figures.problems_solved,
                    satisfaction=s.figures.satisfaction,
                )
            )
            session.flush()
            entries = [
                RosterEntry(
                    deputy_id=d.id,
                    name=d.name,
                    levels=d.levels,
                    constituency=d.constituency,
                    blocks=d.blocks,
                    phone=d.phone,
                    occupation=d.occupation,
                    bio=d.bio,
                    photo=PhotoFile(portrait_svg(i).encode(), "svg"),
                    # No QR URL of its own: the server's deputy page (docs/phone-pages.md).
                    qr_url="",
                )
                for i, d in enumerate(snapshot.deputies)
            ]
            import_roster(session, s.id, entries)
            import_schedules(session, s.id, list(snapshot.schedules))
            for deputy in session.scalars(select(Deputy).where(Deputy.station_id == s.id)):
                deputy.pin_hash = DEMO_PIN_HASH  # every demo deputy's PIN is 123456
            print(f"created the demo station {s.id}: {s.name}, {len(entries)} deputies")
            from central.holidays import known_years, seed
            from central.models import HolidayYear

            if session.scalars(select(HolidayYear)).first() is None and known_years():
                seed(session)
        _issue_code(session, s.id, ENROLMENT_CODE_DAYS)
    return 0
