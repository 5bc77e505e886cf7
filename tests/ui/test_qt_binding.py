"""Guards against a Qt binding that corrupts Python's refcounts (PySide6 6.12.0 on 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt


class _NoneModel(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return None


def test_none_from_a_model_override_keeps_its_refcount() -> None:
    model = _NoneModel()
    index = model.index(0)
    before = sys.getrefcount(None)
    for _ in range(200):
        index.data(Qt.ItemDataRole.DecorationRole)
    # A few references may come and go elsewhere, but 200 lost ones mean a broken binding
    # that aborts the app at exit ("deallocating None").
    assert sys.getrefcount(None) - before > -50
