# SPDX-License-Identifier: GPL-3.0-or-later
"""Rosters as Chinese offices keep them: .xlsx and CSV saved by Excel/WPS (GBK), Chinese headers
and level names, a Pinyin override; a bad file refused whole with row, column and what is
wrong; the preview of an import; editing one deputy and uploading a photo."""

import csv
import io

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from central.models import AuditEntry, Deputy
from central.services.rosters import (
    ImportRefused,
    PhotoRefused,
    assign_ids,
    import_roster,
    parse_roster,
    photo_upload,
    preview_roster,
    read_rows,
    read_table,
    set_photo,
    update_deputy,
)
from kiosk.domain.deputies import Level
from tests.central.services.conftest import FRIDAY

# As an office's spreadsheet has it: a title row, 序号 and 性别 columns the kiosk does not show.
OFFICE_ROWS = [
    ["文昌街道人大代表联络站进站代表名单"],
    ["序号", "姓名", "性别", "层级", "选区", "联系片区", "职务", "拼音"],
    [1, "林嘉禾", "女", "市、区", "第一选区", "文昌社区、禾丰社区", "社区主任", ""],
    [2, "罗晟", "男", "全国人大代表,省", "第二选区", "望江社区", "教师", "luo sheng"],
    [3, "单卫东", "男", "乡镇", "", "", "", ""],
]


def _csv(rows) -> str:
    """As Excel writes a CSV: CRLF, fields with commas quoted."""
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def test_a_gbk_csv_saved_by_chinese_excel_is_read_with_chinese_headers_and_levels(tmp_path):
    path = tmp_path / "名单.csv"
    path.write_bytes(_csv(OFFICE_ROWS).encode("gbk"))
    lin, luo, shan = parse_roster(read_rows(path), None)
    assert (lin.name, lin.levels) == ("林嘉禾", (Level.CITY, Level.COUNTY))
    assert lin.blocks == ("文昌社区", "禾丰社区") and lin.occupation == "社区主任"
    assert luo.levels == (Level.NATIONAL, Level.PROVINCIAL) and luo.pinyin == "luo sheng"
    assert shan.levels == (Level.TOWNSHIP,)
    assert lin.deputy_id == ""  # no id column: assign_ids gives one


def test_gb18030_and_utf8_with_and_without_bom_read_the_same(tmp_path):
    rows = [["name", "levels"], ["𠈌林", "city"]]  # a character outside GBK: GB18030 has it
    for encoding in ("gb18030", "utf-8", "utf-8-sig"):
        table = read_table("r.csv", _csv(rows).encode(encoding))
        assert parse_roster(table, None)[0].name == "𠈌林", encoding


def test_an_xlsx_workbook_is_read_with_numbers_as_text(tmp_path):
    book = Workbook()
    sheet = book.active
    for row in OFFICE_ROWS:
        sheet.append(row)
    sheet.append([4, "郑玥", "女", "county", "", "", "", ""])
    sheet["A7"] = None  # a blank row Excel keeps is not a deputy
    sheet.cell(row=2, column=9, value="联系电话")
    sheet.cell(row=3, column=9, value=13800138000)
    path = tmp_path / "名单.xlsx"
    book.save(path)
    entries = parse_roster(read_rows(path), None)
    assert [e.name for e in entries] == ["林嘉禾", "罗晟", "单卫东", "郑玥"]
    assert entries[0].phone == "13800138000"


def test_a_bad_file_is_refused_whole_with_row_and_column(tmp_path):
    rows = [
        ["姓名", "级别", "选区", "拼音", "照片"],
        ["林嘉禾", "市", "第一选区", "", ""],
        ["", "部级", "第二选区", "", ""],
        ["罗晟", "县", "", "luo", "luo.jpg"],
    ]
    path = tmp_path / "bad.csv"
    path.write_bytes(_csv(rows).encode("gbk"))
    with pytest.raises(ImportRefused) as refused:
        parse_roster(read_rows(path), None)
    lines = str(refused.value).splitlines()
    assert "第3行，第1列（姓名）：不能为空" in lines
    assert any(line.startswith("第3行，第2列（级别）：不认识的层级“部级”") for line in lines)
    assert "第4行，第4列（拼音）：应与姓名逐字对应：姓名 2 个字，这里 1 个音节" in lines
    assert any(line.startswith("第4行，第5列（照片）：写了照片文件名") for line in lines)
    assert not any(line.startswith("第2行") for line in lines)


