# SPDX-License-Identifier: GPL-3.0-or-later
"""Importing a station's roster (CSV or JSON) and reception schedules (JSON).

Every row is checked before anything is written; any problem refuses the whole file with one
line per problem (row, column, what is wrong), so a half-imported roster never reaches a kiosk.
CSV rows are numbered as a spreadsheet shows them (the header is row 1); JSON entries from 1.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.security import hash_pin
from central.models import Deputy, Photo
from central.services.pinyin import name_pinyin
from kiosk.domain.deputies import LEVEL_ORDER, Level

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
PHOTO_TYPES = ("jpg", "jpeg", "png", "webp", "svg")
MAX_PHOTO_BYTES = 5 * 1024 * 1024
BLOCK_SEPARATORS = re.compile(r"[、;；]")
ROSTER_COLUMNS = {
    # column: (required, longest text)
    "id": (True, 64),
    "name": (True, 100),
    "levels": (True, 200),
    "constituency": (False, 200),
    "blocks": (False, 4000),
    "phone": (False, 64),
    "occupation": (False, 200),
    "bio": (False, 4000),
    "photo": (False, 255),
    "qr_url": (False, 2000),
    "pinyin": (False, 300),  # the name's Pinyin where pypinyin reads it wrong ("luo sheng")
}
LEVEL_NAMES = ", ".join(LEVEL_ORDER)


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    problem: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        return (
            f"{where}, column {self.column}: {self.problem}"
            if self.column
            else (f"{where}: {self.problem}")
        )


class ImportRefused(ValueError):
    """The file was not imported; `problems` says why, row by row."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def read_rows(path: Path) -> list[tuple[int, Any]]:
    """The file's records with their row numbers; CSV or JSON by the file's extension."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as file:
                reader = csv.DictReader(file)
                rows = [(reader.line_num, row) for row in reader]
                header = reader.fieldnames or []
            unknown = [c for c in header if c not in ROSTER_COLUMNS]
            missing = [
                c for c, (required, _) in ROSTER_COLUMNS.items() if required and c not in header
            ]
            problems = [Problem(1, c, "unknown column") for c in unknown]
            problems += [Problem(1, c, "column missing") for c in missing]
            if problems:
                raise ImportRefused(problems)
            return rows
        if suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, list):
                raise ImportRefused([Problem(0, "", "expected a JSON list of objects")])
            return list(enumerate(data, start=1))
    except OSError as error:
        raise ImportRefused([Problem(0, "", f"cannot read {path}: {error.strerror}")]) from None
    except UnicodeDecodeError:
        raise ImportRefused([Problem(0, "", "the file is not UTF-8 text")]) from None
    except (ValueError, csv.Error) as error:
        if isinstance(error, ImportRefused):
            raise
        raise ImportRefused([Problem(0, "", f"not readable as {suffix[1:]}: {error}")]) from None
    raise ImportRefused([Problem(0, "", "the file name must end in .csv or .json")])


@dataclass(frozen=True)
class PhotoFile:
    content: bytes
    extension: str


@dataclass(frozen=True)
class RosterEntry:
    deputy_id: str
    name: str
    levels: tuple[Level, ...]
    constituency: str = ""
    blocks: tuple[str, ...] = ()
    phone: str = ""
    occupation: str = ""
    bio: str = ""
    photo: PhotoFile | None = None  # None: keep the deputy's current photo
    qr_url: str = ""
    pinyin: str = ""  # override; empty: computed from the name


class _Row:
    """One record, collecting its problems instead of stopping at the first."""

    def __init__(self, number: int, record: Any, problems: list[Problem]) -> None:
        self.number, self.problems = number, problems
        if not isinstance(record, dict):
            self.problem("", "expected an object")
            record = {}
        self.record = record

    def problem(self, column: str, text: str) -> None:
        self.problems.append(Problem(self.number, column, text))

    def text(self, column: str, limit: int, required: bool = False) -> str:
        value = self.record.get(column)
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.problem(column, "not a text")
            return ""
        value = value.strip()
        if required and not value:
            self.problem(column, "empty")
        elif len(value) > limit:
            self.problem(column, f"longer than {limit} characters")
        return value

    def texts(self, column: str, separators: re.Pattern[str]) -> list[str]:
        value = self.record.get(column)
        if isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                self.problem(column, "not a list of texts")
                return []
            parts = value
        else:
            parts = separators.split(self.text(column, 4000))
        return [p.strip() for p in parts if p.strip()]


def parse_roster(rows: Iterable[tuple[int, Any]], photos: Path | None) -> list[RosterEntry]:
    """The roster the rows describe; ImportRefused listing every problem otherwise."""
    problems: list[Problem] = []
    entries: list[RosterEntry] = []
    seen: dict[str, int] = {}
    for number, record in rows:
        row = _Row(number, record, problems)
        if isinstance(row.record, dict):
            for column in row.record:
                if column not in ROSTER_COLUMNS:
                    row.problem(column, "unknown column")
        deputy_id = row.text("id", 64, required=True)
        if deputy_id and not ID_PATTERN.fullmatch(deputy_id):
            row.problem("id", "use letters, digits, '.', '_' or '-' only")
        elif deputy_id in seen:
            row.problem("id", f"the same id as row {seen[deputy_id]}")
        seen.setdefault(deputy_id, number)
        levels: list[Level] = []
        for name in row.texts("levels", re.compile(r"[,，]")):
            try:
                levels.append(Level(name))
            except ValueError:
                row.problem("levels", f"unknown level '{name}' (use {LEVEL_NAMES})")
        if not levels and not any(p.column == "levels" for p in problems if p.row == number):
            row.problem("levels", f"empty (use {LEVEL_NAMES})")
        blocks = row.texts("blocks", BLOCK_SEPARATORS)
        if any(len(b) > 200 for b in blocks):
            row.problem("blocks", "a block is longer than 200 characters")
        entry = RosterEntry(
            deputy_id=deputy_id,
            name=row.text("name", 100, required=True),
            levels=tuple(level for level in LEVEL_ORDER if level in levels),
            constituency=row.text("constituency", 200),
            blocks=tuple(blocks),
            phone=row.text("phone", 64),
            occupation=row.text("occupation", 200),
            bio=row.text("bio", 4000),
            photo=_photo(row, photos),
            qr_url=row.text("qr_url", 2000),
            pinyin=row.text("pinyin", 300),
        )
        entries.append(entry)
    if problems:
        raise ImportRefused(problems)
    return entries


def _photo(row: _Row, photos: Path | None) -> PhotoFile | None:
    name = row.text("photo", 255)
    if not name:
        return None
    if photos is None:
        row.problem("photo", "names a photo but no --photos folder was given")
        return None
    path = photos / name
    extension = path.suffix.lower().removeprefix(".")
    if Path(name).name != name:
        row.problem("photo", "a file name, not a path")
    elif extension not in PHOTO_TYPES:
        row.problem("photo", f"not a photo file ({', '.join(PHOTO_TYPES)})")
    elif not path.is_file():
        row.problem("photo", f"no file {name} in {photos}")
    elif path.stat().st_size > MAX_PHOTO_BYTES:
        row.problem("photo", f"larger than {MAX_PHOTO_BYTES // 1024 // 1024} MB")
    else:
        return PhotoFile(path.read_bytes(), "jpg" if extension == "jpeg" else extension)
    return None


def store_photo(session: Session, photo: PhotoFile) -> str:
    sha256 = hashlib.sha256(photo.content).hexdigest()
    if session.get(Photo, sha256) is None:
        session.add(Photo(sha256=sha256, extension=photo.extension, content=photo.content))
        session.flush()
    return sha256


@dataclass(frozen=True)
class RosterChange:
    added: int
    updated: int
    removed: list[str]


def import_roster(session: Session, station_id: str, entries: list[RosterEntry]) -> RosterChange:
    """Make the station's roster exactly `entries`; PINs of deputies who stay are kept."""
    current = {
        d.deputy_id: d
        for d in session.scalars(select(Deputy).where(Deputy.station_id == station_id))
    }
    added = updated = 0
    for position, entry in enumerate(entries):
        deputy = current.pop(entry.deputy_id, None)
        if deputy is None:
            deputy = Deputy(station_id=station_id, deputy_id=entry.deputy_id)
            session.add(deputy)
            added += 1
        else:
            updated += 1
        deputy.position = position
        deputy.name = entry.name
        deputy.levels = [level.value for level in entry.levels]
        deputy.constituency = entry.constituency
        deputy.blocks = list(entry.blocks)
        deputy.phone = entry.phone
        deputy.occupation = entry.occupation
        deputy.bio = entry.bio
        deputy.qr_url = entry.qr_url
        # Search by letters on the kiosks: computed here, shipped in the snapshot.
        deputy.pinyin = " ".join(name_pinyin(entry.name, entry.pinyin))
        if entry.photo is not None:
            deputy.photo_sha256 = store_photo(session, entry.photo)
    for deputy in current.values():
        session.delete(deputy)
    return RosterChange(added, updated, sorted(current))


