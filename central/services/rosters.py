# SPDX-License-Identifier: GPL-3.0-or-later
"""A station's roster: imported from a spreadsheet (.xlsx, or CSV in UTF-8 or GBK/GB18030 as
Chinese Excel and WPS save it) or JSON, edited one deputy at a time, with photos.

Every row is checked before anything is written; any problem refuses the whole file with one
line per problem ("第3行，第4列（层级）：不认识的层级“部”…"), so a half-imported roster never
reaches a kiosk. Spreadsheet rows are numbered as the spreadsheet shows them (the header is
usually row 1); JSON entries from 1. Column headers may be Chinese or English (姓名 or name),
and so may levels (全国、省、市、区县、乡镇 or national, ..., township).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.security import hash_pin
from central.models import Deputy, Photo, Schedule, Station
from central.services import audit
from central.services.audit import Who
from central.services.permissions import Action, require, scope_of
from central.services.pinyin import name_pinyin
from kiosk.domain.deputies import LEVEL_ORDER, Level

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
PHOTO_TYPES = ("jpg", "jpeg", "png", "webp", "svg")
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_ROSTER_BYTES = 5 * 1024 * 1024
MAX_ROSTER_ROWS = 5000
BLOCK_SEPARATORS = re.compile(r"[、;；\n]")
LEVEL_SEPARATORS = re.compile(r"[,，、;；/／\s]+")
ROSTER_COLUMNS = {
    # column: (required, longest text)
    "id": (False, 64),  # empty: the deputy of that name, or an id made from the name's Pinyin
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
# The headers a spreadsheet may use for each column, Chinese or English (case does not count).
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "编号", "代表编号"),
    "name": ("name", "姓名", "名字", "代表姓名"),
    "levels": ("levels", "level", "层级", "级别", "代表层级", "人大代表层级"),
    "constituency": ("constituency", "选区", "所在选区", "选举单位"),
    "blocks": ("blocks", "联系片区", "片区", "联系社区", "联系网格"),
    "phone": ("phone", "电话", "联系电话", "手机"),
    "occupation": ("occupation", "职业", "职务", "工作单位及职务", "单位职务"),
    "bio": ("bio", "简介", "个人简介", "履历"),
    "photo": ("photo", "照片"),
    "qr_url": ("qr_url", "二维码链接", "二维码"),
    "pinyin": ("pinyin", "拼音", "姓名拼音"),
}
# Columns a Chinese office's roster often has and the kiosk does not show: read past, not refused.
IGNORED_HEADERS = {
    "序号", "性别", "民族", "出生年月", "出生日期", "年龄", "政治面貌", "党派", "学历", "备注",
    "no", "no.", "#", "sex", "gender", "notes", "remarks",
}  # fmt: skip
COLUMN_OF = {alias.casefold(): column for column, names in HEADERS.items() for alias in names}
# Level names as offices write them; after dropping 人大代表/人大/代表 and a trailing 级.
LEVEL_WORDS: dict[str, Level] = {
    "全国": Level.NATIONAL, "国家": Level.NATIONAL,
    "省": Level.PROVINCIAL, "省份": Level.PROVINCIAL, "自治区": Level.PROVINCIAL,
    "直辖市": Level.PROVINCIAL,
    "市": Level.CITY, "地市": Level.CITY, "设区的市": Level.CITY, "地级市": Level.CITY,
    "州": Level.CITY, "自治州": Level.CITY, "盟": Level.CITY,
    "区": Level.COUNTY, "县": Level.COUNTY, "区县": Level.COUNTY, "县区": Level.COUNTY,
    "县市区": Level.COUNTY, "县级市": Level.COUNTY, "旗": Level.COUNTY, "自治县": Level.COUNTY,
    "市辖区": Level.COUNTY, "district": Level.COUNTY,
    "乡": Level.TOWNSHIP, "镇": Level.TOWNSHIP, "乡镇": Level.TOWNSHIP, "民族乡": Level.TOWNSHIP,
    "苏木": Level.TOWNSHIP, "town": Level.TOWNSHIP,
}  # fmt: skip
LEVEL_NAMES = "全国、省、市、区县、乡镇（或 " + ", ".join(LEVEL_ORDER) + "）"
LEVEL_NAMES_EN = ", ".join(LEVEL_ORDER) + " (or 全国、省、市、区县、乡镇)"


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    problem: str
    column_number: int = 0  # the column's place in a spreadsheet (1 = A); 0 in JSON
    header: str = ""  # the column's header as the file writes it
    unit: str = "行"  # 行 in a spreadsheet, 条 for a JSON entry
    english: str = ""  # the problem in English, for the console in English (else the Chinese)

    def words(self, language: str) -> str:
        """The line in the console's language: "zh" as str(), "en" in English."""
        if language != "en":
            return str(self)
        text = self.english or self.problem
        if not self.row:
            return f"The file: {text}"
        where = f"Row {self.row}" if self.unit == "行" else f"Entry {self.row}"
        if self.column_number:
            return f"{where}, column {self.column_number} ({self.header or self.column}): {text}"
        if self.column:
            return f"{where}, {self.header or self.column}: {text}"
        return f"{where}: {text}"

    def __str__(self) -> str:
        if not self.row:
            return f"文件：{self.problem}"
        where = f"第{self.row}{self.unit}"
        if self.column_number:
            return (
                f"{where}，第{self.column_number}列（{self.header or self.column}）：{self.problem}"
            )
        if self.column:
            return f"{where}，{self.header or self.column}：{self.problem}"
        return f"{where}：{self.problem}"


