# SPDX-License-Identifier: GPL-3.0-or-later
"""A list model of plain rows (dicts) that updates by diffing, never by resetting.

Resets make views rebuild every delegate and lose their scroll position; inserts, removes,
moves and dataChanged keep them (as Cura's UM ListModel does).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)

Row = dict[str, Any]


class KeyedListModel(QAbstractListModel):
    """Rows are dicts with the same keys; `key` names the one that identifies a row."""

    countChanged = Signal()

    def __init__(self, roles: Sequence[str], key: str = "key", parent=None) -> None:
        super().__init__(parent)
        self._key = key
        self._names = list(roles)
        self._role_of = {name: Qt.ItemDataRole.UserRole + i for i, name in enumerate(roles)}
        self._rows: list[Row] = []

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        return {role: QByteArray(name.encode()) for name, role in self._role_of.items()}

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name = (
            self._names[role - Qt.ItemDataRole.UserRole]
            if role >= Qt.ItemDataRole.UserRole
            else None
        )
        return self._rows[index.row()].get(name) if name else None

    def _count(self) -> int:
        return len(self._rows)

    count = Property(int, _count, notify=countChanged)

    @Slot(int, result="QVariantMap")
    def get(self, row: int) -> Row:
        return dict(self._rows[row]) if 0 <= row < len(self._rows) else {}

    def rows(self) -> list[Row]:
        return list(self._rows)

    def replace(self, rows: Iterable[Row]) -> None:
        """Make the model hold `rows`, with the fewest inserts, removes, moves and changes."""
        target = list(rows)
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
