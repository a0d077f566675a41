# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's words come from several tables merged into one: a key two tables define with
different words would show one page's word on another (the audit log's 对象 became 地址)."""

from central.web.console import text


def test_no_key_means_two_different_things():
    tables = {
        name: table
        for name, table in vars(text).items()
        if name.endswith("_TEXT") and isinstance(table, dict)
    }
    assert len(tables) >= 3
    clashes = [
        (key, first, second)
        for first, a in tables.items()
        for second, b in tables.items()
        if first < second
        for key in a.keys() & b.keys()
        if a[key] != b[key]
    ]
    assert clashes == []
    assert all(key in text.TEXT for table in tables.values() for key in table)
