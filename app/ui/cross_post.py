"""Cross-posting in compose: the main text and each other network's own wording edited side
by side (X wants it shorter, Bluesky has 300 graphemes), each column with its own count."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from app.model import Network
from app.ui.icons import network_name

VARIANT_MIN_WIDTH = 180


class _Column(QWidget):
    """A title, an editor and the count under it."""

    def __init__(self, title: str, editor: QPlainTextEdit, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(title, self)
        self.title.setWordWrap(True)
        self.editor = editor
        editor.setParent(self)
        self.count = QLabel(self)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.title)
        layout.addWidget(editor, 1)
        layout.addWidget(self.count)


class SideBySideEditors(QSplitter):
    """The main editor first; a column per other network that gets its own wording."""

    changed = Signal()

    def __init__(self, main: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        self._main = _Column("", main, self)
        self._main.title.hide()
        self._main.count.hide()
        self.addWidget(self._main)
        self._columns: dict[Network, _Column] = {}

    @property
    def editors(self) -> dict[Network, QPlainTextEdit]:
        return {network: column.editor for network, column in self._columns.items()}

    def set_networks(self, main: Network | None, others: Iterable[Network]) -> None:
        """Show a column for each network in `others` besides the main text's; a column
        that goes keeps its text in the draft only until the draft is saved again."""
        wanted = set(others) - ({main} if main is not None else set())
        for network in list(self._columns):
            if network not in wanted:
                column = self._columns.pop(network)
                column.setParent(None)
                column.deleteLater()
        for network in sorted(wanted - set(self._columns), key=lambda n: n.value):
            editor = QPlainTextEdit()
            editor.setObjectName(f"variant-{network.value}")
            editor.setPlaceholderText(
                QCoreApplication.translate("compose", "Empty: the same text as the main one")
            )
            editor.textChanged.connect(self.changed)
            title = QCoreApplication.translate("compose", "Text for %1").replace(
                "%1", network_name(network)
            )
            column = _Column(title, editor, self)
            column.setMinimumWidth(VARIANT_MIN_WIDTH)
            self._columns[network] = column
            self.addWidget(column)
        has_columns = bool(self._columns)
        self._main.title.setVisible(has_columns)
        if has_columns and main is not None:
            self._main.title.setText(
                QCoreApplication.translate("compose", "Main text (%1)").replace(
                    "%1", network_name(main)
                )
            )

    def text(self, network: Network) -> str:
        """The network's own wording, or '' when none was written."""
        column = self._columns.get(network)
        return column.editor.toPlainText() if column is not None else ""

    def wording(self) -> tuple[tuple[str, str], ...]:
        """Each network's own wording that is not empty, for the draft."""
        return tuple(
            (network.value, column.editor.toPlainText())
            for network, column in sorted(self._columns.items(), key=lambda i: i[0].value)
            if column.editor.toPlainText().strip()
        )

    def restore(self, wording: Mapping[Network, str]) -> None:
        for network, text in wording.items():
            column = self._columns.get(network)
            if column is not None:
                column.editor.setPlainText(text)

    def show_count(self, network: Network, used: int, limit: int) -> None:
        column = self._columns.get(network)
        if column is None:
            return
        column.count.setText(f"{used}/{limit}")
        column.count.setStyleSheet("color: #B42318;" if used > limit else "")
