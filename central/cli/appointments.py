# SPDX-License-Identifier: GPL-3.0-or-later
"""`appointments list|confirm|decline|done`."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from central.cli.common import CommandError, actor, china_minute, database, station
from central.core.config import Settings
from central.services.appointments import (
    answer_appointment,
    find_appointment,
    station_appointments,
)
from central.services.rosters import deputy_names
from kiosk.domain.appointment_states import AnswerRefused, AppointmentState
from kiosk.domain.tracking import InvalidTrackingCode, display, parse_tracking_code


def appointments_list(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings).reader() as session:
        station(session, args.station)
        appointments = station_appointments(session, args.station)
        if not appointments:
            print(f"no appointments at {args.station}")
            return 0
        names = deputy_names(session, args.station)
        print(f"{'code':<12} {'state':<10} {'date':<11} {'requested':<17} {'channel':<7} deputy")
        for a in appointments:
            requested = china_minute(a.created_at)
            deputy = names.get(a.deputy_id, a.deputy_id)
            print(
                f"{display(a.code):<12} {a.state:<10} {a.day.isoformat():<11} {requested:<17} "
                f"{a.channel:<7} {deputy}"
            )
        print(f"{len(appointments)} appointments")
    return 0


def appointments_answer(settings: Settings, args: argparse.Namespace) -> int:
    try:
        code = parse_tracking_code(args.code)
    except InvalidTrackingCode as error:
        raise CommandError(f"{args.code}: {error}") from None
    state = AppointmentState(args.answer)
    with database(settings).writer.begin() as session:
        appointment = find_appointment(session, code)
        if appointment is None:
            raise CommandError(f"no appointment with code {display(code)}")
        try:
            changed = answer_appointment(
                session,
                appointment,
                state,
                note=args.note,
                actor=actor(args),
                now=datetime.now(UTC),
            )
        except AnswerRefused as error:
            raise CommandError(f"{display(code)}: {error}") from None
    print(f"{display(code)} is {'now' if changed else 'already'} {state}")
    return 0
