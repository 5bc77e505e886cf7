"""Mention completion in compose: "@" and the start of a handle suggest people Pantau has seen."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QCompleter, QPlainTextEdit

from app.model import Account
from app.store import Store

_MENTION_BEFORE_CURSOR = re.compile(r"(?:^|(?<=\s))@([\w.-]+(?:@[\w.-]*)?)$")
_COMPLETER_KEYS = (
    Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
)  # fmt: skip


class MentionCompleter(QObject):
    """Suggests people seen on the writing account's network while a handle is typed after
    "@" in `editor`, and puts the chosen one's handle in its place."""

    def __init__(
        self, *, editor: QPlainTextEdit, store: Store, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._store = store
        self.completer = QCompleter(self)
        self.people = QStringListModel(self)
        self.completer.setModel(self.people)
        self.completer.setWidget(self._editor)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.activated.connect(self.complete_mention)
        popup = self.completer.popup()
        assert popup is not None  # QCompleter makes its popup on first ask
        self.suggestions = popup

    def _mention_typed(self) -> tuple[int, str] | None:
        cursor = self._editor.textCursor().position()
        match = _MENTION_BEFORE_CURSOR.search(self._editor.toPlainText()[:cursor])
        return (match.start(), match.group(1)) if match else None

    def suggest_people(self, account: Account | None) -> None:
        """People Pantau has seen on this network whose handle starts as typed after "@"."""
        typed = self._mention_typed()
        if typed is None or account is None:
            self.suggestions.hide()
            return
        people = self._store.people_starting(account.network, typed[1])
        if not people:
            self.suggestions.hide()
            return
        self.people.setStringList([f"@{p.handle} — {p.display_name}" for p in people])
        rect = self._editor.cursorRect()
        rect.setWidth(360)
        self.completer.complete(rect)

    def complete_mention(self, choice: str) -> None:
        typed = self._mention_typed()
        if typed is None:
            return
        handle = choice.split(" — ", 1)[0]
        cursor = self._editor.textCursor()
        cursor.setPosition(typed[0], QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(handle + " ")
        self._editor.setTextCursor(cursor)
        self.suggestions.hide()

    def handle_key(self, event: QKeyEvent) -> bool:
        """While people are suggested, the keys that choose one belong to the list: True
        when `event` is one of them, which the editor must then not see."""
        if self.suggestions.isVisible() and event.key() in _COMPLETER_KEYS:
            event.ignore()
            return True
        return False
