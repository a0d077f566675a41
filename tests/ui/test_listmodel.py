# SPDX-License-Identifier: GPL-3.0-or-later
import gc
from dataclasses import dataclass, replace
from datetime import date

import pytest
from PySide6.QtTest import QAbstractItemModelTester

from kiosk.demo import demo_snapshot
from kiosk.ui.listmodel import KeyedListModel
from kiosk.ui.station import Roster


@dataclass(frozen=True)
class NamedRow:
    key: str
    name: str


def rows(*keys, **changed):
    return [{"key": k, "name": changed.get(k, k.upper())} for k in keys]


class Recorder:
    """What a view attached to the model would be told."""

    def __init__(self, model):
        self.events = []
        model.rowsInserted.connect(lambda _p, first, last: self.events.append(("insert", first)))
        model.rowsRemoved.connect(lambda _p, first, last: self.events.append(("remove", first)))
        model.rowsMoved.connect(lambda *args: self.events.append(("move", args[1], args[4])))
        model.dataChanged.connect(lambda top, _b, _r: self.events.append(("change", top.row())))
        model.modelReset.connect(lambda: self.events.append(("reset",)))


def names(model):
    return [model.get(i)["name"] for i in range(model.count)]


def test_replace_diffs_and_never_resets(qapp):
    model = KeyedListModel(NamedRow)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.replace(rows("a", "b", "c", "d"))
    recorder = Recorder(model)
    model.replace(rows("d", "a", "c", "e", c="C2"))
    assert names(model) == ["D", "A", "C2", "E"]
    assert ("reset",) not in recorder.events
    assert ("remove", 1) in recorder.events  # b went
    assert ("insert", 3) in recorder.events  # e came
    assert ("change", 2) in recorder.events  # c changed in place
    assert any(event[0] == "move" for event in recorder.events)  # d moved to the top


def test_replacing_with_the_same_rows_tells_views_nothing(qapp):
    model = KeyedListModel(NamedRow)
    model.replace(rows("a", "b"))
    recorder = Recorder(model)
    model.replace(rows("a", "b"))
    assert recorder.events == []


def test_the_roles_are_the_row_types_fields_and_other_rows_are_refused(qapp):
    model = KeyedListModel(NamedRow)
    assert sorted(bytes(name).decode() for name in model.roleNames().values()) == ["key", "name"]
    model.replace([NamedRow("a", "A"), {"key": "b", "name": "B"}])
    assert names(model) == ["A", "B"]
    with pytest.raises(TypeError):  # a role QML would miss
        model.replace([{"key": "c"}])
    with pytest.raises(TypeError):  # a role no QML can read
        model.replace([{"key": "c", "name": "C", "nickname": "Cee"}])
    assert names(model) == ["A", "B"]


def test_a_new_roster_updates_the_directory_live_without_a_reset(qapp, tmp_path):
    snapshot = demo_snapshot()
    roster = Roster(tmp_path)
    roster.show(snapshot, date(2026, 11, 23))
    recorder = Recorder(roster.deputies)
    renamed = replace(snapshot.deputies[0], name="林嘉禾禾")
    smaller = replace(snapshot, deputies=(renamed, *snapshot.deputies[1:14]))
    roster.show(smaller, date(2026, 11, 23))
    assert recorder.events == [("remove", 14), ("change", 0)]
    assert roster.directory.count == 14
    roster.directory.query = "林嘉禾禾"
    assert roster.directory.count == 1


def test_a_roster_let_go_is_collected_without_a_crash(qapp, tmp_path):
    # The directory's filter was a child of the list it filters: when the collector freed the
    # roster, the list was destroyed under its filter and the process segfaulted.
    roster = Roster(tmp_path)
    roster.show(demo_snapshot(), date(2026, 11, 23))
    roster.directory.query = "林"
    del roster
    gc.collect()
