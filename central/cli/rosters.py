# SPDX-License-Identifier: GPL-3.0-or-later
"""`roster import`, `roster photo`, `pin set` and `pin rotate`."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from central.cli.common import CommandError, database, import_refused, station
from central.core.config import Settings
from central.core.security import hash_pin
from central.services.rosters import (
    DeputyNotFound,
    ImportRefused,
    PhotoRefused,
    ScheduleLoss,
    assign_ids,
    import_roster,
    parse_roster,
    photo_upload,
    preview_roster,
    read_rows,
    rotate_pins,
    schedule_losses,
    set_photo,
    set_pin,
)

KINDS = {"new": "new", "changed": "changed", "same": "unchanged", "removed": "REMOVED"}


def roster_import(settings: Settings, args: argparse.Namespace) -> int:
    if args.photos is not None and not args.photos.is_dir():
        raise CommandError(f"--photos: {args.photos} is not a folder")
    try:
        entries = parse_roster(read_rows(args.file), args.photos)
    except ImportRefused as error:
        raise import_refused(error) from None
    with database(settings).writer.begin() as session:
        station(session, args.station)
        if args.dry_run:
            lines = preview_roster(
                session, args.station, assign_ids(session, args.station, entries)
            )
            for line in lines:
                changed = f" ({', '.join(line.changed)})" if line.changed else ""
                print(f"{KINDS[line.kind]:>9}  {line.deputy_id}  {line.name}{changed}")
            removed = {line.deputy_id: line.name for line in lines if line.kind == "removed"}
            for loss in schedule_losses(session, args.station, removed):
                print(f"  schedule {loss.schedule_id} ({loss.title}): {_loss(loss, 'would be')}")
            print("dry run: nothing was written")
            return 0
        change = import_roster(session, args.station, entries, now=datetime.now(UTC))
    gone = f", removed {', '.join(change.removed)}" if change.removed else ""
    print(
        f"imported {len(entries)} deputies into {args.station}: "
        f"{change.added} new, {change.updated} updated{gone}"
    )
    for loss in change.schedules:
        print(f"  schedule {loss.schedule_id} ({loss.title}): {_loss(loss, 'is')}")
    return 0


def _loss(loss: ScheduleLoss, verb: str) -> str:
    """ "周晓喆 is taken off it" (or "would be", in a dry run)."""
    names = ", ".join(loss.names)
    verb = verb if len(loss.names) == 1 else verb.replace("is", "are")
    return f"{names} {verb} taken off it" + (" (nobody is left on it)" if loss.emptied else "")


def roster_photo(settings: Settings, args: argparse.Namespace) -> int:
    try:
        photo = photo_upload(args.file.read_bytes())
    except OSError as error:
        raise CommandError(f"cannot read {args.file}: {error.strerror}") from None
    except PhotoRefused as error:
        raise CommandError(f"{error}; nothing was changed") from None
    with database(settings).writer.begin() as session:
        station(session, args.station)
        try:
            deputy = set_photo(
                session, None, args.station, args.deputy, photo, now=datetime.now(UTC)
            )
        except DeputyNotFound as error:
            raise CommandError(str(error)) from None
        name = deputy.name
    print(f"new photo for {name} ({args.deputy}); kiosks show it after their next pull")
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
