"""Saved replies in compose: picked from a menu or typed as /keyword + Tab, inserted filled in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QPushButton, QWidget

from app import saved_replies
from app.model import Person, SavedReply
from app.store import Store
from app.ui.saved_replies_dialog import ensure_defaults


class SavedReplyInserter(QObject):
    """Inserts a saved reply into `editor`, its placeholders filled in (the date, and the
    name and handle of `author`, whom a reply answers). Owns the "Saved reply" button and
    its menu."""

    problem_found = Signal(str)  # what to tell the user, e.g. that a typed keyword is unknown

    def __init__(
        self,
        *,
        editor: QPlainTextEdit,
        store: Store,
        author: Person | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._store = store
        self._author = author
        self.button = QPushButton(QCoreApplication.translate("compose", "Saved reply"), parent)
        self.button.setToolTip(
            QCoreApplication.translate("compose", "Or type /keyword and press Tab")
        )
        self.menu = QMenu(self.button)
        self.menu.aboutToShow.connect(self.fill_menu)
        self.button.setMenu(self.menu)

    def fill_menu(self) -> None:
        self.menu.clear()
        ensure_defaults(self._store)
        replies = self._store.saved_replies()
        for reply in replies:
            action = self.menu.addAction(f"/{reply.keyword} — {reply.title}")
            action.triggered.connect(lambda _=False, r=reply: self.insert_saved(r))
        if not replies:
            empty = self.menu.addAction(
                QCoreApplication.translate("compose", "No saved replies yet")
            )
            empty.setEnabled(False)

    def placeholder_values(self) -> dict[str, str]:
        values = {"tanggal": QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)}
        author = self._author
        if author is not None:
            values["nama"] = author.display_name or author.handle
            values["akun"] = "@" + author.handle.lstrip("@")
        return values

    def insert_saved(self, reply: SavedReply, replace_from: int | None = None) -> None:
        """Insert a saved reply at the cursor (over a typed /keyword when `replace_from` is
        where it starts), filled in; then select the first placeholder left to type over."""
        cursor = self._editor.textCursor()
        if replace_from is not None:
            cursor.setPosition(replace_from, QTextCursor.MoveMode.KeepAnchor)
        start = min(cursor.position(), cursor.anchor())
        cursor.insertText(saved_replies.fill(reply.body, self.placeholder_values()))
        text = self._editor.toPlainText()
        span = saved_replies.first_placeholder(text, start)
        if span is not None:
            cursor.setPosition(span[0])
            cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.setFocus()

    def handle_key(self, event: QKeyEvent) -> bool:
        """Tab after "/keyword" inserts that saved reply, or says no saved reply has it: True
        when it did either, and the editor must then not see the key."""
        if event.key() == Qt.Key.Key_Tab:
            cursor = self._editor.textCursor()
            typed = saved_replies.keyword_before(self._editor.toPlainText(), cursor.position())
            if typed is not None:
                start, keyword = typed
                ensure_defaults(self._store)
                reply = next(
                    (r for r in self._store.saved_replies() if r.keyword.lower() == keyword), None
                )
                if reply is not None:
                    self.insert_saved(reply, replace_from=start)
                    return True
                self.problem_found.emit(
                    QCoreApplication.translate(
                        "compose", "No saved reply has the keyword /%1."
                    ).replace("%1", keyword)
                )
                return True
        return False
