"""What every network's sign-in dialog shares: one task at a time, a status line, and
cancelling the task when the dialog goes away."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QWidget


class SignInDialog(QDialog):
    account_added = Signal(object)  # the Account, once stored with its secret in the keyring

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: asyncio.Task[None] | None = None
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

    def _run(self, coro: Coroutine[Any, Any, None]) -> None:
        """Start `coro` unless a sign-in step is already running."""
        if self._task is not None and not self._task.done():
            coro.close()
            return
        self._task = asyncio.ensure_future(coro)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #B42318;" if error else "")
        self.status.setText(text)

    def _cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def reject(self) -> None:
        self._cancel()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._cancel()
        super().closeEvent(event)
