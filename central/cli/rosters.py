# SPDX-License-Identifier: GPL-3.0-or-later
"""`roster import`, `pin set` and `pin rotate`."""

from __future__ import annotations

import argparse
import sys

from central.cli.common import CommandError, database, import_refused, station
from central.core.config import Settings
from central.core.security import hash_pin
from central.services.rosters import (
    DeputyNotFound,
    ImportRefused,
    import_roster,
    parse_roster,
    read_rows,
    rotate_pins,
    set_pin,
)


def roster_import(settings: Settings, args: argparse.Namespace) -> int:
    if args.photos is not None and not args.photos.is_dir():
        raise CommandError(f"--photos: {args.photos} is not a folder")
    try:
        entries = parse_roster(read_rows(args.file), args.photos)
    except ImportRefused as error:
        raise import_refused(error) from None
    with database(settings).writer.begin() as session:
        station(session, args.station)
        change = import_roster(session, args.station, entries)
    removed = f", removed {', '.join(change.removed)}" if change.removed else ""
    print(
        f"imported {len(entries)} deputies into {args.station}: "
        f"{change.added} new, {change.updated} updated{removed}"
    )
    return 0


def pin_set(settings: Settings, args: argparse.Namespace) -> int:
    pin = sys.stdin.readline().strip()
    try:
        pin_hash = hash_pin(pin)
    except ValueError as error:
        raise CommandError(f"{error}; nothing was changed") from None
    with database(settings).writer.begin() as session:
        station(session, args.station)
        try:
            deputy = set_pin(session, args.station, args.deputy, pin_hash)
        except DeputyNotFound as error:
            raise CommandError(str(error)) from None
    print(f"PIN set for {deputy.name} ({args.deputy}); kiosks receive it with their next pull")
    return 0


def pin_rotate(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings).writer.begin() as session:
        station(session, args.station)
        try:
            given = rotate_pins(session, args.station, args.deputy)
        except DeputyNotFound as error:
            raise CommandError(str(error)) from None
        lines = [f"{deputy.deputy_id}  {deputy.name}  new PIN: {pin}" for deputy, pin in given]
    print("\n".join(lines))
    print("kiosks receive the new PINs with their next pull; the old ones stop working there")
    return 0
