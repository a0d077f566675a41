# SPDX-License-Identifier: GPL-3.0-or-later
"""A list model of typed rows that updates by diffing, never by resetting.

The model's roles are its row type's fields (a dataclass, kiosk/ui/rows.py): a row missing a
field, or carrying one the type lacks, is refused where it is made, and QML's delegates read
the fields as `required property`s (tests/ui/test_qml_roles.py).

Resets make views rebuild every delegate and lose their scroll position; inserts, removes,
moves and dataChanged keep them (as Cura's UM ListModel does).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    Signal,
    Slot,
)
from PySide6.QtQml import QmlAnonymous

from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlAnonymous)
from kiosk.ui.qtenums import USER_ROLE

Row = dict[str, Any]


# Known to QML by its own name (not as a bare QAbstractListModel): a singleton's property of
# this type is valid, and qmllint sees its `count` and `get()`.
@QmlAnonymous
class KeyedListModel(QAbstractListModel):
    """Rows of one dataclass type (`row_type`); its field `key` identifies a row."""

    countChanged = Signal()

    def __init__(self, row_type: type, key: str = "key", parent=None) -> None:
        super().__init__(parent)
        if not is_dataclass(row_type):
            raise TypeError(f"a list model's rows are a dataclass, not {row_type!r}")
        self.row_type = row_type
        self._key = key
        self._names = [f.name for f in fields(row_type)]
        self._role_of = {name: USER_ROLE + i for i, name in enumerate(self._names)}
        self._rows: list[Row] = []

    def _as_row(self, row: Any) -> Row:
        """`row` (of the row type, or a mapping of exactly its fields) as the model keeps it."""
        if isinstance(row, Mapping):
            row = self.row_type(**row)  # TypeError: a field missing or one too many
        elif not isinstance(row, self.row_type):
            raise TypeError(f"{type(row).__name__} is not a {self.row_type.__name__}")
        return {name: getattr(row, name) for name in self._names}

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        return {role: QByteArray(name.encode()) for name, role in self._role_of.items()}

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name = self._names[role - USER_ROLE] if role >= USER_ROLE else None
        return self._rows[index.row()].get(name) if name else None

    def _count(self) -> int:
        return len(self._rows)

    count = Property(int, _count, notify=countChanged)

    @Slot(int, result="QVariantMap")
    def get(self, row: int) -> Row:
        return dict(self._rows[row]) if 0 <= row < len(self._rows) else {}

    def rows(self) -> list[Row]:
        return list(self._rows)

    def role_names(self) -> list[str]:
        """The roles QML may read (the row type's fields)."""
        return list(self._names)

    def replace(self, rows: Iterable[Any]) -> None:
        """Make the model hold `rows` (of the row type, or mappings of exactly its fields),
        with the fewest inserts, removes, moves and changes."""
        target = [self._as_row(row) for row in rows]
        before = len(self._rows)
        wanted = {row[self._key] for row in target}
        for i in reversed(range(len(self._rows))):
            if self._rows[i][self._key] not in wanted:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        for i, row in enumerate(target):
            if i < len(self._rows) and self._rows[i][self._key] == row[self._key]:
                if self._rows[i] != row:
                    self._rows[i] = row
                    self.dataChanged.emit(self.index(i), self.index(i))
                continue
            found = next(
                (
                    j
                    for j in range(i + 1, len(self._rows))
                    if self._rows[j][self._key] == row[self._key]
                ),
                None,
            )
            if found is None:
                self.beginInsertRows(QModelIndex(), i, i)
                self._rows.insert(i, row)
                self.endInsertRows()
            else:
                self.beginMoveRows(QModelIndex(), found, found, QModelIndex(), i)
                old = self._rows.pop(found)
                self._rows.insert(i, row)
                self.endMoveRows()
                if old != row:
                    self.dataChanged.emit(self.index(i), self.index(i))
        if len(self._rows) != before:
            self.countChanged.emit()