def test_headers_that_cannot_be_read_are_refused(tmp_path):
    with pytest.raises(ImportRefused) as refused:
        read_table("r.csv", "姓名,层级,颜色\n林嘉禾,市,红\n".encode())
    assert str(refused.value) == "第1行，第3列（颜色）：不认识的列"
    with pytest.raises(ImportRefused) as refused:
        read_table("r.csv", "姓名,选区\n林嘉禾,一\n".encode())
    assert "第1行：缺少“层级”、“级别”列（或 levels）" in str(refused.value)
    for name, content, words in (
        ("r.csv", b"\xff\xff\xfe\x80\x81", "既不是 UTF-8，也不是 GBK"),
        ("r.xlsx", b"PK not really", "不是能读的 .xlsx"),
        ("r.xls", b"\xd0\xcf", "另存为 .xlsx 或 CSV"),
        ("r.txt", b"x", "文件名应以 .xlsx、.csv 或 .json 结尾"),
        ("r.csv", "标题\n说明\n".encode(), "找不到表头"),
    ):
        with pytest.raises(ImportRefused) as refused:
            read_table(name, content)
        assert words in str(refused.value), name


def test_json_entries_are_numbered_and_english_levels_still_work(tmp_path):
    path = tmp_path / "roster.json"
    path.write_text(
        '[{"id": "d1", "name": "甲", "levels": "city"},'
        ' {"id": "d1", "name": "乙", "levels": ""},'
        ' {"id": "bad id", "name": 3, "levels": "city", "colour": "red"}]',
        encoding="utf-8",
    )
    with pytest.raises(ImportRefused) as refused:
        parse_roster(read_rows(path), None)
    lines = str(refused.value).splitlines()
    assert "第2条，id：编号与第1条重复" in lines
    assert any(line.startswith("第2条，levels：不能为空") for line in lines)
    assert "第3条，colour：不认识的字段" in lines
    assert "第3条，name：应为文字" in lines


def test_an_import_is_previewed_then_keeps_ids_and_pins_by_name(world):
    session = world.session
    session.get(Deputy, session.scalar(select(Deputy.id).where(Deputy.deputy_id == "a-0")))
    lin = session.scalars(select(Deputy).where(Deputy.deputy_id == "a-0")).one()
    lin.pin_hash = "kept"
    table = read_table("r.csv", _csv(OFFICE_ROWS).encode("gbk"))
    entries = assign_ids(session, "a", parse_roster(table, None))
    assert [e.deputy_id for e in entries] == ["a-0", "luo-sheng", "shan-wei-dong"]
    lines = {line.deputy_id: line for line in preview_roster(session, "a", entries)}
    assert lines["a-0"].kind == "changed" and "levels" in lines["a-0"].changed
    assert lines["luo-sheng"].kind == "new" and lines["a-1"].kind == "removed"
    assert session.scalars(select(Deputy).where(Deputy.deputy_id == "luo-sheng")).all() == []

    change = import_roster(
        session, "a", parse_roster(table, None), who=world.who("staff-a"), now=FRIDAY
    )
    assert (change.added, change.updated, change.removed) == (2, 1, ["a-1"])
    deputies = session.scalars(
        select(Deputy).where(Deputy.station_id == "a").order_by(Deputy.position)
    ).all()
    assert [d.deputy_id for d in deputies] == ["a-0", "luo-sheng", "shan-wei-dong"]
    assert deputies[0].pin_hash == "kept" and deputies[0].levels == ["city", "county"]
    assert deputies[1].pinyin == "luo sheng" and deputies[2].pinyin == "shan wei dong"
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "roster.import")).one()
    assert entry.login == "staff-a" and entry.target == "a"


def test_one_deputy_is_edited_with_the_import_checks(world):
    session = world.session
    values = {"name": "林嘉禾", "levels": "市,区", "constituency": "第五选区", "pinyin": ""}
    changed = update_deputy(session, world.who("staff-a"), "a", "a-0", values, now=FRIDAY)
    assert set(changed) == {"levels", "constituency", "pinyin"}
    deputy = session.scalars(select(Deputy).where(Deputy.deputy_id == "a-0")).one()
    assert deputy.levels == ["city", "county"] and deputy.constituency == "第五选区"
    with pytest.raises(ImportRefused) as refused:
        update_deputy(session, None, "a", "a-0", values | {"levels": "部"}, now=FRIDAY)
    assert refused.value.problems[0].column == "levels"
    assert deputy.levels == ["city", "county"]


def test_photos_are_checked_by_their_bytes_and_size(world):
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
    assert photo_upload(png).extension == "png"
    assert photo_upload(b"RIFF\0\0\0\0WEBPVP8 ").extension == "webp"
    for content, words in (
        (b"", "没有选择"),
        (b"<svg onload=alert(1)>", "只能上传 JPG、PNG 或 WebP"),
        (b"\xff\xd8\xff" + b"\0" * (5 * 1024 * 1024), "超过 5 MB"),
    ):
        with pytest.raises(PhotoRefused, match=words):
            photo_upload(content)
    deputy = set_photo(
        world.session, world.who("staff-a"), "a", "a-0", photo_upload(png), now=FRIDAY
    )
    assert deputy.photo is not None and deputy.photo.content == png
