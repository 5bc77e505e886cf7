"""Managing saved replies: add, edit, delete, and share the set as a file."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import saved_replies as sr
from app.model import SavedReply
from app.store import Store, StoreError
from app.store_local import DuplicateKeyword
from app.ui.errors import describe

log = logging.getLogger(__name__)


def ensure_defaults(store: Store) -> None:
    """A new desk starts with the LPSE set, once; deleting them all is respected."""
    if store.setting("saved_replies.seeded") is None:
        if not store.saved_replies():
            for reply in sr.DEFAULTS:
                store.save_saved_reply(reply)
        store.set_setting("saved_replies.seeded", "1")


def file_problem_text(exc: sr.UnreadableFile) -> str:
    texts = {
        sr.FileProblem.NOT_JSON: QCoreApplication.translate(
            "replies", "This file is not a saved-replies file (it is not JSON)."
        ),
        sr.FileProblem.NOT_OURS: QCoreApplication.translate(
            "replies", "This file is not a Pantau saved-replies file."
        ),
        sr.FileProblem.NEWER: QCoreApplication.translate(
            "replies", "This file was made by a newer Pantau. Update Pantau to import it."
        ),
        sr.FileProblem.TOO_MANY: QCoreApplication.translate(
            "replies", "This file holds more saved replies than Pantau takes (1000)."
        ),
        sr.FileProblem.BAD_ENTRY: QCoreApplication.translate(
            "replies",
            "Reply %1 in the file has no usable keyword or text. Nothing was imported.",
        ).replace("%1", str(exc.entry)),
    }
    return texts[exc.problem]


class SavedRepliesDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._current: int | None = None
        self.setWindowTitle(QCoreApplication.translate("replies", "Saved replies"))
        self.resize(760, 460)
        ensure_defaults(store)
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "replies",
                "Type /keyword in a reply and press Tab to insert one. {nama}, {akun} and "
                "{tanggal} are filled in for you; Pantau selects any other {placeholder} "
                "for you to type over.",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.currentItemChanged.connect(self._show)
        row.addWidget(self.list, 2)
        row.addLayout(self._build_editor(), 3)
        layout.addLayout(row, 1)
        bottom = QHBoxLayout()
        self.import_button = QPushButton(
            QCoreApplication.translate("replies", "Import from a file…"), self
        )
        self.import_button.clicked.connect(self._choose_import)
        self.export_button = QPushButton(
            QCoreApplication.translate("replies", "Export to a file…"), self
        )
        self.export_button.clicked.connect(self._choose_export)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self._reload()

    def _build_editor(self) -> QVBoxLayout:
        editor = QVBoxLayout()
        form = QFormLayout()
        self.keyword_edit = QLineEdit(self)
        self.keyword_edit.setPlaceholderText("daftar")
        form.addRow(QCoreApplication.translate("replies", "Keyword:"), self.keyword_edit)
        self.title_edit = QLineEdit(self)
        form.addRow(QCoreApplication.translate("replies", "Title:"), self.title_edit)
        editor.addLayout(form)
        self.body_edit = QPlainTextEdit(self)
        editor.addWidget(self.body_edit, 1)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        editor.addWidget(self.problem)
        actions = QHBoxLayout()
        self.new_button = QPushButton(QCoreApplication.translate("replies", "New"), self)
        self.new_button.clicked.connect(self.new_reply)
        self.save_button = QPushButton(QCoreApplication.translate("replies", "Save"), self)
        self.save_button.clicked.connect(self.save_current)
        self.delete_button = QPushButton(QCoreApplication.translate("replies", "Delete"), self)
        self.delete_button.clicked.connect(self.delete_current)
        for button in (self.new_button, self.save_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        editor.addLayout(actions)
        return editor

    def _say(self, text: str, *, error: bool = True) -> None:
        self.problem.setStyleSheet("color: #B42318;" if error else "")
        self.problem.setText(text)

    # --- list and editor --------------------------------------------------------------------

    def _reload(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for reply in self._store.saved_replies():
            item = QListWidgetItem(f"/{reply.keyword} — {reply.title}")
            item.setData(Qt.ItemDataRole.UserRole, reply.id)
            self.list.addItem(item)
            if reply.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._show(self.list.currentItem())

    def _show(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        reply_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        reply = next((r for r in self._store.saved_replies() if r.id == reply_id), None)
        self._current = reply.id if reply is not None else None
        self.keyword_edit.setText(reply.keyword if reply else "")
        self.title_edit.setText(reply.title if reply else "")
        self.body_edit.setPlainText(reply.body if reply else "")
        self.delete_button.setEnabled(reply is not None)
        self._say("")

    def new_reply(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self._current = None
        for edit in (self.keyword_edit, self.title_edit):
            edit.clear()
        self.body_edit.clear()
        self.keyword_edit.setFocus()

    def save_current(self) -> bool:
        keyword = sr.normal_keyword(self.keyword_edit.text())
        body = self.body_edit.toPlainText()
        if not sr.valid_keyword(keyword):
            self._say(
                QCoreApplication.translate(
                    "replies",
                    "A keyword is one short word: letters, digits, - or _ (for example daftar).",
                )
            )
            return False
        if not body.strip():
            self._say(QCoreApplication.translate("replies", "Write the reply text."))
            return False
        title = self.title_edit.text().strip() or keyword
        try:
            saved = self._store.save_saved_reply(SavedReply(keyword, title, body, self._current))
        except DuplicateKeyword:
            self._say(
                QCoreApplication.translate(
                    "replies", "Another saved reply already uses /%1."
                ).replace("%1", keyword)
            )
            return False
        except StoreError as exc:
            self._say(describe(exc))
            return False
        self._reload(select=saved)
        return True

    def delete_current(self) -> None:
        if self._current is not None:
            self._store.delete_saved_reply(self._current)
            self._reload()

    # --- files ------------------------------------------------------------------------------

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("replies", "Import saved replies"),
            "",
            QCoreApplication.translate("replies", "Saved replies (*.json)"),
        )
        if path:
            self.import_from(Path(path))

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("replies", "Export saved replies"),
            "pantau-balasan.json",
            QCoreApplication.translate("replies", "Saved replies (*.json)"),
        )
        if path:
            self.export_to(Path(path))

    def import_from(self, path: Path) -> int:
        """Add the file's replies; one with a keyword already here replaces it. Returns how
        many were imported (0 and a message in place when the file is unusable)."""
        try:
            replies = sr.import_text(path.read_text(encoding="utf-8"))
        except sr.UnreadableFile as exc:
            self._say(file_problem_text(exc))
            return 0
        except (OSError, UnicodeDecodeError):
            self._say(QCoreApplication.translate("replies", "The file cannot be read."))
            return 0
        existing = {r.keyword.lower(): r.id for r in self._store.saved_replies()}
        for reply in replies:
            self._store.save_saved_reply(
                SavedReply(reply.keyword, reply.title, reply.body, existing.get(reply.keyword))
            )
        self._reload()
        self._say(
            QCoreApplication.translate("replies", "Imported: %1.").replace("%1", str(len(replies))),
            error=False,
        )
        return len(replies)

    def export_to(self, path: Path) -> bool:
        try:
            path.write_text(sr.export_text(self._store.saved_replies()), encoding="utf-8")
        except OSError:
            self._say(QCoreApplication.translate("replies", "The file cannot be written there."))
            return False
        return True