class DeputyNotFound(LookupError):
    """No deputy with this id at this station."""


def set_pin(session: Session, station_id: str, deputy_id: str, pin_hash: str) -> Deputy:
    """Give a deputy a new sign-in PIN (its hash); kiosks receive it with their next pull."""
    deputy = session.scalars(
        select(Deputy).where(Deputy.station_id == station_id, Deputy.deputy_id == deputy_id)
    ).one_or_none()
    if deputy is None:
        raise DeputyNotFound(f"no deputy {deputy_id} at station {station_id}")
    deputy.pin_hash = pin_hash
    return deputy


def rotate_pins(
    session: Session, station_id: str, deputy_id: str | None
) -> list[tuple[Deputy, str]]:
    """New random 6-digit PINs for a station's deputies (or one), after a kiosk is lost or on
    request (docs/security.md): each deputy with the PIN to hand over, printed once."""
    from kiosk.domain.pins import new_pin

    query = select(Deputy).where(Deputy.station_id == station_id).order_by(Deputy.position)
    if deputy_id:
        query = query.where(Deputy.deputy_id == deputy_id)
    deputies = session.scalars(query).all()
    if not deputies:
        raise DeputyNotFound(f"no deputy {deputy_id or ''} at station {station_id}")
    given = []
    for deputy in deputies:
        pin = new_pin()
        deputy.pin_hash = hash_pin(pin)
        given.append((deputy, pin))
    return given


def deputy_names(session: Session, station_id: str) -> dict[str, str]:
    """deputy id -> name, for the station's roster."""
    rows = session.execute(
        select(Deputy.deputy_id, Deputy.name).where(Deputy.station_id == station_id)
    )
    return {deputy_id: name for deputy_id, name in rows}
