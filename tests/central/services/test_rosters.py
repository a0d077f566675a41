# SPDX-License-Identifier: GPL-3.0-or-later
import pytest

from central.services.rosters import ImportRefused, parse_roster, read_rows
from kiosk.domain.deputies import Level


def test_csv_rows_become_deputies(tmp_path):
    path = tmp_path / "roster.csv"
    # Excel writes a byte-order mark; blocks use 、 or ;
    path.write_text(
        '\ufeffid,name,levels,blocks\nd1,林嘉禾,"city,national",文昌社区、禾丰社区;望江社区\n',
        encoding="utf-8",
    )
    (entry,) = parse_roster(read_rows(path), None)
    assert entry.levels == (Level.NATIONAL, Level.CITY)
    assert entry.blocks == ("文昌社区", "禾丰社区", "望江社区")
    assert entry.photo is None


def test_every_problem_is_reported_with_row_and_column(tmp_path):
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
    assert "row 2, column id: the same id as row 1" in lines
    assert any(line.startswith("row 2, column levels: empty") for line in lines)
    assert "row 3, column colour: unknown column" in lines
    assert "row 3, column id: use letters, digits, '.', '_' or '-' only" in lines
    assert "row 3, column name: not a text" in lines
    assert not any(line.startswith("row 1") for line in lines)


def test_a_csv_without_required_columns_is_refused(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("id,nom\nd1,x\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        read_rows(path)
    assert "row 1, column nom: unknown column" in str(refused.value)
    assert "row 1, column name: column missing" in str(refused.value)


def test_other_file_types_and_broken_json_are_refused(tmp_path):
    for name, content in (("roster.xlsx", "x"), ("roster.json", "[{")):
        (tmp_path / name).write_text(content, encoding="utf-8")
        with pytest.raises(ImportRefused):
            read_rows(tmp_path / name)
