# SPDX-License-Identifier: GPL-3.0-or-later
"""What every command shares: its settings, the database, plain-words errors."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME, Settings
from central.core.db import Database, open_database
from central.models import Station
from central.services.devices import issue_enrolment_code
from central.services.stations import find_station


class CommandError(Exception):
    """Bad input to a command: the message is shown as is."""


Handler = Callable[[Settings, argparse.Namespace], int]
# What the parser's `command(name, handler, help)` is: adds a command, returns its parser.
Command = Callable[..., argparse.ArgumentParser]


# What this command opened: closed when it ends (`close_databases`), so that a command run
# inside a longer-lived process (the tests) leaves no connection open behind it.
_opened: list[Database] = []


def database(settings: Settings) -> Database:
    try:
        opened = open_database(settings)
    except Exception as error:  # the message names the file or the server it could not open
        raise CommandError(f"cannot open the database: {error}") from None
    _opened.append(opened)
    return opened


def close_databases() -> None:
    while _opened:
        _opened.pop().dispose()


def station(session: Session, station_id: str) -> Station:
    found = find_station(session, station_id)
    if found is None:
        raise CommandError(f"no station {station_id} (create it with: station create)")
    return found


def actor(args: argparse.Namespace) -> str:
    """Who did it: --actor, or the system user."""
    return args.actor or os.environ.get("USER", "")


def issue_code(session: Session, station_id: str, days: int) -> None:
    code, expires_at = issue_enrolment_code(session, station_id, days)
    until = expires_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
    print(f"enrolment code for {station_id}: {code} (one use, valid until {until})")


def import_refused(error) -> CommandError:  # type: ignore[no-untyped-def]
    lines = "\n".join(f"  {problem}" for problem in error.problems)
    return CommandError(f"nothing was imported; fix these and import again:\n{lines}")


def month_range(month: str | None) -> tuple[datetime, datetime] | None:
    """The UTC bounds of a YYYY-MM month in China time, or None for every month."""
    if month is None:
        return None
    try:
        start = datetime.strptime(month, "%Y-%m").replace(tzinfo=CHINA_TIME)
    except ValueError:
        raise CommandError(f"--month: {month!r} is not a month like 2026-11") from None
    end = start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return start.astimezone(UTC), end.astimezone(UTC)


def china_minute(moment: datetime) -> str:
    return moment.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