class ImportRefused(ValueError):
    """The file was not imported; `problems` says why, row by row."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)


def _refused(text: str, english: str = "") -> ImportRefused:
    return ImportRefused([Problem(0, "", text, english=english)])


@dataclass(frozen=True)
class Table:
    """A file's records with their row numbers, and where each column is in the file."""

    rows: list[tuple[int, Any]]
    columns: dict[str, tuple[int, str]] = field(default_factory=dict)  # column: (number, header)
    ignored: tuple[str, ...] = ()  # headers read past (序号, 性别, ...)
    unit: str = "行"


def read_rows(path: Path) -> Table:
    """The file's records: .xlsx, .csv or .json by the file's extension."""
    try:
        content = path.read_bytes()
    except OSError as error:
        raise _refused(
            f"读不了 {path}：{error.strerror}", f"cannot read {path}: {error.strerror}"
        ) from None
    return read_table(path.name, content)


def decode_text(content: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (GBK's superset: Chinese Excel and WPS)."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("gb18030")
    except UnicodeDecodeError:
        raise _refused(
            "不是文字文件：既不是 UTF-8，也不是 GBK/GB18030 编码",
            "not a text file: neither UTF-8 nor GBK/GB18030",
        ) from None


def read_table(name: str, content: bytes) -> Table:
    """A roster file's records: .xlsx, .csv (any of the encodings above) or .json."""
    suffix = Path(name).suffix.lower()
    if len(content) > MAX_ROSTER_BYTES:
        raise _refused(
            f"文件超过 {MAX_ROSTER_BYTES // 1024 // 1024} MB",
            f"larger than {MAX_ROSTER_BYTES // 1024 // 1024} MB",
        )
    if suffix == ".xlsx":
        return _table(_xlsx_cells(content))
    if suffix == ".csv":
        text = decode_text(content)
        dialect: Any = csv.excel_tab if text.count("\t") > text.count(",") else csv.excel
        try:
            cells = list(csv.reader(io.StringIO(text, newline=""), dialect))
        except csv.Error as error:
            raise _refused(f"不是能读的 CSV：{error}", f"not a readable CSV: {error}") from None
        return _table(cells)
    if suffix == ".json":
        try:
            data = json.loads(decode_text(content))
        except ValueError as error:
            raise _refused(f"不是能读的 JSON：{error}", f"not readable JSON: {error}") from None
        if not isinstance(data, list):
            raise _refused(
                "JSON 应为一个列表，每位代表一项", "JSON should be a list, one item per deputy"
            )
        rows = [
            (n, {COLUMN_OF.get(str(k).casefold(), k): v for k, v in r.items()})
            if isinstance(r, dict)
            else (n, r)
            for n, r in enumerate(data, start=1)
        ]
        return Table(rows, unit="条")
    if suffix == ".xls":
        raise _refused(
            "旧版 Excel 文件（.xls）读不了：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV",
            "an old Excel file (.xls) cannot be read: save it as .xlsx or CSV in Excel or WPS",
        )
    raise _refused(
        "文件名应以 .xlsx、.csv 或 .json 结尾", "the file name should end in .xlsx, .csv or .json"
    )


def _xlsx_cells(content: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise _refused(
            "不是能读的 .xlsx 工作簿（文件损坏，或不是 Excel/WPS 保存的）",
            "not a readable .xlsx workbook (damaged, or not saved by Excel/WPS)",
        ) from None
    try:
        sheet = book.worksheets[0]
        cells = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROSTER_ROWS + 10:
                raise _refused(f"超过 {MAX_ROSTER_ROWS} 行", f"more than {MAX_ROSTER_ROWS} rows")
            cells.append(list(row))
        return cells
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number typed as a number
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _table(cells: list[list[Any]]) -> Table:
    """Rows of cells -> records keyed by column; the header is the first row naming columns
    (a title row such as "文昌街道联络站进站代表名单" above it is read past)."""
    if len(cells) > MAX_ROSTER_ROWS + 10:
        raise _refused(f"超过 {MAX_ROSTER_ROWS} 行", f"more than {MAX_ROSTER_ROWS} rows")
    header_at = None
    for index, row in enumerate(cells[:10]):
        texts = [_cell_text(c).casefold() for c in row]
        if sum(1 for t in texts if t in COLUMN_OF) >= 2:
            header_at = index
            break
    if header_at is None:
        raise _refused(
            "找不到表头：第一行应写列名，至少有“姓名”和“层级”（或 name、levels）",
            "no header row: the first row should name the columns, at least 姓名 and 层级 "
            "(or name, levels)",
        )
    header_row = header_at + 1
    columns: dict[str, tuple[int, str]] = {}
    ignored, problems = [], []
    keys: list[str | None] = []
    for number, cell in enumerate(cells[header_at], start=1):
        header = _cell_text(cell)
        column = COLUMN_OF.get(header.casefold())
        if not header or header.casefold() in IGNORED_HEADERS:
            if header:
                ignored.append(header)
            keys.append(None)
        elif column is None:
            problems.append(
                Problem(header_row, header, "不认识的列", number, header, english="unknown column")
            )
            keys.append(None)
        elif column in columns:
            first = columns[column][0]
            problems.append(
                Problem(
                    header_row,
                    column,
                    f"与第{first}列重复",
                    number,
                    header,
                    english=f"the same as column {first}",
                )
            )
            keys.append(None)
        else:
            columns[column] = (number, header)
            keys.append(column)
    for column, (required, _) in ROSTER_COLUMNS.items():
        if required and column not in columns:
            chinese = [n for n in HEADERS[column] if not n.isascii()][:2]
            names = "、".join(f"“{n}”" for n in chinese)
            problems.append(
                Problem(
                    header_row,
                    "",
                    f"缺少{names}列（或 {HEADERS[column][0]}）",
                    english=f"no column {HEADERS[column][0]} ({'、'.join(chinese)})",
                )
            )
    if problems:
        raise ImportRefused(problems)
    rows = []
    for number, row in enumerate(cells[header_at + 1 :], start=header_row + 1):
        record = {key: _cell_text(value) for key, value in zip(keys, row, strict=False) if key}
        if any(record.values()):  # blank rows (Excel keeps a few) are not deputies
            rows.append((number, record))
    return Table(rows, columns, tuple(ignored))


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

    def __init__(
        self,
        number: int,
        record: Any,
        problems: list[Problem],
        columns: dict[str, tuple[int, str]] | None = None,
        unit: str = "行",
    ) -> None:
        self.number, self.problems = number, problems
        self.columns, self.unit = columns or {}, unit
        if not isinstance(record, dict):
            self.problem("", "应为一个对象（{...}）", "should be an object ({...})")
            record = {}
        self.record = record

    def problem(self, column: str, text: str, english: str = "") -> None:
        number, header = self.columns.get(column, (0, ""))
        self.problems.append(Problem(self.number, column, text, number, header, self.unit, english))

    def has_problem(self, column: str) -> bool:
        return any(p.row == self.number and p.column == column for p in self.problems)

    def text(self, column: str, limit: int, required: bool = False) -> str:
        found = self.record.get(column)
        if found is None:
            found = ""
        if not isinstance(found, str):
            self.problem(column, "应为文字", "should be text")
            return ""
        value = found.strip()
        if required and not value:
            self.problem(column, "不能为空", "must not be empty")
        elif len(value) > limit:
            self.problem(column, f"超过 {limit} 个字", f"longer than {limit} characters")
        return value

    def texts(self, column: str, separators: re.Pattern[str]) -> list[str]:
        value = self.record.get(column)
        if isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                self.problem(column, "应为文字的列表", "should be a list of texts")
                return []
            parts = value
        else:
            parts = separators.split(self.text(column, 4000))
        return [p.strip() for p in parts if p.strip()]


def level_of(word: str) -> Level | None:
    """全国人大代表, 省, 市级, 区县, 乡镇, county ... -> the level; None when unknown."""
    text = word.strip().casefold()
    try:
        return Level(text)
    except ValueError:
        pass
    text = re.sub(r"[（(）)]", "", text)
    if text in LEVEL_WORDS:
        return LEVEL_WORDS[text]
    for suffix in ("人大代表", "人大", "代表"):
        text = text.removesuffix(suffix)
    if text in LEVEL_WORDS:
        return LEVEL_WORDS[text]
    return LEVEL_WORDS.get(text.removesuffix("级"))


def parse_roster(rows: Table | Iterable[tuple[int, Any]], photos: Path | None) -> list[RosterEntry]:
    """The roster the rows describe; ImportRefused listing every problem otherwise.

    An entry without an id keeps deputy_id "" (`assign_ids` gives it one)."""
    table = rows if isinstance(rows, Table) else Table(list(rows), unit="条")
    problems: list[Problem] = []
    entries: list[RosterEntry] = []
    seen: dict[str, int] = {}
    for number, record in table.rows:
        row = _Row(number, record, problems, table.columns, table.unit)
        if isinstance(row.record, dict):
            for column in row.record:
                if column not in ROSTER_COLUMNS:
                    row.problem(column, "不认识的字段", "unknown field")
        deputy_id = row.text("id", 64)
        if deputy_id and not ID_PATTERN.fullmatch(deputy_id):
            row.problem(
                "id",
                "编号只能用字母、数字和 . _ -，且以字母或数字开头",
                "an id has only letters, digits and . _ -, and starts with a letter or digit",
            )
        elif deputy_id in seen:
            again = "row" if table.unit == "行" else "entry"
            row.problem(
                "id",
                f"编号与第{seen[deputy_id]}{table.unit}重复",
                f"the same id as {again} {seen[deputy_id]}",
            )
        if deputy_id:
            seen.setdefault(deputy_id, number)
        levels: list[Level] = []
        for word in row.texts("levels", LEVEL_SEPARATORS):
            level = level_of(word)
            if level is None:
                row.problem(
                    "levels",
                    f"不认识的层级“{word}”（可用：{LEVEL_NAMES}）",
                    f"unknown level “{word}” (use: {LEVEL_NAMES_EN})",
                )
            else:
                levels.append(level)
        if not levels and not row.has_problem("levels"):
            row.problem(
                "levels",
                f"不能为空（可用：{LEVEL_NAMES}）",
                f"must not be empty (use: {LEVEL_NAMES_EN})",
            )
        blocks = row.texts("blocks", BLOCK_SEPARATORS)
        if any(len(b) > 200 for b in blocks):
            row.problem(
                "blocks", "有一个片区超过 200 个字", "a block is longer than 200 characters"
            )
        name = row.text("name", 100, required=True)
        pinyin = row.text("pinyin", 300)
        syllables = pinyin.split()
        if pinyin and not all(s.isascii() and s.isalpha() for s in syllables):
            row.problem(
                "pinyin",
                "只写字母，音节之间用空格隔开，如 luo sheng",
                "only letters, syllables separated by spaces, as in luo sheng",
            )
        elif pinyin and name and len(syllables) != len(name):
            row.problem(
                "pinyin",
                f"应与姓名逐字对应：姓名 {len(name)} 个字，这里 {len(syllables)} 个音节",
                f"one syllable per character of the name: {len(name)} characters, "
                f"{len(syllables)} syllable{'s' if len(syllables) != 1 else ''}",
            )
        entry = RosterEntry(
            deputy_id=deputy_id,
            name=name,
            levels=tuple(level for level in LEVEL_ORDER if level in levels),
            constituency=row.text("constituency", 200),
            blocks=tuple(blocks),
            phone=row.text("phone", 64),
            occupation=row.text("occupation", 200),
            bio=row.text("bio", 4000),
            photo=_photo(row, photos),
            qr_url=row.text("qr_url", 2000),
            pinyin=pinyin,
        )
        entries.append(entry)
    if len(entries) > MAX_ROSTER_ROWS:
        problems.append(
            Problem(
                0,
                "",
                f"超过 {MAX_ROSTER_ROWS} 位代表",
                english=f"more than {MAX_ROSTER_ROWS} deputies",
            )
        )
    if problems:
        raise ImportRefused(problems)
    return entries


def _photo(row: _Row, photos: Path | None) -> PhotoFile | None:
    name = row.text("photo", 255)
    if not name:
        return None
    if photos is None:
        row.problem(
            "photo",
            "写了照片文件名，但没有照片文件夹：网页上请在代表页面逐个上传照片"
            "（命令行导入用 --photos 指定文件夹）",
            "a photo file is named but there is no photo folder: upload photos one by one on "
            "each deputy's page (the command line takes --photos FOLDER)",
        )
        return None
    path = photos / name
    extension = path.suffix.lower().removeprefix(".")
    if Path(name).name != name:
        row.problem("photo", "只写文件名，不要写路径", "only a file name, not a path")
    elif extension not in PHOTO_TYPES:
        row.problem(
            "photo",
            f"不是照片文件（{'、'.join(PHOTO_TYPES)}）",
            f"not a photo file ({', '.join(PHOTO_TYPES)})",
        )
    elif not path.is_file():
        row.problem("photo", f"照片文件夹 {photos} 里没有 {name}", f"no {name} in {photos}")
    elif path.stat().st_size > MAX_PHOTO_BYTES:
        row.problem(
            "photo",
            f"照片超过 {MAX_PHOTO_BYTES // 1024 // 1024} MB",
            f"the photo is larger than {MAX_PHOTO_BYTES // 1024 // 1024} MB",
        )
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
class ScheduleLoss:
    """A reception schedule that names deputies an import removes: they leave it with the
    import (the preview says so first); `emptied` when nobody would be left on it."""

    schedule_id: str
    title: str
    names: tuple[str, ...]  # the removed deputies' names
    emptied: bool


@dataclass(frozen=True)
class RosterChange:
    added: int
    updated: int
    removed: list[str]
    schedules: list[ScheduleLoss] = field(default_factory=list)


@dataclass(frozen=True)
class RosterLine:
    """What an import would do to one deputy (the console shows these before confirming)."""

    kind: str  # new | changed | same | removed
    deputy_id: str
    name: str
    changed: tuple[str, ...] = ()  # the columns that change (ROSTER_COLUMNS' names)


def _current(session: Session, station_id: str) -> dict[str, Deputy]:
    query = select(Deputy).where(Deputy.station_id == station_id).order_by(Deputy.position)
    return {d.deputy_id: d for d in session.scalars(query)}


def _name_id(name: str, pinyin: str) -> str:
    slug = "-".join(name_pinyin(name, pinyin)) or re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")
    return (slug or "deputy")[:56]


def assign_ids(session: Session, station_id: str, entries: list[RosterEntry]) -> list[RosterEntry]:
    """Ids for entries without one: the station's deputy of that name keeps theirs (and with it
    the PIN), a new name gets one made from its Pinyin (lin-jia-he, lin-jia-he-2, ...)."""
    current = _current(session, station_id)
    by_name: dict[str, str] = {}
    for deputy in current.values():
        by_name.setdefault(deputy.name, deputy.deputy_id)
    taken = {e.deputy_id for e in entries if e.deputy_id}
    out = []
    for entry in entries:
        if not entry.deputy_id:
            known = by_name.get(entry.name)
            if known and known not in taken:
                chosen = known
            else:
                base = _name_id(entry.name, entry.pinyin)
                chosen, n = base, 1
                while chosen in taken or (chosen in current and current[chosen].name != entry.name):
                    n += 1
                    chosen = f"{base}-{n}"
            taken.add(chosen)
            entry = replace(entry, deputy_id=chosen)
        out.append(entry)
    return out


def _differences(deputy: Deputy, entry: RosterEntry) -> tuple[str, ...]:
    pinyin = " ".join(name_pinyin(entry.name, entry.pinyin))
    values = {
        "name": (deputy.name, entry.name),
        "levels": (list(deputy.levels or []), [level.value for level in entry.levels]),
        "constituency": (deputy.constituency, entry.constituency),
        "blocks": (list(deputy.blocks or []), list(entry.blocks)),
        "phone": (deputy.phone, entry.phone),
        "occupation": (deputy.occupation, entry.occupation),
        "bio": (deputy.bio, entry.bio),
        "qr_url": (deputy.qr_url, entry.qr_url),
        "pinyin": (deputy.pinyin, pinyin),
    }
    changed = [column for column, (old, new) in values.items() if old != new]
    photo = entry.photo
    if photo is not None and deputy.photo_sha256 != hashlib.sha256(photo.content).hexdigest():
        changed.append("photo")
    return tuple(changed)


def preview_roster(
    session: Session, station_id: str, entries: list[RosterEntry]
) -> list[RosterLine]:
    """What `import_roster` would do, deputy by deputy, writing nothing (entries with ids)."""
    current = _current(session, station_id)
    lines = []
    for entry in entries:
        deputy = current.pop(entry.deputy_id, None)
        if deputy is None:
            lines.append(RosterLine("new", entry.deputy_id, entry.name))
        else:
            changed = _differences(deputy, entry)
            lines.append(
                RosterLine("changed" if changed else "same", entry.deputy_id, entry.name, changed)
            )
    lines += [RosterLine("removed", d.deputy_id, d.name) for d in current.values()]
    return lines


def schedule_losses(
    session: Session, station_id: str, removed: dict[str, str]
) -> list[ScheduleLoss]:
    """The station's schedules naming any of `removed` (id -> name), in their order."""
    losses = []
    query = select(Schedule).where(Schedule.station_id == station_id).order_by(Schedule.position)
    for row in session.scalars(query):
        named = set(row.deputy_ids or [])
        for ids in (row.roster or {}).values():
            named |= set(ids)
        leaving = [deputy_id for deputy_id in removed if deputy_id in named]
        if leaving:
            staying = [d for d in row.deputy_ids or [] if d not in removed]
            names = tuple(removed[d] for d in leaving)
            emptied = not staying and row.rotation == "list"
            losses.append(ScheduleLoss(row.schedule_id, row.title, names, emptied))
    return losses


def _drop_from_schedules(session: Session, station_id: str, removed: set[str]) -> None:
    # Kiosks would otherwise list, on the schedule's days, deputies they no longer have.
    for row in session.scalars(select(Schedule).where(Schedule.station_id == station_id)):
        kept = [d for d in row.deputy_ids or [] if d not in removed]
        if kept != list(row.deputy_ids or []):
            row.deputy_ids = kept
        roster = {
            day: [d for d in ids if d not in removed] for day, ids in (row.roster or {}).items()
        }
        roster = {day: ids for day, ids in roster.items() if ids}
        if roster != dict(row.roster or {}):
            row.roster = roster


def import_roster(
    session: Session,
    station_id: str,
    entries: list[RosterEntry],
    *,
    who: Who | None = None,
    now: datetime | None = None,
) -> RosterChange:
    """Make the station's roster exactly `entries`; PINs of deputies who stay are kept."""
    entries = assign_ids(session, station_id, entries)
    current = _current(session, station_id)
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
        _fill(session, deputy, entry)
    losses = schedule_losses(session, station_id, {d: current[d].name for d in current})
    _drop_from_schedules(session, station_id, set(current))
    for deputy in current.values():
        session.delete(deputy)
    change = RosterChange(added, updated, sorted(current), losses)
    detail = f"{added} new, {updated} updated, {len(change.removed)} removed"
    if losses:
        detail += "; left schedules " + ", ".join(loss.schedule_id for loss in losses)
    audit.record(session, who, "roster.import", station_id, detail, now=now or _now(), login="cli")
    return change


def _now() -> datetime:
    return datetime.now(UTC)


def _fill(session: Session, deputy: Deputy, entry: RosterEntry) -> None:
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


class DeputyNotFound(LookupError):
    """No deputy with this id at this station."""


DEPUTY_FIELDS = (
    "name", "levels", "constituency", "blocks", "phone", "occupation", "bio", "qr_url", "pinyin",
)  # fmt: skip
# Photos staff upload in the console: checked by their first bytes, not by their names.
UPLOAD_TYPES = {b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png"}


class PhotoRefused(ValueError):
    """An uploaded photo that is not a JPEG, PNG or WebP picture, or too large."""


def find_deputy(session: Session, station_id: str, deputy_id: str) -> Deputy:
    deputy = session.scalars(
        select(Deputy).where(Deputy.station_id == station_id, Deputy.deputy_id == deputy_id)
    ).one_or_none()
    if deputy is None:
        raise DeputyNotFound(f"no deputy {deputy_id} at station {station_id}")
    return deputy


def update_deputy(
    session: Session,
    who: Who | None,
    station_id: str,
    deputy_id: str,
    values: dict[str, str],
    *,
    now: datetime,
) -> tuple[str, ...]:
    """Change one deputy as an import row would (the same checks); the columns changed.
    ImportRefused (row 1, per column) when a value is wrong; nothing is changed then."""
    deputy = find_deputy(session, station_id, deputy_id)
    record = {column: values.get(column, "") for column in DEPUTY_FIELDS} | {"id": deputy_id}
    (entry,) = parse_roster(Table([(1, record)], unit="条"), None)
    changed = _differences(deputy, entry)
    _fill(session, deputy, entry)
    if changed:
        target = f"{station_id}/{deputy_id}"
        audit.record(session, who, "deputy.update", target, ",".join(changed), now=now, login="cli")
    return changed


def photo_upload(content: bytes) -> PhotoFile:
    """An uploaded photo, by its bytes: JPEG, PNG or WebP of at most 5 MB."""
    if not content:
        raise PhotoRefused("没有选择照片文件")
    if len(content) > MAX_PHOTO_BYTES:
        raise PhotoRefused(f"照片超过 {MAX_PHOTO_BYTES // 1024 // 1024} MB，请缩小后再上传")
    for magic, extension in UPLOAD_TYPES.items():
        if content.startswith(magic):
            return PhotoFile(content, extension)
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return PhotoFile(content, "webp")
    raise PhotoRefused("只能上传 JPG、PNG 或 WebP 格式的照片，这个文件不是照片")


def set_photo(
    session: Session,
    who: Who | None,
    station_id: str,
    deputy_id: str,
    photo: PhotoFile,
    *,
    now: datetime,
) -> Deputy:
    """Give a deputy a new photo; kiosks fetch it with their next pull."""
    deputy = find_deputy(session, station_id, deputy_id)
    deputy.photo = session.get(Photo, store_photo(session, photo))
    target = f"{station_id}/{deputy_id}"
    audit.record(session, who, "deputy.photo", target, photo.extension, now=now, login="cli")
    return deputy


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


class StationNotFound(LookupError):
    """No such station in the account's scope (the console says so; no 500)."""


def stations_in_scope(session: Session, who: Who, action: Action) -> list[Station]:
    """The stations whose roster or schedules this account may publish, by name."""
    require(who.account, action)
    scope = scope_of(session, who.account)
    query = select(Station).order_by(Station.name)
    if scope.station_ids is not None:
        query = query.where(Station.id.in_(sorted(scope.station_ids)))
    return list(session.scalars(query))


def station_in_scope(session: Session, who: Who, station_id: str, action: Action) -> Station:
    require(who.account, action)
    station = session.get(Station, station_id)
    if station is None or not scope_of(session, who.account).covers(station_id):
        raise StationNotFound(station_id)
    return station


def roster(session: Session, station_id: str) -> list[Deputy]:
    return list(_current(session, station_id).values())
